/**
 * Shapes shared by the classification schemes (PySAL mapclassify semantics): bins are upper
 * bounds, right-closed; class i holds bins[i-1] < x ≤ bins[i]; class 0 holds everything ≤ bins[0]
 * (so it holds the minimum); values above the last bin go to the last class.
 */

/** Scheme names as used on the command line and in JSON (snake_case). */
export const SCHEME_NAMES = [
  'quantiles',
  'equal_interval',
  'fisher_jenks',
  'std_mean',
  'maximum_breaks',
  'head_tail_breaks',
  'box_plot',
  'percentiles',
  'pretty',
  'user_defined',
  'natural_breaks',
] as const;

/** One of {@link SCHEME_NAMES}. */
export type SchemeName = (typeof SCHEME_NAMES)[number];

/** Label of the explicit class that holds the missing values. */
export const MISSING_CLASS_LABEL = 'geen gegevens';

/** Index given to a missing value in {@link Classification.classOf}. */
export const MISSING_CLASS = -1;

/** What a scheme computes before the values are binned. */
export interface SchemeBins {
  /** Upper bounds, ascending. */
  bins: number[];
  /** Number of classes asked for (null for schemes without k, e.g. head/tail breaks). */
  requestedK: number | null;
  /** Why fewer classes than asked were formed, or other remarks. */
  warnings: string[];
  /** Parameters actually used (multiples, pct, hinge, seed …), for reports. */
  params: Record<string, unknown>;
  /** Lowest edge for the legend (user_defined `lowest`); default is the minimum of the data. */
  lowest?: number;
}

/** The result of classifying one set of values. */
export interface Classification {
  scheme: SchemeName;
  /** Upper bounds of the classes, ascending (mapclassify `bins`). */
  bins: number[];
  /** Number of classes formed = bins.length (mapclassify `k`). */
  k: number;
  /** Number of classes asked for; null when the scheme has no k. */
  requestedK: number | null;
  /** Number of classes actually formed (= k); lower than requestedK when ties collapsed classes. */
  effectiveK: number;
  /** Number of values per class (missing values are not in any class). */
  counts: number[];
  /** Class index per input value, {@link MISSING_CLASS} (−1) for a missing value. */
  classOf: Int32Array;
  /** Number of valid (non-missing) values. */
  n: number;
  /** Number of missing values (null/NaN), assigned to the "geen gegevens" class. */
  missing: number;
  /** Minimum and maximum of the valid values. */
  min: number;
  max: number;
  /** Absolute deviation around class medians (sum over classes). */
  adcm: number;
  /** Goodness of absolute deviation fit: 1 − ADCM/ADAM (1 for invariant data). */
  gadf: number;
  /** Sum of squared deviations around class means. */
  tss: number;
  /** Lowest legend edge when given (user_defined). */
  lowest?: number;
  /** Remarks: collapsed classes and why, empty classes, ignored options. */
  warnings: string[];
  /** Parameters actually used. */
  params: Record<string, unknown>;
}
