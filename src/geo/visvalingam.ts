/**
 * Visvalingam–Whyatt weights of arc points (Visvalingam & Whyatt, "Line generalisation by
 * repeated elimination of points", The Cartographic Journal 30, 1993), computed as
 * topojson-simplify's `presimplify` computes them with its planar triangle area — the same
 * binary heap, the same order of removals and updates, the same arithmetic, so the same weights
 * to the bit — but into one typed array instead of a `[x, y, weight]` copy of every point and a
 * triangle object per point.
 */
import type { Position } from 'geojson';
import { flatArcs } from './topology.js';

/** The weights of {@link visvalingamWeights}: point `i` of arc `k` has `weights[offsets[k] + i]`. */
export interface ArcWeights {
  weights: Float64Array;
  /** Start of each arc in `weights`, and the total at the end (length: arcs + 1). */
  offsets: Int32Array;
}

/**
 * The effective area of every arc point: the area of the triangle it forms with its neighbours
 * when it is eliminated (never less than that of a point eliminated before it on the same arc),
 * `Infinity` for the two ends of an arc. Points with a weight below w² disappear when the arc is
 * simplified with tolerance w.
 *
 * @example visvalingamWeights([[[0, 0], [1, 1], [2, 0]]]).weights // Float64Array [Infinity, 1, Infinity]
 */
export function visvalingamWeights(arcs: readonly (readonly Position[])[]): ArcWeights {
  const { xs, ys, arcStart, arcEnd } = flatArcs(arcs);
  return flatVisvalingamWeights(xs, ys, arcStart, arcEnd);
}

/**
 * {@link visvalingamWeights} of arcs held in typed arrays: arc `k` is the points
 * `arcStart[k] … arcEnd[k]` of `xs`/`ys` (as {@link flatPolygonTopology} of ./topology.ts gives
 * them; arcs may share points).
 *
 * @example flatVisvalingamWeights(Float64Array.of(0, 1, 2), Float64Array.of(0, 1, 0), Int32Array.of(0), Int32Array.of(2)).weights // [Infinity, 1, Infinity]
 */
export function flatVisvalingamWeights(pointsX: Float64Array, pointsY: Float64Array, arcStart: Int32Array, arcEnd: Int32Array): ArcWeights {
  const count = arcStart.length;
  const offsets = new Int32Array(count + 1);
  let longest = 0;
  for (let k = 0; k < count; k++) {
    const length = arcEnd[k] - arcStart[k] + 1;
    offsets[k + 1] = offsets[k] + length;
    if (length > longest) longest = length;
  }
  const weights = new Float64Array(offsets[count]);
  // per triangle (by its middle point): its current left and right points, its neighbours in
  // the list of remaining triangles, and its place in the heap
  const left = new Int32Array(longest);
  const right = new Int32Array(longest);
  const prevT = new Int32Array(longest);
  const nextT = new Int32Array(longest);
  const at = new Int32Array(longest);
  const heap = new Int32Array(longest);
  // the current arc's coordinates, copied once
  const xs = new Float64Array(longest);
  const ys = new Float64Array(longest);
  let size = 0;
  let base = 0;

  const area = (t: number): number => {
    const a = left[t];
    const c = right[t];
    const ax = xs[a];
    const ay = ys[a];
    const cx = xs[c];
    const cy = ys[c];
    return Math.abs((ax - cx) * (ys[t] - ay) - (ax - xs[t]) * (cy - ay)) / 2;
  };
  const compare = (a: number, b: number): number => weights[base + a] - weights[base + b];
  const up = (object: number, i: number): void => {
    while (i > 0) {
      const j = ((i + 1) >> 1) - 1;
      const parent = heap[j];
      if (compare(object, parent) >= 0) break;
      heap[(at[parent] = i)] = parent;
      heap[(at[object] = i = j)] = object;
    }
  };
  const down = (object: number, i: number): void => {
    for (;;) {
      const r = (i + 1) << 1;
      const l = r - 1;
      let j = i;
      let child = heap[j];
      if (l < size && compare(heap[l], child) < 0) child = heap[(j = l)];
      if (r < size && compare(heap[r], child) < 0) child = heap[(j = r)];
      if (j === i) break;
      heap[(at[child] = i)] = child;
      heap[(at[object] = i = j)] = object;
    }
  };
  const push = (object: number): void => {
    heap[(at[object] = size)] = object;
    up(object, size++);
  };
  const pop = (): number => {
    if (size <= 0) return -1;
    const removed = heap[0];
    if (--size > 0) {
      const object = heap[size];
      heap[(at[object] = 0)] = object;
      down(object, 0);
    }
    return removed;
  };
  const remove = (removed: number): void => {
    const i = at[removed];
    if (heap[i] !== removed) return;
    if (i !== --size) {
      const object = heap[size];
      const goUp = compare(object, removed) < 0;
      heap[(at[object] = i)] = object;
      if (goUp) up(object, i);
      else down(object, i);
    }
  };
  const update = (t: number): void => {
    remove(t);
    weights[base + t] = area(t);
    push(t);
  };

  for (let k = 0; k < count; k++) {
    base = offsets[k];
    xs.set(pointsX.subarray(arcStart[k], arcEnd[k] + 1));
    ys.set(pointsY.subarray(arcStart[k], arcEnd[k] + 1));
    const n = arcEnd[k] - arcStart[k];
    if (n < 0) continue;
    size = 0;
    for (let i = 1; i < n; i++) {
      left[i] = i - 1;
      right[i] = i + 1;
      weights[base + i] = area(i);
      push(i);
    }
    // always keep the arc endpoints
    weights[base] = weights[base + n] = Infinity;
    for (let i = 1; i < n; i++) {
      prevT[i] = i > 1 ? i - 1 : -1;
      nextT[i] = i + 1 < n ? i + 1 : -1;
    }
    let maxWeight = 0;
    for (let t = pop(); t >= 0; t = pop()) {
      // a point is never worth less than one eliminated before it
      if (weights[base + t] < maxWeight) weights[base + t] = maxWeight;
      else maxWeight = weights[base + t];
      const previous = prevT[t];
      const next = nextT[t];
      if (previous >= 0) {
        nextT[previous] = next;
        right[previous] = right[t];
        update(previous);
      }
      if (next >= 0) {
        prevT[next] = previous;
        left[next] = left[t];
        update(next);
      }
    }
  }
  return { weights, offsets };
}
