/**
 * Joins lose nothing: `matchCodes` puts every distinct code of each side either in `matched` or
 * in the unmatched list of its side, and lists each repeated code once as a duplicate. Missing
 * codes (null) are counted as the unmatched code "" as documented.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchCodes } from '../../src/regions/match.js';

const code = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 15 }).map((i) => `BU0363${String(i).padStart(4, '0')}`) }, { weight: 1, arbitrary: fc.constant(null) });
const side = fc.array(code, { maxLength: 30 });

describe('matchCodes', () => {
  it('balances: matched + onlyLeft = distinct left, matched + onlyRight = distinct right; duplicates listed once', () => {
    fc.assert(
      fc.property(side, side, (left, right) => {
        const m = matchCodes(left as string[], right as string[]);
        const norm = (xs: (string | null)[]) => xs.map((x) => x ?? '');
        const l = new Set(norm(left));
        const r = new Set(norm(right));
        const both = [...l].filter((c) => r.has(c));
        expect(m.matched).toBe(both.length);
        expect(m.onlyLeft).toEqual([...l].filter((c) => !r.has(c)).sort());
        expect(m.onlyRight).toEqual([...r].filter((c) => !l.has(c)).sort());
        expect(m.matched + m.onlyLeft.length).toBe(l.size);
        expect(m.matched + m.onlyRight.length).toBe(r.size);
        const dups = (xs: string[]) => [...new Set(xs.filter((x, i) => xs.indexOf(x) !== i))].sort();
        expect(m.duplicatesLeft).toEqual(dups(norm(left)));
        expect(m.duplicatesRight).toEqual(dups(norm(right)));
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
