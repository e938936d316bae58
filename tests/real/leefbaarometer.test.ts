import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLeefbaarometer } from '../../src/sources/leefbaarometer/load.js';
import { sharedData } from '../helpers/shared.js';

const path = sharedData('leefbaarometer/Leefbaarometer-scores wijken 2002-2022.csv');
// independent reading: plain line split. Some names hold quoted commas, so take the code from the
// front and the eight numeric fields (jaar … won) from the back of each line.
const lines = readFileSync(path, 'utf8').trim().split('\n');
const header = lines[0].split(',');
const rows = lines.slice(1).map((l) => {
  const f = l.split(',');
  return [f[0], '', ...f.slice(-8)];
});
const col = (name: string) => header.indexOf(name);

describe('Leefbaarometer 3.0 wijk file 2002–2022 (real)', () => {
  const t = loadLeefbaarometer(path);
  it('keeps all 26,366 rows at wijk level with eight years', () => {
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    expect(t.level).toBe('wijk');
    expect(t.report.rowsRead).toBe(26366);
    expect(t.report.rowsKept).toBe(rows.length);
    expect(t.years).toEqual([...new Set(rows.map((r) => Number(r[col('jaar')])))].sort((a, b) => a - b));
    expect(t.years).toEqual([2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022]);
  });
  it('checks afw = fys+onv+soc+vrz+won on every row with dimensions, without violations', () => {
    const withDims = rows.filter((r) => r[col('fys')] !== 'NA').length;
    expect(t.checks.afwSum).toMatchObject({ checked: withDims, violations: 0, partial: 0 });
    expect(t.checks.dimensionsOutOfYear.count).toBe(0);
  });
  it('has one national reference lbm − afw ≈ 4.1023 in every year', () => {
    expect(t.checks.reference.map((r) => r.jaar)).toEqual(t.years);
    for (const ref of t.checks.reference) {
      expect(ref.constant).toBe(true);
      expect(ref.referentie).toBeCloseTo(4.1023, 4);
    }
    const [lbm, afw] = rows[0].slice(col('lbm'), col('afw') + 1).map(Number);
    expect(t.checks.reference[0].referentie).toBeCloseTo(lbm - afw, 12);
    expect(t.report.warnings).toEqual([]);
  });
  it('has the 10 Utrecht wijken WK034401–WK034410 in all eight years', () => {
    const all = t.table.objects() as { code: string; jaar: number }[];
    const ut = all.filter((o) => o.code.startsWith('WK0344'));
    const expected = rows.filter((r) => r[col('wk_code')].startsWith('WK0344'));
    expect(ut).toHaveLength(expected.length);
    expect(ut).toHaveLength(80);
    const codes = [...new Set(ut.map((o) => o.code))].sort();
    expect(codes).toEqual(Array.from({ length: 10 }, (_, i) => `WK0344${String(i + 1).padStart(2, '0')}`));
    for (const c of codes) expect(ut.filter((o) => o.code === c).map((o) => o.jaar).sort()).toEqual(t.years);
  });
  it('reads onv as published (spot check against the plain split)', () => {
    const r = rows.find((x) => x[col('wk_code')] === 'WK034401' && x[col('jaar')] === '2022')!;
    const row = (t.table.objects() as Record<string, number | string>[]).find((o) => o.code === 'WK034401' && o.jaar === 2022)!;
    expect(row.onv).toBe(Number(r[col('onv')]));
    expect(t.columns.find((c) => c.name === 'onv')?.missing).toBe(rows.filter((x) => x[col('onv')] === 'NA').length);
  });
});
