import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import type { Position } from 'geojson';
import { renderSvg } from '../../src/viz/render.js';
import { splitMap, warmMapPaths } from '../../src/viz/map-paths.js';
import { compileVegaLite, type VegaLiteSpec } from '../../src/viz/compile.js';
import { NL_NUMBER_LOCALE } from '../../src/viz/locale.js';
import { mapSpec, ARIA_MAX_FEATURES } from '../../src/viz/maps/base.js';
import { signalMapSpec } from '../../src/viz/maps/signal.js';
import { SIGNAL_CATEGORIES } from '../../src/signal/categories.js';
import type { RegionFeature } from '../../src/sources/boundaries/types.js';
import type { MapGeometry } from '../../src/viz/geometry.js';

/** What renderSvg drew before: the whole spec through vega, nothing written in afterwards. */
async function vegaAlone(spec: VegaLiteSpec): Promise<string> {
  const view = new vega.View(vega.parse(compileVegaLite(spec)), { renderer: 'none' });
  view.locale((vega as unknown as { locale: (n: object) => never }).locale(NL_NUMBER_LOCALE));
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Where two drawings part, with some context; null when they are equal. */
function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i} of ${a.length}/${b.length}: …${a.slice(Math.max(0, i - 120), i + 120)}… vs …${b.slice(Math.max(0, i - 120), i + 120)}…`;
}

const clipIds = (svg: string) => svg.replace(/clip\d+/g, 'clip');

/** A 47 × 47 grid of skewed quadrilaterals with odd coordinates, a MultiPolygon with a hole among them. */
function buurten(): MapGeometry {
  const n = 47;
  const at = (i: number, j: number): Position => [120000 + i * 733.37 + ((j * 37) % 11) * 13.1, 480000 + j * 611.9 + ((i * 53) % 7) * 17.3];
  const features: RegionFeature[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const ring = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1), at(i, j)];
      const code = `BU${String(j * n + i).padStart(8, '0')}`;
      if (i === 5 && j === 5) {
        const [x, y] = at(i, j);
        const hole = [[x + 100, y + 100], [x + 100, y + 300], [x + 300, y + 300], [x + 300, y + 100], [x + 100, y + 100]];
        const island = [[x - 5000, y - 5000], [x - 4000, y - 5000], [x - 4500, y - 4100], [x - 5000, y - 5000]];
        features.push({ type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[ring, hole], [island]] }, properties: { code, name: null } });
      } else features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { code, name: `Buurt ${code}` } });
    }
  }
  return { features, crs: 'EPSG:28992' };
}

const outlines: MapGeometry = {
  features: [
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[120000, 480000], [140000, 480000], [140000, 509000], [120000, 509000], [120000, 480000]]] }, properties: { code: 'GM0001', name: null } },
  ],
  crs: 'EPSG:28992',
};

const legend = { labels: ['laag', 'midden', 'hoog'], colours: ['#1b9e77', '#d95f02', '#7570B3'] };
const klasse = (code: string) => legend.labels[Number(code.slice(2)) % 3];

describe('renderSvg of a large map (polygons written in after vega)', () => {
  const geo = buurten();
  it('takes over a map panel without ARIA labels', () => {
    expect(geo.features.length).toBeGreaterThan(ARIA_MAX_FEATURES);
    expect(splitMap(mapSpec(geo, klasse, legend, { synthetic: false, title: 'Kaart', outlines }))).not.toBeNull();
  });

  it('writes what vega writes, byte for byte, with and without outlines and for maps of other sizes after it', async () => {
    const specs = [
      mapSpec(geo, klasse, legend, { title: 'Kaart', period: '2014–2022', synthetic: true, outlines }),
      // the same geometry again, the paths from the cache
      signalMapSpec(geo, new Map(geo.features.map((f, i) => [f.properties.code, SIGNAL_CATEGORIES[i % SIGNAL_CATEGORIES.length]])), { synthetic: false, title: 'Signalen', outlines }),
      // another size: another projection, the cached paths are not used
      mapSpec(geo, klasse, legend, { synthetic: false, title: 'Klein', width: 300, height: 250 }),
    ];
    for (const spec of specs) {
      const ours = await renderSvg(spec);
      expect(firstDifference(ours, await vegaAlone(spec))).toBeNull();
      expect(ours.match(/<path transform="translate\(0,0\)"/g)?.length).toBeGreaterThanOrEqual(geo.features.length);
    }
  });

  it('leaves to vega what it does not take over, and the result is still vega’s', async () => {
    const small: MapGeometry = { features: geo.features.slice(0, 30), crs: geo.crs };
    const base = mapSpec(geo, klasse, legend, { synthetic: false, title: 'Kaart' });
    const layer0 = (base.layer as Record<string, unknown>[])[0];
    const variants: [string, VegaLiteSpec][] = [
      ['with ARIA labels (a small map)', mapSpec(small, klasse, legend, { synthetic: false, title: 'Klein' })],
      ['a config that restyles marks', { ...base, config: { view: { stroke: null }, geoshape: { strokeWidth: 2 } } }],
      ['a class outside the legend', mapSpec(geo, (c) => (c.endsWith('7') ? 'onbekend' : klasse(c)), legend, { synthetic: false, title: 'Kaart' })],
      ['a tooltip', { ...base, layer: [{ ...layer0, encoding: { ...(layer0.encoding as object), tooltip: { field: 'properties.code' } } }] }],
      ['a projection of its own', { ...base, projection: { type: 'identity', reflectY: true, scale: 0.01, translate: [0, 600] } }],
    ];
    for (const [why, spec] of variants) {
      expect(splitMap(spec), why).toBeNull();
      // (vega numbers its clip paths across views)
      expect(clipIds(await renderSvg(spec)), why).toBe(clipIds(await vegaAlone(spec)));
    }
  });

  it('makes ahead (warmMapPaths) what the maps then take, and never takes a fit or path made for other geometry', async () => {
    const g = buurten();
    const warmed = mapSpec(g, () => legend.labels[0], legend, { synthetic: false, title: '', outlines });
    expect(warmMapPaths(warmed)).toBe(true);
    const layers = warmed.layer as Record<string, unknown>[];
    const values = (layers[0].data as { values: unknown[] }).values;
    const specs: [string, VegaLiteSpec][] = [
      // the same geometry, other classes and title: fit and paths from what was made ahead
      ['the warmed geometry', mapSpec(g, klasse, legend, { title: 'Kaart', period: '2014–2022', synthetic: true, outlines })],
      // the same first geometry object, fewer of them: another fit
      ['a part of the warmed geometry', { ...warmed, layer: [{ ...layers[0], data: { values: values.slice(0, ARIA_MAX_FEATURES + 100) } }, layers[1]] }],
      // the same geometry without the outlines: another fit
      ['without the outlines', { ...warmed, layer: [layers[0]] }],
    ];
    for (const [why, spec] of specs) {
      expect(splitMap(spec), why).not.toBeNull();
      expect(firstDifference(await renderSvg(spec), await vegaAlone(spec)), why).toBeNull();
    }
    // a spec splitMap does not take over: nothing made
    expect(warmMapPaths(mapSpec({ features: g.features.slice(0, 30), crs: g.crs }, klasse, legend, { synthetic: false, title: '' }))).toBe(false);
  });

  it('draws with vega when a polygon has no path (an empty geometry)', async () => {
    const features = geo.features.map((f, i) => (i === 10 ? { ...f, geometry: { type: 'Polygon' as const, coordinates: [] } } : f));
    const spec = mapSpec({ features, crs: geo.crs }, klasse, legend, { synthetic: false, title: 'Kaart' });
    const split = splitMap(spec);
    expect(split).not.toBeNull();
    expect(split!.fill(await vegaAlone(split!.frame))).toBeNull();
    expect(await renderSvg(spec)).toBe(await vegaAlone(spec));
  });
});
