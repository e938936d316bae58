import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import {
  bestScheme,
  chooseKByGadf,
  classify,
  classifyPooled,
  compareSchemes,
  findBin,
  intervalLabels,
  legendOf,
  quantileSorted,
} from '../../src/classify/index.js';
import { isUserError } from '../../src/util/errors.js';
import { sharedVector } from '../helpers/shared.js';

const V = JSON.parse(readFileSync(sharedVector('mapclassify_calemp.json'), 'utf8'));
const y: number[] = V.calemp;
const E = V.expected;

function expectBins(actual: number[], expected: number[], digits = 6): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((b, i) => expect(b).toBeCloseTo(expected[i], digits));
}

group('mapclassify calemp vectors (pysal/mapclassify tests)', () => {
  it('has 58 counties', () => expect(y).toHaveLength(58));

  it('FisherJenks k=5: bins, counts, adcm 799.24', () => {
    const c = classify(y, { scheme: 'fisher_jenks', k: 5 });
    expectBins(c.bins, E.FisherJenks_k5.bins);
    expect(c.counts).toEqual(E.FisherJenks_k5.counts);
    expect(c.adcm).toBeCloseTo(E.FisherJenks_k5.adcm, 6);
  });

  it.each([
    ['FisherJenks_k5_find_bin', 5],
    ['FisherJenks_k9_find_bin', 9],
  ])('%s', (key, k) => {
    const c = classify(y, { scheme: 'fisher_jenks', k });
    const got = (E[key].x as number[]).map((x) => findBin(c.bins, x));
    expect(got).toEqual(E[key].bin);
  });

  it('Quantiles k=5 (bins rounded to 3 decimals upstream)', () => {
    const c = classify(y, { scheme: 'quantiles', k: 5 });
    expectBins(c.bins, E.Quantiles_k5.bins, 3);
    expect(c.bins.map((b) => Math.round(b * 1000) / 1000)).toEqual(E.Quantiles_k5.bins);
    expect(c.counts).toEqual(E.Quantiles_k5.counts);
  });

  it('EqualInterval k=5', () => {
    const c = classify(y, { scheme: 'equal_interval', k: 5 });
    expectBins(c.bins, E.EqualInterval_k5.bins);
    expect(c.counts).toEqual(E.EqualInterval_k5.counts);
  });

  it('EqualInterval on constant data: "Not enough unique values in array to form 5 classes"', () => {
    let err: unknown;
    try {
      classify(E.EqualInterval_error.y, { scheme: 'equal_interval', k: E.EqualInterval_error.k });
    } catch (e) {
      err = e;
    }
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toContain(E.EqualInterval_error.message.replace(/\.$/, ''));
  });

  it('Percentiles default', () => {
    const c = classify(y, { scheme: 'percentiles' });
    expect(c.params.pct).toEqual(E.Percentiles_default.pct);
    expectBins(c.bins, E.Percentiles_default.bins);
    expect(c.counts).toEqual(E.Percentiles_default.counts);
  });

  it('BoxPlot hinge 1.5', () => {
    const c = classify(y, { scheme: 'box_plot', hinge: 1.5 });
    expectBins(c.bins, E['BoxPlot_hinge1.5'].bins);
    // mapclassify docstring: counts [0, 15, 14, 14, 6, 9]
    expect(c.counts).toEqual([0, 15, 14, 14, 6, 9]);
  });

  it('StdMean default and anchored', () => {
    const d = classify(y, { scheme: 'std_mean' });
    expect(d.params.multiples).toEqual(E.StdMean_default.multiples);
    expectBins(d.bins, E.StdMean_default.bins);
    expect(d.counts).toEqual(E.StdMean_default.counts);
    const a = classify(y, { scheme: 'std_mean', anchor: true });
    expectBins(a.bins, E.StdMean_anchor.bins);
    expect(a.counts).toEqual(E.StdMean_anchor.counts);
  });

  it('MaximumBreaks k=5', () => {
    const c = classify(y, { scheme: 'maximum_breaks', k: 5 });
    expectBins(c.bins, E.MaximumBreaks_k5.bins);
    expect(c.counts).toEqual(E.MaximumBreaks_k5.counts);
  });

  it('PrettyBreaks k=5', () => {
    const c = classify(y, { scheme: 'pretty', k: 5 });
    expectBins(c.bins, E.PrettyBreaks_k5.bins);
    expect(c.counts).toEqual(E.PrettyBreaks_k5.counts);
  });

  it('UserDefined [20, max], [20, 30], and 12s on [10..40]', () => {
    const a = classify(y, { scheme: 'user_defined', bins: E.UserDefined_20_max.bins });
    expectBins(a.bins, E.UserDefined_20_max.bins);
    expect(a.counts).toEqual(E.UserDefined_20_max.counts);
    const b = classify(y, { scheme: 'user_defined', bins: E.UserDefined_20_30.input_bins });
    expectBins(b.bins, E.UserDefined_20_30.bins);
    expect(b.counts).toEqual(E.UserDefined_20_30.counts);
    const c = classify(E.UserDefined_12s.y, { scheme: 'user_defined', bins: E.UserDefined_12s.input_bins });
    expect(c.counts).toEqual(E.UserDefined_12s.counts);
  });

  it('UserDefined legend with lowest = -1', () => {
    const L = E.UserDefined_legend;
    expect(intervalLabels(L.input_bins, L.lowest)).toEqual(L.legend);
    const c = classify(y, { scheme: 'user_defined', bins: L.input_bins, lowest: L.lowest });
    expect(legendOf(c, y).intervals).toEqual(L.legend);
  });

  it('gadf(Quantiles, pct 0.8) stops at k=15 with 0.3740257590909283', () => {
    const r = chooseKByGadf(y, { scheme: 'quantiles' }, 0.8, 15);
    expect(r.k).toBe(E['gadf_Quantiles_pct0.8'].k);
    expect(r.reached).toBe(false);
    expect(r.gadf).toBeCloseTo(E['gadf_Quantiles_pct0.8'].gadf, 12);
  });

  it('KClassifiers best: FisherJenks k=4, gadf 0.8481032719908105', () => {
    const r = bestScheme(y, 0.8);
    expect(r.best.scheme).toBe('fisher_jenks');
    expect(r.best.k).toBe(E.KClassifiers_best.k);
    expect(r.best.gadf).toBeCloseTo(E.KClassifiers_best.gadf, 12);
  });

  it('HeadTailBreaks on a power law i^-2, i = 1..999', () => {
    const p = Array.from({ length: 999 }, (_, i) => (i + 1) ** -2);
    const c = classify(p, { scheme: 'head_tail_breaks' });
    expect(c.k).toBe(E.HeadTailBreaks_powerlaw.k);
    expect(c.counts).toEqual(E.HeadTailBreaks_powerlaw.counts);
  });

  it('HeadTailBreaks on calemp (docstring: bins 125.93, 811.26, 4111.45; counts 50, 7, 1)', () => {
    const c = classify(y, { scheme: 'head_tail_breaks' });
    expectBins(c.bins, [125.92810345, 811.26, 4111.45]);
    expect(c.counts).toEqual([50, 7, 1]);
  });

  it('quantile(arange(1000), k=4)', () => {
    const x = Float64Array.from({ length: 1000 }, (_, i) => i);
    const c = classify(x, { scheme: 'quantiles', k: 4 });
    expectBins(c.bins, E.quantile_arange1000_k4);
    expect(quantileSorted(x, 0.25)).toBe(249.75);
  });

  it('Pooled quantiles k=4 over three shifted columns', () => {
    const cols = [20, 40, 60].map((s) => Array.from({ length: 20 }, (_, i) => i + s));
    const p = classifyPooled(cols, { scheme: 'quantiles', k: 4 });
    expect(p.global.counts).toEqual(E.Pooled_k4.global_counts);
    expect(p.columns[0].counts).toEqual(E.Pooled_k4.col0_counts);
    expect(p.columns[2].counts).toEqual(E.Pooled_k4.col2_counts);
  });

  it('NaturalBreaks k=5 on calemp finds the Fisher-Jenks optimum (docstring counts 49, 3, 4, 1, 1)', () => {
    const c = classify(y, { scheme: 'natural_breaks', k: 5, seed: 123456 });
    expect(c.counts).toEqual([49, 3, 4, 1, 1]);
    expectBins(c.bins, [75.29, 192.05, 370.5, 722.85, 4111.45]);
  });
});

