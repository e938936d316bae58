import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { classify, fisherJenksSorted, seededRandom } from '../../src/classify/index.js';

/** Independent O(k·n²) DP on the raw sorted values (Jenks 1977), minimal SSE. */
function bruteSse(sorted: number[], k: number): number {
  const n = sorted.length;
  const sse = (i: number, j: number): number => {
    let s = 0;
    for (let t = i; t <= j; t++) s += sorted[t];
    const m = s / (j - i + 1);
    let q = 0;
    for (let t = i; t <= j; t++) q += (sorted[t] - m) ** 2;
    return q;
  };
  let prev = Array.from({ length: n }, (_, j) => sse(0, j));
  for (let c = 2; c <= k; c++) {
    const cur = new Array<number>(n).fill(Infinity);
    for (let j = c - 1; j < n; j++) for (let i = c - 1; i <= j; i++) cur[j] = Math.min(cur[j], prev[i - 1] + sse(i, j));
    prev = cur;
  }
  return prev[n - 1];
}

function sseOfBins(sorted: number[], bins: number[]): number {
  const groups = new Map<number, number[]>();
  for (const x of sorted) {
    const c = bins.findIndex((b) => x <= b);
    const key = c < 0 ? bins.length - 1 : c;
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  let q = 0;
  for (const g of groups.values()) {
    const m = g.reduce((a, b) => a + b, 0) / g.length;
    for (const x of g) q += (x - m) ** 2;
  }
  return q;
}

group('Fisher-Jenks is the exact optimum', () => {
  it('matches an independent brute-force DP on random data (distinct values)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -500, max: 500 }), { minLength: 6, maxLength: 40 }),
        fc.integer({ min: 2, max: 6 }),
        (xs, k) => {
          const sorted = xs.slice().sort((a, b) => a - b);
          const bins = fisherJenksSorted(sorted, k);
          expect(bins).toHaveLength(k);
          expect(sseOfBins(sorted, bins)).toBeCloseTo(bruteSse(sorted, k), 6);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('with ties: never worse than the best partition that keeps ties together', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 8, maxLength: 40 }), (xs) => {
        const sorted = xs.slice().sort((a, b) => a - b);
        const distinct = new Set(sorted).size;
        fc.pre(distinct >= 3);
        const bins = fisherJenksSorted(sorted, 3);
        // brute force over cut points between distinct values
        const u = [...new Set(sorted)];
        let best = Infinity;
        for (let a = 0; a < u.length - 2; a++)
          for (let b = a + 1; b < u.length - 1; b++) best = Math.min(best, sseOfBins(sorted, [u[a], u[b], u[u.length - 1]]));
        expect(sseOfBins(sorted, bins)).toBeCloseTo(best, 6);
      }),
      { numRuns: 60 },
    );
  });

  it('fewer distinct values than k is a clear user error', () => {
    expect(() => classify([1, 1, 2, 2], { scheme: 'fisher_jenks', k: 3 })).toThrow(/Not enough unique values in array to form 3 classes/);
  });

  it('handles 15,003 values at k = 9 (planted clusters are recovered)', () => {
    const r = seededRandom(7);
    const centres = [0, 100, 200, 300, 400, 500, 600, 700, 800];
    const xs = Array.from({ length: 15003 }, (_, i) => centres[i % 9] + r() * 10);
    const c = classify(xs, { scheme: 'fisher_jenks', k: 9 });
    expect(c.counts).toEqual(new Array(9).fill(15003 / 9));
    c.bins.forEach((b, i) => {
      expect(b).toBeGreaterThan(centres[i]);
      expect(b).toBeLessThan(centres[i] + 10);
    });
  });
});
