/**
 * Natural breaks by seeded k-means (mapclassify `NaturalBreaks`: 1-D k-means with k-means++
 * starts, best of `nInit` runs; bins are the class maxima). This is a heuristic and NOT
 * Fisher-Jenks: use `fisher_jenks` for the optimal partition. Results depend on the seed;
 * mapclassify uses scikit-learn's unseeded generator, so bins can differ from its output on
 * data where k-means has several local optima.
 *
 * With fewer distinct values than k, the bins are the distinct values (as mapclassify, with a
 * warning).
 */
import { seededRandom } from '../rng.js';
import type { SchemeBins } from '../types.js';
import { distinctWithWeights, type ValidValues } from '../values.js';

/**
 * One Lloyd run in 1-D on ascending values starting from the given centres; returns the class
 * maxima and the SSE.
 */
function lloyd(y: Float64Array, centres: number[]): { cuts: number[]; sse: number } {
  const n = y.length;
  let c = centres.slice().sort((a, b) => a - b);
  const label = new Int32Array(n);
  for (let iter = 0; iter < 300; iter++) {
    let changed = false;
    let j = 0;
    for (let i = 0; i < n; i++) {
      while (j < c.length - 1 && Math.abs(y[i] - c[j + 1]) < Math.abs(y[i] - c[j])) j++;
      if (label[i] !== j) {
        label[i] = j;
        changed = true;
      }
    }
    const sum = new Float64Array(c.length);
    const cnt = new Float64Array(c.length);
    for (let i = 0; i < n; i++) {
      sum[label[i]] += y[i];
      cnt[label[i]]++;
    }
    const next: number[] = [];
    for (let q = 0; q < c.length; q++) if (cnt[q] > 0) next.push(sum[q] / cnt[q]);
    if (!changed && iter > 0 && next.length === c.length) break;
    c = next;
  }
  let sse = 0;
  const cuts: number[] = [];
  for (let i = 0; i < n; i++) {
    sse += (y[i] - c[label[i]]) ** 2;
    if (i === n - 1 || label[i + 1] !== label[i]) cuts.push(y[i]);
  }
  return { cuts, sse };
}

/** k-means++ starting centres (Arthur & Vassilvitskii 2007). */
function kmeansPlusPlus(y: Float64Array, k: number, rand: () => number): number[] {
  const n = y.length;
  const centres = [y[Math.floor(rand() * n)]];
  const d2 = new Float64Array(n).fill(Infinity);
  while (centres.length < k) {
    const last = centres[centres.length - 1];
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = (y[i] - last) ** 2;
      if (d < d2[i]) d2[i] = d;
      total += d2[i];
    }
    let r = rand() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= d2[i];
      if (r < 0) {
        pick = i;
        break;
      }
    }
    centres.push(y[pick]);
  }
  return centres;
}

/**
 * Natural-breaks (k-means) bins.
 *
 * @param seed seed of the k-means++ starts (default 0)
 * @param nInit number of starts; the lowest SSE wins (default 10)
 * @example naturalBreaksBins(validValues([1, 2, 3, 10, 11, 12]), 2).bins // [3, 12]
 */
export function naturalBreaksBins(v: ValidValues, k: number, seed = 0, nInit = 10): SchemeBins {
  const y = v.sorted;
  const u = distinctWithWeights(y).values;
  if (u.length < k) {
    return {
      bins: Array.from(u),
      requestedK: k,
      warnings: [`effective k = ${u.length} instead of ${k}: only ${u.length} distinct values`],
      params: { k, seed, nInit },
    };
  }
  const rand = seededRandom(seed);
  let best: { cuts: number[]; sse: number } | null = null;
  for (let r = 0; r < nInit; r++) {
    const run = lloyd(y, kmeansPlusPlus(y, k, rand));
    if (best === null || run.sse < best.sse - 1e-12 * Math.abs(best.sse)) best = run;
  }
  const cuts = (best as { cuts: number[] }).cuts;
  const warnings = cuts.length < k ? [`effective k = ${cuts.length} instead of ${k}: k-means left classes empty`] : [];
  return { bins: cuts, requestedK: k, warnings, params: { k, seed, nInit } };
}
