/**
 * Segment intersection tests with orientation signs (Cormen et al., Introduction to Algorithms,
 * §33.1), used to find self-intersecting rings.
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
  const n = pts.length - 1; // number of segments
  if (n < 3) return [];
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
      const adjacent = Math.abs(i - j) === 1 || Math.abs(i - j) === n - 1;
      if (adjacent) {
        // neighbours share one end; they intersect more only when they fold back on each other
        const [s, t] = (i + 1) % n === j ? [i, j] : [j, i];
        const a = pts[s];
        const b = pts[s + 1];
        const c = pts[t + 1];
        if (orientation(a, b, c) === 0 && (onSegment(a, b, c) || onSegment(b, c, a))) found.push(Math.min(i, j));
      } else if (segmentsIntersect(pts[i], pts[i + 1], pts[j], pts[j + 1])) {
        found.push(Math.min(i, j));
      }
      if (found.length >= limit) return found.sort((x, y) => x - y);
    }
    active.push(i);
  }
  return found.sort((x, y) => x - y);
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
