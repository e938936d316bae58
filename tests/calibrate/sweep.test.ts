import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { countsAt, gridRange, sweepThresholds } from '../../src/calibrate/index.js';
import { seededRandom } from '../../src/classify/index.js';
import { categorize, SIGNAL_CATEGORIES } from '../../src/signal/categories.js';

/** Naive reference: categorize() at every grid point. */
function naive(dK: Float64Array, dO: Float64Array, refK: number | Float64Array, refO: number | Float64Array, w: Float64Array, gK: number[], gO: number[]) {
  const out: { b: number[]; w: number[] }[] = [];
  for (const tK of gK)
    for (const tO of gO) {
      const cats = categorize(dK, dO, { tK, tO, refK, refO });
      const b = [0, 0, 0, 0, 0];
      const ww = [0, 0, 0, 0, 0];
      cats.forEach((c, i) => {
        b[c]++;
        ww[c] += Number.isNaN(w[i]) ? 0 : w[i];
      });
      out.push({ b, w: ww });
    }
  return out;
}

function data(n: number, seed: number, relatief: boolean) {
  const r = seededRandom(seed);
  // values on a 0.1 lattice so that ties with grid thresholds occur (strict inequalities matter)
  const lat = () => Math.round((r() * 6 - 3) * 10) / 10;
  const dK = Float64Array.from({ length: n }, () => (r() < 0.05 ? NaN : lat()));
  const dO = Float64Array.from({ length: n }, () => (r() < 0.05 ? NaN : lat()));
  const w = Float64Array.from({ length: n }, () => (r() < 0.03 ? NaN : Math.floor(r() * 3000)));
  const refK = relatief ? Float64Array.from({ length: n }, () => (r() < 0.02 ? NaN : Math.round(r() * 5) / 10)) : 0.2;
  const refO = relatief ? Float64Array.from({ length: n }, () => Math.round(r() * 5) / 10 - 0.2) : -0.1;
  return { dK, dO, w, refK, refO };
}

group('sensitivity sweep', () => {
  it.each([false, true])('equals the naive categorize() loop at every grid point (relatief = %s)', (relatief) => {
    const { dK, dO, w, refK, refO } = data(800, relatief ? 3 : 2, relatief);
    const gK = gridRange(0, 2, 0.1);
    const gO = [0, 0.3, 0.5, 1, 1.5, 2.5];
    const s = sweepThresholds({ dK, dO, refK, refO, weights: w }, gK, gO);
    const ref = naive(dK, dO, refK, refO, w, gK, gO);
    expect(s.table.numRows()).toBe(gK.length * gO.length);
    const rows = s.table.objects() as Record<string, number>[];
    ref.forEach((r, p) => {
      SIGNAL_CATEGORIES.forEach((c, ci) => {
        expect(rows[p][`buurten_${c}`]).toBe(r.b[ci]);
        expect(rows[p][`inwoners_${c}`]).toBeCloseTo(r.w[ci], 6);
      });
    });
    expect(s.weightsMissing).toBe(Array.from(w).filter(Number.isNaN).length);
  });

  it('property: counts sum to n at every grid point and match countsAt()', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true })), { minLength: 1, maxLength: 50 }),
        fc.uniqueArray(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (pairs, grid) => {
          const dK = pairs.map((p) => p[0]);
          const dO = pairs.map((p) => p[1]);
          const s = sweepThresholds({ dK, dO }, grid, grid);
          const rows = s.table.objects() as Record<string, number>[];
          for (const row of rows) {
            const total = SIGNAL_CATEGORIES.reduce((a, c) => a + row[`buurten_${c}`], 0);
            expect(total).toBe(pairs.length);
            const direct = countsAt({ dK, dO }, row.tK, row.tO);
            for (const c of SIGNAL_CATEGORIES) expect(row[`buurten_${c}`]).toBe(direct.buurten[c]);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('negative or non-finite thresholds are a user error', () => {
    expect(() => sweepThresholds({ dK: [1], dO: [1] }, [-1], [0])).toThrow(/≥ 0/);
  });
});
