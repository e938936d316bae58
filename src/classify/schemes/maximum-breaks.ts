/**
 * Maximum breaks (mapclassify `MaximumBreaks`): boundaries at the midpoints of the k − 1
 * largest gaps between consecutive sorted values; the last bin is the maximum.
 *
 * Ties among gaps are broken as numpy's stable argsort would (the later gap wins). Deviation:
 * mapclassify only prints "Breaks are random" when there are fewer distinct gaps than k − 1;
 * here fewer than k distinct values is an error.
 */
import type { SchemeBins } from '../types.js';
import { distinctCount, notEnoughUnique, type ValidValues } from '../values.js';

/**
 * Maximum-breaks bins.
 *
 * @throws VeerkrachtError when there are fewer than k distinct values
 * @example maximumBreaksBins(validValues([1, 2, 10, 11, 30]), 3).bins // [6, 20.5, 30]
 */
export function maximumBreaksBins(v: ValidValues, k: number): SchemeBins {
  const xs = v.sorted;
  const n = xs.length;
  const u = distinctCount(xs);
  if (u < k || u < 2) throw notEnoughUnique(k, u, 'maximum_breaks');
  const idx: number[] = [];
  for (let i = 0; i < n - 1; i++) idx.push(i);
  const diff = (i: number): number => xs[i + 1] - xs[i];
  idx.sort((a, b) => diff(a) - diff(b) || a - b);
  const mp: number[] = [];
  for (let c = 1; c < k; c++) {
    const i = idx[idx.length - c];
    mp.push((xs[i] + xs[i + 1]) / 2);
  }
  mp.push(xs[n - 1]);
  mp.sort((a, b) => a - b);
  return { bins: mp, requestedK: k, warnings: [], params: { k } };
}
