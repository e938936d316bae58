/**
 * The corpus for the Leefbaarometer, corporation, microdata and postcode loaders: each bad input
 * with its exact behaviour (error with file, line, column, expected, found; or a counted drop or
 * warning).
 */
import { describe, expect, it } from 'vitest';
import { parseLeefbaarometer } from '../../src/sources/leefbaarometer/index.js';
import { parseBezit, parseVerhuringen } from '../../src/sources/corporatie/index.js';
import { parseMicrodata } from '../../src/sources/microdata/index.js';
import { parsePc6Table } from '../../src/sources/pc6/index.js';
import { LBM_HEADER, balance, cliError, cp1252, inspectJson, lbmRow, tempDir, thrown, writeCase } from './corpus.js';

const dir = tempDir();
const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('Leefbaarometer', () => {
  it('afw ≠ fys+onv+soc+vrz+won: a warning with the count and the line; the row is kept', () => {
    const t = parseLeefbaarometer(lines(LBM_HEADER, lbmRow('BU03630000', 2020), lbmRow('BU03630002', 2020), 'BU03630001,B,2020,4.6,0.5,0.01,0.01,0.01,0.01,0.01'), { file: 'lbm.csv' });
    expect(t.report.warnings[0]).toBe('afw ≠ fys+onv+soc+vrz+won in 1 of 3 rows (beyond published rounding), e.g. line 4 (BU03630001 2020): afw 0.5, sum 0.05');
    expect(t.checks.afwSum).toMatchObject({ violations: 1 });
    expect(t.report).toMatchObject({ rowsRead: 3, rowsKept: 3 });
  });
  it('afw off by less than the published rounding is not a violation', () => {
    const t = parseLeefbaarometer(lines(LBM_HEADER, 'BU03630000,A,2020,4.15,0.050001,0.01,0.01,0.01,0.01,0.01'), { file: 'r.csv' });
    expect(t.report.warnings.some((w) => w.startsWith('afw ≠'))).toBe(false);
  });
  it('a duplicate code and year: the second is dropped and counted with its line', () => {
    const t = parseLeefbaarometer(lines(LBM_HEADER, lbmRow('BU03630000', 2020), lbmRow('BU03630000', 2020), lbmRow('BU03630000', 2022)), { file: 'd.csv' });
    expect(t.report.dropped).toEqual([{ reason: 'duplicate code and jaar (first kept)', count: 1, examples: ['line 3: BU03630000 2020'] }]);
    expect(balance(t.report)).toBe(1);
  });
  it('a code of another level than the file is dropped as invalid for that level', () => {
    const t = parseLeefbaarometer(lines(LBM_HEADER, lbmRow('BU03630000', 2020), lbmRow('WK036300', 2020), lbmRow('nonsense', 2020)), { file: 'l.csv' });
    expect(t.report.dropped).toEqual([{ reason: 'invalid buurt code', count: 2, examples: ['line 3: "WK036300"', 'line 4: "nonsense"'] }]);
  });
  it('a year that is not a Leefbaarometer year is a warning naming the year', () => {
    const t = parseLeefbaarometer(lines(LBM_HEADER, lbmRow('BU03630000', 2020), lbmRow('BU03630001', 2019)), { file: 'y.csv' });
    expect(t.report.warnings).toContain('years that are not Leefbaarometer years: 2019');
  });
  it('a non-number in a score column names file, line, column and cell', async () => {
    const p = writeCase(dir, 'lbm-nonnum.csv', lines(LBM_HEADER, lbmRow('BU03630000', 2020), 'BU03630001,B,2020,abc,0.5,0.01,0.01,0.01,0.01,0.01'));
    expect(await cliError(['inspect', p])).toMatch(new RegExp(`^veerkracht inspect: ${p}, line 3, column "lbm": not a number; expected a number with decimal point or a missing symbol .*, found "abc"$`));
  });
  it('a non-year in jaar is an error, not a dropped row', () => {
    const e = thrown(() => parseLeefbaarometer(lines(LBM_HEADER, 'BU03630000,A,twintig,4.1,0.1,0.02,0.02,0.02,0.02,0.02'), { file: 'j.csv' }));
    expect(e.location).toMatchObject({ file: 'j.csv', line: 2, column: 'jaar' });
  });
  it('a header-only file gives zero rows; a file without a code column is an error', () => {
    const t = parseLeefbaarometer(lines(LBM_HEADER), { file: 'h.csv' });
    expect(t.report).toMatchObject({ rowsRead: 0, rowsKept: 0 });
    expect(() => parseLeefbaarometer(lines('naam,jaar,lbm', 'x,2020,4'), { file: 'nc.csv' })).toThrow(/^nc\.csv, line 1: no code column in Leefbaarometer file/);
  });
});

const BEZIT = 'VHE-nummer;Straat;Huisnummer;Toevoeging;Postcode;Plaats;Woningtype;Kale huur;Bouwjaar';
const VERH = 'Datum;VHE-nummer;Straat;Postcode;Huisnummer;Toevoeging;Huishoudtype;Inkomensklasse;Urgentie;Vorige woonsituatie;Statushouder;Netto huur';

