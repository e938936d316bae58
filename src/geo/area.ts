/**
 * Planar area of polygons: exterior minus holes, summed over the parts of a MultiPolygon.
 * Areas are in the squared unit of the coordinates: m² for RD New. For WGS84 geometries use
 * `geometryAreaKm2`, which projects to RD New first.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringSignedArea } from './ring.js';
import { wgs84ToRd } from './projection.js';
import type { GeoCrs } from './types.js';

/** Planar area of one polygon (rings as coordinates): |exterior| − Σ|holes|. */
export function polygonArea(rings: readonly (readonly Position[])[]): number {
  let a = 0;
  rings.forEach((r, i) => {
    const s = Math.abs(ringSignedArea(r));
    a += i === 0 ? s : -s;
  });
  return a;
}

/**
 * Planar area of a Polygon or MultiPolygon in the squared coordinate unit.
 *
 * @example planarArea({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }) // 4
 */
export function planarArea(g: Polygon | MultiPolygon): number {
  if (g.type === 'Polygon') return polygonArea(g.coordinates);
  let a = 0;
  for (const p of g.coordinates) a += polygonArea(p);
  return a;
}

/**
 * Area in km² of a geometry in RD New or WGS84 (WGS84 is projected to RD New first). RD New is a
 * stereographic projection with scale 0.9999079 at Amersfoort growing to about 1.0001 at the
 * borders (EPSG:28992), so planar RD areas are within about 0.02 % of the ellipsoidal area.
 *
 * @example geometryAreaKm2({ type: 'Polygon', coordinates: [[[0, 0], [1000, 0], [1000, 1000], [0, 1000], [0, 0]]] }, 'EPSG:28992') // 1
 */
export function geometryAreaKm2(g: Polygon | MultiPolygon, crs: GeoCrs): number {
  const rd = crs === 'EPSG:28992' ? g : mapPositions(g, wgs84ToRd);
  return planarArea(rd) / 1e6;
}

/** Apply a function to every position of a Polygon or MultiPolygon (returns a new geometry). */
export function mapPositions<G extends Polygon | MultiPolygon>(g: G, f: (p: Position) => Position): G {
  if (g.type === 'Polygon') {
    return { type: 'Polygon', coordinates: (g as Polygon).coordinates.map((r) => r.map(f)) } as G;
  }
  return {
    type: 'MultiPolygon',
    coordinates: (g as MultiPolygon).coordinates.map((p) => p.map((r) => r.map(f))),
  } as G;
}
