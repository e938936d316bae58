/**
 * Write a ZIP archive (PKWARE APPNOTE 6.3.x, §4.3) whose entries are deflated by Node's native
 * zlib: the container of `.xlsx` workbooks. No ZIP64, no encryption, no data descriptors: every
 * local header carries its CRC-32 and sizes, which is what Excel and LibreOffice expect.
 * Deterministic: the same entries at the same level give the same bytes with the same zlib.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** One file of the archive. */
export interface ZipEntry {
  /** Path inside the archive, `/`-separated (`xl/workbook.xml`). */
  name: string;
  /** The uncompressed bytes. */
  data: Uint8Array;
}

/** Options of {@link zipDeflate}. */
export interface ZipOptions {
  /** zlib level 0–9 (0 stores without compression); default 6. */
  level?: number;
  /** Modification time written for every entry, read with local getters (as ZIP stores local time); default 2000-01-01 00:00. */
  mtime?: Date;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const MAX32 = 0xffffffff;

/** MS-DOS date and time (APPNOTE §4.4.6) of a local time; years before 1980 become 1980-01-01. */
function dosDateTime(d: Date): { date: number; time: number } {
  const y = d.getFullYear();
  if (y < 1980) return { date: (1 << 5) | 1, time: 0 };
  return {
    date: ((y - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

/**
 * Build a ZIP archive of deflated entries (method 8; method 0 at level 0), in the given order.
 * Names that are not ASCII are flagged as UTF-8 (general purpose bit 11).
 *
 * @param entries files in archive order; names must be unique
 * @param options zlib level and the entries' modification time
 * @returns the archive bytes
 * @throws Error when a name repeats or the archive would need ZIP64 (an entry or the whole ≥ 4 GiB)
 * @example
 * const bytes = zipDeflate([{ name: 'a.txt', data: Buffer.from('hallo') }], { level: 6 });
 */
export function zipDeflate(entries: readonly ZipEntry[], options: ZipOptions = {}): Uint8Array {
  const level = options.level ?? 6;
  const { date, time } = dosDateTime(options.mtime ?? new Date(2000, 0, 1));
  const method = level === 0 ? 0 : 8;
  const seen = new Set<string>();
  const parts: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    if (seen.has(e.name)) throw new Error(`zipDeflate: duplicate entry ${e.name}`);
    seen.add(e.name);
    const name = Buffer.from(e.name, 'utf8');
    const flags = name.length === e.name.length ? 0 : 0x800;
    const body = method === 0 ? e.data : deflateRawSync(e.data, { level });
    const crc = crc32(e.data);
    if (e.data.length >= MAX32 || body.length >= MAX32 || offset >= MAX32) throw new Error(`zipDeflate: ${e.name} needs ZIP64, which is not written`);
    // the fields a local header (from byte 4) and its central directory record (from byte 6)
    // share, in the same order: version needed … file name length
    const common = (b: Buffer, at: number) => {
      b.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      b.writeUInt16LE(flags, at + 2);
      b.writeUInt16LE(method, at + 4);
      b.writeUInt16LE(time, at + 6);
      b.writeUInt16LE(date, at + 8);
      b.writeUInt32LE(crc, at + 10);
      b.writeUInt32LE(body.length, at + 14);
      b.writeUInt32LE(e.data.length, at + 18);
      b.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(LOCAL, 0);
    common(local, 4);
    local.writeUInt16LE(0, 28); // extra field length
    name.copy(local, 30);
    const cd = Buffer.alloc(46 + name.length);
    cd.writeUInt32LE(CENTRAL, 0);
    cd.writeUInt16LE(20, 4); // version made by: 2.0, MS-DOS attributes
    common(cd, 6);
    // extra, comment, disk number, internal and external attributes: all 0 (bytes 30–41)
    cd.writeUInt32LE(offset, 42);
    name.copy(cd, 46);
    parts.push(local, body);
    central.push(cd);
    offset += local.length + body.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  if (offset + cdSize >= MAX32 || entries.length > 0xffff) throw new Error('zipDeflate: the archive needs ZIP64, which is not written');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