describe('corporation files', () => {
  it('a negative rent is a warning with count and line; the value is kept as given', () => {
    const t = parseBezit(lines(BEZIT, '1;H;1;A;3900AA;S;Eengezinswoning;-752,56;1952', '2;H;3;;3900AA;S;Eengezinswoning;700,00;1952'), { file: 'b.csv' });
    expect(t.report.warnings).toContain('1 negative rents (kept as given; a rent is ≥ 0), e.g. line 2: -752.56');
    expect(t.table.array('huur')).toEqual([-752.56, 700]);
  });
  it('a rent that is not an amount names file, line, column and cell', () => {
    const e = thrown(() => parseBezit(lines(BEZIT, '1;H;1;A;3900AA;S;Eengezinswoning;abc;1952'), { file: 'b.csv' }));
    expect(e.location).toMatchObject({ file: 'b.csv', line: 2, column: 'Kale huur', found: '"abc"' });
  });
  it('duplicate VHE ids and rows without id are dropped and counted', () => {
    const t = parseBezit(lines(BEZIT, '1;H;1;A;3900AA;S;Eengezinswoning;1,00;1952', '1;H;1;A;3900AA;S;Eengezinswoning;2,00;1952', ';H;5;;3900AA;S;Eengezinswoning;3,00;1952'), { file: 'b.csv' });
    expect(t.report.dropped.map((d) => [d.reason, d.count])).toEqual([['duplicate VHE id (first kept)', 1], ['no VHE id', 1]]);
    expect(balance(t.report)).toBe(2);
  });
  it('a stock list cut in the middle of its last row is read, but the short row is reported with its line', () => {
    const t = parseBezit(lines(BEZIT, '1;H;1;A;3900AA;S;Eengezinswoning;1,00;1952', '2;H;3;;3900AA'), { file: 'b.csv' });
    expect(t.report.warnings).toContain('1 rows have fewer fields than the header (missing cells read as empty), e.g. line 3');
    expect(t.table.array('huur')).toEqual([1, null]);
    const v = parseVerhuringen(lines(VERH, '12-05-2019;1;H;3900AA;1;;Overig;Midden;Regulier;Zelfstandig wonend;Nee;519,03', '12-05-2019;2;H'), { file: 'v.csv' });
    expect(v.report.warnings).toContain('1 rows have fewer fields than the header (missing cells read as empty), e.g. line 3');
  });
  it('the demo corporation files have no short rows (no false alarm)', async () => {
    for (const f of ['synthetisch_bezit_vhe_2022_wooncooperatie-de-eendracht.csv', 'synthetisch_verhuringen_wooncooperatie-de-eendracht_2019-2022.csv']) {
      const d = await inspectJson(`data/demo/corporatie/${f}`);
      expect(d.warnings.some((w) => w.includes('fewer fields'))).toBe(false);
    }
  });
  it('a date that does not exist names the cell', async () => {
    const p = writeCase(dir, 'verhuringen.csv', lines(VERH, '31-02-2019;1;H;3900AA;1;;Overig;Midden;Regulier;Zelfstandig wonend;Nee;519,03'));
    expect(await cliError(['inspect', p])).toBe(
      `veerkracht inspect: ${p}, line 2, column "Datum": not a valid date; expected an existing calendar date, found "31-02-2019"`,
    );
  });
  it('an unrecognised urgency or ja/nee value is unknown (null), counted in a warning', () => {
    const t = parseVerhuringen(lines(VERH, '12-05-2019;1;H;3900AA;1;;Overig;Midden;Misschien;Zelfstandig wonend;Nee;519,03', '12-05-2019;2;H;3900AA;3;;Overig;Midden;Regulier;Zelfstandig wonend;Jawel;519,03'), { file: 'v.csv' });
    expect(t.report.warnings[0]).toBe('2 cells not recognised as ja/nee or urgency status, taken as unknown (urgentie: "Misschien"; statushouder: "Jawel")');
    expect(t.table.array('urgentie')).toEqual([null, false]);
  });
});

const MICRO = 'buurtcode,jaar,groep,status,aantal_personen';

