/**
 * Sample quantiles. Unweighted: Hyndman & Fan (1996) type 7 (R default, numpy "linear",
 * scipy.stats.scoreatpercentile), which mapclassify uses. Weighted: the inverse of the weighted
 * empirical distribution function (type 1 with weights): the smallest value whose cumulative
 * weight share reaches p.
 */

/**
 * Type-7 quantile of ascending values (interpolates between order statistics).
 *
 * @param sorted ascending, no missing values, length ≥ 1
 * @param p probability in [0, 1]
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  if (lo < 0) return sorted[0];
  const f = h - lo;
  if (f === 0 || sorted[lo] === sorted[lo + 1]) return sorted[lo];
  return sorted[lo] * (1 - f) + sorted[lo + 1] * f;
}

/**
 * Weighted quantile (inverse weighted ECDF): the smallest value x with Σ{w : y ≤ x} ≥ p·Σw.
 * With equal weights this is type 1, not type 7: a documented deviation from mapclassify, which
 * has no weights.
 *
 * @param sorted ascending values
 * @param weights weights in the same order (≥ 0)
 * @param p probability in [0, 1]
 * @example weightedQuantileSorted([1, 2, 3], [1, 1, 8], 0.5) // 3
 */
export function weightedQuantileSorted(sorted: ArrayLike<number>, weights: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  if (total <= 0) return NaN;
  const target = p * total;
  let cum = 0;
  for (let i = 0; i < n; i++) {
    cum += weights[i];
    // relative tolerance so that p = 1 and shares that are exact in theory are reached
    if (cum >= target - 1e-12 * total && weights[i] > 0) return sorted[i];
  }
  return sorted[n - 1];
}
