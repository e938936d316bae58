/**
 * k-nearest-neighbour weights on points (region centroids), and attaching islands of a
 * contiguity matrix to their nearest regions (as libpysal `KNN` and `attach_islands`).
 * Longitude/latitude input is handled by scaling x by cos(mean latitude) when `geographic`.
 */
import { VeerkrachtError, showValue } from '../util/errors.js';
import { weightsFromLists, type SpatialWeights } from './weights.js';

/** Options for {@link knnWeights} and {@link attachIslands}. */
export interface KnnOptions {
  /**
   * Treat x/y as longitude/latitude in degrees: distances use x·cos(mean latitude).
   * Default: true when every coordinate lies within [-180, 180] × [-90, 90].
   */
  geographic?: boolean;
}

function looksGeographic(x: ArrayLike<number>, y: ArrayLike<number>): boolean {
  for (let i = 0; i < x.length; i++) if (Math.abs(x[i]) > 180 || Math.abs(y[i]) > 90) return false;
  return true;
}

function scaledX(x: ArrayLike<number>, y: ArrayLike<number>, geographic: boolean): Float64Array {
  const out = Float64Array.from(x);
  if (!geographic || y.length === 0) return out;
  let s = 0;
  for (let i = 0; i < y.length; i++) s += y[i];
  const c = Math.cos(((s / y.length) * Math.PI) / 180);
  for (let i = 0; i < out.length; i++) out[i] *= c;
  return out;
}

/**
 * The k nearest other points of point i (ties broken by index), by a sweep over x-sorted points.
 */
function nearest(i: number, k: number, xs: Float64Array, y: ArrayLike<number>, order: Int32Array, rank: Int32Array): number[] {
  const bestD: number[] = [];
  const bestJ: number[] = [];
  const consider = (j: number): void => {
    const d = (xs[j] - xs[i]) ** 2 + (y[j] - y[i]) ** 2;
    if (bestD.length === k && (d > bestD[k - 1] || (d === bestD[k - 1] && j > bestJ[k - 1]))) return;
    let p = bestD.length;
    while (p > 0 && (bestD[p - 1] > d || (bestD[p - 1] === d && bestJ[p - 1] > j))) p--;
    bestD.splice(p, 0, d);
    bestJ.splice(p, 0, j);
    if (bestD.length > k) {
      bestD.pop();
      bestJ.pop();
    }
  };
  const r = rank[i];
  let lo = r - 1;
  let hi = r + 1;
  const n = order.length;
  while (lo >= 0 || hi < n) {
    const worst = bestD.length === k ? bestD[k - 1] : Infinity;
    const dlo = lo >= 0 ? (xs[i] - xs[order[lo]]) ** 2 : Infinity;
    const dhi = hi < n ? (xs[order[hi]] - xs[i]) ** 2 : Infinity;
    if (dlo > worst && dhi > worst) break;
    if (dlo <= dhi) consider(order[lo--]);
    else consider(order[hi++]);
  }
  return bestJ;
}

function sweepIndex(xs: Float64Array): { order: Int32Array; rank: Int32Array } {
  const order = Int32Array.from(xs.keys()).sort((a, b) => xs[a] - xs[b] || a - b);
  const rank = new Int32Array(xs.length);
  order.forEach((p, r) => (rank[p] = r));
  return { order, rank };
}

function checkPoints(ids: readonly string[], x: ArrayLike<number>, y: ArrayLike<number>, k: number): void {
  if (x.length !== ids.length || y.length !== ids.length) throw new RangeError('ids, x and y must have the same length');
  if (!Number.isInteger(k) || k < 1) {
    throw new VeerkrachtError('invalid number of neighbours', { column: 'k', expected: 'an integer ≥ 1', found: showValue(k) });
  }
  for (let i = 0; i < ids.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) {
      throw new VeerkrachtError('region without a usable centroid', { feature: ids[i], expected: 'finite coordinates', found: `${x[i]}, ${y[i]}` });
    }
  }
}

/**
 * Binary k-nearest-neighbour weights (not symmetric in general), as libpysal `KNN`.
 *
 * @param ids - region codes.
 * @param x - x (or longitude) per region.
 * @param y - y (or latitude) per region.
 * @param k - neighbours per region (capped at n − 1).
 * @param options - geographic scaling.
 * @returns binary weights with min(k, n − 1) neighbours per row.
 * @throws VeerkrachtError when k < 1 or a point is not finite.
 * @example knnWeights(['a', 'b', 'c'], [0, 1, 5], [0, 0, 0], 1) // a→b, b→a, c→b
 */
export function knnWeights(
  ids: readonly string[], x: ArrayLike<number>, y: ArrayLike<number>, k: number, options: KnnOptions = {},
): SpatialWeights {
  checkPoints(ids, x, y, k);
  const xs = scaledX(x, y, options.geographic ?? looksGeographic(x, y));
  const { order, rank } = sweepIndex(xs);
  const kk = Math.min(k, ids.length - 1);
  const lists = ids.map((_, i) => (kk > 0 ? nearest(i, kk, xs, y, order, rank) : []));
  return weightsFromLists(ids, lists);
}

/**
 * Connect every island of `w` to its k nearest regions by centroid, in both directions so a
 * symmetric matrix stays symmetric (libpysal `attach_islands` with k neighbours). The result is
 * binary; row-standardise afterwards if needed.
 *
 * @param w - weights (typically contiguity) over the same regions as x/y.
 * @param x - centroid x (or longitude) per region, in `w.ids` order.
 * @param y - centroid y (or latitude) per region.
 * @param k - neighbours per island (default 1).
 * @param options - geographic scaling.
 * @returns binary weights without islands (unless there is only one region).
 * @example attachIslands(contiguityWeights(features), c.x, c.y, 1)
 */
export function attachIslands(
  w: SpatialWeights, x: ArrayLike<number>, y: ArrayLike<number>, k = 1, options: KnnOptions = {},
): SpatialWeights {
  const n = w.ids.length;
  checkPoints(w.ids, x, y, k);
  const xs = scaledX(x, y, options.geographic ?? looksGeographic(x, y));
  const { order, rank } = sweepIndex(xs);
  const lists: number[][] = [];
  for (let i = 0; i < n; i++) lists.push(Array.from(w.neighbours.subarray(w.offsets[i], w.offsets[i + 1])));
  const kk = Math.min(k, n - 1);
  for (let i = 0; i < n; i++) {
    if (w.offsets[i + 1] !== w.offsets[i] || kk === 0) continue;
    for (const j of nearest(i, kk, xs, y, order, rank)) {
      lists[i].push(j);
      lists[j].push(i);
    }
  }
  return weightsFromLists(w.ids, lists);
}
