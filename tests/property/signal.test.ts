/**
 * Signal categories: `categorize` is a per-row function (reordering rows reorders the result and
 * nothing else), agrees with the scalar rule `signalCategory`, and the fast threshold sweep equals
 * naive `categorize` at every grid point — with missing values, per-buurt references, weights and
 * values exactly on a threshold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categorize, signalCategory, SIGNAL_CATEGORIES } from '../../src/signal/categories.js';
import { sweepThresholds } from '../../src/calibrate/sweep.js';

// values on a coarse lattice so that ties with thresholds and references really occur
const lattice = fc.integer({ min: -12, max: 12 }).map((i) => i / 4);
const value = fc.oneof({ weight: 8, arbitrary: lattice }, { weight: 1, arbitrary: fc.constant(NaN) }, { weight: 2, arbitrary: fc.double({ min: -4, max: 4, noNaN: true }) });
const threshold = fc.integer({ min: 0, max: 12 }).map((i) => i / 4);
const row = fc.record({ dK: value, dO: value, refK: lattice, refO: lattice, w: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant(NaN)) });
const rows = fc.array(row, { minLength: 0, maxLength: 40 });

function naive(dK: number, dO: number, refK: number, refO: number, tK: number, tO: number): number {
  const k = dK - refK;
  const o = dO - refO;
  if (Number.isNaN(k) || Number.isNaN(o)) return SIGNAL_CATEGORIES.indexOf(signalCategory(null, null));
  return SIGNAL_CATEGORIES.indexOf(signalCategory(k > tK, o < -tO));
}

describe('categorize', () => {
  it('agrees with signalCategory row by row (absolute and per-buurt references)', () => {
    fc.assert(
      fc.property(rows, threshold, threshold, fc.boolean(), (rs, tK, tO, relatief) => {
        const refK = relatief ? rs.map((r) => r.refK) : 0.5;
        const refO = relatief ? rs.map((r) => r.refO) : -0.25;
        const got = categorize(rs.map((r) => r.dK), rs.map((r) => r.dO), { tK, tO, refK, refO });
        const want = rs.map((r) => naive(r.dK, r.dO, relatief ? r.refK : 0.5, relatief ? r.refO : -0.25, tK, tO));
        expect(Array.from(got)).toEqual(want);
      }),
      { numRuns: 200, seed: 12 },
    );
  });

  it('is invariant under reordering rows: categorize(permuted) = permuted categorize', () => {
    fc.assert(
      fc.property(
        rows.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs.map((_, i) => i), { minLength: rs.length, maxLength: rs.length }))),
        threshold,
        threshold,
        ([rs, perm], tK, tO) => {
          const cat = (xs: typeof rs) => categorize(xs.map((r) => r.dK), xs.map((r) => r.dO), { tK, tO, refK: xs.map((r) => r.refK), refO: xs.map((r) => r.refO) });
          const base = cat(rs);
          const permuted = cat(perm.map((i) => rs[i]));
          expect(Array.from(permuted)).toEqual(perm.map((i) => base[i]));
          // and the counts per category do not depend on the order at all
          const counts = (a: Uint8Array) => SIGNAL_CATEGORIES.map((_, c) => a.filter((x) => x === c).length);
          expect(counts(permuted)).toEqual(counts(base));
        },
      ),
      { numRuns: 200, seed: 13 },
    );
  });
});


describe('sweepThresholds equals naive categorize at every grid point', () => {
  it('buurten and inwoners per category, with NaN, per-buurt references, weights and ties', () => {
    fc.assert(
      fc.property(
        rows,
        fc.uniqueArray(threshold, { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(threshold, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (rs, gridK, gridO, relatief) => {
          const dK = rs.map((r) => r.dK);
          const dO = rs.map((r) => r.dO);
          const refK = relatief ? rs.map((r) => r.refK) : 0.25;
          const refO = relatief ? rs.map((r) => r.refO) : 0;
          const weights = rs.map((r) => r.w);
          const s = sweepThresholds({ dK, dO, refK, refO, weights }, gridK, gridO);
          for (const row of s.table.objects() as Record<string, number>[]) {
            const cats = rs.map((r, j) => naive(r.dK, r.dO, relatief ? r.refK : 0.25, relatief ? r.refO : 0, row.tK, row.tO));
            SIGNAL_CATEGORIES.forEach((c, ci) => {
              expect(row[`buurten_${c}`], `${c} at (${row.tK}, ${row.tO})`).toBe(cats.filter((x) => x === ci).length);
              const inw = cats.reduce((acc, x, j) => acc + (x === ci && !Number.isNaN(weights[j]) ? weights[j] : 0), 0);
              expect(row[`inwoners_${c}`], `inwoners ${c}`).toBeCloseTo(inw, 6);
            });
          }
          expect(s.n).toBe(rs.length);
          expect(s.weightsMissing).toBe(weights.filter(Number.isNaN).length);
        },
      ),
      { numRuns: 150, seed: 14 },
    );
  });
});
