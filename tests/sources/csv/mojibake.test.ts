import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { looksLikeMojibake, mayHoldMojibake } from '../../../src/sources/csv/mojibake.js';

describe('mayHoldMojibake', () => {
  it('is true whenever some part of the text looks like mojibake', () => {
    const unit = fc.constantFrom('\u00c3', '\u00c2', '\u00e2', '\u00a9', '\u00a0', '\u20ac', '\u2122', '\u201a', '\u00ac', 'a', ';', '\n', '\u00e9');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }).map((a) => a.join('')), (s) => {
        if (looksLikeMojibake(s)) expect(mayHoldMojibake(s)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
  it('is false for correct Dutch text and true for garbled', () => {
    expect(mayHoldMojibake('GM0363;Caf\u00e9 \u20ac \u2019s-Hertogenbosch S\u00fadwest-Frysl\u00e2n'.replace('\u00e2', 'a'))).toBe(false);
    expect(mayHoldMojibake('Caf\u00c3\u00a9')).toBe(true);
  });
});
