/**
 * User-defined bins (mapclassify `UserDefined`): the given upper bounds, plus the maximum of the
 * data when the last bound lies below it. `lowest` sets the lower edge of the first class in
 * the legend.
 *
 * Deviation: mapclassify accepts unsorted or repeated bounds silently; here they are an error.
 */
import { VeerkrachtError } from '../../util/errors.js';
import type { SchemeBins } from '../types.js';
import type { ValidValues } from '../values.js';

/**
 * User-defined bins.
 *
 * @throws VeerkrachtError when the bounds are not strictly ascending finite numbers
 * @example userDefinedBins(validValues([1, 25, 40]), [20, 30]).bins // [20, 30, 40]
 */
export function userDefinedBins(v: ValidValues, bounds: readonly number[], lowest?: number): SchemeBins {
  if (bounds.length === 0) throw new VeerkrachtError('no bins given', { expected: 'at least one upper bound' });
  for (let i = 0; i < bounds.length; i++) {
    if (!Number.isFinite(bounds[i]) || (i > 0 && !(bounds[i] > bounds[i - 1]))) {
      throw new VeerkrachtError('bins must be strictly ascending finite numbers', {
        expected: 'ascending upper bounds',
        found: bounds.join(','),
      });
    }
  }
  const bins = bounds.slice();
  const max = v.sorted[v.sorted.length - 1];
  const warnings: string[] = [];
  if (bins[bins.length - 1] < max) {
    bins.push(max);
    warnings.push(`the maximum ${max} was added as the last bin`);
  }
  const out: SchemeBins = { bins, requestedK: null, warnings, params: { bins: bounds.slice() } };
  if (lowest !== undefined) out.lowest = lowest;
  return out;
}
