/**
 * A small, strict zip reader with node:zlib (PKWARE APPNOTE 6.3): stored (0) and deflated (8)
 * entries, read through the central directory. Hostile archives are refused, not half
 * extracted: absolute paths, `..` segments, drive letters, symlinks, encrypted entries, ZIP64,
 * duplicate names, a CRC or size mismatch, and more than `maxTotalBytes` uncompressed.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { writeFileAtomic } from '../../export/atomic.js';
import { VeerkrachtError } from '../../util/errors.js';

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

/** Limits of {@link extractZip}. */
export interface UnzipOptions {
  /** Largest total uncompressed size in bytes. Default 8 GiB. */
  maxTotalBytes?: number;
  /** Most entries. Default 100 000. */
  maxEntries?: number;
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
  if (eocd < 0) throw bad('no end of central directory record: not a zip archive, or truncated', `${r.size} bytes`);
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw bad('ZIP64 archives are not supported');
  if (cdOffset + cdSize > r.size) throw bad('central directory lies beyond the end of the file: truncated archive', `${r.size} bytes`);
  const cd = r.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw bad(`central directory entry ${i} is damaged`);
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
 * unsafe entry extracts nothing. Files are written atomically.
 *
 * @param source path of the archive, or its bytes
 * @param outDir destination folder (created)
 * @throws VeerkrachtError naming the archive and the entry for traversal attempts, symlinks,
 *   encrypted or unsupported entries, size limits, and CRC mismatches
 * @example extractZip('.veerkracht-cache/…zip', 'out/fetch/leefbaarometer')
 */
export function extractZip(source: string | Uint8Array, outDir: string, opts: UnzipOptions = {}, label?: string): ExtractedFile[] {
  const file = label ?? (typeof source === 'string' ? source : 'zip archive');
  const maxTotal = opts.maxTotalBytes ?? 8 * 2 ** 30;
  const maxEntries = opts.maxEntries ?? 100_000;
  const r = openReader(source);
  try {
    const entries = readCentralDirectory(r, file);
    if (entries.length > maxEntries) {
      throw new VeerkrachtError('too many entries in the archive', { file, expected: `at most ${maxEntries}`, found: String(entries.length) });
    }
    const base = resolve(outDir);
    const seen = new Set<string>();
    let total = 0;
    for (const e of entries) {
      const refuse = (problem: string, expected?: string, found?: string) =>
        new VeerkrachtError(problem, { file, feature: JSON.stringify(e.name), expected, found });
      const why = unsafeEntryName(e.name);
      if (why !== undefined) throw refuse(`unsafe entry name (${why}): refused, nothing extracted`, 'a relative path inside the archive');
      if (e.symlink) throw refuse('symbolic link entries are refused, nothing extracted');
      if (e.encrypted) throw refuse('encrypted entries are not supported');
      if (!e.directory && e.method !== 0 && e.method !== 8) throw refuse('unsupported compression method', 'stored (0) or deflated (8)', String(e.method));
      const target = resolve(base, e.name);
      if (target !== base && !target.startsWith(base + sep)) throw refuse('entry escapes the output folder: refused, nothing extracted');
      const key = target.toLowerCase();
      if (seen.has(key)) throw refuse('duplicate entry name');
      seen.add(key);
      total += e.size;
      if (total > maxTotal) throw refuse('archive expands beyond the size limit', `at most ${maxTotal} bytes in total`, `more than ${total}`);
    }
    mkdirSync(base, { recursive: true });
    const out: ExtractedFile[] = [];
    for (const e of entries) {
      if (opts.filter && !opts.filter(e)) continue;
      const target = resolve(base, e.name);
      if (e.directory) {
        mkdirSync(target, { recursive: true });
        continue;
      }
      const data = readEntry(r, e, file);
      writeFileAtomic(target, data);
      out.push({ name: e.name, path: target, bytes: data.length });
    }
    return out;
  } finally {
    r.close();
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

function readEntry(r: Reader, e: ZipEntry, file: string): Buffer {
  const damaged = (problem: string) => new VeerkrachtError(problem, { file, feature: JSON.stringify(e.name) });
  const head = r.read(e.offset, 30);
  if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) throw damaged('local header missing: damaged archive');
  const start = e.offset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
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
  if (crc32(data) !== e.crc32) throw damaged('CRC-32 mismatch: damaged archive');
  return data;
}

let CRC_TABLE: Uint32Array | undefined;

/**
 * CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) as used by zip.
 *
 * @example crc32(Buffer.from('123456789')) // 0xcbf43926
 */
export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

