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
