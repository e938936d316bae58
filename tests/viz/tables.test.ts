// Tables instead of JSON blobs: Dutch number formatting, reports as rows, counts that add up.
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { matchCodes } from '../../src/regions/match.js';
import { SIGNAL_CATEGORIES, SIGNAL_LABELS } from '../../src/signal/categories.js';
import { countByCategory } from '../../src/signal/summary.js';
import {
  countsTable,
  defaultDigits,
  formatTableNl,
  inputsTable,
  joinReportTable,
  loadsTable,
  markdownNl,
  summaryTable,
  warningsTable,
} from '../../src/viz/tables.js';

describe('formatTableNl', () => {
  it('writes decimal commas, thousands dots and the minus sign; missing as –; years plain', () => {
    const t = aq.table({ jaar: [2014, 2022], inwoners: [12345, null], dK: [-1.23456, 0.5], ok: [true, false] });
    expect(formatTableNl(t).objects()).toEqual([
      { jaar: '2014', inwoners: '12.345', dK: '\u22121,23', ok: 'ja' },
      { jaar: '2022', inwoners: '–', dK: '0,5', ok: 'nee' },
    ]);
  });
  it('takes digits per column and a limit', () => {
    const t = aq.table({ a: [0.123456, 1], b: [2.5, 3] });
    expect(formatTableNl(t, { digits: { a: 1 }, limit: 1 }).objects()).toEqual([{ a: '0,1', b: '2,5' }]);
    expect(formatTableNl(t, { digits: 0 }).objects()).toEqual([{ a: '0', b: '3' }, { a: '1', b: '3' }]);
  });
  it('chooses decimals by magnitude, none for whole numbers', () => {
    expect([defaultDigits([1, 2000]), defaultDigits([150.5]), defaultDigits([12.5]), defaultDigits([1.5]), defaultDigits([0.5]), defaultDigits([0.012])]).toEqual([0, 0, 1, 2, 3, 4]);
  });
  it('a column that mixes K (%) and O (score) keeps both readable', () => {
    expect(formatTableNl(aq.table({ mean: [12.3456, 0.012345, 1500.2] })).array('mean')).toEqual(['12,3', '0,0123', '1.500']);
  });
  it('never prints six English decimals: a describe-like row', () => {
    const row = formatTableNl(aq.table({ mean: [3.141592653589793], sd: [0.004321987] })).objects()[0] as Record<string, string>;
    expect(row).toEqual({ mean: '3,14', sd: '0,0043' });
  });
});

describe('markdownNl', () => {
  it('builds a table with right-aligned numbers and escaped pipes', () => {
    const md = markdownNl(aq.table({ gemeente: ['Veer|dam', 'Oost'], inwoners: [12345, 7] }));
    expect(md.split('\n')).toEqual(['| gemeente | inwoners |', '| :-- | --: |', '| Veer\\|dam | 12.345 |', '| Oost | 7 |']);
  });
  it('says how many rows were left out', () => {
    const md = markdownNl(aq.table({ x: [1, 2, 3, 4] }), { limit: 2 });
    expect(md.split('\n').slice(2)).toEqual(['| 1 |', '| 2 |', '', '… en nog 2 rijen']);
  });
});

