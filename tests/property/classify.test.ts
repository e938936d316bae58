/**
 * Classification invariants that tests/classify/properties.test.ts does not cover yet: the bins
 * depend on the values, not on their order or on missing values around them; user_defined and
 * weighted quantiles follow their definition (inverse weighted ECDF, a documented deviation from
 * mapclassify's type 7) and ignore buurten of weight 0.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, classifyWithBins, SCHEME_NAMES, type SchemeName } from '../../src/classify/index.js';
import { isUserError } from '../../src/util/errors.js';

const schemes = SCHEME_NAMES.filter((s) => s !== 'user_defined') as SchemeName[];
const numbers = fc.array(fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double({ min: -1e3, max: 1e3, noNaN: true })), { minLength: 1, maxLength: 50 });

function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (isUserError(e)) return null;
    throw e;
  }
}

describe('classification does not depend on row order or missing rows', () => {
  it.each(schemes)('%s: same bins and counts after shuffling and inserting nulls; classOf follows its value', (scheme) => {
    fc.assert(
      fc.property(
        numbers.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs.map((_, i) => i), { minLength: xs.length, maxLength: xs.length }), fc.array(fc.nat(xs.length), { maxLength: 5 }))),
        fc.integer({ min: 2, max: 6 }),
        ([xs, perm, holes], k) => {
          const a = attempt(() => classify(xs, { scheme, k, seed: 1 }));
          const shuffled = perm.map((i) => xs[i]);
          const withNulls: (number | null)[] = [...shuffled];
          for (const h of holes) withNulls.splice(Math.min(h, withNulls.length), 0, null);
          const b = attempt(() => classify(withNulls, { scheme, k, seed: 1 }));
          expect(b === null).toBe(a === null);
          if (a === null || b === null) return;
          if (scheme !== 'natural_breaks') {
            // natural_breaks (k-means with random starts) is only reproducible for one input order
            expect(b.bins).toEqual(a.bins);
            expect(b.counts).toEqual(a.counts);
          }
          expect(b.missing).toBe(holes.length);
          expect(b.n).toBe(xs.length);
          withNulls.forEach((x, i) => {
            if (x === null) expect(b.classOf[i]).toBe(-1);
            else expect(b.classOf[i]).toBe(classifyWithBins([x], b.bins).classOf[0]);
          });
        },
      ),
      { numRuns: 40, seed: 99 },
    );
  });
});

describe('user_defined and weighted quantiles', () => {
  it('user_defined: each value in exactly one class, right-closed, counts sum to n', () => {
    fc.assert(
      fc.property(numbers, fc.uniqueArray(fc.integer({ min: -25, max: 25 }), { minLength: 1, maxLength: 6 }), (xs, raw) => {
        const bins = [...raw].sort((p, q) => p - q);
        const c = attempt(() => classify(xs, { scheme: 'user_defined', bins }));
        if (c === null) return;
        expect(c.counts.reduce((s, x) => s + x, 0)).toBe(xs.length);
        xs.forEach((x, i) => {
          const q = c.classOf[i];
          // exactly one class q with bins[q-1] < x ≤ bins[q] (first class open below, last open above)
          const member = c.bins.map((b, j) => (j === 0 || x > c.bins[j - 1]) && (j === c.bins.length - 1 || x <= b));
          expect(member.filter(Boolean).length).toBe(1);
          expect(member.indexOf(true)).toBe(q);
        });
      }),
      { numRuns: 100, seed: 5 },
    );
  });

  it('weighted quantiles (inverse weighted ECDF): scale-free in the weights, bins are observed values, each bin reaches its share', () => {
    fc.assert(
      fc.property(numbers, fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 50, maxLength: 50 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 2, max: 6 }), (xs, ws, scale, k) => {
        const w = xs.map((_, i) => ws[i]);
        const a = attempt(() => classify(xs, { scheme: 'quantiles', k, weights: w }));
        const b = attempt(() => classify(xs, { scheme: 'quantiles', k, weights: w.map((x) => x * scale) }));
        expect(b === null).toBe(a === null);
        if (a === null || b === null) return;
        expect(b.bins).toEqual(a.bins);
        expect(a.counts.reduce((s2, x) => s2 + x, 0)).toBe(xs.length);
        const total = w.reduce((s2, x) => s2 + x, 0);
        a.bins.forEach((bin) => expect(xs).toContain(bin));
        // the j-th bin is the smallest value whose cumulative weight share reaches its probability
        const kk = a.bins.length;
        if (kk !== k) return; // fewer classes after de-duplicating equal quantiles (reported as effective k)
        a.bins.forEach((bin, j) => {
          const p = (j + 1) / k;
          const below = xs.reduce((s2, x, i) => s2 + (x <= bin ? w[i] : 0), 0);
          const strictlyBelow = xs.reduce((s2, x, i) => s2 + (x < bin ? w[i] : 0), 0);
          expect(below / total).toBeGreaterThanOrEqual(p - 1e-9);
          expect(strictlyBelow / total).toBeLessThan(p + 1e-9);
        });
      }),
      { numRuns: 100, seed: 6 },
    );
  });

  it('weighted quantiles: a buurt with weight 0 does not move the bins', () => {
    fc.assert(
      fc.property(numbers, fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.integer({ min: 2, max: 5 }), (xs, extra, k) => {
        const a = attempt(() => classify(xs, { scheme: 'quantiles', k, weights: xs.map(() => 1) }));
        const b = attempt(() => classify([...xs, extra], { scheme: 'quantiles', k, weights: [...xs.map(() => 1), 0] }));
        if (a === null || b === null) return;
        expect(b.bins).toEqual(a.bins);
      }),
      { numRuns: 100, seed: 8 },
    );
  });
});
