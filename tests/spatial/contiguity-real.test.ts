// libpysal contiguity on real boundary files, checked against an independent computation written
// here: queen = the two regions' rings share a vertex, rook = they share an edge (two consecutive
// vertices, either direction). Files: the national wijken 2023 TopoJSON (decoded with
// topojson-client, and read from its arcs) and the 111 Utrecht buurten 2023 GeoJSON.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as topo from 'topojson-client';
import type { MultiPolygon, Polygon } from 'geojson';
import { sharedData } from '../helpers/shared.js';
import { contiguityWeights } from '../../src/spatial/contiguity.js';
import { topologyContiguity } from '../../src/spatial/topology.js';
import { moranAnalysis } from '../../src/spatial/analysis.js';
import { islands } from '../../src/spatial/weights.js';
import type { PolygonFeature } from '../../src/spatial/rings.js';
import { independent, isolated, moranI, pairsOf, type Feat } from './independent.js';

describe('national wijken 2023 (TopoJSON, 3,352 wijken)', () => {
  const tj = JSON.parse(readFileSync(sharedData('geo/wijken_2023_nl_wgs84.topojson'), 'utf8'));
  const object = tj.objects.wijk_2023;
  const fc = topo.feature(tj, object) as unknown as { features: { geometry: Polygon | MultiPolygon; properties: { statcode: string } }[] };
  const features: Feat[] = fc.features.map((f) => ({ geometry: f.geometry, properties: { code: f.properties.statcode } }));
  const codes = features.map((f) => f.properties.code);
  const truth = independent(features);
  // Leefbaarometer 3.0 'onv' (nuisance and insecurity) per wijk, 2022, read from the raw CSV here
  const onv = new Map<string, number>();
  for (const line of readFileSync(sharedData('leefbaarometer/Leefbaarometer-scores wijken 2002-2022.csv'), 'utf8').split(/\r?\n/).slice(1)) {
    // wk_code,wk_naam,jaar,lbm,afw,fys,onv,soc,vrz,won; names may hold quoted commas: count from the end
    const c = line.split(',');
    const jaar = c[c.length - 8], v = c[c.length - 4];
    if (jaar === '2022' && v !== 'NA') onv.set(c[0], Number(v));
  }
  const values = codes.map((c) => onv.get(c) ?? NaN);

  it('the independent computation finds 9,714 queen and 9,094 rook pairs and 4 islands', () => {
    expect(features).toHaveLength(3352);
    expect(truth.queen.size).toBe(9714);
    expect(truth.rook.size).toBe(9094);
    expect(isolated(3352, truth.queen).map((i) => codes[i]).sort()).toEqual(['WK006000', 'WK008800', 'WK009600', 'WK068753']);
  });

  for (const kind of ['queen', 'rook'] as const) {
    it(`${kind} from the decoded polygons equals the independent shared-${kind === 'queen' ? 'vertex' : 'edge'} pairs`, () => {
      const w = contiguityWeights(features, { contiguity: kind });
      expect(w.method).toBe('shared-vertices');
      expect(pairsOf(w)).toEqual(truth[kind]);
      expect(islands(w)).toEqual(isolated(3352, truth[kind]).map((i) => codes[i]));
    });

    it(`${kind} read from the topology (arcs, quantised vertices) equals the independent pairs`, () => {
      const w = topologyContiguity(tj, object.geometries, codes, kind);
      expect(w.method).toBe('topology');
      expect(pairsOf(w)).toEqual(truth[kind]);
    });

    it(`${kind} Moran's I of LBM onv 2022 equals the independent computation`, () => {
      const r = moranAnalysis(features, values, { contiguity: kind, permutations: 0 });
      expect(r.global.n).toBe(values.filter(Number.isFinite).length);
      expect(r.global.I).toBeCloseTo(moranI(values, truth[kind]), 12);
    });
  }

  it('queen Moran\'s I of onv 2022 is 0.578570, as issue 21 reports for libpysal weights (the old segment-distance contiguity gave 0.578539)', () => {
    const r = moranAnalysis(features, values, { contiguity: 'queen', permutations: 0 });
    expect(r.global.n).toBe(3182);
    expect(r.global.I).toBeCloseTo(0.578570, 6);
  });
});

describe('Utrecht buurten 2023 (GeoJSON, 111 buurten, 3 decimals)', () => {
  const doc = JSON.parse(readFileSync(sharedData('geo/buurten_2023_GM0344_utrecht_wgs84.geojson'), 'utf8'));
  const features: Feat[] = (doc.features as { geometry: Polygon; properties: { statcode: string } }[]).map((f) => ({
    geometry: f.geometry, properties: { code: f.properties.statcode },
  }));
  const truth = independent(features);
  const lon = features.map((f) => {
    const ring = (f.geometry as Polygon).coordinates[0];
    return ring.reduce((s, p) => s + p[0], 0) / ring.length; // mean vertex longitude (planted west–east gradient)
  });

  it('queen and rook equal the independent pairs; no islands', () => {
    for (const kind of ['queen', 'rook'] as const) {
      const w = contiguityWeights(features as PolygonFeature[], { contiguity: kind });
      expect(pairsOf(w)).toEqual(truth[kind]);
      expect(islands(w)).toEqual([]);
    }
    expect(truth.queen.size).toBeGreaterThan(truth.rook.size);
    expect(isolated(111, truth.queen)).toEqual([]);
  });

  it('Moran\'s I of a west–east gradient equals the independent computation, queen and rook', () => {
    for (const kind of ['queen', 'rook'] as const) {
      const r = moranAnalysis(features, lon, { contiguity: kind, permutations: 0 });
      expect(r.global.I).toBeCloseTo(moranI(lon, truth[kind]), 12);
      expect(r.global.I).toBeGreaterThan(0.7);
    }
  });

  it('snapping is explicit and widens contacts: tolerance 1.5 grid steps finds a superset of the shared-vertex pairs', () => {
    const snapped = contiguityWeights(features, { contiguity: 'queen', tolerance: 0.0015 });
    const exact = pairsOf(contiguityWeights(features, { contiguity: 'queen' }));
    const s = pairsOf(snapped);
    for (const p of exact) expect(s.has(p)).toBe(true);
    expect(snapped.method).toBe('snapped');
  });
});
