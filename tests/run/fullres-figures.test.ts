// The figure step on full-resolution boundaries (issue 17): the demo region with every edge
// densified (collinear runs and jittered points, shared edges kept identical) and one buurt with
// a ring of more than 100,000 vertices goes through computeSignals, runFigures and the rendering
// (Vega SVG of the signal map, the page per gemeente as SVG and resvg PNG) without a crash; the
// drawn maps have a bounded vertex count while the exact geometry (areas, signals) is unchanged.
import { beforeAll, describe, expect, it } from 'vitest';
import { demoConfig } from '../../src/run/config.js';
import { loadRunTables, type RunTables } from '../../src/run/load.js';
import { computeSignals, type SignalResult } from '../../src/run/compute.js';
import { runFigures, type RunFigures } from '../../src/run/figures.js';
import { renderSvg } from '../../src/viz/render.js';
import { svgToPng } from '../../src/viz/png.js';
import { planarArea } from '../../src/geo/area.js';
import { DRAW_MAX_VERTICES } from '../../src/geo/simplify.js';
import type { Boundaries } from '../../src/sources/boundaries/types.js';
import { densifyFeatures, verticesOf } from '../geo/fullres-fixtures.js';

const home = new URL('../..', import.meta.url).pathname;

/** Coordinate pairs in the `d` attributes of an SVG's paths. */
function pathVertices(svg: string): number {
  let n = 0;
  for (const m of svg.matchAll(/\sd="([^"]*)"/g)) n += (m[1].match(/-?[\d.]+(?:e-?\d+)?,-?[\d.]+/g) ?? []).length;
  return n;
}

/** Positions anywhere in a Vega-Lite spec's inline data (GeoJSON coordinates). */
function specPositions(x: unknown): number {
  if (!Array.isArray(x)) return x !== null && typeof x === 'object' ? Object.values(x).reduce((s: number, v) => s + specPositions(v), 0) : 0;
  if (x.length >= 2 && typeof x[0] === 'number' && typeof x[1] === 'number') return 1;
  return x.reduce((s: number, v) => s + specPositions(v), 0);
}

let tables: RunTables;
let exactResult: SignalResult;
let dense: SignalResult;
let figures: RunFigures;
let plantedVertices: number;
let plantedAreas: number[];
let longCode: string;

beforeAll(async () => {
  const config = demoConfig(home);
  tables = await loadRunTables(config);
  exactResult = computeSignals(tables, config);
  const t1 = tables.boundaries.t1;
  longCode = t1.features[0].properties.code;
  const plant = (b: Boundaries): Boundaries => ({ ...b, features: densifyFeatures(b.features, { perEdge: 40, amp: 0.5, longCode, longVertices: 100_000 }) });
  const planted: RunTables = { ...tables, boundaries: { t0: tables.boundaries.t0 ? plant(tables.boundaries.t0) : null, t1: plant(t1) } };
  plantedVertices = planted.boundaries.t1.features.reduce((s, f) => s + verticesOf(f), 0);
  plantedAreas = planted.boundaries.t1.features.map((f) => planarArea(f.geometry));
  dense = computeSignals(planted, config);
  figures = runFigures(dense);
}, 300_000);

describe('runFigures on full-resolution demo boundaries', () => {
  it('plants a ring of more than 100,000 vertices among densified neighbours', () => {
    const long = dense.boundaries.features.find((f) => f.properties.code === longCode)!;
    expect(verticesOf(long)).toBeGreaterThan(100_000);
    expect(plantedVertices).toBeGreaterThan(150_000);
  });

  it('keeps the exact geometry for areas and signals: same vertices and areas as planted, same categories as the plain demo', () => {
    expect(dense.boundaries.features.reduce((s, f) => s + verticesOf(f), 0)).toBe(plantedVertices);
    expect(dense.boundaries.features.map((f) => planarArea(f.geometry))).toEqual(plantedAreas);
    // densifying moves edges by at most 0.5 m: every buurt keeps its signal
    expect(dense.signalen.array('categorie')).toEqual(exactResult.signalen.array('categorie'));
  });

  it('draws the signal map, the focus map and the explorer from a bounded number of vertices', async () => {
    const svg = await renderSvg(figures.signaleringskaart);
    const drawn = pathVertices(svg);
    expect(drawn).toBeGreaterThan(1000); // the buurten are drawn …
    expect(drawn).toBeLessThan(plantedVertices / 4); // … from far fewer vertices than planted
    expect(drawn).toBeLessThanOrEqual(DRAW_MAX_VERTICES);
    expect(specPositions(figures.focuskaart)).toBeLessThan(plantedVertices / 4);
    expect(specPositions(figures.explorer.spec)).toBeLessThan(plantedVertices / 4);
  });

  it('draws each page per gemeente with a bounded vertex count and rasterises it with resvg', async () => {
    const pages = figures.gemeenten!.pages;
    expect(pages.length).toBeGreaterThan(0);
    const gm = `GM${longCode.slice(2, 6)}`;
    const page = pages.find((p) => p.code === gm)!;
    expect(pathVertices(page.svg)).toBeLessThan(100_000 / 4);
    const png = await svgToPng(page.svg);
    expect([...png.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
