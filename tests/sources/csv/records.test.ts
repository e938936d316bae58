import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitRecords } from '../../../src/sources/csv/records.js';

// every unit String.prototype.trim removes, plus look-alikes it keeps (zero-width space, NEL)
const SPACES = ['\t', '\u000b', '\f', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b', '\u0085'];

describe('splitRecords trim', () => {
  it('gives the fields of the untrimmed split, each trimmed as String.prototype.trim does', () => {
    const unit = fc.constantFrom(...SPACES, 'a', 'B', '7', ',', ';', '"', '\n', '\r\n', 'é');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }).map((a) => a.join('')), fc.constantFrom(',', ';'), (text, delimiter) => {
        let raw;
        try {
          raw = splitRecords(text, { delimiter, trim: false });
        } catch {
          expect(() => splitRecords(text, { delimiter })).toThrow(/quoted field is not closed/);
          return;
        }
        const got = splitRecords(text, { delimiter });
        // a record whose only field trims to '' is a blank line
        const want = raw.records.map((r, k) => ({ fields: r.map((f) => f.trim()), line: raw.lines[k] })).filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
        expect(got.records).toEqual(want.map((r) => r.fields));
        expect(got.lines).toEqual(want.map((r) => r.line));
        expect(got.blankLines).toBe(raw.blankLines + raw.records.length - want.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('trims StatLine padding and keeps inner spaces', () => {
    const text = 'ID,WijkenEnBuurten,Gemeentenaam_1\n0,NL00      ,Demoland (synthetisch)      \n1, "GM 0003" ,\u00a0Appingedam\u3000\n';
    expect(splitRecords(text, { delimiter: ',' }).records).toEqual([['ID', 'WijkenEnBuurten', 'Gemeentenaam_1'], ['0', 'NL00', 'Demoland (synthetisch)'], ['1', '"GM 0003"', 'Appingedam']]);
  });

  it('gives each record its own number of fields, whatever the record before had', () => {
    const r = splitRecords('a,b,c\n1\n\n2,3,4,5\n6,7,\n,\n8,9,', { delimiter: ',' });
    expect(r.records).toEqual([['a', 'b', 'c'], ['1'], ['2', '3', '4', '5'], ['6', '7', ''], ['', ''], ['8', '9', '']]);
    expect(r.records.map((f) => f.length)).toEqual([3, 1, 4, 3, 2, 3]);
    expect(r.lines).toEqual([1, 2, 4, 5, 6, 7]);
    expect(r.blankLines).toBe(1);
  });
});
