/**
 * Segment intersection tests with orientation signs (Cormen et al., Introduction to Algorithms,
 * §33.1), used to find self-intersecting rings.
 *
 * Candidate pairs come from a sweep over x for ordinary rings. A full-resolution ring with long
 * runs of (nearly) collinear points along a north–south edge puts thousands of segments at the
 * same x, where the sweep compares them all with each other (quadratic: ≈ 25 s for a
 * 100,000-vertex square). Rings above {@link GRID_SEGMENTS} segments therefore take their
 * candidates from a uniform grid (cells twice the mean segment length; each segment registered
 * in the cells it passes through, after Amanatides & Woo, "A fast voxel traversal algorithm for
 * ray tracing", Eurographics 1987): only segments sharing a cell are compared.
 */
import type { Position } from 'geojson';

function orientation(a: Position, b: Position, c: Position): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: Position, b: Position, p: Position): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1])
  );
}

/**
 * True when segments a–b and c–d share at least one point (crossing, touching or overlapping).
 *
 * @example segmentsIntersect([0, 0], [2, 2], [0, 2], [2, 0]) // true
 */
export function segmentsIntersect(a: Position, b: Position, c: Position, d: Position): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSegment(a, b, c)) return true;
  if (o2 === 0 && onSegment(a, b, d)) return true;
  if (o3 === 0 && onSegment(c, d, a)) return true;
  if (o4 === 0 && onSegment(c, d, b)) return true;
  return false;
}

/**
 * Positions where a closed ring touches or crosses itself: pairs of non-adjacent segments that
 * share a point (a sweep over x, so about n log n for ordinary rings). Repeated consecutive
 * positions are ignored. Returns the 0-based indices of the first segment of each offending
 * pair (at most `limit`), an empty array for a simple ring.
 *
 * @example ringSelfIntersections([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]) // [0] (a bow tie)
 */
export function ringSelfIntersections(ring: readonly Position[], limit = 10): number[] {
  const pts = closedDistinct(ring);
  const n = pts.length - 1; // number of segments
  if (n < 3) return [];
  if (n > GRID_SEGMENTS) return gridSelfIntersections(pts, limit);
  return sweepSelfIntersections(pts, limit);
}

/** Rings with more segments than this find candidate pairs on a grid instead of an x sweep. */
export const GRID_SEGMENTS = 2048;

/** Consecutive repeats removed, closed. */
function closedDistinct(ring: readonly Position[]): Position[] {
  const pts: Position[] = [];
  for (const p of ring) {
    const q = pts[pts.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) pts.push(p);
  }
  if (pts.length > 1) {
    const f = pts[0];
    const l = pts[pts.length - 1];
    if (f[0] !== l[0] || f[1] !== l[1]) pts.push(f);
  }
  return pts;
}

/** Whether segments i and j of a closed ring (n segments) meet beyond a shared end. */
function pairIntersects(pts: readonly Position[], n: number, i: number, j: number): boolean {
  const adjacent = Math.abs(i - j) === 1 || Math.abs(i - j) === n - 1;
  if (adjacent) {
    // neighbours share one end; they intersect more only when they fold back on each other
    const [s, t] = (i + 1) % n === j ? [i, j] : [j, i];
    const a = pts[s];
    const b = pts[s + 1];
    const c = pts[t + 1];
    return orientation(a, b, c) === 0 && (onSegment(a, b, c) || onSegment(b, c, a));
  }
  return segmentsIntersect(pts[i], pts[i + 1], pts[j], pts[j + 1]);
}

function sweepSelfIntersections(pts: readonly Position[], limit: number): number[] {
  const n = pts.length - 1;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => Math.min(pts[i][0], pts[i + 1][0]) - Math.min(pts[j][0], pts[j + 1][0]),
  );
  const found: number[] = [];
  const active: number[] = [];
  for (const i of order) {
    const minX = Math.min(pts[i][0], pts[i + 1][0]);
    for (let k = active.length - 1; k >= 0; k--) {
      const j = active[k];
      if (Math.max(pts[j][0], pts[j + 1][0]) < minX) {
        active.splice(k, 1);
        continue;
      }
      if (pairIntersects(pts, n, i, j)) found.push(Math.min(i, j));
      if (found.length >= limit) return found.sort((x, y) => x - y);
    }
    active.push(i);
  }
  return found.sort((x, y) => x - y);
}

function gridSelfIntersections(pts: readonly Position[], limit: number): number[] {
  const n = pts.length - 1;
  const found: number[] = [];
  forEachCandidatePair(pts, n, (i, j) => {
    if (pairIntersects(pts, n, i, j)) found.push(Math.min(i, j));
    return found.length >= limit;
  });
  return found.sort((x, y) => x - y);
}

/**
 * Call `visit(i, j)` (i < j) once for every pair of segments `pts[i]–pts[i+1]` (i < count) whose
 * grid cells meet; stops when `visit` returns true. Every pair of segments that share a point
 * shares a cell, so no intersection is missed.
 */
