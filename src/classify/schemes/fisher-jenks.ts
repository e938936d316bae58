/**
 * Fisher-Jenks optimal classification (Fisher 1958; Jenks 1977): the partition of the sorted
 * values into k contiguous classes with the least total within-class sum of squares.
 *
 * Exact dynamic programme D[c][j] = min_i D[c−1][i−1] + SSE(i..j) on the distinct values
 * (weighted by multiplicity), with the divide-and-conquer optimisation (the optimal split is
 * monotone in j, as for 1-D k-means; Grønlund et al. 2017, "Fast exact k-means, k-medians and
 * Bregman divergence clustering in 1D"): O(k·m·log m) for m distinct values, SSE in O(1) from
 * prefix sums. Bins are the maxima of the classes (as mapclassify).
 *
 * Deviations from mapclassify `FisherJenks`: (1) double precision instead of its float32 DP;
 * (2) equal values are never split over two classes (mapclassify's DP on the raw sorted array may
 * place a boundary inside a run of ties, which then collapses in binning). Same error when there
 * are fewer distinct values than k.
 */
import type { SchemeBins } from '../types.js';
import { distinctWithWeights, notEnoughUnique, type ValidValues } from '../values.js';

/**
 * Optimal class upper bounds of ascending values.
 *
 * @param sorted ascending values
 * @param k number of classes
 * @returns k upper bounds (the class maxima)
 * @throws VeerkrachtError when there are fewer than k distinct values
 * @example fisherJenksSorted(Float64Array.of(1, 2, 3, 10, 11, 12), 2) // [3, 12]
 */
export function fisherJenksSorted(sorted: ArrayLike<number>, k: number): number[] {
  const { values: u, weights: w } = distinctWithWeights(sorted);
  const m = u.length;
  if (m < k) throw notEnoughUnique(k, m, 'fisher_jenks');
  // centre for numerical stability of the prefix sums of squares
  let mean = 0;
  for (let i = 0; i < m; i++) mean += u[i];
  mean /= m;
  const W = new Float64Array(m + 1);
  const S = new Float64Array(m + 1);
  const Q = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) {
    const x = u[i] - mean;
    W[i + 1] = W[i] + w[i];
    S[i + 1] = S[i] + w[i] * x;
    Q[i + 1] = Q[i] + w[i] * x * x;
  }
  const cost = (i: number, j: number): number => {
    const ww = W[j + 1] - W[i];
    const s = S[j + 1] - S[i];
    const c = Q[j + 1] - Q[i] - (s * s) / ww;
    return c > 0 ? c : 0;
  };
  let prev = new Float64Array(m);
  for (let j = 0; j < m; j++) prev[j] = cost(0, j);
  const arg: Int32Array[] = [new Int32Array(0)];
  for (let c = 2; c <= k; c++) {
    const cur = new Float64Array(m).fill(Infinity);
    const a = new Int32Array(m);
    const p = prev;
    // solve cur[j] for j in [jlo, jhi] with optimal split in [olo, ohi]
    const stack: number[] = [c - 1, m - 1, c - 1, m - 1];
    while (stack.length > 0) {
      const ohi = stack.pop() as number;
      const olo = stack.pop() as number;
      const jhi = stack.pop() as number;
      const jlo = stack.pop() as number;
      if (jlo > jhi) continue;
      const j = (jlo + jhi) >> 1;
      let best = Infinity;
      let bi = olo;
      const hi = Math.min(j, ohi);
      for (let i = olo; i <= hi; i++) {
        const val = p[i - 1] + cost(i, j);
        if (val < best) {
          best = val;
          bi = i;
        }
      }
      cur[j] = best;
      a[j] = bi;
      stack.push(jlo, j - 1, olo, bi);
      stack.push(j + 1, jhi, bi, ohi);
    }
    arg.push(a);
    prev = cur;
  }
  const bins = new Array<number>(k);
  let j = m - 1;
  for (let c = k; c >= 2; c--) {
    bins[c - 1] = u[j];
    j = arg[c - 1][j] - 1;
  }
  bins[0] = u[j];
  return bins;
}

/**
 * Fisher-Jenks bins for prepared values.
 *
 * @throws VeerkrachtError when there are fewer than k distinct values
 */
export function fisherJenksBins(v: ValidValues, k: number): SchemeBins {
  return { bins: fisherJenksSorted(v.sorted, k), requestedK: k, warnings: [], params: { k } };
}
