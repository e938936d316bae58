import { describe as group, expect, it } from 'vitest';
import { bootstrapStability, deadBandQuantile, deadBandSd, leaveOneGemeenteOut, quantileRule, sdRule } from '../../src/calibrate/index.js';
import { seededRandom } from '../../src/classify/index.js';

group('dead bands from the data', () => {
  it('±c·sd with ddof 1, missing left out and counted', () => {
    const b = deadBandSd([1, -1, 2, -2, NaN], 1.5);
    expect(b.threshold).toBeCloseTo(1.5 * Math.sqrt(10 / 3), 12);
    expect(b.missing).toBe(1);
    expect(b.center).toBe(0);
    expect(deadBandSd([1, 3], 1, 'mean').center).toBe(2);
  });

  it('quantile band leaves the chosen share outside', () => {
    const xs = Array.from({ length: 101 }, (_, i) => i - 50); // −50..50
    const b = deadBandQuantile(xs, 0.2);
    const outside = xs.filter((x) => Math.abs(x) > b.threshold).length;
    expect(outside).toBeLessThanOrEqual(Math.ceil(0.2 * 101));
    expect(outside).toBeGreaterThanOrEqual(Math.floor(0.2 * 101) - 1);
    expect(b.lower).toBe(-40); // type 7: (101 − 1)·0.1 = 10 → x[10]
    expect(b.upper).toBe(40);
  });
});

group('stability', () => {
  const r = seededRandom(9);
  const n = 400;
  const dK = Array.from({ length: n }, () => r() * 4 - 2);
  const dO = Array.from({ length: n }, () => r() * 4 - 2);
  const gemeente = Array.from({ length: n }, (_, i) => `GM${String(i % 8).padStart(4, '0')}`);

  it('bootstrap is reproducible from its seed; constant rule changes nothing', () => {
    const a = bootstrapStability({ dK, dO }, sdRule(1), 20, 3);
    const b = bootstrapStability({ dK, dO }, sdRule(1), 20, 3);
    expect(Array.from(a.replicates.array('changed') as Float64Array)).toEqual(Array.from(b.replicates.array('changed') as Float64Array));
    expect(a.summary.mean).toBeGreaterThan(0);
    // the percentile interval of tK brackets the full-data threshold
    expect(a.thresholdInterval.tK[0]).toBeLessThanOrEqual(a.baseline.tK);
    expect(a.thresholdInterval.tK[1]).toBeGreaterThanOrEqual(a.baseline.tK);
    const fixed = bootstrapStability({ dK, dO }, () => ({ tK: 0.5, tO: 0.5 }), 5, 3);
    expect(fixed.summary.mean).toBe(0);
    expect(Array.from(fixed.changeShare).every((x) => x === 0)).toBe(true);
  });

  it('leave-one-gemeente-out: one row per gemeente, changes counted against the full-data thresholds', () => {
    const t = leaveOneGemeenteOut({ dK, dO }, gemeente, quantileRule(0.3));
    const rows = t.objects() as Record<string, number | string>[];
    expect(rows).toHaveLength(8);
    expect(rows.reduce((s, x) => s + (x.buurten as number), 0)).toBe(n);
    for (const row of rows) expect(row.changed_elsewhere as number).toBeLessThanOrEqual(row.changed as number);
    // a gemeente whose buurten all sit in the middle does not move the sd much; planted outlier gemeente does
    const dK2 = dK.slice();
    gemeente.forEach((g, i) => {
      if (g === 'GM0000') dK2[i] = 40;
    });
    const t2 = leaveOneGemeenteOut({ dK: dK2, dO }, gemeente, sdRule(1)).objects() as Record<string, number | string>[];
    const out = t2.find((x) => x.gemeente === 'GM0000') as Record<string, number>;
    const others = t2.filter((x) => x.gemeente !== 'GM0000') as Record<string, number>[];
    expect(out.changed_elsewhere).toBeGreaterThan(Math.max(...others.map((x) => x.changed_elsewhere)));
  });
});