function forEachCandidatePair(pts: readonly Position[], count: number, visit: (i: number, j: number) => boolean): void {
  let x0 = Infinity;
  let y0 = Infinity;
  let length = 0;
  for (let i = 0; i < count; i++) {
    const a = pts[i];
    const b = pts[i + 1];
    x0 = Math.min(x0, a[0], b[0]);
    y0 = Math.min(y0, a[1], b[1]);
    length += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  const size = (2 * length) / count;
  const cells = new Map<number, number[]>();
  const STRIDE = 2 ** 26; // cells per row of the key; rows beyond it only share keys, never miss pairs
  const add = (cx: number, cy: number, i: number) => {
    const key = cx * STRIDE + (cy % STRIDE);
    const list = cells.get(key);
    if (list === undefined) cells.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  const cellOf = (v: number, v0: number) => (size > 0 ? Math.floor((v - v0) / size) : 0);
  for (let i = 0; i < count; i++) {
    const a = pts[i];
    const b = pts[i + 1];
    let cx = cellOf(a[0], x0);
    let cy = cellOf(a[1], y0);
    const ex = cellOf(b[0], x0);
    const ey = cellOf(b[1], y0);
    add(cx, cy, i);
    if (cx === ex && cy === ey) continue;
    // voxel traversal from a to b; on a tie (through a corner) both side cells are added
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const stepX = Math.sign(ex - cx);
    const stepY = Math.sign(ey - cy);
    const tDeltaX = stepX !== 0 ? size / Math.abs(dx) : Infinity;
    const tDeltaY = stepY !== 0 ? size / Math.abs(dy) : Infinity;
    let tMaxX = stepX > 0 ? (x0 + (cx + 1) * size - a[0]) / dx : stepX < 0 ? (x0 + cx * size - a[0]) / dx : Infinity;
    let tMaxY = stepY > 0 ? (y0 + (cy + 1) * size - a[1]) / dy : stepY < 0 ? (y0 + cy * size - a[1]) / dy : Infinity;
    let guard = Math.abs(ex - cx) + Math.abs(ey - cy) + 2;
    while ((cx !== ex || cy !== ey) && guard-- > 0) {
      if (tMaxX < tMaxY) {
        cx += stepX;
        tMaxX += tDeltaX;
      } else if (tMaxY < tMaxX) {
        cy += stepY;
        tMaxY += tDeltaY;
      } else {
        add(cx + stepX, cy, i);
        add(cx, cy + stepY, i);
        cx += stepX;
        cy += stepY;
        tMaxX += tDeltaX;
        tMaxY += tDeltaY;
      }
      add(cx, cy, i);
    }
    // rounding may end the walk early: the end cell always holds the segment
    if (cx !== ex || cy !== ey) add(ex, ey, i);
  }
  const seen = new Set<number>();
  for (const list of cells.values()) {
    for (let p = 0; p < list.length; p++) {
      for (let q = p + 1; q < list.length; q++) {
        const i = Math.min(list[p], list[q]);
        const j = Math.max(list[p], list[q]);
        if (i === j) continue;
        const key = i * count + j;
        if (seen.has(key)) continue;
        seen.add(key);
        if (visit(i, j)) return;
      }
    }
  }
}

/**
 * True when two rings properly cross (a segment of one passes through a segment of the other at
 * an interior point of both). Touching at a vertex, which OGC allows between a shell and a hole,
 * does not count.
 *
 * @example ringsCross([[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[2, 2], [6, 2], [6, 3], [2, 3], [2, 2]]) // true
 */
export function ringsCross(a: readonly Position[], b: readonly Position[]): boolean {
  type Seg = { p: Position; q: Position; minX: number; maxX: number; ring: 0 | 1 };
  const segs: Seg[] = [];
  const add = (r: readonly Position[], ring: 0 | 1) => {
    for (let i = 0; i + 1 < r.length; i++) {
      const p = r[i];
      const q = r[i + 1];
      segs.push({ p, q, minX: Math.min(p[0], q[0]), maxX: Math.max(p[0], q[0]), ring });
    }
  };
  add(a, 0);
  add(b, 1);
  segs.sort((x, y) => x.minX - y.minX);
  const active: Seg[] = [];
  for (const s of segs) {
    for (let k = active.length - 1; k >= 0; k--) {
      const t = active[k];
      if (t.maxX < s.minX) {
        active.splice(k, 1);
        continue;
      }
      if (t.ring === s.ring) continue;
      const o1 = orientation(s.p, s.q, t.p);
      const o2 = orientation(s.p, s.q, t.q);
      const o3 = orientation(t.p, t.q, s.p);
      const o4 = orientation(t.p, t.q, s.q);
      if (o1 * o2 < 0 && o3 * o4 < 0) return true;
    }
    active.push(s);
  }
  return false;
}
