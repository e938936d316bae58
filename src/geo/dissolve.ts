/**
 * Dissolve polygons into groups (buurten → gemeenten) along their shared edges, for outlines
 * over a map. Uses a TopoJSON topology so shared arcs are recognised exactly
 * (`polygonsTopology` of ./topology.ts).
 */
import { merge } from 'topojson-client';
import type { GeometryCollection, Objects, Polygon as TopoPolygon, MultiPolygon as TopoMultiPolygon, Topology } from 'topojson-specification';
import { polygonsTopology } from './topology.js';
import type { RegionFeature } from './types.js';

/**
 * One feature per group (code = the group key, name = null), the union of its members.
 * `topology`: the topology the features were decoded from (simplifyForDrawing's), whose
 * GeometryCollection `d` has one geometry per feature; otherwise theirs is built here.
 *
 * @example dissolve(buurten, (f) => `GM${f.properties.code.slice(2, 6)}`)
 */
export function dissolve(features: readonly RegionFeature[], groupOf: (f: RegionFeature) => string | null, topology?: Topology<Objects>): RegionFeature[] {
  // the topology the features were decoded from, when given (one geometry per feature), or theirs
  const given = (topology?.objects.d as GeometryCollection | undefined)?.geometries;
  const topo = topology !== undefined && given?.length === features.length ? topology : polygonsTopology(features.map((f) => f.geometry));
  const coll = topo.objects.d as GeometryCollection;
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