describe('report tables', () => {
  it('a load report: kept + dropped = read, reasons listed', () => {
    const t = loadsTable([{ file: '/data/demo/kwb/a.csv', rowsRead: 120, rowsKept: 100, dropped: [{ reason: 'geen code', count: 15 }, { reason: 'dubbel', count: 5 }], warnings: ['w'] }]);
    const r = t.objects()[0] as Record<string, unknown>;
    expect(r).toEqual({ bestand: 'a.csv', gelezen: 120, behouden: 100, weggelaten: 20, 'waarom weggelaten': '15 × geen code; 5 × dubbel', waarschuwingen: 1 });
    expect((r.behouden as number) + (r.weggelaten as number)).toBe(r.gelezen);
  });
  it('a join report from matchCodes: counts and the first examples', () => {
    const j = matchCodes(['BU1', 'BU2', 'BU3', 'BU4', 'BU5', 'BU6'], ['BU1', 'BU7', 'BU1'], { left: 'KWB', right: 'grenzen' });
    const r = joinReportTable([j], 2).objects()[0] as Record<string, unknown>;
    expect(r).toMatchObject({ links: 'KWB', rechts: 'grenzen', gekoppeld: 1, 'alleen links': 5, 'voorbeelden links': 'BU2, BU3, … (+3)', 'alleen rechts': 1, 'voorbeelden rechts': 'BU7', dubbel: 1 });
  });
  it('inputs with a short checksum and the edition or year', () => {
    const t = inputsTable([
      { role: 'kwb 2022', file: '/x/kwb/k.csv', kind: 'statline-csv', year: 2022, tableId: '85318NED', checksum: 'sha256:0123456789abcdef0123' },
      { role: 'grenzen t1', file: 'g.geojson', kind: 'geojson', edition: 'wijk- en buurtkaart 2022', checksum: 'abcdef' },
    ]);
    expect(t.objects()).toEqual([
      { rol: 'kwb 2022', bestand: 'k.csv', soort: 'statline-csv', editie: '2022', tabel: '85318NED', controlesom: '0123456789ab' },
      { rol: 'grenzen t1', bestand: 'g.geojson', soort: 'geojson', editie: 'wijk- en buurtkaart 2022', tabel: '', controlesom: 'abcdef' },
    ]);
  });
  it('warnings: duplicates once with their count; none says so', () => {
    expect(warningsTable(['a', 'b', 'a']).objects()).toEqual([{ nr: '1', waarschuwing: 'a', aantal: 2 }, { nr: '2', waarschuwing: 'b', aantal: 1 }]);
    expect(warningsTable([]).objects()).toEqual([{ nr: '', waarschuwing: 'geen waarschuwingen', aantal: 0 }]);
  });
  it('counts by descending count, or in a given order', () => {
    expect(countsTable({ identical: 216, split: 1, merged: 2 }, 'relatie', 'buurten').objects()).toEqual([
      { relatie: 'identical', buurten: 216 },
      { relatie: 'merged', buurten: 2 },
      { relatie: 'split', buurten: 1 },
    ]);
    expect(countsTable({ a: 1, b: 2 }, 'k', 'n', ['a', 'c', 'b']).array('k')).toEqual(['a', 'b']);
  });
});

describe('summaryTable', () => {
  const t = aq.table({
    categorie_absoluut: ['veerkracht_onder_druk', 'geen_signaal', 'geen_signaal', 'onvoldoende_gegevens'],
    categorie_relatief: ['geen_signaal', 'geen_signaal', 'kwetsbaarheid_neemt_toe', 'onvoldoende_gegevens'],
    inwoners: [1000, 2000.4, 500, null],
  });
  it('one row per category with its Dutch label, in the fixed order, and a total that adds up', () => {
    const s = summaryTable({ absoluut: countByCategory(t, 'categorie_absoluut'), relatief: countByCategory(t, 'categorie_relatief') });
    const rows = s.objects() as Record<string, number | string>[];
    expect(rows.map((r) => r.signaal)).toEqual([...SIGNAL_CATEGORIES.map((c) => SIGNAL_LABELS[c]), 'totaal']);
    const onderDruk = rows[SIGNAL_CATEGORIES.indexOf('veerkracht_onder_druk')];
    expect(onderDruk).toMatchObject({ 'buurten absoluut': 1, 'inwoners absoluut': 1000, 'buurten relatief': 0 });
    expect(rows[rows.length - 1]).toMatchObject({ 'buurten absoluut': 4, 'buurten relatief': 4, 'inwoners absoluut': 3500, 'inwoners relatief': 3500 });
  });
  it('a single count has plain column names', () => {
    expect(summaryTable({ x: countByCategory(t, 'categorie_absoluut') }).columnNames()).toEqual(['signaal', 'buurten', 'inwoners']);
  });
});
