// Hostile archives (issue 22): bombs, limits, symlinks already in the target, file/folder
// clashes, damaged entries after good ones, reserved names. Each one is refused with one clear
// VeerkrachtError and leaves the target exactly as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DamagedArchiveError, extractZip, extractZipFile, type ExtractedFile, type UnzipOptions } from '../../../src/sources/fetch/unzip.js';
import { VeerkrachtError } from '../../../src/util/errors.js';
import { makeZip } from './zip-writer.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'veerkracht-unzip-hostile-'));
const CSV = 'wk_code;jaar;lbm\nWK034401;2022;4.12\n'.repeat(50);

/** Every path under `dir` with the file contents (folders as ''), to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const p = join(dir, f);
    let text = '';
    try {
      text = readFileSync(p, 'utf8');
    } catch {
      text = '';
    }
    out[f] = text;
  }
  return out;
}

type Extract = (zip: Buffer, out: string, opts?: UnzipOptions) => Promise<ExtractedFile[]>;
const zips = tmp();
let zipCount = 0;
/** Both readers: the in-memory one and the streaming one (fetch uses it), same checks and errors. */
const READERS: [string, Extract][] = [
  ['extractZip (bytes)', async (zip, out, opts) => extractZip(zip, out, opts, 'test.zip')],
  [
    'extractZipFile (streaming from disk)',
    async (zip, out, opts) => {
      const path = join(zips, `${zipCount++}.zip`);
      writeFileSync(path, zip);
      return extractZipFile(path, out, opts, 'test.zip');
    },
  ],
];

