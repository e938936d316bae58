import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readBoundaries } from '../../src/sources/boundaries/read.js';
import { boundariesToCrs } from '../../src/sources/boundaries/convert.js';
import { simplifyBoundaries } from '../../src/sources/boundaries/simplify.js';
import { detectFormat, readAnyTable } from '../../src/sources/registry.js';
import { geometryAreaKm2, planarArea } from '../../src/geo/area.js';
import { unionArea } from '../../src/geo/intersect.js';
import { wgs84ToRd } from '../../src/geo/projection.js';
import { buildCrosswalk } from '../../src/regions/crosswalk.js';
import { gemeenteOf, wijkOf } from '../../src/regions/codes.js';
import { sharedData } from '../helpers/shared.js';

const BUURTEN = sharedData('geo/buurten_2023_GM0344_utrecht_wgs84.geojson');
const WIJKEN = sharedData('geo/wijken_2023_GM0344_utrecht_wgs84.geojson');
const WIJKEN_NL = sharedData('geo/wijken_2023_nl_wgs84.topojson');
const GEMEENTEN = sharedData('geo/gemeenten_2023_wgs84.topojson');
// KWB 2024 (85984NED) areas in hectares, published by CBS: an independent measure of the same land
const KWB2024 = JSON.parse(readFileSync(sharedData('statline/85984NED_gm_wk_8topics_2024.json'), 'utf8')) as Record<string, { OppervlakteTotaal_122: number }>;
const codeList = (rel: string, prefix: string) =>
  readFileSync(sharedData(rel), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter(Boolean).map((l) => prefix + l.split(';')[0]);

const positions = (g: Polygon | MultiPolygon): Position[] => (g.type === 'Polygon' ? g.coordinates.flat(1) : g.coordinates.flat(2));
const perimeterKm = (g: Polygon | MultiPolygon): number => {
  const rd = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let m = 0;
  for (const p of rd) for (const r of p) for (let i = 0; i + 1 < r.length; i++) {
    const a = wgs84ToRd(r[i]);
    const c = wgs84ToRd(r[i + 1]);
    m += Math.hypot(c[0] - a[0], c[1] - a[1]);
  }
  return m / 1000;
};
const totalKm2 = (b: Awaited<ReturnType<typeof readBoundaries>>) => b.features.reduce((s, f) => s + geometryAreaKm2(f.geometry, b.crs), 0);

describe('Utrecht buurten 2023 (GeoJSON, WGS84)', async () => {
  const b = await readBoundaries(BUURTEN);

  it('reads all 111 buurten as valid, WGS84, level buurt, codes from statcode', () => {
    expect(b.features).toHaveLength(111);
    expect(b).toMatchObject({ crs: 'EPSG:4326', level: 'buurt', codeProperty: 'statcode' });
    expect(b.report).toEqual({ rowsRead: 111, rowsKept: 111, dropped: [], warnings: [] });
    expect(b.features.every((f) => f.properties.code.startsWith('BU0344'))).toBe(true);
    expect(b.features.find((f) => f.properties.code === 'BU03440112')?.properties.name).toBe('Oog in Al');
  });

  it('the codes are all in the CBS 2025 buurt code list', () => {
    const known = new Set(codeList('codes/cbs_buurt2025_names.csv', 'BU'));
    expect(b.features.filter((f) => !known.has(f.properties.code))).toEqual([]);
  });

  it('covers about 99 km²: CBS publishes 9,921 ha for the gemeente Utrecht (KWB 2024)', () => {
    const km2 = totalKm2(b);
    expect(KWB2024.GM0344.OppervlakteTotaal_122).toBe(9921);
    expect(Math.abs(km2 - 99.21) / 99.21).toBeLessThan(0.01); // simplified to 3 decimals
  });

  it('sums to the 10 dissolved wijken, each within rounding of its KWB area', async () => {
    const w = await readBoundaries(WIJKEN);
    expect(w).toMatchObject({ level: 'wijk' });
    expect(w.features).toHaveLength(10);
    expect(totalKm2(w)).toBeCloseTo(totalKm2(b), 6);
    for (const f of w.features) {
      // coordinates are rounded to 0.001° (70–110 m): allow the perimeter times 50 m
      const kwb = KWB2024[f.properties.code].OppervlakteTotaal_122 / 100;
      expect(Math.abs(geometryAreaKm2(f.geometry, w.crs) - kwb)).toBeLessThan(perimeterKm(f.geometry) * 0.05);
    }
  });

  it('round-trips through RD New within a centimetre', () => {
    const back = boundariesToCrs(boundariesToCrs(b, 'EPSG:28992'), 'EPSG:4326');
    let worst = 0;
    b.features.forEach((f, i) => {
      const a = positions(f.geometry);
      const c = positions(back.features[i].geometry);
      expect(c).toHaveLength(a.length);
      // 1e-7° is about 1 cm
      a.forEach((p, k) => (worst = Math.max(worst, Math.abs(p[0] - c[k][0]), Math.abs(p[1] - c[k][1]))));
    });
    expect(worst).toBeLessThan(1e-7);
  });

  it('crosswalk buurten → wijken sends every buurt to the wijk its code names', async () => {
    const w = await readBoundaries(WIJKEN);
    const cw = buildCrosswalk(b, w, { labels: { from: 'buurten 2023', to: 'wijken 2023' } });
    for (const s of cw.sources) {
      const main = cw.links.filter((l) => l.from === s.code).sort((x, y) => y.weight - x.weight)[0];
      expect(main.to).toBe(wijkOf(s.code));
      expect(main.weight).toBeGreaterThan(0.99);
    }
    expect(cw.report.relations.merged).toBe(111);
    expect(cw.report.unmatchedTo).toEqual([]);
  });

  it('crosswalk of the indeling with itself: 111 identical, weights 1, nothing unmatched', () => {
    const cw = buildCrosswalk(b, b);
    expect(cw.report.relations.identical).toBe(111);
    expect(cw.links).toHaveLength(111);
    expect(cw.links.every((l) => l.from === l.to && l.weight === 1)).toBe(true);
    expect([cw.report.unmatchedFrom, cw.report.unmatchedTo]).toEqual([[], []]);
  });

  it('inspect detects and tabulates it', async () => {
    expect(detectFormat(BUURTEN).kind).toBe('boundaries-geojson');
    const t = await readAnyTable(BUURTEN);
    expect(t.table.numRows()).toBe(111);
    expect(t.table.columnNames().slice(0, 6)).toEqual(['code', 'name', 'level', 'area_km2', 'centroid_lon', 'centroid_lat']);
    const sum = (t.table.array('area_km2') as number[]).reduce((s, v) => s + v, 0);
    expect(sum).toBeCloseTo(totalKm2(b), 9);
  });
});

describe('national TopoJSON files (WGS84, quantized)', async () => {
  it('wijken 2023: 3,352 wijken from object wijk_2023; Utrecht’s wijken sum to about 99 km²', async () => {
    const w = await readBoundaries(WIJKEN_NL);
    expect(w.features).toHaveLength(3352);
    expect(w).toMatchObject({ crs: 'EPSG:4326', level: 'wijk', codeProperty: 'statcode' });
    expect(w.provenance.edition).toBe('object wijk_2023');
    expect((await readAnyTable(WIJKEN_NL)).provenance.edition).toBe('object wijk_2023, EPSG:4326, 3352 × wijk');
    expect(w.report.rowsRead).toBe(3352);
    expect(w.report.dropped).toEqual([]);
    // cartomap's simplification leaves some rings touching themselves: reported, not dropped
    expect(w.report.warnings.join(' ')).toMatch(/^\d+ features with a self-intersecting ring \(kept\)/);
    const utrecht = w.features.filter((f) => f.properties.code.startsWith('WK0344'));
    expect(utrecht).toHaveLength(10);
    const km2 = utrecht.reduce((s, f) => s + geometryAreaKm2(f.geometry, w.crs), 0);
    expect(Math.abs(km2 - 99.21) / 99.21).toBeLessThan(0.03);
    expect(detectFormat(WIJKEN_NL).kind).toBe('boundaries-topojson');
  });

  it('gemeenten 2023: the 342 gemeenten of object gm_features, all in the CBS 2025 list', async () => {
    const g = await readBoundaries(GEMEENTEN);
    expect(g.features).toHaveLength(342);
    expect(g).toMatchObject({ level: 'gemeente', codeProperty: 'code' });
    expect(g.report.warnings[0]).toBe('read object "gm_features"; the file also has "vr_features", "nl_features" (choose with object)');
    const known = new Set(codeList('codes/cbs_gem2025_names.csv', 'GM'));
    expect(g.features.filter((f) => !known.has(f.properties.code)).map((f) => f.properties.code)).toEqual([]);
    const utrecht = g.features.find((f) => f.properties.code === 'GM0344')!;
    expect(Math.abs(geometryAreaKm2(utrecht.geometry, g.crs) - 99.21) / 99.21).toBeLessThan(0.05);
    // the same file's safety regions by name
  });

  it('topology-preserving simplification of the 415 wijken WK03…: fewer points, neighbours still edge to edge', async () => {
    const all = await readBoundaries(WIJKEN_NL, { crs: 'EPSG:28992' });
    const b = { ...all, features: all.features.filter((f) => f.properties.code.startsWith('WK03')) };
    expect(b.features).toHaveLength(415);
    const s = simplifyBoundaries(b, { retain: 0.2 });
    const n = (x: typeof b) => x.features.reduce((t, f) => t + positions(f.geometry).length, 0);
    expect(n(s)).toBeLessThan(n(b) * 0.95);
    const before = b.features.reduce((t, f) => t + planarArea(f.geometry), 0);
    const sum = s.features.reduce((t, f) => t + planarArea(f.geometry), 0);
    // shared edges stay shared: segments used by only one wijk (the outline) do not grow
    const once = (x: typeof b) => {
      const use = new Map<string, number>();
      for (const f of x.features) {
        const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat(1);
        for (const r of rings) for (let i = 0; i + 1 < r.length; i++) {
          const [p, q] = [r[i].join(','), r[i + 1].join(',')].sort();
          use.set(`${p}|${q}`, (use.get(`${p}|${q}`) ?? 0) + 1);
        }
      }
      return [...use.values()].filter((v) => v === 1).length;
    };
    expect(once(s)).toBeLessThanOrEqual(once(b));
    // hardly any overlap (Visvalingam may let two unshared arcs of one wijk cross), total kept
    expect(Math.abs(sum - unionArea(s.features.map((f) => f.geometry))) / sum).toBeLessThan(1e-4);
    expect(Math.abs(sum - before) / before).toBeLessThan(0.01);
  });

  it('crosswalk wijken (cartomap) → gemeenten (another generalisation): each of the 415 wijken WK03… lands mainly in its own gemeente', async () => {
    const w = await readBoundaries(WIJKEN_NL);
    const g = await readBoundaries(GEMEENTEN);
    const wijken = { ...w, features: w.features.filter((f) => f.properties.code.startsWith('WK03')) };
    const codes = new Set(wijken.features.map((f) => gemeenteOf(f.properties.code)));
    const gemeenten = { ...g, features: g.features.filter((f) => codes.has(f.properties.code)) };
    const cw = buildCrosswalk(wijken, gemeenten);
    const wrong = cw.sources.filter((s) => {
      const main = cw.links.filter((l) => l.from === s.code).sort((x, y) => y.weight - x.weight)[0];
      return main?.to !== gemeenteOf(s.code);
    });
    expect(wrong.map((s) => s.code)).toEqual([]);
    expect(cw.report.unmatchedFrom).toEqual([]);
    // weights of every matched wijk sum to 1
    const sums = new Map<string, number>();
    for (const l of cw.links) sums.set(l.from, (sums.get(l.from) ?? 0) + l.weight);
    for (const v of sums.values()) expect(v).toBeCloseTo(1, 12);
  });

  it('a TopoJSON object whose codes are not region codes is an error', async () => {
    const vr = await readBoundaries(GEMEENTEN, { object: 'vr_features', codeProperty: 'code' }).catch((e: Error) => e);
    expect(vr).toBeInstanceOf(Error); // VR codes are not CBS region codes
  });
});
