import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNl } from '../../src/classify/index.js';

/** The plain way: toFixed, split at the point, group every integer part, a minus unless it rounds to 0. */
function reference(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const s = Math.abs(x).toFixed(decimals);
  const [int, frac] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (x < 0 && Number(s) !== 0 ? '−' : '') + grouped + (frac !== undefined ? `,${frac}` : '');
}

describe('formatNl', () => {
  it('writes Dutch numbers: decimal comma, thousands dot, a minus only when not zero', () => {
    expect(formatNl(4111.45, 2)).toBe('4.111,45');
    expect(formatNl(999.996, 2)).toBe('1.000,00');
    expect(formatNl(-0.004, 2)).toBe('0,00');
    expect(formatNl(-12, 0)).toBe('−12');
    expect(formatNl(Number.NEGATIVE_INFINITY)).toBe('−∞');
  });

  it('is the plain formatting for any number and 0–6 decimals', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, min: -1e12, max: 1e12 }), fc.integer({ min: -2_000_000, max: 2_000_000 })), fc.integer({ min: 0, max: 6 }), (x, d) => formatNl(x, d) === reference(x, d)),
      { numRuns: 100_000 },
    );
  });
});
