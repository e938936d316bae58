// writeStaged: plain writes into a staging folder, from a string, bytes or pieces.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAhead, writeStaged } from '../../src/util/fs.js';

it('writes a file given in pieces byte for byte, across its 4 MB write batches', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vk-staged-'));
  // 3 × 1.9 MB of mixed pieces (multi-byte characters included) crosses the batch size twice
  const pieces: string[] = [];
  for (let i = 0; i < 3000; i++) pieces.push(`${i}:${'é€x'.repeat(200 + (i % 7))}|`.repeat(3));
  const path = join(dir, 'sub', 'groot.txt');
  writeStaged(path, (function* () {
    yield* pieces;
  })());
  expect(readFileSync(path, 'utf8')).toBe(pieces.join(''));
  writeStaged(path, 'kort');
  expect(readFileSync(path, 'utf8')).toBe('kort');
  writeStaged(path, new Uint8Array([1, 2, 3]));
  expect([...readFileSync(path)]).toEqual([1, 2, 3]);
});

it('writes pieces of strings and of bytes in their order, a reused byte buffer included', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vk-staged-'));
  const path = join(dir, 'gemengd.txt');
  const expected: Buffer[] = [];
  const reused = Buffer.alloc(1000);
  writeStaged(path, (function* () {
    for (let i = 0; i < 50; i++) {
      const s = `${i}:é€|`.repeat(1 + i * 3000);
      expected.push(Buffer.from(s, 'utf8'));
      yield s;
      // the same buffer each time, overwritten: every piece must be written before the next
      reused.fill(i);
      const n = 1 + ((i * 37) % 1000);
      expected.push(Buffer.from(reused.subarray(0, n)));
      yield reused.subarray(0, n);
    }
  })());
  expect(readFileSync(path).equals(Buffer.concat(expected))).toBe(true);
});

describe('readAhead', () => {
  it('gives the bytes readFileSync gives, for a file of several MB and an empty one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-ahead-'));
    const big = Buffer.alloc(5_000_003);
    for (let i = 0, x = 7; i < big.length; i++) big[i] = x = (x * 1103515245 + 12345) >>> 16;
    writeFileSync(join(dir, 'groot.bin'), big);
    writeFileSync(join(dir, 'leeg.bin'), '');
    expect(Buffer.compare(await readAhead(join(dir, 'groot.bin')), readFileSync(join(dir, 'groot.bin')))).toBe(0);
    expect((await readAhead(join(dir, 'leeg.bin'))).length).toBe(0);
  });

  it('rejects with the error code readFile gives: a missing file, a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-ahead-'));
    await expect(readAhead(join(dir, 'er-niet.geojson'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readAhead(dir)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
