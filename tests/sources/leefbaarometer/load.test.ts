import { describe, expect, it } from 'vitest';
import { parseLeefbaarometer } from '../../../src/sources/leefbaarometer/load.js';

// reference 4.1 in every year; line numbers are 1-based with the header on line 1
const LONG = [
  'bu_code,bu_naam,jaar,lbm,afw,fys,onv,soc,vrz,won',
  'BU03440101,Oud,2002,4.2,0.1,NA,NA,NA,NA,NA',
  'BU03440101,Oud,2014,4.3,0.2,0.05,0.05,0.05,0.03,0.02',
  'BU03440101,Oud,2016,4.0,-0.1,NA,NA,NA,NA,NA',
  'BU03440101,Oud,2018,4.400,0.300,0.100,0.100,0.100,0.100,0.100', // afw mismatch: sum 0.5 (3 decimals: tolerance 0.003)
  'BU03440102,Nieuw,2012,4.1,0.0,0.1,NA,NA,NA,NA', // dimension in a year without dimensions
  'bu03440102,Nieuw,2014,4.05,-0.05,-0.01,-0.01,-0.01,-0.01,-0.01',
  'BU03440102,Nieuw,2014,4.05,-0.05,-0.01,-0.01,-0.01,-0.01,-0.01', // duplicate
  'XX12,Kapot,2014,4.1,0,0,0,0,0,0', // invalid code
].join('\n');

describe('parseLeefbaarometer (long)', () => {
  const t = parseLeefbaarometer(LONG, { file: 'lbm.csv' });
  it('detects the level from the code column and normalises codes', () => {
    expect(t.level).toBe('buurt');
    expect(t.years).toEqual([2002, 2012, 2014, 2016, 2018]);
    expect(t.table.array('code')).toContain('BU03440102');
    expect(t.table.columnNames()).toEqual(['code', 'naam', 'jaar', 'lbm', 'afw', 'fys', 'onv', 'soc', 'vrz', 'won']);
  });
  it('keeps NA as null, never 0', () => {
    const first = t.table.objects()[0] as Record<string, unknown>;
    expect(first.fys).toBeNull();
    expect(t.columns.find((c) => c.name === 'onv')?.missing).toBe(3);
  });
  it('balances the report: duplicate and invalid code are dropped and counted', () => {
    const r = t.report;
    expect(r.rowsRead).toBe(8);
    expect(r.rowsKept).toBe(6);
    expect(r.rowsKept + r.dropped.reduce((s, d) => s + d.count, 0)).toBe(r.rowsRead);
    expect(r.dropped.find((d) => d.reason.startsWith('duplicate'))?.examples).toEqual(['line 8: BU03440102 2014']);
    expect(r.dropped.find((d) => d.reason === 'invalid buurt code')?.count).toBe(1);
  });
  it('reports the afw-sum violation with its line', () => {
    expect(t.checks.afwSum).toMatchObject({ checked: 3, violations: 1, partial: 1 });
    expect(t.checks.afwSum.examples[0]).toMatch(/^line 5 \(BU03440101 2018\): afw 0.3, sum 0.5/);
    expect(t.report.warnings.some((w) => w.startsWith('afw ≠ fys+onv+soc+vrz+won in 1 of 3 rows'))).toBe(true);
  });
  it('reports dimension values in a year without dimensions', () => {
    expect(t.checks.dimensionsOutOfYear).toEqual({ count: 1, examples: ['line 6 (BU03440102 2012)'] });
  });
  it('reports rows without dimensions in a year that has them', () => {
    const u = parseLeefbaarometer('wk_code,jaar,lbm,afw,fys,onv,soc,vrz,won\nWK034401,2018,4.1,0,NA,NA,NA,NA,NA\nWK034401,2016,4.1,0,NA,NA,NA,NA,NA\n');
    expect(u.report.warnings).toContain('1 rows in years with dimensions (2014 on, not 2016) have no dimension values');
  });
  it('finds the constant reference lbm − afw per year', () => {
    for (const ref of t.checks.reference) {
      expect(ref.referentie).toBeCloseTo(4.1, 12);
      expect(ref.constant).toBe(true);
    }
  });
  it('flags a reference that is not constant beyond rounding', () => {
    const u = parseLeefbaarometer('wk_code,jaar,lbm,afw\nWK034401,2020,4.10,0.00\nWK034402,2020,4.20,0.05\n');
    expect(u.checks.reference[0]).toMatchObject({ jaar: 2020, constant: false });
    expect(u.report.warnings.some((w) => w.startsWith('lbm − afw is not constant in 2020'))).toBe(true);
  });
  it('tolerates the published rounding in the afw sum', () => {
    // 3 decimals: 0.033 + 0.033 + 0.033 + 0.001 + 0 = 0.100 vs afw 0.101 (within 6 × 0.0005)
    const u = parseLeefbaarometer('gm_code;jaar;lbm;afw;fys;onv;soc;vrz;won\nGM0344;2022;4,203;0,101;0,033;0,033;0,033;0,001;0,000\n');
    expect(u.level).toBe('gemeente');
    expect(u.table.get('lbm', 0)).toBe(4.203);
    expect(u.checks.afwSum).toMatchObject({ checked: 1, violations: 0 });
  });
  it('errors with file, line and column on a bad number', () => {
    expect(() => parseLeefbaarometer('wk_code,jaar,lbm\nWK034401,2020,hoog\n', { file: 'x.csv' })).toThrow(/x\.csv, line 2, column "lbm": not a number/);
  });
  it('errors when there is no code column', () => {
    expect(() => parseLeefbaarometer('id,jaar,lbm\n1,2020,4\n')).toThrow(/no code column/);
  });
});

