/**
 * A small, strict zip reader with node:zlib (PKWARE APPNOTE 6.3): stored (0) and deflated (8)
 * entries, read through the central directory. Hostile archives are refused, not half
 * extracted: absolute paths, `..` segments, drive letters, symlinks, encrypted entries, ZIP64,
 * duplicate names, a file and a folder of the same name, an entry that would pass through a
 * symbolic link already in the target, reserved names, a CRC or size mismatch, and archives
 * beyond the limits on entries, bytes per entry, bytes in total and compression ratio.
 *
 * Order: every entry's name, size and ratio is checked from the central directory, and the
 * target folder's existing paths are checked, before anything is inflated; then every entry is
 * inflated (never beyond the size its directory declares) into a hidden staging folder beside
 * the target and checked against its CRC-32; only when all entries are intact are the files
 * moved into the target. A refused or damaged archive leaves the target as it was.
 */
import { closeSync, createReadStream, fstatSync, lstatSync, mkdirSync, openSync, readSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { VeerkrachtError } from '../../util/errors.js';

/**
 * A damaged or truncated archive (bad CRC, cut-off data, no central directory), as opposed to
 * a hostile or over-limit one: a cached copy that fails this way should be discarded.
 */
export class DamagedArchiveError extends VeerkrachtError {}

/** One entry of the central directory. */
export interface ZipEntry {
  /** Name as stored, with `/` separators. */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  crc32: number;
  /** True for a directory entry (name ends in `/`). */
  directory: boolean;
  /** Offset of the local header. */
  offset: number;
  /** True when the entry is a Unix symlink. */
  symlink: boolean;
  /** True when encrypted. */
  encrypted: boolean;
}

/** Default limits of {@link extractZip}. */
export const UNZIP_LIMITS = {
  /** Largest total uncompressed size: 8 GiB. */
  maxTotalBytes: 8 * 2 ** 30,
  /** Largest uncompressed entry: 2 GiB. */
  maxEntryBytes: 2 * 2 ** 30,
  /** Most entries: 100 000. */
  maxEntries: 100_000,
  /**
   * Highest compression ratio (uncompressed / compressed) of an entry and of the whole archive:
   * 200. Real CSV, DBF and GeoPackage data stays well below it; deflate reaches 1032 at most, on
   * runs of one byte, the stuff of zip bombs.
   */
  maxRatio: 200,
  /** Entries (and archives) smaller than this are not ratio-checked: 1 MiB. */
  ratioFloorBytes: 2 ** 20,
} as const;

/** Limits of {@link extractZip}. */
export interface UnzipOptions {
  /** Largest total uncompressed size in bytes. Default 8 GiB. */
  maxTotalBytes?: number;
  /** Largest uncompressed size of one entry in bytes. Default 2 GiB. */
  maxEntryBytes?: number;
  /** Most entries. Default 100 000. */
  maxEntries?: number;
  /** Highest ratio uncompressed / compressed, per entry and for the archive. Default 200. */
  maxRatio?: number;
  /** Entries and archives smaller than this (uncompressed) skip the ratio check. Default 1 MiB. */
  ratioFloorBytes?: number;
  /**
   * Names (relative to the target, compared case-insensitively) no entry may have, e.g. the
   * fetch manifest `fetch.json`: such an archive is refused, never allowed to overwrite them.
   */
  reserved?: readonly string[];
  /** Only extract entries for which this returns true (after the safety checks of all entries). */
  filter?: (entry: ZipEntry) => boolean;
}

/** A file written by {@link extractZip}. */
export interface ExtractedFile {
  name: string;
  /** Absolute path. */
  path: string;
  bytes: number;
}

type Reader = { size: number; read(pos: number, len: number): Buffer; close(): void };

function openReader(source: string | Uint8Array): Reader {
  if (typeof source !== 'string') {
    const buf = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    return { size: buf.length, read: (p, n) => buf.subarray(p, p + n), close: () => undefined };
  }
  const fd = openSync(source, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    read(pos, len) {
      const out = Buffer.alloc(Math.max(0, Math.min(len, size - pos)));
      let off = 0;
      while (off < out.length) {
        const n = readSync(fd, out, off, out.length - off, pos + off);
        if (n === 0) break;
        off += n;
      }
      return out.subarray(0, off);
    },
    close: () => closeSync(fd),
  };
}

/**
 * List the entries of a zip archive (a file path or the bytes) without extracting.
 *
 * @param label name used in error messages (defaults to the path)
 * @throws VeerkrachtError when the archive is not a readable zip
 */
export function listZip(source: string | Uint8Array, label?: string): ZipEntry[] {
  const r = openReader(source);
  try {
    return readCentralDirectory(r, label ?? (typeof source === 'string' ? source : 'zip archive'));
  } finally {
    r.close();
  }
}

function readCentralDirectory(r: Reader, file: string): ZipEntry[] {
  const bad = (problem: string, found?: string) =>
    new VeerkrachtError(problem, { file, expected: 'a zip archive (stored or deflated entries)', found });
  const tailLen = Math.min(r.size, 22 + 0xffff);
  const tail = r.read(r.size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damagedArchive(bad('no end of central directory record: not a zip archive, or truncated', `${r.size} bytes`));
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw bad('ZIP64 archives are not supported');
  if (cdOffset + cdSize > r.size) throw damagedArchive(bad('central directory lies beyond the end of the file: truncated archive', `${r.size} bytes`));
  const cd = r.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw damagedArchive(bad(`central directory entry ${i} is damaged`));
    const madeBy = cd.readUInt16LE(p + 4);
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const crc32 = cd.readUInt32LE(p + 16);
    const compressedSize = cd.readUInt32LE(p + 20);
    const size = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const extAttr = cd.readUInt32LE(p + 38);
    const offset = cd.readUInt32LE(p + 42);
    const rawName = cd.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? rawName.toString('utf8') : rawName.toString('latin1')).replace(/\\/g, '/');
    const unixMode = (madeBy >> 8) === 3 ? extAttr >>> 16 : 0;
    entries.push({
      name,
      method,
      compressedSize,
      size,
      crc32,
      directory: name.endsWith('/'),
      offset,
      symlink: (unixMode & 0o170000) === 0o120000,
      encrypted: (flags & 1) === 1,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Why an entry name is unsafe to extract, or `undefined` when it is a plain relative path.
 *
 * @example unsafeEntryName('../../etc/passwd') // 'a ".." segment'
 */
export function unsafeEntryName(name: string): string | undefined {
  if (name === '' || name.includes('\0')) return 'an empty name or a NUL character';
  if (name.startsWith('/')) return 'an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'a drive letter';
  const parts = name.split('/');
  if (parts.includes('..')) return 'a ".." segment';
  return undefined;
}

/**
 * Extract a zip archive into `outDir`, after checking every entry first: an archive with one
 * unsafe, over-limit or damaged entry writes nothing into `outDir` (see the module comment for
 * the order of checks).
 *
 * @param source path of the archive, or its bytes
 * @param outDir destination folder (created)
 * @param opts limits (defaults {@link UNZIP_LIMITS}), reserved names, a filter
 * @param label name of the archive in error messages (defaults to the path)
 * @throws VeerkrachtError naming the archive and the entry for traversal attempts, symlinks
 *   (in the archive or on the way in the target), file/folder clashes, reserved names,
 *   encrypted or unsupported entries and limits; {@link DamagedArchiveError} for CRC, size and
 *   truncation damage
 * @example extractZip('.veerkracht-cache/…zip', 'out/fetch/leefbaarometer')
 */
export function extractZip(source: string | Uint8Array, outDir: string, opts: UnzipOptions = {}, label?: string): ExtractedFile[] {
  const file = label ?? (typeof source === 'string' ? source : 'zip archive');
  const r = openReader(source);
  try {
    const job = prepare(r, outDir, opts, file);
    try {
      for (const s of job.staged) {
        const data = readEntry(r, s.e, file);
        writeFileSync(s.at, data);
        s.bytes = data.length;
      }
      return moveIn(job, opts);
    } finally {
      rmSync(job.staging, { recursive: true, force: true });
    }
  } finally {
    r.close();
  }
}

/**
 * {@link extractZip} for an archive on disk, streaming: each entry is inflated in chunks
 * straight into the staging folder (memory stays at a few chunks whatever the entry size) and
 * stopped as soon as it grows beyond the size its directory declares. Same checks, same order,
 * same errors.
 *
 * @param path the archive
 * @param outDir destination folder (created)
 * @param opts limits (defaults {@link UNZIP_LIMITS}), reserved names, a filter
 * @param label name of the archive in error messages (defaults to the path)
 * @throws VeerkrachtError as {@link extractZip}
 * @example await extractZipFile('.veerkracht-cache/…zip', 'out/fetch/boundaries/2023')
 */
export async function extractZipFile(path: string, outDir: string, opts: UnzipOptions = {}, label?: string): Promise<ExtractedFile[]> {
  const file = label ?? path;
  const r = openReader(path);
  try {
    const job = prepare(r, outDir, opts, file);
    try {
      for (const s of job.staged) s.bytes = await inflateToFile(path, r, s.e, s.at, file);
      return moveIn(job, opts);
    } finally {
      rmSync(job.staging, { recursive: true, force: true });
    }
  } finally {
    r.close();
  }
}

interface Job {
  base: string;
  plan: { e: ZipEntry; rel: string }[];
  staging: string;
  staged: { e: ZipEntry; rel: string; at: string; bytes: number }[];
}

/** All checks without inflating, then an empty staging folder beside the target. */
function prepare(r: Reader, outDir: string, opts: UnzipOptions, file: string): Job {
  const entries = readCentralDirectory(r, file);
  const base = targetFolder(outDir, file);
  const plan = checkEntries(entries, base, r.size, opts, file);
  const parent = dirname(base);
  mkdirSync(parent, { recursive: true });
  sweepStaging(parent, basename(base));
  const staging = join(parent, `.${basename(base)}.unzip-${process.pid}-${stagingCounter++}`);
  mkdirSync(staging);
  const staged = plan
    .filter(({ e }) => !e.directory && (!opts.filter || opts.filter(e)))
    .map(({ e, rel }, i) => ({ e, rel, at: join(staging, String(i)), bytes: 0 }));
  return { base, plan, staging, staged };
}

/** Every entry is intact: create the folders and move the staged files into the target. */
function moveIn(job: Job, opts: UnzipOptions): ExtractedFile[] {
  mkdirSync(job.base, { recursive: true });
  for (const { e, rel } of job.plan) if (e.directory && (!opts.filter || opts.filter(e))) mkdirSync(join(job.base, rel), { recursive: true });
  return job.staged.map(({ e, rel, at, bytes }) => {
    const target = join(job.base, rel);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(at, target);
    return { name: e.name, path: target, bytes };
  });
}

/** Inflate one entry in chunks into `dest`, checking size (as it grows) and CRC-32. */
async function inflateToFile(path: string, r: Reader, e: ZipEntry, dest: string, file: string): Promise<number> {
  const damaged = (problem: string) => new DamagedArchiveError(problem, { file, feature: JSON.stringify(e.name) });
  const start = dataStart(r, e, file);
  if (start + e.compressedSize > r.size) throw damaged('entry data cut off: truncated archive');
  const fd = openSync(dest, 'w');
  let n = 0;
  let crc = 0;
  try {
    if (e.compressedSize > 0) {
      const src = createReadStream(path, { start, end: start + e.compressedSize - 1, highWaterMark: 1 << 20 });
      const body: Readable = e.method === 8 ? src.pipe(createInflateRaw({ chunkSize: 1 << 16 })) : src;
      if (body !== src) src.on('error', (err) => body.destroy(err));
      try {
        for await (const chunk of body as AsyncIterable<Buffer>) {
          n += chunk.length;
          if (n > e.size) throw damaged(`entry expands beyond the ${e.size} bytes its directory declares: damaged archive or zip bomb`);
          crc = fastCrc32(chunk, crc);
          let off = 0;
          while (off < chunk.length) off += writeSync(fd, chunk, off, chunk.length - off);
        }
      } finally {
        body.destroy();
        src.destroy();
      }
    }
  } catch (err) {
    if (err instanceof VeerkrachtError) throw err;
    throw damaged(`cannot inflate entry (${err instanceof Error ? err.message : String(err)})`);
  } finally {
    closeSync(fd);
  }
  if (n !== e.size) throw damaged(`entry expands to ${n} bytes, the directory says ${e.size}`);
  if (crc !== e.crc32) throw damaged('CRC-32 mismatch: damaged archive');
  return n;
}

let stagingCounter = 0;

/** The absolute target folder (a symlinked target is followed: the user chose it). */
function targetFolder(outDir: string, file: string): string {
  const base = resolve(outDir);
  let st: Stats | undefined;
  try {
    st = lstatSync(base);
  } catch {
    return base;
  }
  if (st.isSymbolicLink()) return realpathSync(base);
  if (!st.isDirectory()) throw new VeerkrachtError('the output folder is a file', { file: outDir, expected: `a folder to unpack ${file} into (choose another --out)` });
  return base;
}

/** Remove staging folders of extractions whose process no longer runs. */
function sweepStaging(parent: string, name: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const n of names) {
    const prefix = `.${name}.unzip-`;
    const m = n.startsWith(prefix) ? /^(\d+)-\d+$/.exec(n.slice(prefix.length)) : null;
    if (!m || Number(m[1]) === process.pid) continue;
    try {
      process.kill(Number(m[1]), 0);
      continue;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPERM') continue;
    }
    rmSync(join(parent, n), { recursive: true, force: true });
  }
}

/**
 * Every check that needs no inflating: names, kinds, limits, ratios, clashes inside the archive
 * and with the target folder's existing paths.
 *
 * @returns entries with their path relative to `base` (platform separators)
 */
function checkEntries(entries: ZipEntry[], base: string, archiveBytes: number, opts: UnzipOptions, file: string): { e: ZipEntry; rel: string }[] {
  const maxTotal = opts.maxTotalBytes ?? UNZIP_LIMITS.maxTotalBytes;
  const maxEntry = opts.maxEntryBytes ?? UNZIP_LIMITS.maxEntryBytes;
  const maxEntries = opts.maxEntries ?? UNZIP_LIMITS.maxEntries;
  const maxRatio = opts.maxRatio ?? UNZIP_LIMITS.maxRatio;
  const floor = opts.ratioFloorBytes ?? UNZIP_LIMITS.ratioFloorBytes;
  const reserved = new Set((opts.reserved ?? []).map((n) => n.toLowerCase()));
  if (entries.length > maxEntries) {
    throw new VeerkrachtError('too many entries in the archive: refused, nothing extracted', { file, expected: `at most ${maxEntries}`, found: String(entries.length) });
  }
  const plan: { e: ZipEntry; rel: string }[] = [];
  const files = new Map<string, string>(); // lower-case relative path → entry name
  const folders = new Map<string, string>(); // lower-case relative folder → entry name that needs it
  let total = 0;
  for (const e of entries) {
    const refuse = (problem: string, expected?: string, found?: string) =>
      new VeerkrachtError(`${problem}: refused, nothing extracted`, { file, feature: JSON.stringify(e.name), expected, found });
    const why = unsafeEntryName(e.name);
    if (why !== undefined) throw refuse(`unsafe entry name (${why})`, 'a relative path inside the archive');
    if (e.symlink) throw refuse('symbolic link entries are refused');
    if (e.encrypted) throw refuse('encrypted entries are not supported');
    if (!e.directory && e.method !== 0 && e.method !== 8) throw refuse('unsupported compression method', 'stored (0) or deflated (8)', String(e.method));
    const target = resolve(base, e.name);
    if (target === base || !target.startsWith(base + sep)) {
      if (target === base && e.directory) continue; // "./"
      throw refuse('entry escapes the output folder');
    }
    const rel = relative(base, target);
    const key = rel.split(sep).join('/').toLowerCase();
    if (reserved.has(key)) throw refuse(`the name ${JSON.stringify(rel)} is reserved (veerkracht writes it itself)`, 'an archive without this entry');
    if (e.directory) {
      if (files.has(key)) throw refuse(`a file and a folder of the same name (${JSON.stringify(files.get(key))} is a file)`);
      if (!folders.has(key)) folders.set(key, e.name);
    } else {
      if (files.has(key)) throw refuse('duplicate entry name');
      if (folders.has(key)) throw refuse(`a file and a folder of the same name (entry ${JSON.stringify(folders.get(key))} needs it to be a folder)`);
      if (e.size > maxEntry) throw refuse('entry larger than the limit per entry', `at most ${maxEntry} bytes`, `${e.size} bytes`);
      if (e.size > floor && e.size > maxRatio * Math.max(1, e.compressedSize)) {
        throw refuse('compression ratio too high (a zip bomb?)', `at most ${maxRatio}:1`, `${e.size} bytes from ${e.compressedSize} (${Math.round(e.size / Math.max(1, e.compressedSize))}:1)`);
      }
      total += e.size;
      if (total > maxTotal) throw refuse('archive expands beyond the size limit', `at most ${maxTotal} bytes in total`, `more than ${total}`);
      files.set(key, e.name);
    }
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (files.has(folder)) throw refuse(`a file and a folder of the same name (${JSON.stringify(files.get(folder))} is a file)`);
      if (!folders.has(folder)) folders.set(folder, e.name);
    }
    plan.push({ e, rel });
  }
  if (total > floor && total > maxRatio * Math.max(1, archiveBytes)) {
    throw new VeerkrachtError('compression ratio of the archive too high (a zip bomb?): refused, nothing extracted', {
      file,
      expected: `at most ${maxRatio}:1`,
      found: `${total} bytes from ${archiveBytes} (${Math.round(total / Math.max(1, archiveBytes))}:1)`,
    });
  }
  checkTargetPaths(plan, base, file);
  return plan;
}

/** Refuse entries whose way into `base` passes a symbolic link or clashes with a file or folder there. */
function checkTargetPaths(plan: { e: ZipEntry; rel: string }[], base: string, file: string): void {
  const seen = new Map<string, Stats | null>();
  const stat = (p: string): Stats | null => {
    let st = seen.get(p);
    if (st === undefined) {
      try {
        st = lstatSync(p);
      } catch {
        st = null;
      }
      seen.set(p, st);
    }
    return st;
  };
  for (const { e, rel } of plan) {
    const parts = rel.split(sep);
    let p = base;
    for (let i = 0; i < parts.length; i++) {
      p = join(p, parts[i]);
      const st = stat(p);
      if (st === null) break;
      const refuse = (problem: string) =>
        new VeerkrachtError(`${problem}: refused, nothing extracted`, { file, feature: JSON.stringify(e.name), expected: 'an output folder without links or clashing names (choose another --out or remove it)' });
      if (st.isSymbolicLink()) throw refuse(`the entry would pass through the existing symbolic link ${p}`);
      const last = i === parts.length - 1;
      if (!last && !st.isDirectory()) throw refuse(`the entry needs a folder where the file ${p} is`);
      if (last && e.directory && !st.isDirectory()) throw refuse(`the entry is a folder where the file ${p} is`);
      if (last && !e.directory && st.isDirectory()) throw refuse(`the entry is a file where the folder ${p} is`);
    }
  }
}

/**
 * The uncompressed bytes of one entry (checked against its size and CRC-32).
 *
 * @throws VeerkrachtError when the entry is damaged
 */
export function readZipEntry(source: string | Uint8Array, entry: ZipEntry, label?: string): Buffer {
  const r = openReader(source);
  try {
    return readEntry(r, entry, label ?? (typeof source === 'string' ? source : 'zip archive'));
  } finally {
    r.close();
  }
}

function damagedArchive(e: VeerkrachtError): DamagedArchiveError {
  const d = new DamagedArchiveError('', e.location);
  d.message = e.message;
  return d;
}

/** Offset of an entry's data, after its local header. */
function dataStart(r: Reader, e: ZipEntry, file: string): number {
  const head = r.read(e.offset, 30);
  if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) {
    throw new DamagedArchiveError('local header missing: damaged archive', { file, feature: JSON.stringify(e.name) });
  }
  return e.offset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
}

function readEntry(r: Reader, e: ZipEntry, file: string): Buffer {
  const damaged = (problem: string) => new DamagedArchiveError(problem, { file, feature: JSON.stringify(e.name) });
  const start = dataStart(r, e, file);
  const raw = r.read(start, e.compressedSize);
  if (raw.length !== e.compressedSize) throw damaged('entry data cut off: truncated archive');
  let data: Buffer;
  if (e.method === 0) data = Buffer.from(raw);
  else {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      throw damaged(`cannot inflate entry (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  if (data.length !== e.size) throw damaged(`entry expands to ${data.length} bytes, the directory says ${e.size}`);
  if (fastCrc32(data, 0) !== e.crc32) throw damaged('CRC-32 mismatch: damaged archive');
  return data;
}

/** node:zlib's CRC-32 where the runtime has it (Node ≥ 20.15), else {@link crc32}. */
const fastCrc32: (data: Uint8Array, previous: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? (d, p) => zlib.crc32(d, p) : (d, p) => crc32(d, p);

let CRC_TABLE: Uint32Array | undefined;

/**
 * CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) as used by zip; pass the CRC of the
 * bytes before to continue it over chunks.
 *
 * @example crc32(Buffer.from('123456789')) // 0xcbf43926
 */
export function crc32(data: Uint8Array, previous = 0): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

