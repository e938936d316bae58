import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kthSmallest } from '../../src/util/select.js';

describe('kthSmallest', () => {
  it('gives what sorting gives, for any k, with many ties and NaN (an independent sort)', () => {
    // few distinct values, so most arrays hold long runs of ties; -0 and 0 compare equal; a NaN
    // sorts last
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(-0, 0.5, 1e300, -1e-300, Infinity, -Infinity), fc.double({ noNaN: true }), fc.constant(NaN));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.nat(), (values, k0) => {
        const k = k0 % values.length;
        const sorted = Float64Array.from(values).sort();
        const a = Float64Array.from(values);
        const got = kthSmallest(a, k);
        expect(Number.isNaN(sorted[k]) ? Number.isNaN(got) : got === sorted[k]).toBe(true);
        // a is only reordered
        expect(Array.from(a.sort())).toEqual(Array.from(sorted));
      }),
      { numRuns: 2000 },
    );
  });

  it('selects the median of long sorted, reversed and constant arrays', () => {
    const n = 100_001;
    const up = Float64Array.from({ length: n }, (_, i) => i);
    expect(kthSmallest(Float64Array.from(up), n >> 1)).toBe(50_000);
    expect(kthSmallest(Float64Array.from(up).reverse(), n >> 1)).toBe(50_000);
    expect(kthSmallest(new Float64Array(n).fill(7), 123)).toBe(7);
  });
});
