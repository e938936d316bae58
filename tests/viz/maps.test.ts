import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { rdToWgs84 } from '../../src/geo/projection.js';
import { SIGNAL_CATEGORIES, SIGNAL_COLOURS, SIGNAL_LABELS, type SignalCategory } from '../../src/signal/categories.js';
import { LISA_CLUSTER_LABELS } from '../../src/spatial/lisa.js';
import { NO_DATA_COLOUR, NO_DATA_LABEL } from '../../src/viz/classes.js';
import { choroplethSpec } from '../../src/viz/maps/choropleth.js';
import { lisaMapSpec, LISA_COLOURS } from '../../src/viz/maps/lisa.js';
import { smallMultiplesSpec } from '../../src/viz/maps/multiples.js';
import { signalMapSpec } from '../../src/viz/maps/signal.js';
import { renderSvg } from '../../src/viz/render.js';
import { compileVegaLite } from '../../src/viz/compile.js';
import { GRID_CODES, gemeenten, grid } from './fixtures.js';
import { expectGolden, geoshapeFills } from './svg.js';

const frame = { title: 'Testkaart', period: '2016–2020', synthetic: true };
// planted values: two equal to a break (must stay in the lower class, mapclassify), one missing
const values = new Map<string, number | null>(GRID_CODES.map((c, i) => [c, [1, 2, 3, 4, 5, 6, 7, 8, null][i]]));
const bins = [2, 5, 8];
const colours = ['#111111', '#555555', '#BBBBBB'];

