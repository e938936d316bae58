import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { crc32, extractZip, listZip, unsafeEntryName } from '../../../src/sources/fetch/unzip.js';
import { VeerkrachtError } from '../../../src/util/errors.js';
import { makeZip } from './zip-writer.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'veerkracht-unzip-'));
const CSV = 'wk_code;jaar;lbm\nWK034401;2022;4.12\n'.repeat(50);

/** Extract into `<root>/out` and return the error, checking nothing was written anywhere under root. */
function refuse(zip: Buffer, opts = {}): VeerkrachtError {
  const root = tmp();
  let err: unknown;
  try {
    extractZip(zip, join(root, 'out'), opts, 'test.zip');
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(VeerkrachtError);
  const left = readdirSync(root, { recursive: true });
  expect(left.filter((f) => String(f) !== 'out')).toEqual([]);
  return err as VeerkrachtError;
}

describe('safe unzip', () => {
  it('crc32 matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('extracts stored and deflated entries, nested folders included', () => {
    const zip = makeZip([
      { name: 'lbm/', data: '', method: 0 },
      { name: 'lbm/wijken.csv', data: CSV, method: 8 },
      { name: 'lbm/readme.txt', data: 'Leefbaarometer 3.0 (test)', method: 0 },
      { name: 'leeg.txt', data: '', method: 8 },
    ]);
    const out = tmp();
    const files = extractZip(zip, out);
    expect(files.map((f) => [f.name, f.bytes])).toEqual([
      ['lbm/wijken.csv', Buffer.byteLength(CSV)],
      ['lbm/readme.txt', 25],
      ['leeg.txt', 0],
    ]);
    expect(readFileSync(join(out, 'lbm/wijken.csv'), 'utf8')).toBe(CSV);
    expect(readFileSync(join(out, 'lbm/readme.txt'), 'utf8')).toBe('Leefbaarometer 3.0 (test)');
  });

  const hasZip = spawnSync('zip', ['-v']).status === 0;
  it.skipIf(!hasZip)('reads an archive made by Info-ZIP zip (independent writer), from a path', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.csv'), CSV);
    writeFileSync(join(dir, 'b.txt'), 'x');
    const zipPath = join(tmp(), 'z.zip');
    expect(spawnSync('zip', ['-q', '-X', zipPath, 'a.csv', 'b.txt'], { cwd: dir }).status).toBe(0);
    const out = tmp();
    extractZip(zipPath, out);
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe(CSV);
    expect(listZip(zipPath).map((e) => e.method)).toEqual([8, 0]);
  });

  it('refuses a path traversal attempt and extracts nothing, not even the harmless entries', () => {
    const e = refuse(makeZip([{ name: 'ok.txt', data: 'fine' }, { name: 'data/../../evil.txt', data: 'pwned' }]));
    expect(e.message).toContain('test.zip');
    expect(e.message).toContain('data/../../evil.txt');
    expect(e.message).toContain('".."');
  });

  it('refuses backslash traversal, absolute paths and drive letters', () => {
    expect(refuse(makeZip([{ name: '..\\evil.txt', data: 'x' }])).message).toContain('".."');
    expect(refuse(makeZip([{ name: '/tmp/evil.txt', data: 'x' }])).message).toContain('absolute path');
    expect(refuse(makeZip([{ name: 'C:/evil.txt', data: 'x' }])).message).toContain('drive letter');
    expect(unsafeEntryName('a/b/c.csv')).toBeUndefined();
    expect(unsafeEntryName('a/..b/c.csv')).toBeUndefined();
  });

  it('refuses symlink entries', () => {
    const e = refuse(makeZip([{ name: 'link', data: '/etc/passwd', method: 0, unixMode: 0o120777 }]));
    expect(e.message).toContain('symbolic link');
    // a regular Unix file mode is fine
    expect(extractZip(makeZip([{ name: 'f.txt', data: 'x', unixMode: 0o100644 }]), tmp())).toHaveLength(1);
  });

  it('enforces the total size limit before writing anything', () => {
    const zip = makeZip([{ name: 'a.csv', data: CSV }, { name: 'b.csv', data: CSV }]);
    const e = refuse(zip, { maxTotalBytes: Buffer.byteLength(CSV) + 10 });
    expect(e.message).toContain('size limit');
  });

  it('detects a damaged entry (CRC mismatch) and a truncated archive', () => {
    const e = refuse(makeZip([{ name: 'a.csv', data: CSV, crc: 12345 }]));
    expect(e.message).toContain('CRC-32');
    const whole = makeZip([{ name: 'a.csv', data: CSV }]);
    expect(() => listZip(whole.subarray(0, whole.length - 30), 'cut.zip')).toThrow(/cut.zip.*(truncated|not a zip)/);
    expect(() => listZip(Buffer.from('{"value": []}'), 'x.json')).toThrow(/not a zip archive/);
  });

  it('stops a deflate bomb at the size its directory declares', () => {
    const bomb = makeZip([{ name: 'klein.csv', data: Buffer.alloc(4_000_000), size: 1000 }]);
    expect(bomb.length).toBeLessThan(10_000);
    expect(refuse(bomb).message).toMatch(/cannot inflate|expands to/);
  });

  it('refuses duplicate names', () => {
    expect(refuse(makeZip([{ name: 'a.csv', data: '1' }, { name: 'a.csv', data: '2' }])).message).toContain('duplicate');
  });

  it('the out folder stays empty after a refusal', () => {
    const root = tmp();
    const out = join(root, 'out');
    expect(() => extractZip(makeZip([{ name: 'ok.txt', data: 'x' }, { name: '../x.txt', data: 'y' }]), out)).toThrow(VeerkrachtError);
    expect(existsSync(join(root, 'x.txt'))).toBe(false);
    expect(existsSync(join(out, 'ok.txt'))).toBe(false);
  });
});