describe('microdata aggregate', () => {
  it('a negative count is an error naming the cell', async () => {
    const p = writeCase(dir, 'micro-neg.csv', lines(MICRO, 'BU03630000,2020,totaal,instroom,-5'));
    expect(await cliError(['inspect', p])).toBe(
      `veerkracht inspect: ${p}, line 2, column "aantal_personen": negative count; expected a count ≥ 0 or a suppression marker, found "-5"`,
    );
  });
  it('a non-number count is an error; a suppression marker is missing, counted', () => {
    expect(() => parseMicrodata(lines(MICRO, 'BU03630000,2020,totaal,instroom,veel'), { file: 'm.csv' })).toThrow(/^m\.csv, line 2, column "aantal_personen": not a number/);
    const t = parseMicrodata(lines(MICRO, 'BU03630000,2020,totaal,instroom,<10', 'BU03630000,2020,totaal,zittend,40'), { file: 'm.csv' });
    expect(t.table.array('aantal')).toEqual([null, 40]);
    expect(t.report.warnings).toContain('1 of 2 counts are suppressed (missing, not 0)');
  });
  it('a year that is not a year and an unknown status are errors naming the column', () => {
    expect(thrown(() => parseMicrodata(lines(MICRO, 'BU03630000,20x0,totaal,instroom,5'), { file: 'm.csv' })).location).toMatchObject({ line: 2, column: 'jaar', found: '"20x0"' });
    expect(thrown(() => parseMicrodata(lines(MICRO, 'BU03630000,2020,totaal,weg,5'), { file: 'm.csv' })).location).toMatchObject({ line: 2, column: 'status' });
  });
  it('invalid codes and duplicates are dropped and counted; a group above its totaal is a warning', () => {
    const t = parseMicrodata(
      lines(MICRO, 'BU03630000,2020,totaal,instroom,5', 'BU03630000,2020,totaal,instroom,6', 'XX,2020,totaal,instroom,5', 'BU03630000,2020,kwetsbaar,instroom,9'),
      { file: 'm.csv' },
    );
    expect(t.report.dropped.map((d) => [d.reason, d.count])).toEqual([['duplicate buurtcode, jaar, groep, status (first kept)', 1], ['invalid region code', 1]]);
    expect(t.report.warnings).toContain('1 group counts exceed their totaal, e.g. line 5 (BU03630000 2020 kwetsbaar instroom: 9 > 5)');
    expect(balance(t.report)).toBe(2);
  });
});

const PC6 = 'PC6;Huisnummer;Buurt2022;Wijk2022;Gemeente2022';

describe('postcode tables', () => {
  it('a repeated address is dropped and counted (first kept), so the lookup cannot silently take the last', () => {
    const t = parsePc6Table(lines(PC6, '3900AA;1;99040000;990400;9904', '3900AA;1;99040001;990400;9904', '3900AA;3;99040000;990400;9904'), { file: 'p.csv' });
    expect(t.report.dropped).toEqual([{ reason: 'duplicate postcode and huisnummer (first kept)', count: 1, examples: ['line 3: 3900AA 1 BU99040001 (first BU99040000)'] }]);
    expect(t.table.array('buurt')).toEqual(['BU99040000', 'BU99040000']);
    expect(balance(t.report)).toBe(1);
  });
  it('invalid postcodes, house numbers and buurt codes are dropped with their reason', async () => {
    const p = writeCase(dir, 'pc6hnr20220801_gwb.csv', lines(PC6, '39AA;1;99040000;990400;9904', '3900AA;0;99040000;990400;9904', '3900AA;2;XX;990400;9904', '3900AA;4;99040000;990400;9904'));
    const d = await inspectJson(p);
    expect(d.report.dropped.map((x) => [x.reason, x.count])).toEqual([['invalid postcode', 1], ['invalid huisnummer', 1], ['invalid buurt code', 1]]);
    expect(d.report).toMatchObject({ rowsRead: 4, rowsKept: 1 });
  });
  it('a wijk that does not contain its buurt is a warning', () => {
    const t = parsePc6Table(lines(PC6, '3900AA;1;99040000;990500;9904'), { file: 'p.csv' });
    expect(t.report.warnings[0]).toMatch(/^1 rows whose wijk or gemeente code does not contain the buurt code, e\.g\. line 2: BU99040000/);
  });
});

describe('Windows-1252 files for every CSV loader', () => {
  const name = 'Co\u00f6peratie \u2018t Hoekje\u2019 \u2013 \u20ac';
  it('Leefbaarometer names, stock streets and microdata groups decode with € ‘ ’ – and warn once', () => {
    const l = parseLeefbaarometer(cp1252(lines(LBM_HEADER, lbmRow('BU03630000', 2020).replace('Buurt BU03630000', name))), { file: 'l.csv' });
    expect(l.table.array('naam')).toEqual([name]);
    expect(l.report.warnings).toContain('file is not valid UTF-8: decoded as Windows-1252');
    const b = parseBezit(cp1252(lines(BEZIT, `1;${name};1;A;3900AA;S;Eengezinswoning;1,00;1952`)), { file: 'b.csv' });
    expect(b.report.warnings).toContain('file is not valid UTF-8: decoded as Windows-1252');
    const m = parseMicrodata(cp1252(lines(MICRO, `BU03630000,2020,${name},instroom,5`, 'BU03630000,2020,totaal,instroom,9')), { file: 'm.csv' });
    expect((m.table.array('groep') as string[]).some((g) => g.includes('\u2018') && g.includes('\u20ac'))).toBe(true);
    expect(m.report.warnings).toContain('file is not valid UTF-8: decoded as Windows-1252');
  });
});
