import { describe, expect, it } from 'vitest';
import { inflateSync, strFromU8, unzipSync } from 'fflate';
import { zipDeflate } from '../../src/export/zip.js';
import { crc32Bitwise as crcBitwise } from '../helpers/crc32.js';

/** Walk the archive by its end record and central directory, as a reader does, checking each local header. */
function walk(zip: Uint8Array) {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(v.getUint32(end, true)).toBe(0x06054b50);
  const count = v.getUint16(end + 10, true);
  const cdSize = v.getUint32(end + 12, true);
  let p = v.getUint32(end + 16, true);
  expect(p + cdSize).toBe(end);
  const entries = [];
  for (let i = 0; i < count; i++) {
    expect(v.getUint32(p, true)).toBe(0x02014b50);
    const flags = v.getUint16(p + 8, true);
    const method = v.getUint16(p + 10, true);
    const time = v.getUint16(p + 12, true);
    const date = v.getUint16(p + 14, true);
    const crc = v.getUint32(p + 16, true);
    const csize = v.getUint32(p + 20, true);
    const usize = v.getUint32(p + 24, true);
    const nlen = v.getUint16(p + 28, true);
    const skip = nlen + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
    const at = v.getUint32(p + 42, true);
    const name = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nlen));
    // the local header repeats flags, method, time, CRC and sizes
    expect(v.getUint32(at, true)).toBe(0x04034b50);
    expect([6, 8, 10, 12, 14, 18, 22].map((o) => v.getUint32(at + o, true) & (o === 14 || o === 18 || o === 22 ? 0xffffffff : 0xffff)))
      .toEqual([flags, method, time, date, crc, csize, usize].map((x) => x >>> 0));
    const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
    const body = zip.subarray(start, start + csize);
    const data = method === 8 ? inflateSync(body) : body.slice();
    expect(data.length).toBe(usize);
    entries.push({ name, flags, method, time, date, crc, data });
    p += 46 + skip;
  }
  return entries;
}

describe('zipDeflate', () => {
  const text = 'Buurt;Inwoners\n'.concat('BU03440101;1805\n'.repeat(2000));
  const binary = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251);
  const entries = [
    { name: '[Content_Types].xml', data: new TextEncoder().encode(text) },
    { name: 'xl/bin.dat', data: binary },
    { name: 'leeg.txt', data: new Uint8Array(0) },
    { name: 'mapjes/één.txt', data: new TextEncoder().encode('é') },
  ];

  it('writes entries an independent reader gets back byte for byte, with CRC-32 and sizes in both headers', () => {
    for (const level of [0, 1, 2, 6, 9]) {
      const zip = zipDeflate(entries, { level });
      const got = walk(zip);
      expect(got.map((e) => e.name)).toEqual(entries.map((e) => e.name));
      got.forEach((e, i) => {
        expect(e.method).toBe(level === 0 ? 0 : 8);
        expect(Buffer.from(e.data).equals(Buffer.from(entries[i].data))).toBe(true);
        expect(e.crc).toBe(crcBitwise(entries[i].data));
      });
      const un = unzipSync(zip);
      expect(strFromU8(un['[Content_Types].xml'])).toBe(text);
      expect(Object.keys(un)).toEqual(entries.map((e) => e.name));
    }
  });

  it('compresses, flags UTF-8 names only, and stamps the given local time', () => {
    const zip = zipDeflate(entries, { level: 6, mtime: new Date(2021, 6, 14, 13, 45, 31) });
    expect(zip.length).toBeLessThan(text.length / 10);
    const got = walk(zip);
    expect(got.map((e) => e.flags & 0x800)).toEqual([0, 0, 0, 0x800]);
    // DOS date: years since 1980, month, day; time: hours, minutes, seconds / 2
    expect(got[0].date).toBe(((2021 - 1980) << 9) | (7 << 5) | 14);
    expect(got[0].time).toBe((13 << 11) | (45 << 5) | 15);
    const fixed = walk(zipDeflate(entries));
    expect(fixed[0].date).toBe((20 << 9) | (1 << 5) | 1);
    expect(fixed[0].time).toBe(0);
  });

  it('is deterministic and refuses a repeated name', () => {
    expect(Buffer.from(zipDeflate(entries)).equals(Buffer.from(zipDeflate(entries)))).toBe(true);
    expect(() => zipDeflate([entries[0], entries[0]])).toThrow(/duplicate/);
  });
});
