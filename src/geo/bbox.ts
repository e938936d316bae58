/** Bounding boxes of positions and polygon geometries. */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { BBox } from './types.js';
import { forEachPackedRing, packedGeometryOf } from './packed-geometry.js';

/** An empty box that any position extends. */
export function emptyBBox(): BBox {
  return [Infinity, Infinity, -Infinity, -Infinity];
}

/** Extend a box in place with a position (non-finite numbers are ignored) and return it. */
export function extendBBox(b: BBox, p: Position): BBox {
  return extendBBoxXY(b, p[0], p[1]);
}

/** {@link extendBBox} with the position's two numbers. */
function extendBBoxXY(b: BBox, x: number, y: number): BBox {
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return b;
}

/**
 * Bounding box of a Polygon or MultiPolygon; `[Infinity, Infinity, -Infinity, -Infinity]` when
 * it has no finite position.
 *
 * @example geometryBBox({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 3], [0, 0]]] }) // [0, 0, 2, 3]
 */
export function geometryBBox(g: Polygon | MultiPolygon): BBox {
  return extendBBoxByGeometry(emptyBBox(), g);
}

/**
 * Grow `b` to cover every finite position of a polygon geometry (a packed one read from its
 * numbers, src/geo/packed-geometry.ts); returns `b`.
 *
 * @example extendBBoxByGeometry(emptyBBox(), polygon) // as geometryBBox(polygon)
 */
export function extendBBoxByGeometry(b: BBox, g: Polygon | MultiPolygon): BBox {
  const ref = packedGeometryOf(g);
  if (ref !== undefined) {
    const xy = ref.store.coordinates;
    const end = forEachPackedRing(ref).c;
    for (let i = ref.c; i < end; i += 2) extendBBoxXY(b, xy[i], xy[i + 1]);
    return b;
  }
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const p of polys) for (const r of p) for (const q of r) extendBBox(b, q);
  return b;
}

/** True when two boxes overlap (touching counts). */
export function bboxesOverlap(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
