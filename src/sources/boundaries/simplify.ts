/**
 * Topology-preserving simplification for display: the features become a topology
 * (topojson-server) whose shared edges are single arcs, the arcs are simplified once with
 * Visvalingam–Whyatt (topojson-simplify; Visvalingam & Whyatt, "Line generalisation by repeated
 * elimination of points", The Cartographic Journal 30, 1993), and decoded again
 * (topojson-client). Neighbours therefore keep exactly the same shared boundary.
 */
import * as topojsonServer from 'topojson-server';
import * as topojsonSimplify from 'topojson-simplify';
import * as topojsonClient from 'topojson-client';
import type { MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { VeerkrachtError } from '../../util/errors.js';
import { validatePolygonGeometry } from '../../geo/validate.js';
import { boundariesToCrs } from './convert.js';
import type { Boundaries, RegionFeature } from './types.js';

/** How much to simplify: a tolerance in metres, or the fraction of points to keep. */
export type SimplifyOptions = { toleranceMeters: number } | { retain: number };

/**
 * Simplify for display without opening gaps or overlaps between neighbours. Computed in RD New
 * (metres) and returned in the input CRS. A tolerance of t metres removes points whose
 * Visvalingam triangle is smaller than t² m². Rings that would collapse (fewer than 4 positions)
 * keep their arcs unsimplified (and so do their neighbours along those arcs); they are listed in
 * the report warnings.
 *
 * @throws VeerkrachtError for a tolerance below 0 or a fraction outside (0, 1].
 * @example simplifyBoundaries(b, { toleranceMeters: 25 })
 */
export function simplifyBoundaries(b: Boundaries, options: SimplifyOptions): Boundaries {
  const rd = boundariesToCrs(b, 'EPSG:28992');
  const topo = topojsonServer.topology({
    regions: { type: 'FeatureCollection', features: rd.features },
  } as never) as unknown as Topology;
  const pre = topojsonSimplify.presimplify(topo as never);
  let minWeight: number;
  if ('toleranceMeters' in options) {
    if (!(options.toleranceMeters >= 0)) throw new VeerkrachtError('invalid simplification tolerance', { column: 'toleranceMeters', expected: 'metres ≥ 0', found: String(options.toleranceMeters) });
    minWeight = options.toleranceMeters ** 2;
  } else {
    if (!(options.retain > 0 && options.retain <= 1)) throw new VeerkrachtError('invalid fraction of points to retain', { column: 'retain', expected: 'a number in (0, 1]', found: String(options.retain) });
    minWeight = options.retain >= 1 ? 0 : topojsonSimplify.quantile(pre, options.retain);
  }
  const decode = (t: Topology) => {
    const coll = t.objects.regions as GeometryCollection;
    return coll.geometries.map((g) => (topojsonClient.feature(t, g) as unknown as RegionFeature).geometry as Polygon | MultiPolygon);
  };
  let geoms = decode(topojsonSimplify.simplify(pre, minWeight) as unknown as Topology);
  // Rings that collapsed below 4 positions keep all points of their arcs; the arcs are shared,
  // so the neighbours keep the same unsimplified edge and the topology stays intact.
  const degenerate = geoms.map((g, i) => (validatePolygonGeometry(g, { selfIntersections: false }).length > 0 ? i : -1)).filter((i) => i >= 0);
  if (degenerate.length > 0) {
    const coll = pre.objects.regions as GeometryCollection;
    const arcs = new Set<number>();
    const collect = (a: unknown): void => {
      if (typeof a === 'number') arcs.add(a < 0 ? ~a : a);
      else if (Array.isArray(a)) a.forEach(collect);
    };
    for (const i of degenerate) collect((coll.geometries[i] as { arcs?: unknown }).arcs);
    const pinned = { ...pre, arcs: pre.arcs.map((arc, k) => (arcs.has(k) ? arc.map((q) => [q[0], q[1], Infinity]) : arc)) };
    geoms = decode(topojsonSimplify.simplify(pinned as never, minWeight) as unknown as Topology);
  }
  const features: RegionFeature[] = rd.features.map((f, i) => ({ ...f, geometry: geoms[i] }));
  const codes = degenerate.map((i) => rd.features[i].properties.code);
  const out: Boundaries = {
    ...rd,
    features,
    report: {
      ...rd.report,
      warnings: [
        ...rd.report.warnings,
        ...(degenerate.length > 0 ? [`${codes.length} features too small to simplify kept their edges unsimplified: ${codes.slice(0, 5).join(', ')}`] : []),
      ],
    },
  };
  return boundariesToCrs(out, b.crs);
}
