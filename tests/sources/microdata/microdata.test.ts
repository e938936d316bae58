import { describe, expect, it } from 'vitest';
import { normalizeStatus, suppressionMarker } from '../../../src/sources/microdata/format.js';
import { parseMicrodata } from '../../../src/sources/microdata/load.js';
import { looksLikeMicrodata } from '../../../src/sources/microdata/reader.js';
import { deriveMicrodataShares } from '../../../src/sources/microdata/shares.js';
import { microdataK } from '../../../src/sources/microdata/indicator.js';

const TEXT = [
  'Buurtcode;Jaar;Groep;Status;Aantal',
  'BU03440101;2020;Totaal;instroom;200',
  'BU03440101;2020;laag_inkomen;instroom;50',
  'BU03440101;2020;ggz;instroom;<10',
  'BU03440101;2020;lvb;instroom;0',
  '03440101;2020;totaal;Zittende bewoners;x', // total suppressed
  'BU03440101;2020;laag_inkomen;zittend;300',
  'BU03440102;2020;laag_inkomen;instroom;12,5', // no total row for this buurt
  'BU03440103;2020;totaal;uitstroom;0',
  'BU03440103;2020;ggz;uitstroom;.',
  'BU03440103;2020;lvb;uitstroom;0',
  'BU03440101;2020;ggz;instroom;11', // duplicate key
  'BUxx;2020;ggz;instroom;11', // invalid code
  'BU03440104;2021;totaal;instroom;20',
  'BU03440104;2021;ggz;instroom;25', // larger than its total
  'BU03440104;2021;lvb;instroom;',
].join('\n');

describe('microdata format', () => {
  it('recognises suppression markers, and 0 is not one', () => {
    for (const m of ['', '.', 'x', 'X', '-', '<10', '< 5', '<=4', '≤9']) expect(suppressionMarker(m)).not.toBeNull();
    for (const v of ['0', '10', '3,5']) expect(suppressionMarker(v)).toBeNull();
  });
  it('accepts the status spellings', () => {
    expect(normalizeStatus('Instromers')).toBe('instroom');
    expect(normalizeStatus('zittende bewoners')).toBe('zittend');
    expect(normalizeStatus('Vertrekkers')).toBe('uitstroom');
    expect(normalizeStatus('verhuisd')).toBeNull();
  });
  it('sniffs the header', () => {
    expect(looksLikeMicrodata('buurtcode;jaar;groep;status;aantal')).toBe(true);
    expect(looksLikeMicrodata('bu_code,jaar,doelgroep,status,personen,eenheid')).toBe(true);
    expect(looksLikeMicrodata('bu_code,jaar,lbm')).toBe(false);
  });
});

describe('parseMicrodata', () => {
  const m = parseMicrodata(TEXT, { file: 'md.csv' });
  it('keeps suppressed counts as null with their marker', () => {
    const rows = m.table.objects() as Record<string, unknown>[];
    expect(rows[2]).toMatchObject({ code: 'BU03440101', groep: 'ggz', aantal: null, onderdrukt: true, markering: '<10' });
    expect(rows[3]).toMatchObject({ groep: 'lvb', aantal: 0, onderdrukt: false });
    expect(rows[4]).toMatchObject({ code: 'BU03440101', groep: 'totaal', status: 'zittend', aantal: null, onderdrukt: true });
    expect(rows[6]).toMatchObject({ aantal: 12.5 });
    expect(m.columns.find((c) => c.name === 'aantal')?.missing).toBe(4);
  });
  it('balances the report and warns about inconsistent totals', () => {
    expect(m.report.rowsRead).toBe(15);
    expect(m.report.rowsKept).toBe(13);
    expect(m.report.dropped.map((d) => [d.reason, d.count])).toEqual([
      ['duplicate buurtcode, jaar, groep, status (first kept)', 1],
      ['invalid region code', 1],
    ]);
    expect(m.report.warnings).toContain('1 group counts exceed their totaal, e.g. line 15 (BU03440104 2021 ggz instroom: 25 > 20)');
    expect(m.report.warnings.some((w) => w.startsWith('1 buurt × jaar × status combinations have no "totaal" row'))).toBe(true);
    expect(m.report.warnings).toContain('4 of 13 counts are suppressed (missing, not 0)');
  });
  it('errors with the location on a bad status or count', () => {
    expect(() => parseMicrodata('buurtcode;jaar;groep;status;aantal\nBU03440101;2020;ggz;verhuisd;5\n', { file: 'md.csv' })).toThrow(
      /md\.csv, line 2, column "status": unknown status; expected instroom, zittend or uitstroom, found "verhuisd"/,
    );
    expect(() => parseMicrodata('buurtcode;jaar;groep;status;aantal\nBU03440101;2020;ggz;instroom;veel\n')).toThrow(/column "aantal": not a number/);
    expect(() => parseMicrodata('buurtcode;jaar;groep;status;aantal\nBU03440101;2020;ggz;instroom;-3\n')).toThrow(/negative count/);
    expect(() => parseMicrodata('buurtcode;jaar;status;aantal\nBU03440101;2020;instroom;3\n')).toThrow(/required column "groep" is missing/);
  });
  it('decodes Windows-1252 group labels', () => {
    const bytes = Uint8Array.from([...'buurtcode;jaar;groep;status;aantal\nBU03440101;2020;caf'].map((c) => c.charCodeAt(0)).concat([0xe9], [...';instroom;4\n'].map((c) => c.charCodeAt(0))));
    expect(parseMicrodata(bytes).table.get('groep', 0)).toBe('café');
  });
});