/** Extract, expect one VeerkrachtError on one line, and that nothing under `root` changed. */
async function refused(extract: Extract, zip: Buffer, root: string, out: string, opts: UnzipOptions = {}): Promise<VeerkrachtError> {
  const before = snapshot(root);
  let err: unknown;
  try {
    await extract(zip, out, opts);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(VeerkrachtError);
  expect((err as Error).message).not.toContain('\n');
  expect((err as Error).message).toContain('test.zip');
  expect(snapshot(root)).toEqual(before);
  return err as VeerkrachtError;
}

/**
 * A real zip bomb: one entry of 1 GiB of zeros deflated to about 1 MiB, built without holding
 * the GiB: one fully flushed deflate block of 1 MiB of zeros repeated 1024 times, then an empty
 * final block. (Checked once by streaming it through inflateRaw: 1 073 741 824 bytes, same CRC.)
 */
function gigabyteBomb(): Buffer {
  const mib = Buffer.alloc(1 << 20);
  const block = deflateRawSync(mib, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const raw = Buffer.concat([...Array.from({ length: 1024 }, () => block), Buffer.from([0x03, 0x00])]);
  let crc = 0;
  for (let i = 0; i < 1024; i++) crc = crc32(mib, crc);
  return makeZip([{ name: 'ok.csv', data: CSV }, { name: 'nullen.csv', raw, crc, size: 2 ** 30 }]);
}

describe.each(READERS)('hostile archives are refused before anything is written: %s', (_name, extract) => {
  it('a 1 MiB zip that inflates to 1 GiB is refused from its directory (compression ratio)', async () => {
    const bomb = gigabyteBomb();
    expect(bomb.length).toBeLessThan(1.1 * 2 ** 20);
    const root = tmp();
    const e = await refused(extract, bomb, root, join(root, 'out'));
    expect(e.message).toContain('"nullen.csv"');
    expect(e.message).toMatch(/compression ratio too high.*1073741824 bytes from \d+ \(10\d\d:1\)/);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  it('ratio: the whole archive counts too, small entries are not judged by it', async () => {
    // 60 entries of 64 KiB zeros: each under the floor, together 3.75 MiB from a few KiB
    const many = makeZip(Array.from({ length: 60 }, (_, i) => ({ name: `z${i}.bin`, data: Buffer.alloc(65536) })));
    const root = tmp();
    expect((await refused(extract, many, root, join(root, 'out'))).message).toMatch(/compression ratio of the archive too high/);
    // one small, very compressible entry is fine
    expect(await extract(makeZip([{ name: 'leeg.csv', data: Buffer.alloc(100_000) }]), join(root, 'ok'))).toHaveLength(1);
  });

  it('limits per entry, in total and on the number of entries, each named', async () => {
    const zip = makeZip([{ name: 'a.csv', data: CSV }, { name: 'b.csv', data: CSV }]);
    const root = tmp();
    const out = join(root, 'out');
    expect((await refused(extract, zip, root, out, { maxEntryBytes: 100 })).message).toMatch(/"a\.csv".*limit per entry.*at most 100 bytes, found \d+ bytes/);
    expect((await refused(extract, zip, root, out, { maxEntries: 1 })).message).toMatch(/too many entries.*at most 1, found 2/);
    expect((await refused(extract, zip, root, out, { maxTotalBytes: CSV.length + 1 })).message).toMatch(/"b\.csv".*size limit/);
  });

  it('an entry that would pass through a symbolic link already inside the target is refused', async () => {
    const root = tmp();
    const out = join(root, 'out');
    const outside = join(root, 'elders');
    mkdirSync(out);
    mkdirSync(outside);
    symlinkSync(outside, join(out, 'sub'));
    const e = await refused(extract, makeZip([{ name: 'fine.csv', data: CSV }, { name: 'sub/x.csv', data: 'pwned' }]), root, out);
    expect(e.message).toContain('"sub/x.csv"');
    expect(e.message).toContain(`symbolic link ${join(out, 'sub')}`);
    expect(readdirSync(outside)).toEqual([]);
    // a link as the entry's own name is refused too (never replaced silently)
    symlinkSync(join(outside, 'f'), join(out, 'f.csv'));
    expect((await refused(extract, makeZip([{ name: 'f.csv', data: 'x' }]), root, out)).message).toContain('symbolic link');
  });

  it('a zip with x and x/y.txt gives one clear error and writes nothing, in either order', async () => {
    const root = tmp();
    const out = join(root, 'out');
    const a = await refused(extract, makeZip([{ name: 'a.csv', data: CSV }, { name: 'x', data: 'file' }, { name: 'x/y.txt', data: 'in folder' }]), root, out);
    expect(a.message).toMatch(/"x\/y\.txt".*a file and a folder of the same name/);
    const b = await refused(extract, makeZip([{ name: 'x/y.txt', data: 'in folder' }, { name: 'X', data: 'file' }]), root, out);
    expect(b.message).toMatch(/"X".*a file and a folder of the same name/);
    const c = await refused(extract, makeZip([{ name: 'x/', method: 0 }, { name: 'x', data: 'file' }]), root, out);
    expect(c.message).toContain('a file and a folder of the same name');
    expect(existsSync(out)).toBe(false);
  });

  it('clashes with what the target already holds are found before writing', async () => {
    const root = tmp();
    const out = join(root, 'out');
    mkdirSync(join(out, 'map'), { recursive: true });
    writeFileSync(join(out, 'bestand'), 'keep');
    expect((await refused(extract, makeZip([{ name: 'a.csv', data: CSV }, { name: 'map', data: 'x' }]), root, out)).message).toContain(`file where the folder ${join(out, 'map')} is`);
    expect((await refused(extract, makeZip([{ name: 'a.csv', data: CSV }, { name: 'bestand/x.csv', data: 'x' }]), root, out)).message).toContain(`needs a folder where the file ${join(out, 'bestand')} is`);
  });

  it('a damaged entry after intact ones: nothing is written, no staging folder is left', async () => {
    const root = tmp();
    const out = join(root, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'a.csv'), 'previous a');
    const zip = makeZip([{ name: 'a.csv', data: CSV }, { name: 'b/c.csv', data: CSV }, { name: 'd.csv', data: CSV, crc: 12345 }]);
    const e = await refused(extract, zip, root, out);
    expect(e).toBeInstanceOf(DamagedArchiveError);
    expect(e.message).toMatch(/"d\.csv".*CRC-32/);
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('a lying directory (small declared size) is stopped at that size, nothing written', async () => {
    const root = tmp();
    const bomb = makeZip([{ name: 'a.csv', data: CSV }, { name: 'klein.csv', data: Buffer.alloc(4_000_000), size: 1000 }]);
    expect((await refused(extract, bomb, root, join(root, 'out'))).message).toMatch(/"klein\.csv".*(cannot inflate|expands (to|beyond))/);
  });

  it('reserved names (the fetch manifest) are refused, never overwritten', async () => {
    const root = tmp();
    const out = join(root, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'fetch.json'), '{"manifest":true}');
    const e = await refused(extract, makeZip([{ name: 'a.csv', data: CSV }, { name: 'Fetch.JSON', data: '{}' }]), root, out, { reserved: ['fetch.json'] });
    expect(e.message).toMatch(/"Fetch\.JSON".*reserved/);
    // deeper down the same name is an ordinary file
    expect(await extract(makeZip([{ name: 'sub/fetch.json', data: '{}' }]), out, { reserved: ['fetch.json'] })).toHaveLength(1);
    expect(readFileSync(join(out, 'fetch.json'), 'utf8')).toBe('{"manifest":true}');
  });

  it('an intact archive still replaces files it names and keeps the others', async () => {
    const out = tmp();
    writeFileSync(join(out, 'a.csv'), 'old');
    writeFileSync(join(out, 'eigen.txt'), 'mine');
    const files = await extract(makeZip([{ name: 'a.csv', data: CSV }, { name: 'd/', method: 0 }, { name: 'd/e.csv', data: 'e' }, { name: 'leeg.txt', data: '', method: 0 }]), out);
    expect(files.map((f) => [f.name, f.bytes])).toEqual([['a.csv', CSV.length], ['d/e.csv', 1], ['leeg.txt', 0]]);
    expect(snapshot(out)).toEqual({ 'a.csv': CSV, d: '', 'd/e.csv': 'e', 'eigen.txt': 'mine', 'leeg.txt': '' });
    expect(readdirSync(join(out, '..')).filter((n) => n.includes('.unzip-'))).toEqual([]);
  });
});

describe('staging folders of killed extractions', () => {
  it('are swept by the next extraction into the same folder; those of live processes stay', async () => {
    const root = tmp();
    const out = join(root, 'out');
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    mkdirSync(join(root, `.out.unzip-${dead}-0`));
    writeFileSync(join(root, `.out.unzip-${dead}-0`, '0'), 'half an entry');
    mkdirSync(join(root, `.out.unzip-${process.pid}-999`));
    writeFileSync(join(root, 'a.zip'), makeZip([{ name: 'a.csv', data: CSV }]));
    await extractZipFile(join(root, 'a.zip'), out);
    expect(readdirSync(root).sort()).toEqual([`.out.unzip-${process.pid}-999`, 'a.zip', 'out']);
  });
});
