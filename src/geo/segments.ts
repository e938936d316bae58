/**
 * Segment intersection tests with orientation signs (Cormen et al., Introduction to Algorithms,
 * §33.1), used to find self-intersecting rings.
 *
 * Candidate pairs come from a sweep over x for ordinary rings. A full-resolution ring with long
 * runs of (nearly) collinear points along a north–south edge puts thousands of segments at the
 * same x, where the sweep compares them all with each other (quadratic: ≈ 25 s for a
 * 100,000-vertex square). Rings above {@link GRID_SEGMENTS} segments therefore take their
 * candidates from a recursive subdivision of their box (a kd-tree over segment boxes, split at
 * the median until a few segments remain): only segments in one leaf are compared. A uniform
 * grid is not enough: full-resolution rings mix millimetre and 60-metre segments.
 */
import type { Position } from 'geojson';
import { kthSmallest } from '../util/select.js';

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
  // most rings are simple: a leaner sweep on typed arrays says so; the full sweep (whose order
  // decides which segments are reported) runs only for a ring that is not
  if (leanClears(scratchDistinct(ring))) return [];
  const pts = closedDistinct(ring);
  const n = pts.length - 1; // number of segments
  if (n < 3) return [];
  if (n > GRID_SEGMENTS) return gridSelfIntersections(pts, limit);
  return sweepSelfIntersections(pts, limit);
}

/**
 * {@link ringSelfIntersections} of a ring stored packed: `n` positions from `xy[at]` (x, y
 * interleaved, as src/geo/packed-geometry.ts keeps them). The lean search reads the numbers
 * directly; only a ring it does not clear is made as arrays for the full search.
 *
 * @example ringSelfIntersectionsPacked(new Float64Array([0, 0, 2, 2, 2, 0, 0, 2, 0, 0]), 0, 5) // [0]
 */
export function ringSelfIntersectionsPacked(xy: Float64Array, at: number, n: number, limit = 10): number[] {
  if (leanClears(scratchDistinctPacked(xy, at, n))) return [];
  const ring = new Array<Position>(n);
  for (let i = 0; i < n; i++) ring[i] = [xy[at + 2 * i], xy[at + 2 * i + 1]];
  return ringSelfIntersections(ring, limit);
}

// Scratch arrays of the lean searches, grown as needed (one ring at a time, never re-entered).
let sx = new Float64Array(0);
let sy = new Float64Array(0);
let bx0 = new Float64Array(0);
let bx1 = new Float64Array(0);
let by0 = new Float64Array(0);
let by1 = new Float64Array(0);
let sactive = new Int32Array(0);
let sweepOrder = new Int32Array(0);
let bucketStart = new Int32Array(0);

function sign(v: number): number {
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** {@link pairIntersects} on the scratch coordinates. */
function scratchPairIntersects(n: number, i: number, j: number): boolean {
  const d = i > j ? i - j : j - i;
  if (d === 1 || d === n - 1) {
    const s = (i + 1) % n === j ? i : j;
    const t = s === i ? j : i;
    const ax = sx[s];
    const ay = sy[s];
    const bx = sx[s + 1];
    const by = sy[s + 1];
    const cx = sx[t + 1];
    const cy = sy[t + 1];
    return sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)) === 0 && (within(ax, ay, bx, by, cx, cy) || within(bx, by, cx, cy, ax, ay));
  }
  const ax = sx[i];
  const ay = sy[i];
  const bx = sx[i + 1];
  const by = sy[i + 1];
  const cx = sx[j];
  const cy = sy[j];
  const dx = sx[j + 1];
  const dy = sy[j + 1];
  const o1 = sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  const o2 = sign((bx - ax) * (dy - ay) - (by - ay) * (dx - ax));
  const o3 = sign((dx - cx) * (ay - cy) - (dy - cy) * (ax - cx));
  const o4 = sign((dx - cx) * (by - cy) - (dy - cy) * (bx - cx));
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && within(ax, ay, bx, by, cx, cy)) ||
    (o2 === 0 && within(ax, ay, bx, by, dx, dy)) ||
    (o3 === 0 && within(cx, cy, dx, dy, ax, ay)) ||
    (o4 === 0 && within(cx, cy, dx, dy, bx, by))
  );
}

/** {@link onSegment} on numbers: p within the box of a–b. */
function within(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return (ax < bx ? ax : bx) <= px && px <= (ax < bx ? bx : ax) && (ay < by ? ay : by) <= py && py <= (ay < by ? by : ay);
}

