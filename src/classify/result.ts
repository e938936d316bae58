/**
 * Build a {@link Classification} from a scheme's bins: bin the values, count, compute the fit
 * measures, and explain collapsed or empty classes.
 */
import { binValues } from './binning.js';
import { fitMeasures } from './fit.js';
import type { Classification, SchemeBins, SchemeName } from './types.js';
import type { ValidValues } from './values.js';

/**
 * Classify prepared values with the bins a scheme computed.
 *
 * @param scheme scheme name for the report
 * @param input the original values (null/NaN = missing), in order
 * @param prepared {@link validValues} of the input
 * @param sb bins and remarks from the scheme
 */
export function classificationFromBins(
  scheme: SchemeName,
  input: ArrayLike<number | null | undefined>,
  prepared: ValidValues,
  sb: SchemeBins,
): Classification {
  const { classOf, counts } = binValues(input, sb.bins);
  // with weights, a value whose weight is missing is missing too
  for (let i = 0, j = 0; i < classOf.length; i++) {
    if (j < prepared.index.length && prepared.index[j] === i) j++;
    else if (classOf[i] >= 0) {
      counts[classOf[i]]--;
      classOf[i] = -1;
    }
  }
  const fit = fitMeasures(prepared.sorted, sb.bins);
  const warnings = sb.warnings.slice();
  const empty = counts.filter((c) => c === 0).length;
  if (empty > 0) warnings.push(`${empty} of ${counts.length} classes are empty`);
  const n = prepared.sorted.length;
  const result: Classification = {
    scheme,
    bins: sb.bins.slice(),
    k: sb.bins.length,
    requestedK: sb.requestedK,
    effectiveK: sb.bins.length,
    counts,
    classOf,
    n,
    missing: prepared.length - n,
    min: prepared.sorted[0],
    max: prepared.sorted[n - 1],
    adcm: fit.adcm,
    gadf: fit.gadf,
    tss: fit.tss,
    warnings,
    params: sb.params,
  };
  if (sb.lowest !== undefined) result.lowest = sb.lowest;
  return result;
}

/** Sort and remove repeated bins (numpy `unique`) and say so (ties collapse classes). */
export function collapseTies(bins: number[], requestedK: number, why: string): { bins: number[]; warnings: string[] } {
  const out: number[] = [];
  for (const b of bins.slice().sort((x, y) => x - y)) if (out.length === 0 || b !== out[out.length - 1]) out.push(b);
  const warnings: string[] = [];
  if (out.length < requestedK) {
    warnings.push(`effective k = ${out.length} instead of ${requestedK}: ${why}`);
  }
  return { bins: out, warnings };
}
