/**
 * Dissolve polygons into groups (buurten → gemeenten) along their shared edges, for outlines
 * over a map. Uses a TopoJSON topology so shared arcs are recognised exactly: ./topology.ts
 * (topojson-server's topology on typed arrays, the same arcs) when every ring has two positions
 * or more, topojson-server itself otherwise.
 */
import { topology } from 'topojson-server';
import { merge } from 'topojson-client';
import type { GeometryCollection, Polygon as TopoPolygon, MultiPolygon as TopoMultiPolygon, Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { polygonTopology } from './topology.js';
import type { RegionFeature } from './types.js';

/**
 * One feature per group (code = the group key, name = null), the union of its members.
 *
 * @example dissolve(buurten, (f) => `GM${f.properties.code.slice(2, 6)}`)
 */
export function dissolve(features: readonly RegionFeature[], groupOf: (f: RegionFeature) => string | null): RegionFeature[] {
  const usual = features.every((f) => {
    const g = f.geometry;
    if (g === null || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return false;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    return polys.every((p) => p.every((r) => r.length >= 2));
  });
  let topo: Topology;
  let coll: GeometryCollection;
  if (usual) {
    const t = polygonTopology(features.map((f) => f.geometry));
    topo = t as unknown as Topology;
    coll = t.objects.d as unknown as GeometryCollection;
  } else {
    const collection: FeatureCollection = { type: 'FeatureCollection', features: features as RegionFeature[] };
    topo = topology({ regions: collection });
    coll = topo.objects.regions as GeometryCollection;
  }
  const groups = new Map<string, (TopoPolygon | TopoMultiPolygon)[]>();
  coll.geometries.forEach((g, i) => {
    const key = groupOf(features[i]);
    if (key === null || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return;
    const list = groups.get(key) ?? [];
    list.push(g as TopoPolygon | TopoMultiPolygon);
    groups.set(key, list);
  });
  return [...groups.keys()].sort().map((key) => ({
    type: 'Feature',
    geometry: merge(topo, groups.get(key)!),
    properties: { code: key, name: null },
  }));
}