/** Scratch arrays for rings of up to `n` positions (and the closing one). */
function scratchFor(n: number): void {
  if (sx.length < n + 1) {
    const m = Math.max(n + 1, 2 * sx.length);
    sx = new Float64Array(m);
    sy = new Float64Array(m);
    bx0 = new Float64Array(m);
    bx1 = new Float64Array(m);
    by0 = new Float64Array(m);
    by1 = new Float64Array(m);
    sactive = new Int32Array(m);
  }
}

/**
 * Whether the lean search clears the ring whose `m` positions {@link scratchDistinctPacked} put
 * in the scratch arrays (-1: not all finite, not cleared): a ring of fewer than three segments,
 * or one whose segments the sweep (or, when long, the subdivision) finds apart.
 */
function leanClears(m: number): boolean {
  if (m < 0) return false;
  if (m - 1 < 3) return true;
  scratchBoxes(m - 1);
  return !(m - 1 <= GRID_SEGMENTS ? sweepMayTouch(m - 1) : splitMayTouch(m - 1));
}

/** The numbers of an array ring, packed for {@link scratchDistinctPacked} (grown as needed). */
let ringScratch = new Float64Array(0);

/** {@link scratchDistinctPacked} of a ring of positions (-1 also for a coordinate that is no number). */
function scratchDistinct(ring: readonly Position[]): number {
  const n = ring.length;
  if (ringScratch.length < 2 * n) ringScratch = new Float64Array(Math.max(2 * n, 2 * ringScratch.length));
  for (let i = 0; i < n; i++) {
    const x = ring[i][0];
    const y = ring[i][1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return -1;
    ringScratch[2 * i] = x;
    ringScratch[2 * i + 1] = y;
  }
  return scratchDistinctPacked(ringScratch, 0, n);
}

/**
 * The `n` packed positions from `xy[at]` without consecutive repeats, closed, into the
 * scratch arrays: their count (as {@link closedDistinct}), or -1 when a coordinate is not a
 * finite number.
 */
function scratchDistinctPacked(xy: Float64Array, at: number, n: number): number {
  scratchFor(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const x = xy[at + 2 * i];
    const y = xy[at + 2 * i + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return -1;
    if (m > 0 && sx[m - 1] === x && sy[m - 1] === y) continue;
    sx[m] = x;
    sy[m] = y;
    m++;
  }
  if (m > 1 && (sx[0] !== sx[m - 1] || sy[0] !== sy[m - 1])) {
    sx[m] = sx[0];
    sy[m] = sy[0];
    m++;
  }
  return m;
}

/** The boxes of the `n` segments in the scratch arrays ({@link scratchDistinct}). */
function scratchBoxes(n: number): void {
  for (let i = 0; i < n; i++) {
    const a = sx[i];
    const b = sx[i + 1];
    const c = sy[i];
    const d = sy[i + 1];
    bx0[i] = a < b ? a : b;
    bx1[i] = a < b ? b : a;
    by0[i] = c < d ? c : d;
    by1[i] = c < d ? d : c;
  }
}

/**
 * Whether the closed ring of `n` segments in the scratch arrays ({@link scratchDistinct},
 * {@link scratchBoxes}) touches or crosses itself: the same test and candidates as the sweep
 * below, on typed arrays, in any order (the answer does not depend on it), stopping at the
 * first pair.
 */
function sweepMayTouch(n: number): boolean {
  const order = orderByKey(bx0, n);
  let active = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const minX = bx0[i];
    const lo = by0[i];
    const hi = by1[i];
    for (let a = 0; a < active; ) {
      const j = sactive[a];
      if (bx1[j] < minX) {
        sactive[a] = sactive[--active];
        continue;
      }
      a++;
      if (by1[j] < lo || hi < by0[j]) continue;
      if (scratchPairIntersects(n, i, j)) return true;
    }
    sactive[active++] = i;
  }
  return false;
}

/**
 * Indices 0 … n − 1 in increasing order of `keys` (finite numbers; ties in any order), for the
 * sweep: the segments by their smallest x. Distributed over `n` buckets by key (a counting sort,
 * no comparisons), each bucket then sorted by insertion (a ring's segments spread over its box,
 * so most buckets hold one or two; a crowded one, many segments at about the same x, is sorted
 * by Array#sort). The sweep tests every pair that overlaps in x whatever the order of ties.
 * (Array#sort with a comparator, for every ring, took most of this time.) Returns a scratch
 * array (its first `n` entries), valid until the next call.
 *
 * @example Array.from(orderByKey(new Float64Array([3, 1, 2]), 3).subarray(0, 3)) // [1, 2, 0]
 */
export function orderByKey(keys: Float64Array, n: number): Int32Array {
  scratchFor(n);
  if (sweepOrder.length < n) sweepOrder = new Int32Array(Math.max(n, 2 * sweepOrder.length));
  if (bucketStart.length < n + 1) bucketStart = new Int32Array(Math.max(n + 1, 2 * bucketStart.length));
  const order = sweepOrder;
  const start = bucketStart;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = keys[i];
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const scale = hi > lo ? n / (hi - lo) : 0;
  // each segment's bucket (x − lo ≥ 0: truncation is the floor), in the active list's scratch
  const of = sactive;
  start.fill(0, 0, n + 1);
  for (let i = 0; i < n; i++) {
    const b = ((keys[i] - lo) * scale) | 0;
    const c = b < n ? b : n - 1;
    of[i] = c;
    start[c + 1]++;
  }
  for (let b = 0; b < n; b++) start[b + 1] += start[b];
  // placed from the back of each bucket, so `start` ends as each bucket's first place
  for (let b = 0; b < n; b++) start[b] = start[b + 1];
  for (let i = n - 1; i >= 0; i--) order[--start[of[i]]] = i;
  for (let b = 0; b < n; b++) {
    const first = start[b];
    const end = start[b + 1];
    if (end - first > 64) {
      const crowded = Array.from(order.subarray(first, end)).sort((i, j) => keys[i] - keys[j]);
      order.set(crowded, first);
      continue;
    }
    for (let k = first + 1; k < end; k++) {
      const i = order[k];
      const x = keys[i];
      let m = k - 1;
      while (m >= first && keys[order[m]] > x) {
        order[m + 1] = order[m];
        m--;
      }
      order[m + 1] = i;
    }
  }
  return order;
}

/** Rings with more segments than this take candidate pairs from a subdivision instead of an x sweep. */
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

/** The bounding box of each segment `pts[i]–pts[i+1]` (i < count), as four typed arrays. */
function segmentBoxes(pts: readonly Position[], count: number): { x0: Float64Array; x1: Float64Array; y0: Float64Array; y1: Float64Array } {
  const x0 = new Float64Array(count);
  const x1 = new Float64Array(count);
  const y0 = new Float64Array(count);
  const y1 = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const a = pts[i];
    const b = pts[i + 1];
    x0[i] = Math.min(a[0], b[0]);
    x1[i] = Math.max(a[0], b[0]);
    y0[i] = Math.min(a[1], b[1]);
    y1[i] = Math.max(a[1], b[1]);
  }
  return { x0, x1, y0, y1 };
}

