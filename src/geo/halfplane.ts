/**
 * Cut polygons with axis-parallel lines: the part below/above a horizontal line, left/right of a
 * vertical one, or inside a box, by Sutherland–Hodgman clipping of every ring against each
 * half-plane (Sutherland & Hodgman, "Reentrant polygon clipping", CACM 17(1), 1974). A half-plane
 * is convex, so the clipped ring of any simple ring has exactly the area of its part on that side;
 * where a non-convex ring leaves and re-enters, the pieces are joined along the line by zero-width
 * runs, which add no area. Points on a cut get the line's coordinate exactly, so two polygons cut
 * by the same line meet there exactly.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringSignedArea } from './ring.js';
import type { BBox } from './types.js';

/** Which side of a line to keep: y ≤ at, y ≥ at, x ≤ at, x ≥ at. */
export type HalfPlaneSide = 'below' | 'above' | 'left' | 'right';

function clipRing(ring: readonly Position[], at: number, side: HalfPlaneSide): Position[] {
  const axis = side === 'below' || side === 'above' ? 1 : 0;
  const low = side === 'below' || side === 'left';
  const n = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.length - 1 : ring.length;
  const out: Position[] = [];
  for (let i = 0; i < n; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % n];
    const pin = low ? p[axis] <= at : p[axis] >= at;
    const qin = low ? q[axis] <= at : q[axis] >= at;
    if (pin) out.push([p[0], p[1]]);
    if (pin !== qin) {
      const t = (at - p[axis]) / (q[axis] - p[axis]);
      out.push(axis === 1 ? [p[0] + t * (q[0] - p[0]), at] : [at, p[1] + t * (q[1] - p[1])]);
    }
  }
  const clean: Position[] = [];
  for (const p of out) {
    const last = clean[clean.length - 1];
    if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) clean.push(p);
  }
  while (clean.length > 1 && clean[0][0] === clean[clean.length - 1][0] && clean[0][1] === clean[clean.length - 1][1]) clean.pop();
  if (clean.length < 3) return [];
  clean.push([clean[0][0], clean[0][1]]);
  return clean;
}

function clipPolygons(polys: readonly (readonly (readonly Position[])[])[], cuts: readonly [number, HalfPlaneSide][]): Position[][][] {
  const out: Position[][][] = [];
  for (const poly of polys) {
    const rings: Position[][] = [];
    for (let r = 0; r < poly.length; r++) {
      let ring = poly[r] as Position[];
      for (const [at, side] of cuts) {
        if (ring.length === 0) break;
        ring = clipRing(ring, at, side);
      }
      const keep = ring.length > 0 && ringSignedArea(ring) !== 0;
      if (r === 0 && !keep) break; // the exterior vanished: so did its holes
      if (keep) rings.push(ring);
    }
    if (rings.length > 0) out.push(rings);
  }
  return out;
}

/**
 * The part of a polygon geometry on one side of an axis-parallel line, as MultiPolygon
 * coordinates (polygons whose exterior vanishes are left out; holes that vanish are dropped).
 *
 * @example halfPlane(square(0, 0, 2), 1, 'below') // [[[[0,0],[2,0],[2,1],[0,1],[0,0]]]]
 */
export function halfPlane(g: Polygon | MultiPolygon, at: number, side: HalfPlaneSide): Position[][][] {
  return clipPolygons(g.type === 'Polygon' ? [g.coordinates] : g.coordinates, [[at, side]]);
}

/**
 * The part of a polygon geometry inside a box `[minX, minY, maxX, maxY]`, as MultiPolygon coordinates.
 *
 * @example clipToBox(square(0, 0, 4), [1, 1, 2, 2]) // [[[[1,1],[2,1],[2,2],[1,2],[1,1]]]]
 */
export function clipToBox(g: Polygon | MultiPolygon, box: BBox): Position[][][] {
  return clipPolygons(g.type === 'Polygon' ? [g.coordinates] : g.coordinates, [[box[0], 'right'], [box[2], 'left'], [box[1], 'above'], [box[3], 'below']]);
}
