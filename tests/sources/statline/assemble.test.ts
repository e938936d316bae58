import { describe, expect, it } from 'vitest';
import { assembleStatline } from '../../../src/sources/statline/assemble.js';
import { parseStatlineCsv } from '../../../src/sources/statline/csv-export.js';
import { VeerkrachtError } from '../../../src/util/errors.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('assembleStatline', () => {
  it('derives code, level and gemeente; SoortRegio wins over the code and the disagreement is reported', () => {
    const t = assembleStatline({
      kind: 'test',
      columns: [
        { info: { key: 'WijkenEnBuurten' }, values: ['NL00      ', 'GM0344    ', 'WK034401  ', 'BU03440101'] },
        { info: { key: 'SoortRegio_2' }, values: ['Land', 'Gemeente', 'Buurt', 'Buurt'] },
        { info: { key: 'AantalInwoners_5', unit: 'aantal' }, values: [10, 5, null, 2] },
      ],
      roles: { code: 'WijkenEnBuurten', soort: 'SoortRegio_2' },
    });
    expect(t.table.array('code')).toEqual(['NL00', 'GM0344', 'WK034401', 'BU03440101']);
    expect(t.table.array('level')).toEqual(['land', 'gemeente', 'buurt', 'buurt']);
    expect(t.table.array('gemeente')).toEqual([null, 'GM0344', 'GM0344', 'GM0344']);
    expect(t.columns.find((c) => c.name === 'AantalInwoners_5')).toMatchObject({ unit: 'aantal', missing: 1 });
    expect(t.report.warnings[0]).toMatch(/^1 rows whose SoortRegio disagrees/);
  });
  it('accepts bare codes when SoortRegio gives the level', () => {
    const t = assembleStatline({
      kind: 'test',
      columns: [
        { info: { key: 'Codering_3' }, values: ['0344', '03440101', '34'] },
        { info: { key: 'SoortRegio_2' }, values: ['Gemeente', 'Buurt', 'Gemeente'] },
        { info: { key: 'x_1' }, values: ['1', '2', '3'] },
      ],
      roles: { code: 'Codering_3', soort: 'SoortRegio_2' },
    });
    expect(t.table.array('code')).toEqual(['GM0344', 'BU03440101', 'GM0034']);
  });
  it('drops rows without SoortRegio and without values with a reason and examples; rows with values stay', () => {
    const t = assembleStatline({
      kind: 'test',
      lines: [2, 3, 4],
      columns: [
        { info: { key: 'WijkenEnBuurten' }, values: ['GM0820', 'GM0821', 'GM0344'] },
        { info: { key: 'Gemeentenaam_1' }, values: ['Nuenen', 'X', 'Utrecht'] },
        { info: { key: 'SoortRegio_2' }, values: ['', '', 'Gemeente'] },
        { info: { key: 'n_1' }, values: ['', '7', '.'] },
      ],
      roles: { code: 'WijkenEnBuurten', soort: 'SoortRegio_2', ignore: ['Gemeentenaam_1'] },
    });
    expect(t.table.array('code')).toEqual(['GM0821', 'GM0344']);
    expect(t.table.array('level')).toEqual(['gemeente', 'gemeente']);
    expect(t.report).toMatchObject({ rowsRead: 3, rowsKept: 2 });
    expect(t.report.dropped).toEqual([{ reason: 'unusable: no SoortRegio and no values', count: 1, examples: ['line 2 GM0820'] }]);
    expect(t.table.array('n_1')).toEqual([7, null]);
  });
  it('with source metadata, a non-number in a numeric topic is an error naming line and column', () => {
    expect(() =>
      assembleStatline({
        kind: 'test',
        file: 'k.csv',
        lines: [2, 3],
        strictNumbers: true,
        columns: [{ info: { key: 'AantalInwoners_5', unit: 'aantal' }, values: ['5', 'vijf'] }],
        roles: {},
      }),
    ).toThrow(/^k\.csv, line 3, column "AantalInwoners_5": not a number; expected a number \(aantal\) or a missing symbol, found "vijf"$/);
  });
  it('counts invalid region codes instead of guessing', () => {
    const t = assembleStatline({
      kind: 'test',
      columns: [
        { info: { key: 'RegioS' }, values: ['GM0344', 'PV26'] },
        { info: { key: 'n_1' }, values: [1, 2] },
      ],
      roles: { code: 'RegioS' },
    });
    expect(t.table.array('code')).toEqual(['GM0344', null]);
    expect(t.report.warnings).toContain('1 rows without a valid region code (code is null)');
  });
});

