/**
 * Atomic file writes: write to a temporary file in the same folder, flush, then rename over
 * the target. An interrupted run leaves the previous output intact, never a half-written file.
 * Lives in util (the lowest layer) so fetch caches, the demo generator and the writers share it.
 */
import { close, closeSync, fstatSync, fsyncSync, mkdirSync, openSync, read, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { threadId } from 'node:worker_threads';
import { VeerkrachtError } from './errors.js';

let counter = 0;

/**
 * Write all of `data` to an open file (a short write is continued) and, unless `sync` is false,
 * flush it to disk.
 */
export function writeAllSync(fd: number, data: string | Uint8Array, sync = true): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let off = 0;
  while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
  if (sync) fsyncSync(fd);
}

/**
 * Write `data` to `path` plainly (no temp file, no fsync): for files in a private staging folder
 * that is swapped in as a whole (src/util/output-set.ts), where a partial file is never seen.
 * `data` may come in pieces (an iterable of strings, gathered into writes of about 4 MB, and of
 * bytes, each written as it comes), so a large file need not be one string in memory.
 */
export function writeStaged(path: string, data: string | Uint8Array | Iterable<string | Uint8Array>): void {
  const out = new StagedFile(path);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) out.piece(data);
    else for (const piece of data) out.piece(piece);
    out.flush();
  } finally {
    out.close();
  }
}

/**
 * {@link writeStaged} of pieces that come as they are made (an async iterable): each is written
 * when it comes, so the file is written while the rest is still being made.
 */
export async function writeStagedAsync(path: string, data: AsyncIterable<string | Uint8Array>): Promise<void> {
  const out = new StagedFile(path);
  try {
    for await (const piece of data) out.piece(piece);
    out.flush();
  } finally {
    out.close();
  }
}

/** A file of {@link writeStaged}: strings gathered into writes of about 4 MB, bytes written as they come. */
class StagedFile {
  private readonly fd: number;
  private pending: string[] = [];
  private size = 0;
  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }
  piece(piece: string | Uint8Array): void {
    if (typeof piece !== 'string') {
      this.flush();
      writeAllSync(this.fd, piece, false);
      return;
    }
    this.pending.push(piece);
    this.size += piece.length;
    if (this.size >= 4 << 20) this.flush();
  }
  flush(): void {
    if (this.pending.length > 0) writeAllSync(this.fd, this.pending.join(''), false);
    this.pending = [];
    this.size = 0;
  }
  close(): void {
    closeSync(this.fd);
  }
}

/** Write `data` to `path` atomically (creating the folder when needed). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  // pid and thread: the CLI's figure worker writes beside the main thread with its own counter
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${threadId}.${counter++}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeAllSync(fd, data);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Bytes of a file, 0 when it cannot be read: for choices made before a file is read (its error,
 * if any, comes when it is read).
 *
 * @example fileSize('buurten.geojson') > 32 * 2 ** 20 // a full-resolution file
 */
export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Read a whole file on the thread pool as one request, so that the read goes on while this
 * thread is busy. (`fs.promises.readFile` reads in chunks of 512 kB and needs a turn of the
 * event loop for each: started before seconds of synchronous work, a 94 MB file was still
 * ≈ 190 chunks from done when that work ended.) A file that is not a regular file (a pipe)
 * is read with `readFile`. Errors (ENOENT, EACCES, EISDIR …) reject the promise, with their
 * `code`, as `readFile` rejects it.
 *
 * @example const t0 = readAhead(t0File); // … parse the t1 file …; const bytes = await t0;
 */
export function readAhead(path: string): Promise<Buffer> {
  let fd: number;
  let size: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return Promise.reject(e);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      closeSync(fd);
      return readFile(path);
    }
    size = stat.size;
  } catch (e) {
    closeSync(fd);
    return Promise.reject(e);
  }
  const bytes = Buffer.allocUnsafe(size);
  return new Promise<Buffer>((resolve, reject) => {
    const done = (e: Error | null, result?: Buffer) => close(fd, () => (e ? reject(e) : resolve(result!)));
    // one request for the whole file; a short read (rare for a regular file) asks for the rest
    const from = (at: number): void => {
      if (at >= size) return done(null, bytes);
      read(fd, bytes, at, size - at, at, (e, n) => {
        if (e) return done(e);
        // the file shrank while it was read: what there was
        if (n === 0) return done(null, bytes.subarray(0, at));
        from(at + n);
      });
    };
    from(0);
  });
}

/**
 * Resolve an output file name inside the chosen output folder; a name that would escape it
 * (`../x`, an absolute path) is a user error.
 */
export function outputPath(outDir: string, name: string): string {
  const base = resolve(outDir);
  const target = resolve(base, name);
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new VeerkrachtError(`output name escapes the output folder`, {
      file: name,
      expected: `a file name inside ${outDir}`,
    });
  }
  return target;
}
