import { describe as group, expect, it } from 'vitest';
import { calibrateTarget, countsAt, matchReference } from '../../src/calibrate/index.js';
import { categorize, SIGNAL_CATEGORIES } from '../../src/signal/categories.js';
import { seededRandom } from '../../src/classify/index.js';

group('target calibration', () => {
  // planted: ΔK = 0.1·i for i = 1..10, every buurt O worse (ΔO = −5), 1000 inwoners each except the last (10000)
  const dK = Array.from({ length: 10 }, (_, i) => Math.round((i + 1)) / 10);
  const dO = new Array(10).fill(-5);
  const weights = [...new Array(9).fill(1000), 10000];

  it('finds the dead band that leaves exactly 3 buurten "onder druk"', () => {
    const r = calibrateTarget({ dK, dO }, { category: 'veerkracht_onder_druk', target: 3 });
    expect(r.achieved).toBe(3);
    expect(r.tK).toBe(0.7); // ΔK > 0.7: 0.8, 0.9, 1.0
    expect(r.nextThreshold).toBe(0.8);
    expect(r.counts.buurten.veerkracht_onder_druk).toBe(3);
    expect(r.counts.buurten.leefbaarheid_verslechtert).toBe(7);
  });

  it('targets residents: 12 000 inwoners is reached by the two largest ΔK', () => {
    const r = calibrateTarget({ dK, dO, weights }, { category: 'veerkracht_onder_druk', target: 11000, measure: 'inwoners' });
    expect(r.achieved).toBe(11000);
    expect(r.tK).toBe(0.8);
    expect(r.counts.inwoners?.veerkracht_onder_druk).toBe(11000);
  });

  it('varies tO with tK fixed, and is exact against a brute-force scan', () => {
    const rand = seededRandom(11);
    const n = 300;
    const k = Array.from({ length: n }, () => rand() * 4 - 2);
    const o = Array.from({ length: n }, () => rand() * 4 - 2);
    const r = calibrateTarget({ dK: k, dO: o }, { category: 'leefbaarheid_verslechtert', target: 40, vary: 'tO', fixed: 0.5 });
    // brute force over candidate thresholds 0 and each |b| value
    let best = Infinity;
    for (const t of [0, ...o.map((x) => -x).filter((x) => x >= 0)]) {
      const cats = categorize(k, o, { tK: 0.5, tO: t, refK: 0, refO: 0 });
      const c = cats.filter((x) => x === 2).length;
      best = Math.min(best, Math.abs(c - 40));
    }
    expect(Math.abs(r.achieved - 40)).toBe(best);
    expect(countsAt({ dK: k, dO: o }, r.tK, r.tO).buurten.leefbaarheid_verslechtert).toBe(r.achieved);
  });

  it('refuses onvoldoende_gegevens as a target and inwoners without weights', () => {
    expect(() => calibrateTarget({ dK, dO }, { category: 'onvoldoende_gegevens', target: 1 })).toThrow(/depend on the thresholds/);
    expect(() => calibrateTarget({ dK, dO }, { category: 'geen_signaal', target: 1, measure: 'inwoners' })).toThrow(/weights/);
  });
});

group('matching a reference labelling', () => {
  it('recovers planted thresholds with agreement 1 and equals a naive computation', () => {
    const rand = seededRandom(5);
    const n = 500;
    const dK = Float64Array.from({ length: n }, () => (rand() < 0.05 ? NaN : Math.round((rand() * 4 - 2) * 100) / 100));
    const dO = Float64Array.from({ length: n }, () => Math.round((rand() * 4 - 2) * 100) / 100);
    const planted = categorize(dK, dO, { tK: 0.55, tO: 0.35, refK: 0, refO: 0 });
    const reference = Array.from(planted, (c, i) => (i % 17 === 0 ? null : SIGNAL_CATEGORIES[c]));
    const gK = [0, 0.25, 0.55, 0.8, 1.2];
    const gO = [0, 0.35, 0.7];
    const m = matchReference({ dK, dO }, reference, gK, gO, 'veerkracht_onder_druk');
    expect(m.best).toMatchObject({ tK: 0.55, tO: 0.35, agreement: 1, precision: 1, recall: 1, f1: 1 });
    expect(m.unlabelled).toBe(Math.ceil(n / 17));
    const rows = m.table.objects() as Record<string, number>[];
    let p = 0;
    for (const tK of gK)
      for (const tO of gO) {
        const cats = categorize(dK, dO, { tK, tO, refK: 0, refO: 0 });
        let agree = 0;
        let tp = 0;
        let pred = 0;
        let pos = 0;
        reference.forEach((r, i) => {
          if (r === null) return;
          const ri = SIGNAL_CATEGORIES.indexOf(r);
          if (ri === cats[i]) agree++;
          if (cats[i] === 0) pred++;
          if (ri === 0) pos++;
          if (ri === 0 && cats[i] === 0) tp++;
        });
        expect(rows[p].agreement).toBeCloseTo(agree / m.labelled, 12);
        expect(rows[p].precision).toBeCloseTo(tp / pred, 12);
        expect(rows[p].recall).toBeCloseTo(tp / pos, 12);
        p++;
      }
  });
});