describe('choroplethSpec', () => {
  it('colours each buurt by its class (x ≤ bin is in that class) and missing as "geen gegevens"', async () => {
    const svg = await renderSvg(choroplethSpec(grid(), values, { ...frame, bins, colours }));
    // 1,2 → class 0; 3,4,5 → class 1; 6,7,8 → class 2; null → no data
    expect(geoshapeFills(svg)).toEqual(['#111111', '#111111', '#555555', '#555555', '#555555', '#BBBBBB', '#BBBBBB', '#BBBBBB', NO_DATA_COLOUR]);
  });

  it('has a legend with class ranges and the no-data class', async () => {
    const svg = await renderSvg(choroplethSpec(grid(), values, { ...frame, bins }));
    for (const label of ['1 tot en met 2', 'meer dan 2 tot en met 5', 'meer dan 5 tot en met 8', NO_DATA_LABEL]) expect(svg).toContain(`>${label}</text>`);
  });

  it('prints title, period, source and the synthetic label', async () => {
    const svg = await renderSvg(choroplethSpec(grid(), values, { ...frame, bins }));
    expect(svg).toContain('>Testkaart</text>');
    expect(svg).toContain('>Periode 2016–2020<');
    expect(svg).toContain('>Bron: CBS, Leefbaarometer 3.0 · synthetische gegevens<');
    const real = await renderSvg(choroplethSpec(grid(), values, { ...frame, synthetic: false, bins }));
    expect(real).not.toContain('synthetische gegevens');
  });

  it('draws gemeente outlines over the buurten', async () => {
    const svg = await renderSvg(choroplethSpec(grid(), values, { ...frame, bins, colours, outlines: gemeenten() }));
    const fills = geoshapeFills(svg);
    expect(fills).toHaveLength(9); // outlines are unfilled
    expect((svg.match(/<path transform="[^"]*" d="[^"]*" stroke="#222222"/g) ?? []).length).toBe(2);
    // the same outlines given in WGS84 are projected to RD and land on the same place (±1 px)
    const wgs = gemeenten();
    const outlinesWgs = { crs: 'EPSG:4326' as const, features: wgs.features.map((f) => ({ ...f, geometry: { type: 'Polygon' as const, coordinates: (f.geometry.coordinates as Position[][]).map((r) => r.map(rdToWgs84)) } })) };
    const svgWgs = await renderSvg(choroplethSpec(grid(), values, { ...frame, bins, colours, outlines: outlinesWgs }));
    const nums = (t: string) => (t.match(/<path transform="[^"]*" d="([^"]*)" stroke="#222222"/g) ?? []).join(' ').match(/-?\d+(\.\d+)?/g)!.map(Number);
    const a = nums(svg);
    const b = nums(svgWgs);
    expect(b).toHaveLength(a.length);
    a.forEach((x, i) => expect(Math.abs(x - b[i])).toBeLessThan(1));
  });

  it('leaves the outlines unfilled (not "transparent"), so they never take the pointer from the buurten', () => {
    const vg = compileVegaLite(choroplethSpec(grid(), values, { ...frame, bins, colours, outlines: gemeenten() })) as unknown as { marks: { type: string; encode: { update: Record<string, { value?: unknown }> } }[] };
    const shapes = vg.marks.filter((m) => m.type === 'shape');
    expect(shapes).toHaveLength(2);
    expect(shapes[1].encode.update.stroke).toEqual({ value: '#222222' });
    expect(shapes[1].encode.update.fill).toEqual({ value: null });
  });

  it('matches the golden figure', async () => {
    expectGolden('choropleth-grid', await renderSvg(choroplethSpec(grid(), values, { ...frame, bins, outlines: gemeenten(), legendTitle: 'Laag inkomen (%)' })));
  });
});

describe('signalMapSpec', () => {
  const cats = new Map<string, SignalCategory>(GRID_CODES.slice(0, 8).map((c, i) => [c, SIGNAL_CATEGORIES[i % 4]]));

  it('uses the fixed palette, and a buurt without category is "onvoldoende gegevens"', async () => {
    const svg = await renderSvg(signalMapSpec(grid(), cats, frame));
    const expected = GRID_CODES.map((_, i) => (i < 8 ? SIGNAL_COLOURS[SIGNAL_CATEGORIES[i % 4]] : SIGNAL_COLOURS.onvoldoende_gegevens).toUpperCase());
    expect(geoshapeFills(svg)).toEqual(expected);
    for (const c of SIGNAL_CATEGORIES) expect(svg).toContain(`>${SIGNAL_LABELS[c]}</text>`);
  });

  it('matches the golden figure', async () => {
    expectGolden('signal-grid', await renderSvg(signalMapSpec(grid(), cats, { ...frame, outlines: gemeenten() })));
  });
});

describe('lisaMapSpec', () => {
  it('colours clusters with the GeoDa palette and labels from src/spatial', async () => {
    const clusters = new Map([[GRID_CODES[0], 'HH'], [GRID_CODES[1], 'LL'], [GRID_CODES[2], 'niet significant'], [GRID_CODES[3], null]] as const);
    const svg = await renderSvg(lisaMapSpec(grid(), clusters, frame));
    const fills = geoshapeFills(svg);
    expect(fills.slice(0, 4)).toEqual([LISA_COLOURS.HH, LISA_COLOURS.LL, LISA_COLOURS['niet significant'], NO_DATA_COLOUR].map((c) => c.toUpperCase()));
    expect(svg).toContain(`>${LISA_CLUSTER_LABELS.HH}</text>`);
    expectGolden('lisa-grid', svg);
  });
});

describe('smallMultiplesSpec', () => {
  it('classes every panel with the same pooled bins and one legend', async () => {
    const later = new Map<string, number | null>(GRID_CODES.map((c, i) => [c, i + 2]));
    const svg = await renderSvg(smallMultiplesSpec(grid(), [{ label: '2016', values }, { label: '2020', values: later }], { ...frame, bins, colours, width: 120, height: 120 }));
    const fills = geoshapeFills(svg);
    expect(fills.slice(0, 9)).toEqual(['#111111', '#111111', '#555555', '#555555', '#555555', '#BBBBBB', '#BBBBBB', '#BBBBBB', NO_DATA_COLOUR]);
    // 2..10: 2 → 0; 3,4,5 → 1; 6,7,8 → 2; 9,10 above the last bin → last class
    expect(fills.slice(9)).toEqual(['#111111', '#555555', '#555555', '#555555', '#BBBBBB', '#BBBBBB', '#BBBBBB', '#BBBBBB', '#BBBBBB']);
    expect((svg.match(/>meer dan 5 tot en met 10<\/text>/g) ?? []).length).toBe(1);
    expect(svg).toContain('>2016</text>');
    expect(svg).toContain('>2020</text>');
  });
});
