/**
 * Fit measures of a classification, as mapclassify defines them (Slocum et al. 2009):
 * ADCM = Σ_classes Σ_{i∈c} |y_i − median_c|, ADAM = Σ_i |y_i − median|,
 * GADF = 1 − ADCM/ADAM (1 when ADAM = 0), TSS = Σ_classes Σ_{i∈c} (y_i − mean_c)².
 */
import { findBin } from './binning.js';
import { quantileSorted } from './quantile.js';

/** ADCM, ADAM, GADF and TSS of one classification. */
export interface FitMeasures {
  adcm: number;
  adam: number;
  gadf: number;
  tss: number;
}

/**
 * Fit measures for ascending values classified by `bins`. Classes are contiguous runs of the
 * sorted values, so each class median and mean is taken on its slice.
 *
 * @param sorted ascending valid values
 * @param bins upper bounds
 * @example fitMeasures([1, 2, 10, 11], [2, 11]).gadf // 1 − 2/18
 */
export function fitMeasures(sorted: Float64Array, bins: ArrayLike<number>): FitMeasures {
  const n = sorted.length;
  const med = quantileSorted(sorted, 0.5);
  let adam = 0;
  for (let i = 0; i < n; i++) adam += Math.abs(sorted[i] - med);
  let adcm = 0;
  let tss = 0;
  let start = 0;
  while (start < n) {
    const c = findBin(bins, sorted[start]);
    let end = start;
    while (end < n && findBinFast(bins, sorted[end], c)) end++;
    const slice = sorted.subarray(start, end);
    const m = quantileSorted(slice, 0.5);
    let sum = 0;
    for (let i = 0; i < slice.length; i++) {
      adcm += Math.abs(slice[i] - m);
      sum += slice[i];
    }
    const mean = sum / slice.length;
    for (let i = 0; i < slice.length; i++) tss += (slice[i] - mean) * (slice[i] - mean);
    start = end;
  }
  const gadf = adam === 0 ? 1 : 1 - adcm / adam;
  return { adcm, adam, gadf, tss };
}

function findBinFast(bins: ArrayLike<number>, x: number, c: number): boolean {
  return findBin(bins, x) === c;
}
