import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalText, sixDecimals, writeFixedDecimal, writeUint } from '../../src/util/decimal.js';

/** writeFixedDecimal(…, 6) into a fresh buffer, read back as text (String(v) for the caller's v). */
function written(v: number): string | null {
  const k = sixDecimals(v);
  if (Number.isNaN(k) || k === 0) return null;
  const buf = new Uint8Array(40).fill(120);
  const end = writeFixedDecimal(buf, 3, k, 6);
  // nothing before `at` or after the returned end is touched
  if (buf.subarray(0, 3).some((b) => b !== 120) || buf.subarray(end).some((b) => b !== 120)) return 'overwrote';
  return Buffer.from(buf.subarray(3, end)).toString('latin1');
}

// six-decimal values as a run makes them (Math.round(x · 1e6) / 1e6), over every magnitude up to 1e14
const sixDecimal = fc.tuple(fc.integer({ min: 0, max: 14 }), fc.double({ min: -1, max: 1, noNaN: true })).map(([e, m]) => Math.round(m * 10 ** e * 1e6) / 1e6);

describe('decimalText and writeFixedDecimal', () => {
  it('write exactly what String(v) writes for six-decimal values of every magnitude', () => {
    fc.assert(
      fc.property(sixDecimal, (v) => decimalText(v) === String(v) && (written(v) === null || written(v) === String(v))),
      { numRuns: 300_000 },
    );
  });

  it('write what String(v) writes for any double (the others go to String itself)', () => {
    fc.assert(fc.property(fc.double(), (v) => decimalText(v) === String(v) && (written(v) === null || written(v) === String(v))), { numRuns: 300_000 });
  });

  it('agree at the edges: tiny, negative, whole, at and around the magnitude limit', () => {
    const edges = [0, -0, 1e-6, -1e-6, 1e-7, 0.000123, -0.5, 0.1 + 0.2, 1 / 3, 12, -12, 99_999_999.999999, 1e8 - 1e-6, 1e8, -1e8, 1e8 + 0.5, 123_456_789.123456, 2 ** 33 + 0.25, 1e15 + 0.125, 1e21, Number.MAX_SAFE_INTEGER / 1e6, NaN, Infinity, -Infinity];
    for (const v of edges) {
      expect(decimalText(v)).toBe(String(v));
      const w = written(v);
      if (w !== null) expect(w).toBe(String(v));
    }
    // the fast path is taken where it should be, and only there
    expect(sixDecimals(0.125)).toBe(125_000);
    expect(sixDecimals(-4.4)).toBe(-4_400_000);
    expect(sixDecimals(1 / 3)).toBeNaN();
    expect(sixDecimals(1e8)).toBeNaN();
    expect(written(-0.00659)).toBe('-0.00659');
    expect(written(99_999_999.000001)).toBe('99999999.000001');
  });

  it('writeUint writes String(n) for every integer from 0 to 2^31 − 1, and nothing beside it', () => {
    const check = (n: number) => {
      const buf = new Uint8Array(16).fill(120);
      const end = writeUint(buf, 2, n);
      return buf[0] === 120 && buf[1] === 120 && buf.subarray(end).every((b) => b === 120) && Buffer.from(buf.subarray(2, end)).toString('latin1') === String(n);
    };
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), check), { numRuns: 100_000 });
    for (const n of [0, 9, 10, 99, 100, 999_999, 1_000_000, 2 ** 31 - 1]) expect(check(n)).toBe(true);
  });
});
