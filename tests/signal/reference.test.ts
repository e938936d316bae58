import { describe, expect, it } from 'vitest';
import { leaveOneOutReference, weightedMean } from '../../src/signal/reference.js';

/** Independent brute force: for each i, the weighted mean over j ≠ i in the same group. */
function bruteForce(delta: number[], w: number[], g: (string | null)[], usable: boolean[]): number[] {
  return delta.map((_, i) => {
    let num = 0;
    let den = 0;
    for (let j = 0; j < delta.length; j++) {
      if (j === i || g[j] !== g[i] || g[i] === null || !usable[j] || !Number.isFinite(delta[j]) || !(w[j] > 0)) continue;
      num += w[j] * delta[j];
      den += w[j];
    }
    return den > 0 ? num / den : NaN;
  });
}

describe('leaveOneOutReference', () => {
  it('equals a brute-force leave-one-out weighted mean per gemeente', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const n = 60;
    const delta = Array.from({ length: n }, (_, i) => (i % 11 === 0 ? NaN : rnd() * 6 - 3));
    const w = Array.from({ length: n }, (_, i) => (i % 13 === 0 ? 0 : Math.round(rnd() * 3000)));
    const g = Array.from({ length: n }, (_, i) => (i === 5 ? null : `GM000${i % 4}`));
    const usable = Array.from({ length: n }, (_, i) => i % 7 !== 0);
    const got = leaveOneOutReference(delta, w, g, usable);
    const want = bruteForce(delta, w, g, usable);
    want.forEach((v, i) => (Number.isNaN(v) ? expect(got[i]).toBeNaN() : expect(got[i]).toBeCloseTo(v, 10)));
  });

  it('has no reference for the only usable buurt of a gemeente', () => {
    const got = leaveOneOutReference([1, 2, 3], [10, 10, 10], ['GM1', 'GM2', 'GM2']);
    expect(got[0]).toBeNaN();
    expect(got[1]).toBe(3);
    expect(got[2]).toBe(2);
  });
});

describe('weightedMean', () => {
  it('skips missing deltas and zero weights', () => {
    expect(weightedMean([1, 3, NaN, 100], [1, 3, 5, 0])).toBeCloseTo(2.5, 12);
    expect(weightedMean([NaN], [1])).toBeNaN();
  });
});
