/**
 * Percentiles (mapclassify `Percentiles`): bins at the given percentiles (type 7), default
 * 1, 10, 50, 90, 99, 100. Repeated bins are kept as mapclassify does (an empty class results).
 */
import { quantileSorted } from '../quantile.js';
import type { SchemeBins } from '../types.js';
import type { ValidValues } from '../values.js';

/** The default percentiles of mapclassify. */
export const DEFAULT_PERCENTILES: readonly number[] = [1, 10, 50, 90, 99, 100];

/**
 * Percentile bins.
 *
 * @param pct percentiles in [0, 100], ascending
 * @example percentilesBins(validValues([1, 2, 3]), [50, 100]).bins // [2, 3]
 */
export function percentilesBins(v: ValidValues, pct: readonly number[] = DEFAULT_PERCENTILES): SchemeBins {
  const bins = pct.map((p) => quantileSorted(v.sorted, p / 100));
  return { bins, requestedK: null, warnings: [], params: { pct: pct.slice() } };
}
