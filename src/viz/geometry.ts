/**
 * Display geometry: buurt polygons rounded (and optionally simplified, shared edges kept) once,
 * before any map is built, so a map of 14,000 buurten renders without per-feature work.
 *
 * Projection choice: every map is drawn in RD New (EPSG:28992), the conformal projection made
 * for the Netherlands, with Vega's `identity` projection and `reflectY` (planar, y up). RD input
 * is drawn as is; WGS84 input is projected to RD once, here, with proj4 (src/geo/projection.ts).
 * Drawing WGS84 with Vega's spherical `mercator` instead was measured 3× slower per render
 * (spherical clipping and trigonometry per point, twice: fit and draw) and needs d3's
 * clockwise ring winding. Exports to GeoJSON reproject RD to WGS84 separately (src/export).
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { feature as topoFeature } from 'topojson-client';
import type { Objects, Topology } from 'topojson-specification';
import type { Crs, RegionFeature } from '../sources/boundaries/types.js';
import { wgs84ToRd } from '../geo/projection.js';
import { simplifyForDrawing } from '../geo/simplify.js';

/** Polygons with a code (and name) in a known CRS: what the map functions draw. */
export interface MapGeometry {
  features: readonly RegionFeature[];
  crs: Crs;
}

/** Geometry projected to RD, rounded (and possibly simplified) for display; build with {@link prepareGeometry}. */
export interface DisplayGeometry extends MapGeometry {
  readonly crs: 'EPSG:28992';
  readonly prepared: true;
}

/** Options for {@link prepareGeometry}. */
export interface PrepareOptions {
  /** Decimals of the RD coordinates kept (default 0: whole metres). */
  digits?: number;
  /**
   * Visvalingam simplification threshold (topojson-simplify `minWeight`, a triangle area in
   * squared units of the input CRS, e.g. 2000 for RD m², 3e-7 for WGS84 degrees²), applied
   * before projecting; shared edges stay shared. Default: none (for
   * features that are already simplified, like cartomap's).
   */
  simplifyArea?: number;
  /**
   * Snap RD coordinates to multiples of this size (metres) and drop the repeated points, e.g.
   * 50 (m) for a national RD map 600 px wide (≈ 450 m per px). Snapping is per point, so shared
   * edges stay shared; a ring that would collapse keeps its unsnapped coordinates. Default: none.
   */
  gridSize?: number;
}

const cache = new WeakMap<object, { crs: Crs; geometry: DisplayGeometry }>();

/**
 * The Vega projection for display geometry (always RD New, see the module comment).
 *
 * @throws RangeError for geometry that was not projected to RD.
 */
export function projectionFor(crs: Crs): { type: 'identity'; reflectY: true } {
  if (crs !== 'EPSG:28992') throw new RangeError(`projectionFor: display geometry must be in RD New, got ${crs} (use prepareGeometry)`);
  return { type: 'identity', reflectY: true };
}

/**
 * Round (and optionally simplify) polygons once for display. Properties are reduced to `code`
 * and `name`; the input is not mutated. Calling it again with prepared geometry returns it.
 *
 * @example const g = prepareGeometry({ features, crs: 'EPSG:28992' }, { simplifyArea: 2000 });
 */
export function prepareGeometry(geo: MapGeometry, options: PrepareOptions = {}): DisplayGeometry {
  if ((geo as Partial<DisplayGeometry>).prepared === true) return geo as DisplayGeometry;
  const digits = options.digits ?? 0;
  let features: readonly RegionFeature[] = geo.features;
  if (options.simplifyArea !== undefined && options.simplifyArea > 0) features = simplifyFeatures(features, options.simplifyArea);
  const f = 10 ** digits;
  const g = options.gridSize;
  const toRd = geo.crs === 'EPSG:4326' ? wgs84ToRd : (p: Position): Position => p;
  const plain = (p: Position): Position => [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
  const snap =
    g !== undefined && g > 0 ? (p: Position): Position => [Math.round(Math.round(p[0] / g) * g * f) / f, Math.round(Math.round(p[1] / g) * g * f) / f] : plain;
  const poly = (rings: Position[][]): Position[][] =>
    rings.map((r) => {
      const rd = r.map(toRd);
      const q = roundRing(rd, snap);
      return q.length < 4 ? roundRing(rd, plain) : q;
    });
  const out = features.map((ft) => {
    const geom = ft.geometry;
    const geometry: Polygon | MultiPolygon =
      geom.type === 'Polygon'
        ? { type: 'Polygon', coordinates: poly(geom.coordinates) }
        : { type: 'MultiPolygon', coordinates: geom.coordinates.map(poly) };
    return { type: 'Feature' as const, geometry, properties: { code: ft.properties.code, name: ft.properties.name ?? null } };
  });
  return { features: out, crs: 'EPSG:28992', prepared: true };
}

/**
 * Prepared geometry with default options, computed once per features array. Full-resolution
 * features (above the vertex budget of src/geo/simplify.ts: 250,000 vertices or a 10,000-vertex
 * ring) are first simplified for drawing with their shared edges kept; smaller ones are drawn
 * exactly.
 */
export function displayGeometry(geo: MapGeometry): DisplayGeometry {
  if ((geo as Partial<DisplayGeometry>).prepared === true) return geo as DisplayGeometry;
  const hit = cache.get(geo.features);
  if (hit !== undefined && hit.crs === geo.crs) return hit.geometry;
  const g = prepareGeometry({ features: simplifyForDrawing(geo.features).features, crs: geo.crs });
  cache.set(geo.features, { crs: geo.crs, geometry: g });
  return g;
}

function roundRing(ring: Position[], round: (p: Position) => Position): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = round(p);
    const last = out[out.length - 1];
    if (last === undefined || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

function simplifyFeatures(features: readonly RegionFeature[], minWeight: number): RegionFeature[] {
  const fc = { type: 'FeatureCollection' as const, features: features as unknown as Feature[] };
  const topo = topology({ b: fc }) as Topology<Objects>;
  const simple = simplify(presimplify(topo), minWeight);
  const back = topoFeature(simple, simple.objects.b) as unknown as { features: RegionFeature[] };
  return back.features.map((f, i) => ({ ...f, properties: features[i].properties }));
}