describe('deriveMicrodataShares', () => {
  const { table, counts } = deriveMicrodataShares(parseMicrodata(TEXT).table);
  const rows = table.objects() as Record<string, unknown>[];
  const find = (code: string, groep: string, status: string) => rows.find((r) => r.code === code && r.groep === groep && r.status === status)!;
  it('divides by the totaal of the same buurt, year and status', () => {
    expect(find('BU03440101', 'laag_inkomen', 'instroom')).toMatchObject({ totaal: 200, aandeel_pct: 25, aandeel_status: 'ok', aandeel_ontbreekt: false });
    expect(find('BU03440101', 'lvb', 'instroom')).toMatchObject({ aandeel_pct: 0, aandeel_status: 'ok' });
  });
  it('carries suppression through: missing and flagged, never 0', () => {
    expect(find('BU03440101', 'ggz', 'instroom')).toMatchObject({ aandeel_pct: null, aandeel_status: 'groep onderdrukt', aandeel_ontbreekt: true });
    expect(find('BU03440101', 'laag_inkomen', 'zittend')).toMatchObject({ aandeel_pct: null, aandeel_status: 'totaal onderdrukt' });
    expect(find('BU03440102', 'laag_inkomen', 'instroom')).toMatchObject({ aandeel_pct: null, aandeel_status: 'totaal ontbreekt', totaal: null });
    expect(find('BU03440103', 'lvb', 'uitstroom')).toMatchObject({ aandeel_pct: null, aandeel_status: 'totaal is 0' });
    expect(find('BU03440104', 'lvb', 'instroom')).toMatchObject({ aandeel_pct: null, aandeel_status: 'groep onderdrukt' });
  });
  it('has one share row per non-total row, counted by status', () => {
    expect(rows).toHaveLength(9);
    expect(counts).toEqual({ ok: 3, 'groep onderdrukt': 3, 'totaal onderdrukt': 1, 'totaal ontbreekt': 1, 'totaal is 0': 1 });
  });
});

describe('microdataK', () => {
  const shares = deriveMicrodataShares(parseMicrodata(TEXT).table).table;
  it('gives K, its denominator and whether it was suppressed', () => {
    const k = microdataK(shares, 'ggz', 'instroom').objects();
    expect(k).toEqual([
      { code: 'BU03440101', jaar: 2020, K: null, K_noemer: 200, K_geheim: true, K_status: 'groep onderdrukt' },
      { code: 'BU03440104', jaar: 2021, K: 125, K_noemer: 20, K_geheim: false, K_status: 'ok' },
    ]);
    expect(microdataK(shares, 'laag_inkomen', 'instroom').objects()[1]).toMatchObject({ code: 'BU03440102', K: null, K_geheim: false, K_status: 'totaal ontbreekt' });
  });
  it('names the groups when the selection is empty', () => {
    expect(() => microdataK(shares, 'armoede', 'instroom')).toThrow(/expected one of ggz, laag_inkomen, lvb/);
  });
});
