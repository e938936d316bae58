/**
 * Bad StatLine CSV exports (keys layout, as KWB downloads come): duplicate region codes, codes of
 * the wrong level, unknown and invalid codes, years without an edition, non-numeric cells in a
 * numeric topic, negative counts and percentages above 100.
 */
import { describe, expect, it } from 'vitest';
import { loadStatlineCsv, parseStatlineCsv } from '../../src/sources/statline/index.js';
import { matchCodes } from '../../src/regions/match.js';
import { balance, cliError, inspectJson, tempDir, writeCase } from './corpus.js';

const dir = tempDir();
const H = 'ID,WijkenEnBuurten,Gemeentenaam_1,SoortRegio_2,Codering_3,AantalInwoners_5,InBezitWoningcorporatie_42';
const row = (id: number, code: string, soort: string, inw: string | number, pct: string | number) =>
  `${id},${code.padEnd(10)},Amsterdam,${soort.padEnd(10)},${code.padEnd(10)},${inw},${pct}`;
const kwb = (...rows: string[]) => new TextEncoder().encode([H, ...rows].join('\r\n') + '\r\n');

describe('StatLine CSV with bad values', () => {
  it('a non-number in a KWB count topic is an error naming file, line, column, unit and cell', async () => {
    const p = writeCase(dir, 'kwb2017_83765NED_nonnum.csv', kwb(row(0, 'GM0363', 'Gemeente', 100, 50), row(1, 'BU03630000', 'Buurt', 'abc', 50)));
    expect(await cliError(['inspect', p])).toBe(
      `veerkracht inspect: ${p}, line 3, column "AantalInwoners_5": not a number; expected a number (aantal) or a missing symbol, found "abc"`,
    );
  });
  it('a topic without a known unit that becomes text because of one cell says which cell', () => {
    const H2 = 'ID,WijkenEnBuurten,SoortRegio_2,Onbekend_99';
    const t = parseStatlineCsv(new TextEncoder().encode([H2, '0,GM0363,Gemeente,1.5', '1,GM0344,Gemeente,2', '2,GM0345,Gemeente,n.v.t.'].join('\n')), 'kwb2017_83765NED_u.csv');
    expect(t.columns.find((c) => c.name === 'Onbekend_99')).toBeDefined();
    expect(t.report.warnings).toContain('column "Onbekend_99" read as text: line 4 holds "n.v.t.", not a number');
    // mixed decimal marks in such a topic: the same warning, naming the first cell that breaks the column
    const m = parseStatlineCsv(new TextEncoder().encode([H2, '0,GM0363,Gemeente,"1,5"', '1,GM0344,Gemeente,1.5'].join('\n')), 'kwb2017_83765NED_m.csv');
    expect(m.report.warnings.some((w) => w.startsWith('column "Onbekend_99" read as text: line'))).toBe(true);
  });
  it('statistical symbols are missing, not errors: . x - ? → null, counted', () => {
    const t = parseStatlineCsv(kwb(row(0, 'GM0363', 'Gemeente', '.', 'x'), row(1, 'BU03630000', 'Buurt', 12, '-')), 'kwb2017_83765NED_sym.csv');
    expect(t.table.array('AantalInwoners_5')).toEqual([null, 12]);
    expect(t.columns.find((c) => c.name === 'InBezitWoningcorporatie_42')?.missing).toBe(2);
  });
  it('negative counts and percentages above 100 are warnings with counts and lines; values are kept', () => {
    const t = parseStatlineCsv(
      kwb(row(0, 'GM0363', 'Gemeente', 100, 50), row(1, 'BU03630000', 'Buurt', -5, 120), row(2, 'BU03630001', 'Buurt', -1, 101.5), row(3, 'BU03630002', 'Buurt', 3, -0.1)),
      'kwb2017_83765NED_range.csv',
    );
    expect(t.report.warnings).toContain('column "AantalInwoners_5" (aantal): 2 values below 0 (a count), e.g. line 3: -5; line 4: -1');
    expect(t.report.warnings).toContain('column "InBezitWoningcorporatie_42" (%): 3 values outside 0–100, e.g. line 3: 120; line 4: 101.5; line 5: -0.1');
    expect(t.table.array('AantalInwoners_5')).toEqual([100, -5, -1, 3]);
    expect(balance(t.report)).toBe(0);
  });
  it('0 and 100 exactly are fine', () => {
    const t = parseStatlineCsv(kwb(row(0, 'GM0363', 'Gemeente', 0, 0), row(1, 'BU03630000', 'Buurt', 0, 100)), 'kwb2017_83765NED_edges.csv');
    expect(t.report.warnings).toEqual(['layout: keys']);
  });
});

