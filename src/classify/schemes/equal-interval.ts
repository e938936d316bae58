/**
 * Equal interval (mapclassify `EqualInterval`): k classes of width (max − min)/k; the last bin
 * is set to the maximum. Empty classes are kept (as mapclassify). Constant data is an error.
 */
import type { SchemeBins } from '../types.js';
import { notEnoughUnique, type ValidValues } from '../values.js';

/**
 * Equal-interval bins.
 *
 * @throws VeerkrachtError when min = max ("Not enough unique values…")
 * @example equalIntervalBins(validValues([0, 10]), 2).bins // [5, 10]
 */
export function equalIntervalBins(v: ValidValues, k: number): SchemeBins {
  const n = v.sorted.length;
  const min = v.sorted[0];
  const max = v.sorted[n - 1];
  if (n === 0 || min === max) throw notEnoughUnique(k, n === 0 ? 0 : 1, 'equal_interval');
  const width = (max - min) / k;
  const bins: number[] = [];
  for (let i = 0; i < k; i++) bins.push(min + width + i * width);
  bins[k - 1] = max;
  return { bins, requestedK: k, warnings: [], params: { k, width } };
}
