// Maps of full-resolution boundaries drawn directly (as a notebook does, without runFigures):
// a lattice with every edge densified (collinear runs, jitter) and a 100,000-vertex ring goes
// through the Vega map (SVG), the page map per gemeente (own SVG) and resvg (PNG) without a
// crash, drawn from a bounded number of vertices; small geometry is drawn exactly as before.
import { describe, expect, it } from 'vitest';
import { signalMapSpec } from '../../src/viz/maps/signal.js';
import { renderSvg } from '../../src/viz/render.js';
import { svgToPng } from '../../src/viz/png.js';
import { displayGeometry } from '../../src/viz/geometry.js';
import { gemeenteMapSvg } from '../../src/viz/gemeente-page.js';
import { DRAW_MAX_VERTICES } from '../../src/geo/simplify.js';
import { SIGNAL_CATEGORIES, type SignalCategory } from '../../src/signal/categories.js';
import { densifyFeatures, lattice, verticesOf } from '../geo/fullres-fixtures.js';

const LONG = 'BU00010101';
// 10 km squares: the drawing resolution is 40 km ÷ 10,000 = 4 m, the jitter (1 m) is below it but
// survives the rounding to whole metres that every map does anyway
const exact = densifyFeatures(lattice(4, 4, 10_000), { perEdge: 60, amp: 1, longCode: LONG, longVertices: 100_000 });
const planted = exact.reduce((s, f) => s + verticesOf(f), 0);
const cats = new Map<string, SignalCategory>(exact.map((f, i) => [f.properties.code, SIGNAL_CATEGORIES[i % SIGNAL_CATEGORIES.length]]));
const frame = { title: 'Volle resolutie', period: '2014–2022', synthetic: true };

/** Coordinate pairs in the `d` attributes of an SVG's paths. */
function pathVertices(svg: string): number {
  let n = 0;
  for (const m of svg.matchAll(/\sd="([^"]*)"/g)) n += (m[1].match(/-?[\d.]+(?:e-?\d+)?,-?[\d.]+/g) ?? []).length;
  return n;
}

describe('maps of full-resolution boundaries', () => {
  it('draws the Vega signal map from a bounded vertex count and rasterises it', async () => {
    expect(verticesOf(exact[5])).toBeGreaterThan(100_000);
    const svg = await renderSvg(signalMapSpec({ features: exact, crs: 'EPSG:28992' }, cats, frame));
    const drawn = pathVertices(svg);
    expect(drawn).toBeGreaterThanOrEqual(16 * 4);
    expect(drawn).toBeLessThan(planted / 40);
    expect(drawn).toBeLessThanOrEqual(DRAW_MAX_VERTICES);
    const png = await svgToPng(svg);
    expect([...png.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('keeps the exact features untouched and small geometry exact', () => {
    const g = displayGeometry({ features: exact, crs: 'EPSG:28992' });
    expect(g.features.reduce((s, f) => s + verticesOf(f), 0)).toBeLessThan(planted / 40);
    expect(exact.reduce((s, f) => s + verticesOf(f), 0)).toBe(planted);
    const plain = lattice(4, 4, 10_000);
    const p = displayGeometry({ features: plain, crs: 'EPSG:28992' });
    expect(p.features.map((f) => f.geometry)).toEqual(plain.map((f) => f.geometry));
  });

  it('draws the page map per gemeente from a bounded vertex count and rasterises it', async () => {
    const regions = exact.map((f) => ({ code: f.properties.code, naam: f.properties.code, geometry: f.geometry, categorie: cats.get(f.properties.code)! }));
    const svg = gemeenteMapSvg(regions, 'EPSG:28992', { title: 'Volle resolutie', subtitle: '2014–2022', source: 'synthetisch' });
    expect(pathVertices(svg)).toBeLessThan(planted / 40);
    expect(svg.match(/<path /g)).toHaveLength(16);
    const png = await svgToPng(svg);
    expect([...png.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
