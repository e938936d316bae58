import * as aq from 'arquero';
import { describe as group, expect, it } from 'vitest';
import { classify, classLabelColumn, describe, summarize } from '../../src/classify/index.js';

group('describe()', () => {
  it('matches hand-computed pandas describe (ddof 1, type-7 quartiles)', () => {
    const s = summarize([1, 2, 3, 4, null]);
    expect(s.count).toBe(4);
    expect(s.missing).toBe(1);
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect([s.min, s.q1, s.median, s.q3, s.max]).toEqual([1, 1.75, 2.5, 3.25, 4]);
  });

  it('weighted statistics equal the unweighted ones on the expanded data (integer weights)', () => {
    const s = summarize([1, 2, 5], [2, 1, 3]);
    const expanded = [1, 1, 2, 5, 5, 5];
    const mean = expanded.reduce((a, b) => a + b) / 6;
    expect(s.mean).toBeCloseTo(mean, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(expanded.reduce((a, x) => a + (x - mean) ** 2, 0) / 5), 12);
    expect(s.median).toBe(2); // inverse weighted ECDF: cumulative 2,3,6 of 6 → 3 ≥ 3 at value 2
  });

  it('per group, with missing counted and missing weights apart', () => {
    const t = aq.table({
      gemeente: ['GM1', 'GM1', 'GM2', 'GM2', 'GM2'],
      pct: [10, null, 30, 40, 50],
      inwoners: [100, 200, null, 300, 300],
    });
    const d = describe(t, { columns: ['pct'], groupBy: 'gemeente', weights: 'inwoners' }).objects() as Record<string, unknown>[];
    expect(d).toHaveLength(2);
    expect(d[0]).toMatchObject({ gemeente: 'GM1', column: 'pct', count: 1, missing: 1, missing_weight: 0, mean: 10 });
    expect(d[1]).toMatchObject({ gemeente: 'GM2', count: 2, missing: 0, missing_weight: 1, mean: 45 });
    const u = describe(t, { groupBy: 'gemeente' }).objects() as Record<string, unknown>[];
    expect(u.map((r) => r.column)).toEqual(['pct', 'inwoners', 'pct', 'inwoners']);
    expect(u[2]).toMatchObject({ count: 3, mean: 40, sd: 10 });
  });

  it('an unknown column is a user error naming it', () => {
    expect(() => describe(aq.table({ a: [1] }), { columns: ['b'] })).toThrow(/column "b"/);
  });
});

group('describe per class', () => {
  it('class labels as a column: describe() per class gives the class counts and bounds', () => {
    const v = [1, 2, 3, 10, 11, null, 30];
    const c = classify(v, { scheme: 'user_defined', bins: [3, 11] });
    const labels = classLabelColumn(c, v);
    expect(labels[5]).toBe('geen gegevens');
    expect(labels[3]).toBe('meer dan 3,00 tot en met 11,00');
    expect(classLabelColumn(c, v, 'index')).toEqual(['1', '1', '1', '2', '2', 'geen gegevens', '3']);
    const t = aq.table({ v, klasse: labels });
    const d = describe(t, { columns: ['v'], groupBy: 'klasse' }).objects() as Record<string, unknown>[];
    const byClass = Object.fromEntries(d.map((r) => [r.klasse, r]));
    expect(byClass['1,00 tot en met 3,00']).toMatchObject({ count: 3, max: 3 });
    expect(byClass['meer dan 3,00 tot en met 11,00']).toMatchObject({ count: 2, min: 10 });
    expect(byClass['geen gegevens']).toMatchObject({ count: 0, missing: 1 });
  });
});
