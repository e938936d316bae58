import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { reindel, sumUp } from '../../src/indicators/reindeling.js';
import { wijkOf } from '../../src/regions/codes.js';
import type { IndicatorYear } from '../../src/indicators/types.js';

const sources = { K: 'K', O: 'O', C: 'C' };

function year(rows: { code: string; inwoners: number | null; K: number | null; K_noemer?: number | null; K_geheim?: boolean; O: number | null; C: number | null }[]): IndicatorYear {
  return {
    year: 2014,
    sources,
    table: aq.table({
      code: rows.map((r) => r.code),
      naam: rows.map(() => null),
      gemeente: rows.map(() => 'GM0001'),
      inwoners: rows.map((r) => r.inwoners),
      K: rows.map((r) => r.K),
      K_noemer: rows.map((r) => r.K_noemer ?? null),
      K_geheim: rows.map((r) => r.K_geheim ?? false),
      O: rows.map((r) => r.O),
      C: rows.map((r) => r.C),
    }),
  };
}

describe('reindel: a planted split and merge', () => {
  // A (1000 inh., K 10 %, 400 households) splits 30/70 into A1, A2;
  // B (500 inh., K 20 %, 200 hh) and C (1500 inh., K 4 %, 600 hh) merge into BC.
  const t0 = year([
    { code: 'BU00010001', inwoners: 1000, K: 10, K_noemer: 400, O: 0.1, C: 50 },
    { code: 'BU00010002', inwoners: 500, K: 20, K_noemer: 200, O: -0.2, C: 80 },
    { code: 'BU00010003', inwoners: 1500, K: 4, K_noemer: 600, O: 0.0, C: 20 },
  ]);
  const links = [
    { from: 'BU00010001', to: 'BU00010011', weight: 0.3 },
    { from: 'BU00010001', to: 'BU00010012', weight: 0.7 },
    { from: 'BU00010002', to: 'BU00010023', weight: 1 },
    { from: 'BU00010003', to: 'BU00010023', weight: 1 },
  ];
  const targets = ['BU00010011', 'BU00010012', 'BU00010023', 'BU00010099'].map((code) => ({ code, naam: null, gemeente: 'GM0001' }));
  const { year: out, report } = reindel(t0, links, targets);
  const rows = out.table.objects() as Record<string, number | null>[];

  it('carries residents with the weights and keeps the total', () => {
    expect(rows[0].inwoners).toBeCloseTo(300, 9);
    expect(rows[1].inwoners).toBeCloseTo(700, 9);
    expect(rows[2].inwoners).toBeCloseTo(2000, 9);
  });
  it('recomputes shares from numerators and denominators, not by averaging percentages', () => {
    expect(rows[0].K).toBeCloseTo(10, 9);
    // (0.2·200 + 0.04·600) / 800 = 64/800 = 8 %
    expect(rows[2].K).toBeCloseTo(8, 9);
    expect(rows[2].K_noemer).toBeCloseTo(800, 9);
  });
  it('weights scores by the residents moving with each piece', () => {
    // (500·−0.2 + 1500·0) / 2000
    expect(rows[2].O).toBeCloseTo(-0.05, 12);
    expect(rows[2].C).toBeCloseTo((500 * 80 + 1500 * 20) / 2000, 9);
  });
  it('reports a target that receives nothing, and leaves it missing', () => {
    expect(report.targetWithoutSource).toEqual(['BU00010099']);
    expect(rows[3].inwoners).toBeNull();
    expect(rows[3].K).toBeNull();
  });
  it('marks a target incomplete when a contributing piece misses K', () => {
    const t = year([
      { code: 'BU00010002', inwoners: 500, K: null, O: 0, C: 1 },
      { code: 'BU00010003', inwoners: 1500, K: 4, O: 0, C: 1 },
    ]);
    const r = reindel(t, links.slice(2), [{ code: 'BU00010023', naam: null, gemeente: 'GM0001' }]);
    expect(r.report.targetIncomplete).toEqual(['BU00010023']);
    expect(r.year.table.get('K', 0)).toBeNull();
  });
});

describe('sumUp: buurten summed up to wijken, small parts without K tolerated', () => {
  // WK000101: a 40-inwoner part (4 %) without K is left out; WK000102: half the inwoners lack K
  // (K missing, secret); WK000201: one part lacks inwoners, its K weighted by households
  const b = year([
    { code: 'BU00020101', inwoners: null, K: 5, K_noemer: 100, O: 0, C: 30 },
    { code: 'BU00010102', inwoners: 40, K: null, K_geheim: true, O: 0, C: 20 },
    { code: 'BU00010201', inwoners: 500, K: 20, K_noemer: 200, O: 0, C: null },
    { code: 'BU00010101', inwoners: 960, K: 10, K_noemer: 400, O: 0, C: 50 },
    { code: 'BU00010202', inwoners: 500, K: null, K_geheim: true, O: 0, C: 10 },
    { code: 'BU00020102', inwoners: 300, K: 15, O: 0, C: 40 },
  ]);
  const r = sumUp(b, (c) => wijkOf(c)!, 0.05);
  const rows = r.year.table.objects() as Record<string, unknown>[];

  it('gives one row per wijk, sorted, with inwoners added and missing when a part misses them', () => {
    expect(rows.map((x) => [x.code, x.gemeente, x.inwoners])).toEqual([
      ['WK000101', 'GM0001', 1000],
      ['WK000102', 'GM0001', 1000],
      ['WK000201', 'GM0002', null],
    ]);
    expect(r.parts).toBe(6);
  });
  it('recomputes K from numerators and denominators, leaving out parts up to 5 % of the inwoners', () => {
    expect(rows[0]).toMatchObject({ K: 10, K_noemer: 400, K_geheim: false });
    expect(rows[1]).toMatchObject({ K: null, K_noemer: null, K_geheim: true });
    // households where given, else inwoners: (100·5 + 300·15) / 400
    expect(rows[2]).toMatchObject({ K: 12.5, K_noemer: 400, K_geheim: false });
    expect(r.partial).toBe(1);
    expect(r.incomplete).toBe(1);
  });
  it('weights C by inwoners under the same tolerance; O is not summed up', () => {
    expect(rows[0].C).toBeCloseTo((960 * 50 + 40 * 20) / 1000, 12);
    expect(rows[1].C).toBeNull();
    expect(rows[2].C).toBe(40);
    expect(rows.map((x) => x.O)).toEqual([null, null, null]);
  });
});
