/**
 * One entry point for all schemes: `classify(values, { scheme, k, … })`. Missing values (null,
 * NaN) never enter the computation; they are counted and get class −1 ("geen gegevens").
 */
import { VeerkrachtError } from '../util/errors.js';
import { classificationFromBins } from './result.js';
import { boxPlotBins } from './schemes/box-plot.js';
import { equalIntervalBins } from './schemes/equal-interval.js';
import { fisherJenksBins } from './schemes/fisher-jenks.js';
import { headTailBreaksBins } from './schemes/head-tail-breaks.js';
import { maximumBreaksBins } from './schemes/maximum-breaks.js';
import { naturalBreaksBins } from './schemes/natural-breaks.js';
import { percentilesBins } from './schemes/percentiles.js';
import { prettyBins } from './schemes/pretty.js';
import { quantilesBins } from './schemes/quantiles.js';
import { stdMeanBins } from './schemes/std-mean.js';
import { userDefinedBins } from './schemes/user-defined.js';
import { SCHEME_NAMES, type Classification, type SchemeBins, type SchemeName } from './types.js';
import { validValues, type ValidValues } from './values.js';

/** Options of {@link classify}; each scheme reads the ones it needs. */
export interface ClassifyOptions {
  scheme: SchemeName;
  /** Number of classes (default 5) for quantiles, equal_interval, fisher_jenks, maximum_breaks, pretty, natural_breaks. */
  k?: number;
  /** Upper bounds for user_defined. */
  bins?: readonly number[];
  /** Lower legend edge for user_defined. */
  lowest?: number;
  /** Weights (e.g. inwoners) for weighted quantiles; only `quantiles` uses them. */
  weights?: ArrayLike<number | null | undefined>;
  /** Percentiles for `percentiles` (default 1, 10, 50, 90, 99, 100). */
  pct?: readonly number[];
  /** IQR multiple for `box_plot` (default 1.5). */
  hinge?: number;
  /** sd multiples for `std_mean` (default −2, −1, 1, 2). */
  multiples?: number[];
  /** Anchor `std_mean` on the mean. */
  anchor?: boolean;
  /** Seed and starts for `natural_breaks` (default 0 and 10). */
  seed?: number;
  nInit?: number;
}

/** True when `name` is one of the scheme names. */
export function isSchemeName(name: string): name is SchemeName {
  return (SCHEME_NAMES as readonly string[]).includes(name);
}

/** The bins a scheme computes for prepared values (no binning yet). */
export function schemeBins(v: ValidValues, o: ClassifyOptions): SchemeBins {
  const k = o.k ?? 5;
  if (!Number.isInteger(k) || k < 1) throw new VeerkrachtError('k must be a whole number ≥ 1', { expected: 'k ≥ 1', found: String(o.k) });
  switch (o.scheme) {
    case 'quantiles':
      return quantilesBins(v, k, o.weights !== undefined);
    case 'equal_interval':
      return equalIntervalBins(v, k);
    case 'fisher_jenks':
      return fisherJenksBins(v, k);
    case 'std_mean':
      return stdMeanBins(v, o.multiples, o.anchor ?? false);
    case 'maximum_breaks':
      return maximumBreaksBins(v, k);
    case 'head_tail_breaks':
      return headTailBreaksBins(v);
    case 'box_plot':
      return boxPlotBins(v, o.hinge ?? 1.5);
    case 'percentiles':
      return percentilesBins(v, o.pct);
    case 'pretty':
      return prettyBins(v, k);
    case 'user_defined':
      if (!o.bins) throw new VeerkrachtError('user_defined needs bins', { expected: 'a list of upper bounds' });
      return userDefinedBins(v, o.bins, o.lowest);
    case 'natural_breaks':
      return naturalBreaksBins(v, k, o.seed ?? 0, o.nInit ?? 10);
    default:
      throw new VeerkrachtError('unknown scheme', { expected: SCHEME_NAMES.join(', '), found: String(o.scheme) });
  }
}

/**
 * Classify values with a mapclassify scheme; returns bins, counts, class per value, fit
 * measures (ADCM, GADF, TSS), missing count and warnings (e.g. effective k after ties).
 *
 * @param values values (null/NaN = missing)
 * @throws VeerkrachtError when there are no valid values or the scheme cannot form its classes
 * @example classify(calemp, { scheme: 'fisher_jenks', k: 5 }).bins // [75.29, 192.05, 370.5, 722.85, 4111.45]
 */
export function classify(values: ArrayLike<number | null | undefined>, o: ClassifyOptions): Classification {
  const v = validValues(values, o.scheme === 'quantiles' ? o.weights : undefined);
  if (v.sorted.length === 0) {
    throw new VeerkrachtError('no valid values to classify', { expected: 'at least one number', found: `${v.missing} missing` });
  }
  const sb = schemeBins(v, o);
  if (o.weights !== undefined && o.scheme !== 'quantiles') sb.warnings.push(`weights are ignored by ${o.scheme} (only quantiles is weighted)`);
  return classificationFromBins(o.scheme, values, v, sb);
}

/**
 * Classify values with fixed bins (mapclassify `find_bin` semantics, fit measures included):
 * used to apply pooled bins or bins from another year.
 */
export function classifyWithBins(
  values: ArrayLike<number | null | undefined>,
  bins: readonly number[],
  scheme: SchemeName = 'user_defined',
): Classification {
  const v = validValues(values);
  if (v.sorted.length === 0) throw new VeerkrachtError('no valid values to classify', { found: `${v.missing} missing` });
  return classificationFromBins(scheme, values, v, { bins: bins.slice(), requestedK: null, warnings: [], params: {} });
}
