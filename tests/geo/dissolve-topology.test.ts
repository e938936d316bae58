// dissolve builds its topology with polygonTopology (typed arrays) instead of topojson-server:
// the gemeente outlines must be the same, compared with topojson-server's topology + merge (the
// independent computation) on the demo region's buurten of both indelingen.
import { readFileSync } from 'node:fs';
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { dissolve } from '../../src/geo/dissolve.js';
import type { RegionFeature } from '../../src/geo/types.js';
import { simplifyForDrawing, simplifyPackedForDrawing } from '../../src/geo/simplify.js';
import { packFeatures } from '../../src/geo/transfer.js';
import { densifyFeatures } from './fullres-fixtures.js';

const demo = new URL('../../data/demo/geo/', import.meta.url).pathname;

function reference(features: RegionFeature[], groupOf: (f: RegionFeature) => string): Map<string, unknown> {
  const topo = topology({ r: { type: 'FeatureCollection', features } as never });
  const geoms = (topo.objects.r as GeometryCollection).geometries;
  const groups = new Map<string, (TopoPolygon | TopoMultiPolygon)[]>();
  geoms.forEach((g, i) => {
    const k = groupOf(features[i]);
    groups.set(k, [...(groups.get(k) ?? []), g as TopoPolygon]);
  });
  return new Map([...groups].map(([k, gs]) => [k, merge(topo, gs)]));
}

describe('dissolve on polygonTopology', () => {
  for (const file of ['synthetisch_buurten_2014-2018_rd.geojson', 'synthetisch_buurten_2019-2022_rd.geojson']) {
    it(`gives topojson-server's outlines for ${file}, per gemeente and per wijk`, () => {
      const raw = JSON.parse(readFileSync(demo + file, 'utf8')) as { features: { geometry: RegionFeature['geometry']; properties: { buurtcode: string } }[] };
      const features: RegionFeature[] = raw.features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { code: f.properties.buurtcode, name: null } }));
      for (const groupOf of [(f: RegionFeature) => `GM${f.properties.code.slice(2, 6)}`, (f: RegionFeature) => `WK${f.properties.code.slice(2, 8)}`]) {
        const ours = dissolve(features, groupOf);
        const ref = reference(features, groupOf);
        expect(ours.map((f) => f.properties.code)).toEqual([...ref.keys()].sort());
        for (const f of ours) expect(f.geometry).toEqual(ref.get(f.properties.code));
      }
    });
  }
});

describe('dissolve along the topology a simplification was decoded from', () => {
  it('gives the outlines topojson-server gives for the simplified buurten (full-resolution demo, simplified for drawing, packed or not)', () => {
    const raw = JSON.parse(readFileSync(demo + 'synthetisch_buurten_2019-2022_rd.geojson', 'utf8')) as { features: { geometry: RegionFeature['geometry']; properties: { buurtcode: string } }[] };
    const plain: RegionFeature[] = raw.features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { code: f.properties.buurtcode, name: null } }));
    // every edge densified with jitter, so that the budget forces a real simplification
    const features = densifyFeatures(plain, { perEdge: 12, amp: 0.4 });
    for (const s of [simplifyForDrawing(features, { maxVertices: 6000 }), simplifyPackedForDrawing(packFeatures(features), { maxVertices: 6000 })]) {
      expect(s.simplified).toBe(true);
      expect(s.topology).toBeDefined();
      const groupOf = (f: RegionFeature) => `GM${f.properties.code.slice(2, 6)}`;
      const ours = dissolve(s.features, groupOf, s.topology);
      const ref = reference(s.features as RegionFeature[], groupOf);
      expect(ours.map((f) => f.properties.code)).toEqual([...ref.keys()].sort());
      for (const f of ours) expect(f.geometry).toEqual(ref.get(f.properties.code));
      // and as dissolving them without it
      expect(ours).toEqual(dissolve(s.features, groupOf));
    }
  });
});
