import { describe, expect, it } from 'vitest';
import { SIGNAL_COLOURS } from '../../src/signal/categories.js';
import { boxPlotSpec } from '../../src/viz/charts/boxplot.js';
import { densitySpec, histogramSpec } from '../../src/viz/charts/distribution.js';
import { moranScatterSpec, standardise } from '../../src/viz/charts/moran.js';
import { signalScatterSpec } from '../../src/viz/charts/scatter.js';
import { sensitivitySpec } from '../../src/viz/charts/sensitivity.js';
import { renderSvg } from '../../src/viz/render.js';
import { expectGolden } from './svg.js';

const frame = { title: 'Testfiguur', period: '2016–2020', synthetic: true };

/** Fills of rendered point symbols (Vega `symbol` marks). */
function symbolFills(svg: string): string[] {
  return (svg.match(/<path[^>]*aria-roledescription="point"[^>]*>/g) ?? []).map((m) => (/\bfill="([^"]+)"/.exec(m) ?? ['', ''])[1].toUpperCase());
}

describe('histogramSpec / densitySpec', () => {
  const values = [0.5, 1, 1.5, 2, 2, 2.5, 3, 3.5, 4, null, Number.NaN];

  it('counts missing values in the subtitle and draws one rule per break', async () => {
    const svg = await renderSvg(histogramSpec(values, { ...frame, xTitle: 'ΔK', breaks: [1.5, 3], maxbins: 8 }));
    expect(svg).toContain('n = 9, 2 zonder waarde (niet getoond)');
    expect((svg.match(/aria-roledescription="rule mark"/g) ?? []).length).toBe(2);
    expectGolden('histogram', svg);
  });

  it('draws a density with the breaks', async () => {
    const svg = await renderSvg(densitySpec(values, { ...frame, xTitle: 'ΔK', breaks: [1.5, 3], bandwidth: 0.5 }));
    expect((svg.match(/aria-roledescription="rule mark"/g) ?? []).length).toBe(2);
    expect(svg).toContain('aria-roledescription="area mark"');
  });
});

describe('boxPlotSpec', () => {
  it('keeps groups in first-seen order and counts rows without group or value', async () => {
    const rows = [
      { gm: 'Utrecht', v: 1 }, { gm: 'Utrecht', v: 3 }, { gm: 'Almere', v: 2 }, { gm: null, v: 4 }, { gm: 'Almere', v: null },
    ];
    const spec = boxPlotSpec(rows, { ...frame, group: 'gm', value: 'v' });
    expect((spec.encoding as { y: { sort: string[] } }).y.sort).toEqual(['Utrecht', 'Almere']);
    const svg = await renderSvg(spec);
    expect(svg).toContain('2 rijen zonder groep of waarde (niet getoond)');
    expect(svg).toContain('>Almere</text>');
  });
  it('accepts an arquero-like table', () => {
    const table = { objects: () => [{ gm: 'A', v: 1 }] };
    expect((boxPlotSpec(table, { ...frame, group: 'gm', value: 'v' }).data as { values: unknown[] }).values).toHaveLength(1);
  });
});

describe('signalScatterSpec', () => {
  const rows = [
    { code: 'BU1', naam: 'Een', dK: 2, dO: -0.05, categorie: 'veerkracht_onder_druk' },
    { code: 'BU2', naam: 'Twee', dK: 2, dO: 0.01, categorie: 'kwetsbaarheid_neemt_toe' },
    { code: 'BU3', naam: 'Drie', dK: -1, dO: -0.06, categorie: 'leefbaarheid_verslechtert' },
    { code: 'BU4', naam: 'Vier', dK: 0.2, dO: 0, categorie: 'geen_signaal' },
    { code: 'BU5', naam: 'Vijf', dK: null, dO: 0.1, categorie: 'onvoldoende_gegevens' },
  ];

  it('colours points by category with the fixed palette and draws reference and dead-band lines', async () => {
    const svg = await renderSvg(signalScatterSpec(rows, { ...frame, tK: 1, tO: 0.02 }));
    expect(symbolFills(svg)).toEqual(
      [SIGNAL_COLOURS.veerkracht_onder_druk, SIGNAL_COLOURS.kwetsbaarheid_neemt_toe, SIGNAL_COLOURS.leefbaarheid_verslechtert, SIGNAL_COLOURS.geen_signaal].map((c) => c.toUpperCase()),
    );
    expect((svg.match(/aria-roledescription="rule mark"/g) ?? []).length).toBe(6);
    expect(svg).toContain('1 buurten zonder ΔK of ΔO (niet getoond)');
    expectGolden('scatter', svg);
  });
});

describe('sensitivitySpec', () => {
  const sweep = [0, 0.5, 1, 1.5].flatMap((t) => [
    { threshold: t, category: 'veerkracht_onder_druk', buurten: 10 - 4 * t, inwoners: 20000 - 8000 * t },
    { threshold: t, category: 'geen_signaal', buurten: 5 + 4 * t, inwoners: 9000 + 8000 * t },
  ]);

  it('draws one line per category in the palette, with the chosen threshold', async () => {
    const svg = await renderSvg(sensitivitySpec(sweep, { ...frame, measure: 'inwoners', chosen: 1, thresholdTitle: 'Drempel ΔK' }));
    const all = svg.match(/<path[^>]*aria-roledescription="line mark"[^>]*>/g) ?? [];
    // two grey casings, then the two coloured lines
    expect(all).toHaveLength(4);
    expect(all.slice(0, 2).every((l) => l.includes('stroke="#8c8c8c"'))).toBe(true);
    const lines = all.slice(2);
    expect(lines.map((l) => (/stroke="([^"]+)"/.exec(l) ?? ['', ''])[1].toUpperCase()).sort()).toEqual([SIGNAL_COLOURS.veerkracht_onder_druk, SIGNAL_COLOURS.geen_signaal].sort());
    expect(svg).toContain('>Inwoners</text>');
    expectGolden('sensitivity', svg);
  });

  it('rejects an unknown category', () => {
    expect(() => sensitivitySpec([{ threshold: 1, category: 'rood', buurten: 1, inwoners: 1 }], frame)).toThrow(RangeError);
  });
});

describe('moranScatterSpec', () => {
  it('standardise gives z-scores with the population standard deviation (esda)', () => {
    const z = standardise([2, 4, 4, 4, 5, 5, 7, 9, Number.NaN]);
    // mean 5, population sd 2 (a textbook example)
    expect(Array.from(z.subarray(0, 8))).toEqual([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
    expect(Number.isNaN(z[8])).toBe(true);
  });

  it('plots z against the lag with quadrant lines and the regression line', async () => {
    const z = [-1.5, -0.5, 0, 1, 1, Number.NaN];
    const lag = [-1, -0.2, 0.1, 0.6, 0.8, 0];
    const svg = await renderSvg(moranScatterSpec(z, lag, { ...frame, variable: 'onv', moransI: 0.6234 }));
    expect(svg).toContain("Moran's I = 0,623");
    expect(svg).toContain('1 buurten zonder waarde (niet getoond)');
    expect((svg.match(/aria-roledescription="point"/g) ?? []).length).toBe(5);
    expect((svg.match(/aria-roledescription="rule mark"/g) ?? []).length).toBe(2);
    expectGolden('moran', svg);
  });

  it('rejects values and lags of different length', () => {
    expect(() => moranScatterSpec([1, 2], [1], { ...frame, variable: 'x' })).toThrow(RangeError);
  });
});