/**
 * {@link sweepMayTouch} for long rings: the candidates of {@link forEachCandidatePair} (the same
 * subdivision, so every touching pair meets in a leaf), without remembering visited pairs.
 */
function splitMayTouch(n: number): boolean {
  const leafTouches = (ids: Int32Array): boolean => {
    for (let p = 0; p < ids.length; p++) {
      const i = ids[p];
      for (let q = p + 1; q < ids.length; q++) {
        const j = ids[q];
        if (by1[j] < by0[i] || by1[i] < by0[j] || bx1[j] < bx0[i] || bx1[i] < bx0[j]) continue;
        if (scratchPairIntersects(n, i, j)) return true;
      }
    }
    return false;
  };
  idPool.reset();
  const stack: Int32Array[] = [allIds(n)];
  while (stack.length > 0) {
    const ids = stack.pop()!;
    const parts = ids.length <= LEAF ? null : splitBoxes(ids, bx0, bx1, by0, by1);
    if (parts === null) {
      if (leafTouches(ids)) return true;
    } else stack.push(parts[1], parts[0]);
  }
  return false;
}

function sweepSelfIntersections(pts: readonly Position[], limit: number): number[] {
  const n = pts.length - 1;
  // segment extents once (the sort and the active list read them many times)
  const { x0, x1, y0, y1 } = segmentBoxes(pts, n);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => x0[i] - x0[j]);
  const found: number[] = [];
  const active: number[] = [];
  for (const i of order) {
    const minX = x0[i];
    for (let k = active.length - 1; k >= 0; k--) {
      const j = active[k];
      if (x1[j] < minX) {
        active.splice(k, 1);
        continue;
      }
      // segments that share a point overlap in y too (adjacent ones share an end)
      if (y1[j] < y0[i] || y1[i] < y0[j]) continue;
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
 * boxes can meet; stops when `visit` returns true. The segments are split recursively at the
 * median of their centres along the longer side of their common box (a segment across the split
 * goes to both halves) until at most {@link LEAF} remain, which are compared with each other. Two segments that
 * share a point stay together on the side of that point, so no intersection is missed; dense
 * clusters are split deeper than sparse parts, whatever the spread of segment lengths.
 */
function forEachCandidatePair(pts: readonly Position[], count: number, visit: (i: number, j: number) => boolean): void {
  const { x0, x1, y0, y1 } = segmentBoxes(pts, count);
  const seen = new Set<number>();
  let stopped = false;
  const leaf = (ids: Int32Array) => {
    for (let p = 0; p < ids.length && !stopped; p++) {
      for (let q = p + 1; q < ids.length; q++) {
        const i = Math.min(ids[p], ids[q]);
        const j = Math.max(ids[p], ids[q]);
        if (y1[j] < y0[i] || y1[i] < y0[j] || x1[j] < x0[i] || x1[i] < x0[j]) continue;
        const key = i * count + j;
        if (seen.has(key)) continue;
        seen.add(key);
        if (visit(i, j)) {
          stopped = true;
          return;
        }
      }
    }
  };
  // an explicit stack instead of recursion: depth is unbounded for clustered points
  idPool.reset();
  const stack: Int32Array[] = [allIds(count)];
  while (stack.length > 0 && !stopped) {
    const ids = stack.pop()!;
    const parts = ids.length <= LEAF ? null : splitBoxes(ids, x0, x1, y0, y1);
    if (parts === null) leaf(ids);
    else stack.push(parts[1], parts[0]);
  }
}

/**
 * One step of {@link forEachCandidatePair}'s subdivision: the boxes `ids` split at the median of
 * their centres along the longer side of their common box (a box across the split goes to both
 * halves), or along the other side when that does not shrink both halves; null when neither does.
 */
function splitBoxes(ids: Int32Array, x0: Float64Array, x1: Float64Array, y0: Float64Array, y1: Float64Array): [Int32Array, Int32Array] | null {
  const count = ids.length;
  let bx0 = Infinity;
  let by0 = Infinity;
  let bx1 = -Infinity;
  let by1 = -Infinity;
  for (let k = 0; k < count; k++) {
    const i = ids[k];
    if (x0[i] < bx0) bx0 = x0[i];
    if (x1[i] > bx1) bx1 = x1[i];
    if (y0[i] < by0) by0 = y0[i];
    if (y1[i] > by1) by1 = y1[i];
  }
  const wide = bx1 - bx0 >= by1 - by0;
  if (centreScratch.length < count) centreScratch = new Float64Array(Math.max(count, 2 * centreScratch.length));
  const centres = centreScratch;
  for (let axis = 0; axis < 2; axis++) {
    const byX = wide === (axis === 0);
    // split at the median of the segment centres, so long segments across the box do not
    // keep everything on one side
    const min = byX ? x0 : y0;
    const max = byX ? x1 : y1;
    for (let k = 0; k < count; k++) centres[k] = min[ids[k]] + max[ids[k]];
    // the median (selected, not sorted)
    const mid = kthSmallest(centres.subarray(0, count), count >> 1) / 2;
    let nLo = 0;
    let nHi = 0;
    for (let k = 0; k < count; k++) {
      const i = ids[k];
      if (min[i] <= mid) nLo++;
      if (max[i] >= mid) nHi++;
    }
    // both sides must shrink, or the other axis is tried (then the rest is compared as is)
    if (nLo < count && nHi < count) {
      const lo = idPool.take(nLo);
      const hi = idPool.take(nHi);
      for (let k = 0, a = 0, b = 0; k < count; k++) {
        const i = ids[k];
        if (min[i] <= mid) lo[a++] = i;
        if (max[i] >= mid) hi[b++] = i;
      }
      return [lo, hi];
    }
  }
  return null;
}

/**
 * The index arrays of one subdivision ({@link splitBoxes}), handed out as views of one buffer:
 * a long ring's subdivision makes tens of thousands, and an array of its own each (a buffer
 * outside the heap) cost more than the search, with collections for the memory outside the heap.
 * `reset` at the start of each subdivision (never two at a time); a full buffer is followed by a
 * larger one, the views already handed out keep the old.
 */
class IdPool {
  private buffer = new Int32Array(1 << 16);
  private used = 0;
  reset(): void {
    this.used = 0;
  }
  take(n: number): Int32Array {
    if (this.used + n > this.buffer.length) {
      this.buffer = new Int32Array(Math.max(2 * this.buffer.length, 4 * n));
      this.used = 0;
    }
    const view = this.buffer.subarray(this.used, this.used + n);
    this.used += n;
    return view;
  }
}

const idPool = new IdPool();
/** The segment centres of {@link splitBoxes} (scratch, grown as needed). */
let centreScratch = new Float64Array(0);

/** 0, 1, …, n − 1 (from {@link idPool}). */
function allIds(n: number): Int32Array {
  const ids = idPool.take(n);
  for (let i = 0; i < n; i++) ids[i] = i;
  return ids;
}

/** Segments compared all with all at the bottom of {@link forEachCandidatePair}. */
const LEAF = 16;

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
