/**
 * Standard deviation and mean (mapclassify `StdMean`): bins at mean + m·sd for the multiples m
 * (default −2, −1, 1, 2; sd with ddof = 1), plus the maximum when it lies above the last cut.
 * With `anchor`, the multiples are 0, 1, … from int((min − mean)/sd) to int((max − mean)/sd), so
 * one class boundary sits on the mean (k then follows from the data). Classes below the minimum
 * stay (empty), as in mapclassify.
 */
import type { SchemeBins } from '../types.js';
import { notEnoughUnique, type ValidValues } from '../values.js';

/** Mean and sample standard deviation (ddof = 1). */
export function meanSd(values: ArrayLike<number>): { mean: number; sd: number } {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i];
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) * (values[i] - mean);
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : NaN };
}

/**
 * Std-mean bins.
 *
 * @param multiples multiples of sd (ascending); ignored when anchor is true
 * @param anchor anchor a boundary on the mean and span the range in whole sd steps
 * @throws VeerkrachtError for constant data
 * @example stdMeanBins(validValues([1, 2, 3]), [-1, 1]).bins // [1, 3]
 */
export function stdMeanBins(v: ValidValues, multiples: number[] = [-2, -1, 1, 2], anchor = false): SchemeBins {
  const y = v.sorted;
  const n = y.length;
  if (n < 2 || y[0] === y[n - 1]) throw notEnoughUnique(2, n < 2 ? n : 1, 'std_mean');
  const { mean, sd } = meanSd(y);
  let mult = multiples.slice();
  if (anchor) {
    const minZ = Math.trunc((y[0] - mean) / sd);
    const maxZ = Math.trunc((y[n - 1] - mean) / sd) + 1;
    mult = [];
    for (let z = minZ; z < maxZ; z++) mult.push(z);
  }
  const bins = mult.map((m) => mean + sd * m);
  if (bins[bins.length - 1] < y[n - 1]) bins.push(y[n - 1]);
  return { bins, requestedK: null, warnings: [], params: { multiples: mult, anchor, mean, sd } };
}
