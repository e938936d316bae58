/**
 * Read-through disk cache of downloads, keyed by URL. Bodies and the index are written
 * atomically (temporary file + rename), so the cache never holds a partial file; an entry whose
 * bytes no longer match its recorded SHA-256 is treated as absent.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../../util/fs.js';
import { sha256Hex } from '../csv/checksum.js';
import { VeerkrachtError } from '../../util/errors.js';

/** Default cache folder, relative to the working directory (git-ignored). */
export const DEFAULT_CACHE_DIR = '.veerkracht-cache';

/** One cached download. */
export interface CacheEntry {
  /** The URL the body answers (the key). */
  url: string;
  /** File name inside the cache folder. */
  file: string;
  /** When it was downloaded (ISO 8601). */
  date: string;
  /** Body length in bytes. */
  bytes: number;
  /** SHA-256 of the body (hex). */
  sha256: string;
  /** Content-Type the server sent, if any. */
  contentType?: string;
}

interface IndexFile {
  format: 'veerkracht-cache';
  version: 1;
  entries: Record<string, CacheEntry>;
}

const INDEX = 'index.json';
let tmpCounter = 0;


/**
 * A cache folder with an `index.json` of URL → file, date, bytes, sha256.
 *
 * @example
 * const cache = new DiskCache('.veerkracht-cache');
 * const hit = cache.lookup(url); // undefined on a miss
 */
export class DiskCache {
  constructor(readonly dir: string = DEFAULT_CACHE_DIR) {}

  /** All entries of the index (in insertion order). */
  entries(): CacheEntry[] {
    return Object.values(this.readIndex().entries);
  }

  /**
   * The entry for `url` with the absolute path of its file, or `undefined` when absent, when
   * the file is missing, or when its size or SHA-256 does not match the index.
   */
  lookup(url: string): { entry: CacheEntry; path: string } | undefined {
    const entry = this.readIndex().entries[url];
    if (!entry) return undefined;
    const path = this.lookupPath(entry);
    if (!existsSync(path) || statSync(path).size !== entry.bytes) return undefined;
    if (hashFile(path) !== entry.sha256) return undefined;
    return { entry, path };
  }

  /** Absolute path of an entry's file. */
  lookupPath(entry: CacheEntry): string {
    return resolve(this.dir, entry.file);
  }

  /** The cached body of `url`, or `undefined` (see {@link DiskCache.lookup}). */
  read(url: string): Buffer | undefined {
    const hit = this.lookup(url);
    return hit ? readFileSync(hit.path) : undefined;
  }

  /** Store a complete body for `url` (atomically) and record it in the index. */
  putBytes(url: string, body: Uint8Array, contentType?: string): CacheEntry {
    const file = fileNameFor(url, contentType);
    this.guard(() => writeFileAtomic(join(this.dir, file), body));
    return this.record({ url, file, date: new Date().toISOString(), bytes: body.length, sha256: sha256Hex(body), contentType });
  }

  /**
   * A fresh temporary path inside the cache folder for streaming a large download; pass it to
   * {@link DiskCache.putFile} when complete, or remove it with {@link DiskCache.discard}.
   */
  tempPath(): string {
    this.guard(() => mkdirSync(this.dir, { recursive: true }));
    this.sweepTemp();
    return join(this.dir, `.download.${process.pid}.${tmpCounter++}.tmp`);
  }

  /** Move a complete downloaded temp file into the cache (rename, atomic) and index it. */
  putFile(url: string, tmpPath: string, bytes: number, sha256: string, contentType?: string): CacheEntry {
    const file = fileNameFor(url, contentType);
    this.guard(() => renameSync(tmpPath, join(this.dir, file)));
    return this.record({ url, file, date: new Date().toISOString(), bytes, sha256, contentType });
  }

  /**
   * Remove temporary download files left by runs that were killed mid-download (their process
   * no longer exists). They were never indexed, so they were never served; this only frees space.
   *
   * @returns the number of files removed
   */
  sweepTemp(): number {
    let removed = 0;
    let names: string[] = [];
    try {
      names = readdirSync(this.dir);
    } catch {
      return 0;
    }
    for (const name of names) {
      const m = /^\.download\.(\d+)\.\d+\.tmp$/.exec(name);
      if (!m || Number(m[1]) === process.pid || processAlive(Number(m[1]))) continue;
      rmSync(join(this.dir, name), { force: true });
      removed++;
    }
    return removed;
  }

  /**
   * Forget `url`: drop its index entry and delete its file (a cached body that failed
   * validation, so the next run downloads it again).
   *
   * @returns true when there was an entry
   */
  remove(url: string): boolean {
    const index = this.readIndex();
    const entry = index.entries[url];
    if (!entry) return false;
    delete index.entries[url];
    this.guard(() => writeFileAtomic(join(this.dir, INDEX), `${JSON.stringify(index, null, 1)}\n`));
    if (!Object.values(index.entries).some((e) => e.file === entry.file)) rmSync(this.lookupPath(entry), { force: true });
    return true;
  }

  /** Remove a temporary file (after a failed download). */
  discard(tmpPath: string): void {
    rmSync(tmpPath, { force: true });
  }

  private record(entry: CacheEntry): CacheEntry {
    if (entry.contentType === undefined) delete entry.contentType;
    // Re-read right before writing so concurrent runs lose as little as possible.
    const index = this.readIndex();
    index.entries[entry.url] = entry;
    this.guard(() => writeFileAtomic(join(this.dir, INDEX), `${JSON.stringify(index, null, 1)}\n`));
    return entry;
  }

  /** Turn a file-system failure in the cache folder into a user error naming the folder. */
  private guard(write: () => void): void {
    try {
      write();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === undefined) throw e;
      throw new VeerkrachtError(`cannot write to the cache folder (${code})`, { file: this.dir, expected: 'a writable folder (see --cache)' });
    }
  }

  private readIndex(): IndexFile {
    const path = join(this.dir, INDEX);
    const empty: IndexFile = { format: 'veerkracht-cache', version: 1, entries: {} };
    if (!existsSync(path)) return empty;
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as IndexFile;
      if (parsed && typeof parsed.entries === 'object' && parsed.entries !== null) return parsed;
    } catch {
      // An unreadable index is rebuilt from scratch: the bodies are re-downloaded when needed.
    }
    return empty;
  }
}

/** SHA-256 (hex) of a file, read in 1 MiB chunks so large archives are not held in memory. */
function hashFile(path: string): string {
  const hash = createHash('sha256');
  const buf = Buffer.alloc(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Cache file name of a URL: a SHA-256 prefix of the URL plus the URL's extension (or `.json`
 * for a JSON content type, else `.bin`).
 */
export function fileNameFor(url: string, contentType?: string): string {
  let ext = '';
  try {
    ext = extname(new URL(url).pathname).toLowerCase();
  } catch {
    ext = '';
  }
  if (!/^\.[a-z0-9]{1,8}$/.test(ext)) ext = contentType !== undefined && /json/i.test(contentType) ? '.json' : '.bin';
  return `${sha256Hex(Buffer.from(url, 'utf8')).slice(0, 40)}${ext}`;
}