describe('parseStatlineCsv', () => {
  it('reads the symbols layout with x, -, ? and . as missing', () => {
    const text = [
      '"Kerncijfers wijken en buurten 2016"',
      '""',
      '"";"Onderwerp"',
      '"";"Bevolking|Aantal inwoners";"Inkomen|Huishoudens met een laag inkomen"',
      '"Wijken en buurten";"aantal";"%"',
      '"Utrecht";"343000";"10,1"',
      '"Wijk 01";"x";"-"',
      '"Buurt 1";"?";"."',
      '"Bron: CBS"',
    ].join('\r\n');
    const t = parseStatlineCsv(enc(`\uFEFF${text}`), 's.csv');
    expect(t.table.numRows()).toBe(3);
    expect(t.table.array('Bevolking / Aantal inwoners')).toEqual([343000, null, null]);
    expect(t.table.array('Inkomen / Huishoudens met een laag inkomen')).toEqual([10.1, null, null]);
    expect(t.columns.map((c) => c.missing)).toEqual([0, 0, 2, 2]);
    expect(t.provenance.year).toBe(2016);
  });
  it('names the line of a row with a wrong field count', () => {
    try {
      parseStatlineCsv(enc('ID,WijkenEnBuurten,SoortRegio_2,AantalInwoners_5\n0,NL00,Land,1\n1,GM0344,Gemeente\n'), 'k.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(VeerkrachtError);
      expect((e as VeerkrachtError).message).toBe('k.csv, line 3: wrong number of fields; expected 4 fields like the header (delimiter ","), found 3');
    }
  });
  it('rejects a table that is not a StatLine export', () => {
    expect(() => parseStatlineCsv(enc('a,b\n1,2\n'), 'x.csv')).toThrow(/x\.csv, line 1: not a StatLine CSV export/);
  });
});

describe('plain title export ("Title (unit)" headers, semicolons, decimal comma)', () => {
  it('takes units from the headers, regions from Codering and Soort regio, and resolves concepts by title', async () => {
    const { resolveConcept, conceptCoverage } = await import('../../../src/sources/statline/concepts.js');
    const text = [
      'Wijken en buurten;Gemeentenaam (naam);Soort regio (omschrijving);Codering (code);Aantal inwoners (aantal);In bezit woningcorporatie (%)',
      'Utrecht;Utrecht;Gemeente;GM0344;359370;"28,5"',
      'Binnenstad;Utrecht;Buurt;BU03440101;4000;x',
    ].join('\n');
    const t = parseStatlineCsv(enc(text), 'kwb2021_plain.csv');
    expect(t.table.array('code')).toEqual(['GM0344', 'BU03440101']);
    expect(t.table.array('naam')).toEqual(['Utrecht', 'Binnenstad']);
    expect(t.columns.find((c) => c.name === 'In bezit woningcorporatie (%)')).toMatchObject({ unit: '%', title: 'In bezit woningcorporatie', missing: 1 });
    expect(t.table.array('In bezit woningcorporatie (%)')).toEqual([28.5, null]);
    const r = resolveConcept(t, 'corporatie_pct');
    expect(r.status === 'found' && r.via).toBe('title');
    const cov = conceptCoverage(t);
    expect(cov.inwoners).toBe('Aantal inwoners (aantal)');
    expect(cov.bijstand).toBeNull();
    expect(t.provenance.year).toBe(2021);
  });
});
