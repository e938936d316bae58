/**
 * Areas of overlap between polygons with polygon-clipping (Martinez–Rueda–Feito sweep, after
 * Martínez, Rueda & Feito, "A new algorithm for computing Boolean operations on polygons",
 * Computers & Geosciences 35, 2009). Use planar coordinates (RD New) for areas in m².
 */
import polygonClipping from 'polygon-clipping';
import type { MultiPolygon, Polygon } from 'geojson';
import { planarArea } from './area.js';

type Geom = Polygon | MultiPolygon;

function toClip(g: Geom): polygonClipping.Geom {
  return g.coordinates as unknown as polygonClipping.Geom;
}

/**
 * Area of the intersection of two polygon geometries, in the squared coordinate unit.
 *
 * @example intersectionArea(square(0, 0, 2), square(1, 0, 2)) // 2 (two 2×2 squares overlapping by 1×2)
 */
export function intersectionArea(a: Geom, b: Geom): number {
  const r = polygonClipping.intersection(toClip(a), toClip(b));
  return planarArea({ type: 'MultiPolygon', coordinates: r });
}

/**
 * Area of the union of polygon geometries (overlaps counted once).
 *
 * @example unionArea([square(0, 0, 2), square(1, 0, 2)]) // 6
 */
export function unionArea(geoms: readonly Geom[]): number {
  if (geoms.length === 0) return 0;
  const [first, ...rest] = geoms.map(toClip);
  const r = polygonClipping.union(first, ...rest);
  return planarArea({ type: 'MultiPolygon', coordinates: r });
}