describe('StatLine CSV with bad codes', () => {
  it('a duplicate region code is a warning naming the line; both rows stay (the report balances)', () => {
    const t = parseStatlineCsv(kwb(row(0, 'GM0363', 'Gemeente', 1, 1), row(1, 'BU03630000', 'Buurt', 2, 2), row(2, 'BU03630000', 'Buurt', 3, 3)), 'kwb2017_83765NED_dup.csv');
    expect(t.report.warnings).toContain('1 row repeats a region code (joins by code will see it twice), e.g. line 4: BU03630000');
    expect(t.report).toMatchObject({ rowsRead: 3, rowsKept: 3 });
  });
  it('a code of another level than its SoortRegio is counted, SoortRegio wins', () => {
    const t = parseStatlineCsv(kwb(row(0, 'GM0363', 'Gemeente', 1, 1), row(1, 'BU03630000', 'Wijk', 2, 2)), 'kwb2017_83765NED_lvl.csv');
    expect(t.report.warnings).toContain('1 rows whose SoortRegio disagrees with the level of their code (SoortRegio used)');
    expect(t.table.array('level')).toEqual(['gemeente', 'wijk']);
  });
  it('an invalid code gives code null, counted; the row is kept, not silently dropped', () => {
    const t = parseStatlineCsv(kwb(row(0, 'GM0363', 'Gemeente', 1, 1), row(1, 'XX12', 'Buurt', 2, 2)), 'kwb2017_83765NED_inv.csv');
    expect(t.report.warnings).toContain('1 rows without a valid region code (code is null)');
    expect(t.table.array('code')).toEqual(['GM0363', null]);
    expect(t.columns.find((c) => c.name === 'code')?.missing).toBe(1);
  });
  it('unknown codes (well-formed, not in the other table) are listed by the join report', () => {
    const t = parseStatlineCsv(kwb(row(0, 'BU03630000', 'Buurt', 1, 1), row(1, 'BU99999999', 'Buurt', 2, 2)), 'kwb2017_83765NED_unk.csv');
    const m = matchCodes(t.table.array('code') as string[], ['BU03630000', 'BU03630001'], { left: 'kwb', right: 'grenzen' });
    expect(m).toMatchObject({ matched: 1, onlyLeft: ['BU99999999'], onlyRight: ['BU03630001'] });
  });
});

describe('StatLine CSV years and layout', () => {
  it('a year without a KWB edition is a warning, the table id is kept', async () => {
    const p = writeCase(dir, 'kwb2031_99999NED.csv', kwb(row(0, 'GM0363', 'Gemeente', 1, 1)));
    const d = await inspectJson(p);
    expect(d.warnings).toContain('year 2031 has no KWB edition (known editions up to 2025): check the file name or title');
  });
  it('a known table id gives its year whatever else the name says', () => {
    const t = parseStatlineCsv(kwb(row(0, 'GM0363', 'Gemeente', 1, 1)), 'kwb_83765NED.csv');
    expect(t.provenance).toMatchObject({ tableId: '83765NED', year: 2017 });
    expect(t.report.warnings.some((w) => /no KWB edition/.test(w))).toBe(false);
  });
  it('a header-only export: zero rows, balanced', () => {
    const t = parseStatlineCsv(kwb(), 'kwb2017_83765NED_empty.csv');
    expect(t.report).toMatchObject({ rowsRead: 0, rowsKept: 0, dropped: [] });
  });
  it('a cut export names the short line', () => {
    const p = writeCase(dir, 'kwb2017_83765NED_cut.csv', [H, row(0, 'GM0363', 'Gemeente', 1, 1), '1,BU03630000,Amsterdam,Buurt'].join('\n'));
    expect(() => loadStatlineCsv(p)).toThrow(/line 3: wrong number of fields; expected 7 fields like the header \(delimiter ","\), found 4/);
  });
});