group('mapclassify docstring examples (classifiers.py)', () => {
  it('NaturalBreaks with fewer distinct values than k: bins are the distinct values', () => {
    const x = [...new Array(49).fill(1), 20];
    const c = classify(x, { scheme: 'natural_breaks', k: 5 });
    expect(c.bins).toEqual([1, 20]);
    expect(c.counts).toEqual([49, 1]);
    expect(c.warnings.join(' ')).toMatch(/effective k = 2 instead of 5/);
  });
  it('BoxPlot on arange(100)', () => {
    const c = classify(Array.from({ length: 100 }, (_, i) => i), { scheme: 'box_plot' });
    expectBins(c.bins, [-49.5, 24.75, 49.5, 74.25, 148.5]);
  });
  it('StdMean multiples [-3, -1.5, 1.5, 3]', () => {
    const c = classify(y, { scheme: 'std_mean', multiples: [-3, -1.5, 1.5, 3] });
    expectBins(c.bins, [-1514.00758246, -694.03973951, 945.8959464, 1765.86378936, 4111.45]);
    expect(c.counts).toEqual([0, 0, 57, 0, 1]);
  });
  it('Percentiles [50, 100]', () => {
    const c = classify(y, { scheme: 'percentiles', pct: [50, 100] });
    expectBins(c.bins, [9.365, 4111.45]);
    expect(c.counts).toEqual([29, 29]);
  });
  it('gadf(Quantiles, pct 0.2) → k = 5, 0.21710231966462412', () => {
    const r = chooseKByGadf(y, { scheme: 'quantiles' }, 0.2);
    expect(r.k).toBe(5);
    expect(r.gadf).toBeCloseTo(0.21710231966462412, 12);
  });
  it('compareSchemes: one row per scheme × k; the Fisher-Jenks k = 5 row carries adcm 799.24', () => {
    const t = compareSchemes(y, ['fisher_jenks', 'quantiles'], [4, 5]);
    const rows = t.objects() as Record<string, unknown>[];
    expect(rows).toHaveLength(4);
    const fj5 = rows.find((r) => r.scheme === 'fisher_jenks' && r.k === 5) as Record<string, number>;
    expect(fj5.adcm).toBeCloseTo(799.24, 6);
    const fj4 = rows.find((r) => r.scheme === 'fisher_jenks' && r.k === 4) as Record<string, number>;
    expect(fj4.gadf).toBeCloseTo(0.8481032719908105, 12);
    const bad = compareSchemes([1, 1, 2], ['fisher_jenks'], [3]).objects()[0] as Record<string, unknown>;
    expect(bad.gadf).toBeNull();
    expect(String(bad.error)).toMatch(/Not enough unique values/);
  });
});
