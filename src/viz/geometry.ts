/**
 * Display geometry: buurt polygons rounded (and optionally simplified, shared edges kept) once,
 * before any map is built, so a map of 14,000 buurten renders without per-feature work.
 *
 * Projection choice: RD New input (EPSG:28992) is drawn as is, with Vega's `identity`
 * projection and `reflectY` (RD is itself a conformal projection for the Netherlands, so no
 * reprojection is needed and none is done); WGS84 input is drawn with Vega's conformal
 * `mercator`, fitted to the data. Exports to GeoJSON reproject RD to WGS84 separately
 * (src/export/reproject.ts).
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { feature as topoFeature } from 'topojson-client';
import type { Objects, Topology } from 'topojson-specification';
import type { Crs, RegionFeature } from '../sources/boundaries/types.js';

/** Polygons with a code (and name) in a known CRS: what the map functions draw. */
export interface MapGeometry {
  features: readonly RegionFeature[];
  crs: Crs;
}

/** Geometry already rounded (and possibly simplified) for display; build with {@link prepareGeometry}. */
export interface DisplayGeometry extends MapGeometry {
  readonly prepared: true;
}

/** Options for {@link prepareGeometry}. */
export interface PrepareOptions {
  /** Decimals kept (default 0 for RD metres, 5 for WGS84 degrees ≈ 1 m). */
  digits?: number;
  /**
   * Visvalingam simplification threshold (topojson-simplify `minWeight`, a triangle area in
   * squared CRS units, e.g. 2000 for RD m²); shared edges stay shared. Default: none (for
   * features that are already simplified, like cartomap's).
   */
  simplifyArea?: number;
}

const cache = new WeakMap<object, DisplayGeometry>();

/** The Vega projection for a CRS (see the module comment for the choice). */
export function projectionFor(crs: Crs): { type: string; reflectY?: boolean } {
  return crs === 'EPSG:28992' ? { type: 'identity', reflectY: true } : { type: 'mercator' };
}

/**
 * Round (and optionally simplify) polygons once for display. Properties are reduced to `code`
 * and `name`; the input is not mutated. Calling it again with prepared geometry returns it.
 *
 * @example const g = prepareGeometry({ features, crs: 'EPSG:28992' }, { simplifyArea: 2000 });
 */
export function prepareGeometry(geo: MapGeometry, options: PrepareOptions = {}): DisplayGeometry {
  if ((geo as Partial<DisplayGeometry>).prepared === true) return geo as DisplayGeometry;
  const digits = options.digits ?? (geo.crs === 'EPSG:28992' ? 0 : 5);
  let features: readonly RegionFeature[] = geo.features;
  if (options.simplifyArea !== undefined && options.simplifyArea > 0) features = simplifyFeatures(features, options.simplifyArea);
  const f = 10 ** digits;
  const round = (p: Position): Position => [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
  // d3-geo (Vega's geoPath) treats WGS84 polygons as spherical: an exterior ring must run
  // clockwise, or it is drawn as the rest of the globe. RD is drawn planar, winding is free.
  const spherical = geo.crs === 'EPSG:4326';
  const poly = (rings: Position[][]): Position[][] =>
    rings.map((r, i) => {
      const q = roundRing(r, round);
      return spherical ? orient(q, i === 0) : q;
    });
  const out = features.map((ft) => {
    const g = ft.geometry;
    const geometry: Polygon | MultiPolygon =
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: poly(g.coordinates) }
        : { type: 'MultiPolygon', coordinates: g.coordinates.map(poly) };
    return { type: 'Feature' as const, geometry, properties: { code: ft.properties.code, name: ft.properties.name ?? null } };
  });
  return { features: out, crs: geo.crs, prepared: true };
}

/** Prepared geometry with default options, computed once per features array. */
export function displayGeometry(geo: MapGeometry): DisplayGeometry {
  if ((geo as Partial<DisplayGeometry>).prepared === true) return geo as DisplayGeometry;
  const hit = cache.get(geo.features);
  if (hit !== undefined && hit.crs === geo.crs) return hit;
  const g = prepareGeometry(geo);
  cache.set(geo.features, g);
  return g;
}

/** Twice the signed planar area of a ring (shoelace; > 0 = counter-clockwise with y up). */
export function ringArea2(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a;
}

/** The ring clockwise when `clockwise`, else counter-clockwise (a new array when reversed). */
export function orient(ring: Position[], clockwise: boolean): Position[] {
  const ccw = ringArea2(ring) > 0;
  return ccw === clockwise ? ring.slice().reverse() : ring;
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
