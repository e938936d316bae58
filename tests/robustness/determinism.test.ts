/**
 * Determinism: the same inputs give byte-identical outputs — loaders' `inspect --json`, the
 * exports (CSV, GeoJSON, stable JSON) and a rendered map — also when the same data arrives in
 * another insertion order (Map order, object key order, feature order where order is not data).
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { toCsv } from '../../src/export/csv.js';
import { toGeoJson } from '../../src/export/geojson.js';
import { stableJson } from '../../src/export/summary.js';
import { choroplethSpec } from '../../src/viz/maps/choropleth.js';
import { renderSvg } from '../../src/viz/render.js';
import type { RegionFeature } from '../../src/sources/boundaries/types.js';
import { LBM_HEADER, cp1252, lbmRow, tempDir, writeCase } from './corpus.js';

const dir = tempDir();
const demo = (rel: string) => join(process.cwd(), 'data/demo', rel);

async function inspectOut(path: string): Promise<string> {
  const r = await runCli(['inspect', path, '--json']);
  expect(r.code, r.err).toBe(0);
  return r.out;
}

describe('loaders: inspect --json twice gives the same bytes', () => {
  const files = [
    ['csv', writeCase(dir, 'messy.csv', cp1252('code;v;naam\nGM0363;1,5;Caf\u00e9 \u20ac\nGM0344;.;x\n\nGM0345;2;\u2013\n'))],
    ['leefbaarometer', writeCase(dir, 'lbm.csv', [LBM_HEADER, lbmRow('BU03630000', 2020), lbmRow('BU03630000', 2020), 'BU03630001,B,2020,4.6,0.5,0.01,0.01,0.01,0.01,0.01'].join('\n'))],
    ['statline-csv', demo('kwb/synthetisch_kwb2017_83765NED.csv')],
    ['statline-odata', demo('kwb/synthetisch_kwb2020_84799NED_odata/TypedDataSet.json')],
    ['boundaries', demo('geo/synthetisch_buurten_2019-2022_rd.geojson')],
    ['pc6', demo('pc6/synthetisch_pc6hnr20220801_gwb.csv')],
    ['microdata', demo('microdata/synthetisch_microdata_buurt_jaar_groep_status.csv')],
    ['corporatie', demo('corporatie/synthetisch_bezit_vhe_2022_wooncooperatie-de-eendracht.csv')],
  ] as const;
  for (const [kind, path] of files) {
    it(`${kind}: two runs, and a copy of the file elsewhere, give the same JSON`, async () => {
      const a = await inspectOut(path);
      const b = await inspectOut(path);
      expect(b).toBe(a);
      const other = join(dir, `copy-${kind}`);
      mkdirSync(other, { recursive: true });
      const copy = join(other, basename(path));
      // the OData reader reads its companions (DataProperties, TableInfos, …) beside the file
      const siblings = kind === 'statline-odata' ? readdirSync(dirname(path)) : [basename(path)];
      for (const f of siblings) copyFileSync(join(dirname(path), f), join(other, f));
      expect((await inspectOut(copy)).split(copy).join(path)).toBe(a);
    });
  }
});

const square = (code: string, x: number, y: number): RegionFeature => ({
  type: 'Feature',
  properties: { code, name: `Buurt ${code.slice(-2)}` },
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1000, y], [x + 1000, y + 1000], [x, y + 1000], [x, y]]] },
});
const features = [square('BU03630000', 120000, 480000), square('BU03630001', 121000, 480000), square('BU03630002', 120000, 481000)];
const rows = [
  { code: 'BU03630000', naam: '=HYPERLINK("x")', pct: 12.345, n: 3, cat: 'aandacht' },
  { code: 'BU03630001', naam: 'Caf\u00e9 "Hoek"; noord', pct: null, n: 0, cat: null },
  { code: 'BU03630002', naam: 'Zuid', pct: 100, n: 7, cat: 'stabiel' },
];

describe('exports: the same data in another insertion order gives the same bytes', () => {
  it('toCsv', () => {
    const reordered = rows.map((r) => Object.fromEntries(Object.entries(r).reverse()));
    const columns = ['code', 'naam', { field: 'pct', type: 'number' as const }, 'n', 'cat'];
    for (const dialect of ['excel-nl', 'plain'] as const) {
      const a = toCsv(rows, { dialect, columns });
      expect(toCsv(rows, { dialect, columns })).toBe(a);
      expect(toCsv(reordered, { dialect, columns })).toBe(a);
    }
  });
  it('toGeoJson with attributes from Maps filled in opposite orders', () => {
    const attrs = (order: typeof rows) => new Map(order.map((r) => [r.code, { pct: r.pct, n: r.n, cat: r.cat }]));
    const a = JSON.stringify(toGeoJson(features, { crs: 'EPSG:28992', attributes: attrs(rows) }));
    const b = JSON.stringify(toGeoJson(features, { crs: 'EPSG:28992', attributes: attrs([...rows].reverse()) }));
    expect(b).toBe(a);
    expect(JSON.stringify(toGeoJson(features, { crs: 'EPSG:28992', attributes: attrs(rows) }))).toBe(a);
  });
  it('stableJson sorts keys at every depth, so key order does not leak into the output', () => {
    const x = { b: { y: [3, { q: 1, p: 2 }], x: 'é' }, a: 1.5, c: null };
    const y = { c: null, a: 1.5, b: { x: 'é', y: [3, { p: 2, q: 1 }] } };
    expect(stableJson(y)).toBe(stableJson(x));
    // independent expectation: keys sorted, arrays kept in order
    expect(JSON.parse(stableJson(x))).toEqual(x);
    expect(Object.keys(JSON.parse(stableJson(x)))).toEqual(['a', 'b', 'c']);
  });
});

describe('maps: renderSvg of a small choropleth twice', () => {
  it('gives byte-identical SVG, also with the values Map filled in another order', async () => {
    const frame = { title: 'Determinisme', period: '2020', synthetic: true };
    const values = new Map<string, number | null>([['BU03630000', 1], ['BU03630001', null], ['BU03630002', 7]]);
    const reversed = new Map([...values].reverse());
    const geo = { features, crs: 'EPSG:28992' as const };
    const a = await renderSvg(choroplethSpec(geo, values, { ...frame, bins: [2, 8] }));
    const b = await renderSvg(choroplethSpec(geo, values, { ...frame, bins: [2, 8] }));
    const c = await renderSvg(choroplethSpec(geo, reversed, { ...frame, bins: [2, 8] }));
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(a).toMatch(/^<svg/);
  });
});
