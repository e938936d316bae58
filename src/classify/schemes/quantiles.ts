/**
 * Quantiles (mapclassify `Quantiles`): upper bounds at the type-7 quantiles 1/k, 2/k, …, 1.
 * Repeated quantiles (ties) are collapsed, so fewer than k classes may be formed; the
 * result says so. Optional weights (e.g. inwoners) give weighted quantiles (inverse weighted
 * ECDF, see {@link weightedQuantileSorted}); mapclassify has no weights.
 *
 * Deviation: mapclassify builds the probabilities with numpy `arange(w, 100 + w, w)`, which for
 * some k yields k + 1 values by floating-point drift (the extra one collapses at the maximum);
 * here there are always exactly k.
 */
import { VeerkrachtError } from '../../util/errors.js';
import { quantileSorted, weightedQuantileSorted } from '../quantile.js';
import { collapseTies } from '../result.js';
import type { SchemeBins } from '../types.js';
import type { ValidValues } from '../values.js';

/**
 * Quantile bins for k classes.
 *
 * @param v prepared values ({@link validValues}); its weights are used when `weighted`
 * @param k number of classes (≥ 1)
 * @param weighted use v.sortedWeights
 * @example quantilesBins(validValues([...Array(1000).keys()]), 4, false).bins // [249.75, 499.5, 749.25, 999]
 */
export function quantilesBins(v: ValidValues, k: number, weighted = false): SchemeBins {
  if (weighted && !(v.sortedWeights.reduce((a, b) => a + b, 0) > 0)) {
    throw new VeerkrachtError('weights sum to 0: weighted quantiles are undefined', { expected: 'some weight > 0', found: '0' });
  }
  const w = 100 / k;
  const bins: number[] = [];
  for (let i = 0; i < k; i++) {
    const pct = i === k - 1 ? 100 : w + i * w; // numpy arange(w, 100 + w, w), last clamped to 100
    const p = pct / 100;
    bins.push(weighted ? weightedQuantileSorted(v.sorted, v.sortedWeights, p) : quantileSorted(v.sorted, p));
  }
  const c = collapseTies(bins, k, 'ties in the data make several quantiles equal');
  return { bins: c.bins, requestedK: k, warnings: c.warnings, params: { k, weighted } };
}
