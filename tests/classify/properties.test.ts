import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { classify, classifyWithBins, findBin, SCHEME_NAMES, type SchemeName } from '../../src/classify/index.js';
import { isUserError } from '../../src/util/errors.js';

const schemes = SCHEME_NAMES.filter((s) => s !== 'user_defined') as SchemeName[];
const values = fc.array(fc.oneof(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.integer({ min: -5, max: 5 }), fc.constant(null)), {
  minLength: 1,
  maxLength: 60,
});

group('classification invariants (every scheme)', () => {
  it.each(schemes)('%s: counts sum to n, bins ascending, each value in exactly its right-closed class, idempotent', (scheme) => {
    fc.assert(
      fc.property(values, fc.integer({ min: 2, max: 7 }), (xs, k) => {
        let c;
        try {
          c = classify(xs, { scheme, k });
        } catch (e) {
          if (isUserError(e)) return; // too few distinct values is a reported error
          throw e;
        }
        const valid = xs.filter((x): x is number => x !== null);
        expect(c.n).toBe(valid.length);
        expect(c.missing).toBe(xs.length - valid.length);
        expect(c.counts.reduce((a, b) => a + b, 0)).toBe(c.n);
        for (let i = 1; i < c.bins.length; i++) expect(c.bins[i]).toBeGreaterThanOrEqual(c.bins[i - 1]);
        xs.forEach((x, i) => {
          const q = c.classOf[i];
          if (x === null) return expect(q).toBe(-1);
          expect(q).toBeGreaterThanOrEqual(0);
          // right-closed: x ≤ bins[q] (or above the last bin), and x > bins[q-1]
          if (q < c.k - 1) expect(x).toBeLessThanOrEqual(c.bins[q]);
          if (q > 0) expect(x).toBeGreaterThan(c.bins[q - 1]);
        });
        expect(c.gadf).toBeLessThanOrEqual(1 + 1e-12);
        // idempotent on its own bins
        const again = classifyWithBins(xs, c.bins);
        expect(Array.from(again.classOf)).toEqual(Array.from(c.classOf));
        expect(again.counts).toEqual(c.counts);
      }),
      { numRuns: 40 },
    );
  });

  it('findBin: first class holds the minimum, values above the last bin go to the last class', () => {
    expect(findBin([1, 2, 3], -100)).toBe(0);
    expect(findBin([1, 2, 3], 1)).toBe(0);
    expect(findBin([1, 2, 3], 1.0001)).toBe(1);
    expect(findBin([1, 2, 3], 99)).toBe(2);
    expect(findBin([1, 2, 3], null)).toBe(-1);
  });
});

group('pretty breaks at the edge of floating point', () => {
  it('a range of denormals is a reported user error, not NaN bins (fast-check found [0, 5e-324])', () => {
    let err: unknown;
    try {
      classify([0, 5e-324, null], { scheme: 'pretty', k: 2 });
    } catch (e) {
      err = e;
    }
    expect(isUserError(err)).toBe(true);
    expect(String(err)).toMatch(/too small for pretty breaks/);
  });
});
