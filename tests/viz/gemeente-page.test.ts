import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toFixed1 } from '../../src/viz/gemeente-page.js';

describe('toFixed1 (the page maps’ coordinates)', () => {
  it('writes what Number#toFixed(1) writes, for any double', () => {
    fc.assert(fc.property(fc.double(), (v) => toFixed1(v) === v.toFixed(1)), { numRuns: 200_000 });
    // and at the magnitudes of drawn coordinates (pixels, metres)
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (v) => toFixed1(v) === v.toFixed(1)), { numRuns: 200_000 });
  });

  it('agrees on halves and near-halves, where v · 10 lands on or next to x.5', () => {
    let checked = 0;
    const differ: number[] = [];
    for (let k = -200_000; k <= 200_000; k++) {
      // decimals like 0.15 are stored just below or above the half; (k + 0.5) / 10 is sometimes exact
      for (const v of [k / 20, (k + 0.5) / 10, k * 0.05, k * 0.15, k / 100 + 1e-12, k / 100 - 1e-12, k * 1e9 + 0.05, k * 5e8 + 0.25]) {
        if (toFixed1(v) !== v.toFixed(1)) differ.push(v);
        checked++;
      }
    }
    expect(differ).toEqual([]);
    expect(checked).toBe(8 * 400_001);
  });

  it('keeps the sign of a negative number that rounds to zero, and the special values', () => {
    for (const v of [-0.04, -0, 0, -1e-300, 0.05, -0.05, 0.25, -0.25, 1e14 - 0.05, 893109811790260.2, 1e15, -1e15, 1e21, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_VALUE, Number.MIN_VALUE]) {
      expect(toFixed1(v)).toBe(v.toFixed(1));
    }
    expect(toFixed1(-0.04)).toBe('-0.0');
  });
});
