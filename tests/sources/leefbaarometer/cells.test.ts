import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseLeefbaarometer } from '../../../src/sources/leefbaarometer/load.js';
import { scanPlainNumber, scanPlainNumberAt } from '../../../src/sources/leefbaarometer/checks.js';
import { expectSameLoad, withInvisible } from '../../helpers/general-path.js';

// a long score file: codes repeated over years (sometimes invalid, lower case or padded),
// names that change or are empty, years (one a non-year), scores of every written form
const code = fc.constantFrom('BU03440101', 'BU03440101', 'bu03440102', ' BU03440103 ', 'XX12', '', 'BU0344010A');
const naam = fc.oneof({ weight: 20, arbitrary: fc.constantFrom('Oud', 'Oud', 'Nieuw', '', ' Oud ', 'Oud, West', 'Twee\nregels') }, { weight: 1, arbitrary: fc.constant('Kop "Noord"') });
const jaar = fc.oneof({ weight: 30, arbitrary: fc.constantFrom('2002', '2014', '2016', '2018', '2020', '2022', ' 2022') }, { weight: 1, arbitrary: fc.constantFrom('22', '2o22') });
const score = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom('NA', '.', '', '4.1', '-0.05', '0', '4,10', '+1.5', '1e-3', '9.064e-5', '.5', '1.', '-0') },
  { weight: 20, arbitrary: fc.integer({ min: -500000, max: 500000 }).map((i) => String(i / 100000)) },
  { weight: 5, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('geen', '1.2.3', '12345678901234567') },
);
const HEADER = ['bu_code', 'bu_naam', 'jaar', 'lbm', 'afw', 'fys', 'onv', 'soc', 'vrz', 'won'];

const lbmFile = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t'),
    eol: fc.constantFrom('\n', '\r\n'),
    extra: fc.boolean(),
    rows: fc.array(fc.tuple(code, naam, jaar, fc.array(score, { minLength: 7, maxLength: 7 })), { maxLength: 20 }),
    at: fc.nat(),
  })
  .map(({ delimiter, eol, extra, rows, at }) => {
    const q = (c: string) => (c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c.includes(delimiter) || c.includes('\n') ? `"${c}"` : c);
    const lines = [[...HEADER, ...(extra ? ['kscore'] : [])].join(delimiter)];
    for (const [c, n, j, s] of rows) lines.push([c, n, j, ...s, ...(extra ? [String(1 + (s[0].length % 9))] : [])].map(q).join(delimiter));
    return { text: lines.join(eol) + eol, eol, at };
  });

describe('parseLeefbaarometer: cells read in place give the table of cells read as strings', () => {
  it('on random long files (codes over years, NA, decimal commas, exponents, bad cells, quotes)', () => {
    let tables = 0;
    fc.assert(
      fc.property(lbmFile, ({ text, eol, at }) => {
        if (expectSameLoad((t) => parseLeefbaarometer(new TextEncoder().encode(t), { file: 'lbm.csv' }), text, at, eol)) tables++;
      }),
      { numRuns: 400 },
    );
    expect(tables).toBeGreaterThan(100);
  });

  it('gives every row its own name, code and scores, also where the row before was dropped', () => {
    const text = [
      'bu_code;bu_naam;jaar;lbm;afw',
      'BU03440101;Oud;2014;4.1;0.1',
      'XX;Nieuw;2014;4.2;0.2', // dropped (invalid code): its name is not what the next row reuses
      'BU03440102;Nieuw;2014;4.3;NA',
      'BU03440102;Nieuw;2014;4.4;0.4', // dropped (duplicate): its scores are not what the next row keeps
      'BU03440102; Nieuw ;2016;NA;-0.5',
      'bu03440102;;2018;-0;0,6',
      'bu03440102;Nieuw;2020;4.7;0.7',
      'BU03440101;Oud;2020;4.8;0.8', // an area seen before, not in the row before
      'BU03440101;Oud;2014;4.9;0.9', // … and its duplicate
      'XX;Nieuw;2022;5.0;1.0',
      'XX;Nieuw;2022;5.1;1.1',
    ].join('\n');
    for (const input of [text, withInvisible(text, 0, '\n')]) {
      const t = parseLeefbaarometer(input, { file: 'lbm.csv' });
      expect(t.table.array('naam')).toEqual(['Oud', 'Nieuw', 'Nieuw', null, 'Nieuw', 'Oud']);
      expect(t.table.array('code')).toEqual(['BU03440101', 'BU03440102', 'BU03440102', 'BU03440102', 'BU03440102', 'BU03440101']);
      expect(t.table.array('jaar')).toEqual([2014, 2014, 2016, 2018, 2020, 2020]);
      expect(t.table.array('lbm')).toEqual([4.1, 4.3, null, -0, 4.7, 4.8]);
      expect(Object.is(t.table.array('lbm')[3], -0)).toBe(true);
      expect(t.table.array('afw')).toEqual([0.1, null, -0.5, 0.6, 0.7, 0.8]);
      expect(t.table.array('fys')).toEqual([null, null, null, null, null, null]);
      expect(t.report.dropped.map((d) => [d.reason, d.examples])).toEqual([
        ['invalid buurt code', ['line 3: "XX"', 'line 11: "XX"', 'line 12: "XX"']],
        ['duplicate code and jaar (first kept)', ['line 5: BU03440102 2014', 'line 10: BU03440101 2014']],
      ]);
    }
  });

  it('reads a number in place as scanPlainNumber reads it as a string', () => {
    fc.assert(
      fc.property(fc.oneof(score, fc.stringMatching(/^[-+]?\d{0,18}\.?\d{0,18}([eE][-+]?\d{1,3})?$/)), fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), (s, before, after) => {
        const want = { value: 0, decimals: 0 };
        const got = { value: 0, decimals: 0 };
        const ok = scanPlainNumber(s, want);
        expect(scanPlainNumberAt(`${before}${s}${after}`, before.length, before.length + s.length, got)).toBe(ok);
        if (ok) expect(got).toEqual(want);
      }),
      { numRuns: 2000 },
    );
  });
});
