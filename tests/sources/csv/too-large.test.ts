// A file too large for one JavaScript string gives one clear error naming the file and its size
// (it was "RangeError: Invalid string length" with a stack trace).
import { expect, it } from 'vitest';
import { parseDelimited } from '../../../src/sources/csv/read.js';
import { MAX_TEXT_BYTES } from '../../../src/sources/csv/decode.js';
import { VeerkrachtError } from '../../../src/util/errors.js';

it('a 600 MiB file is refused before decoding, naming the file, its size and what to do', () => {
  const big = new Uint8Array(600 * 2 ** 20);
  big.fill(0x61);
  expect(big.length).toBeGreaterThan(MAX_TEXT_BYTES);
  let err: unknown;
  try {
    parseDelimited(big, { file: 'groot.csv' });
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(VeerkrachtError);
  expect((err as Error).message).toContain('groot.csv');
  expect((err as Error).message).toContain('600 MiB');
  expect((err as Error).message).toContain('split it');
});