describe('parseLeefbaarometer (wide, pc4, grid, classes, Windows-1252)', () => {
  it('turns a wide file long and drops area-years without scores', () => {
    const t = parseLeefbaarometer('pc4;onv_2014;onv_2016;lbm_2014;lbm_2016\n3511;0,1;NA;4,2;4,3\n3512;NA;NA;NA;NA\n');
    expect(t.level).toBe('pc4');
    expect((t.table.objects() as Record<string, unknown>[]).map((o) => [o.code, o.jaar, o.lbm, o.onv])).toEqual([
      ['3511', 2014, 4.2, 0.1],
      ['3511', 2016, 4.3, null],
    ]);
    expect(t.report.rowsRead).toBe(4);
    expect(t.report.dropped).toEqual([{ reason: 'no scores for this year (wide layout)', count: 2, examples: ['line 3: 3512 2014', 'line 3: 3512 2016'] }]);
  });
  it('reads class columns as numbers with their labels', () => {
    const t = parseLeefbaarometer('grid_id,jaar,lbm,kscore,konv\nE1000N4000,2020,4.5,9,Zeer onvoldoende\nE1000N4001,2020,3.9,1,NA\n');
    expect(t.level).toBe('grid');
    expect(t.table.array('kscore')).toEqual([9, 1]);
    expect(t.table.array('kscore_label')).toEqual(['Uitstekend', 'Zeer onvoldoende']);
    expect(t.table.array('konv')).toEqual([1, null]);
    expect(() => parseLeefbaarometer('grid_id,jaar,lbm,kscore\nE1,2020,4.5,10\n')).toThrow(/column "kscore": not a Leefbaarometer class/);
  });
  it('detects the level of a generic code column from its values and decodes Windows-1252 names', () => {
    const head = new TextEncoder().encode('code;naam;jaar;lbm\nWK034401;');
    const name = new Uint8Array([0x43, 0x61, 0x66, 0xe9]); // "Café" in Windows-1252
    const tail = new TextEncoder().encode(';2022;4,1\n');
    const bytes = new Uint8Array([...head, ...name, ...tail]);
    const t = parseLeefbaarometer(bytes);
    expect(t.level).toBe('wijk');
    expect(t.table.get('naam', 0)).toBe('Café');
    expect(t.report.warnings).toContain('file is not valid UTF-8: decoded as Windows-1252');
    expect(t.provenance.checksum).toMatch(/^[0-9a-f]{64}$/);
  });
});
