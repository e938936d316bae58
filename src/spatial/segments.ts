/**
 * Planar segment geometry used by the contiguity builder (and its tests): point–segment and
 * segment–segment distance, and the length over which two segments run together within a
 * tolerance. Coordinates are plain numbers in the file's CRS.
 */

/**
 * Euclidean distance from point p to segment ab.
 *
 * @returns the shortest distance (the distance to a when the segment has zero length).
 * @example pointSegmentDistance(0, 1, -1, 0, 1, 0) // 1
 */
export function pointSegmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return Math.sqrt(qx * qx + qy * qy);
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/**
 * Shortest distance between segments ab and cd (0 when they cross or touch).
 *
 * @returns the distance.
 * @example segmentDistance(0, 0, 2, 0, 1, -1, 1, 1) // 0 (they cross)
 */
export function segmentDistance(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): number {
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return 0;
  return Math.min(
    pointSegmentDistance(ax, ay, cx, cy, dx, dy),
    pointSegmentDistance(bx, by, cx, cy, dx, dy),
    pointSegmentDistance(cx, cy, ax, ay, bx, by),
    pointSegmentDistance(dx, dy, ax, ay, bx, by),
  );
}

/**
 * Length of the part of segment ab that runs within `tolerance` of segment cd: cd is projected
 * onto ab's direction, and the projected interval [lo, hi] on ab counts only when both its end
 * points lie within `tolerance` of cd (distance to a segment is convex along a line, so then
 * the whole interval does). Direction does not matter: ab against dc gives the same result.
 *
 * @returns the shared length along ab (0 when they do not run together).
 * @example sharedLength(0, 0, 2, 0, 1, 0.0001, 3, 0.0001, 0.001) // 1
 */
export function sharedLength(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
  tolerance: number,
): number {
  const ux = bx - ax;
  const uy = by - ay;
  const len = Math.sqrt(ux * ux + uy * uy);
  if (len === 0) return 0;
  const tc = ((cx - ax) * ux + (cy - ay) * uy) / len;
  const td = ((dx - ax) * ux + (dy - ay) * uy) / len;
  const lo = Math.max(0, Math.min(tc, td));
  const hi = Math.min(len, Math.max(tc, td));
  if (hi <= lo) return 0;
  const px = ax + (ux / len) * lo;
  const py = ay + (uy / len) * lo;
  const qx = ax + (ux / len) * hi;
  const qy = ay + (uy / len) * hi;
  if (pointSegmentDistance(px, py, cx, cy, dx, dy) > tolerance) return 0;
  if (pointSegmentDistance(qx, qy, cx, cy, dx, dy) > tolerance) return 0;
  return hi - lo;
}
