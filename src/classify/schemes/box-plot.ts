/**
 * Box plot classes (mapclassify `BoxPlot`, Tukey hinges): bins q1 − h·IQR, q1, median, q3,
 * q3 + h·IQR and the maximum when it lies above the upper fence (6 classes; else 5 with the
 * fence as last bin). Quartiles are type 7; class 0 holds the low outliers, class 5 the high ones.
 */
import { quantileSorted } from '../quantile.js';
import type { SchemeBins } from '../types.js';
import type { ValidValues } from '../values.js';

/**
 * Box-plot bins.
 *
 * @param hinge multiple of the IQR for the fences (default 1.5)
 * @example boxPlotBins(validValues([...Array(100).keys()])).bins // [-49.5, 24.75, 49.5, 74.25, 148.5]
 */
export function boxPlotBins(v: ValidValues, hinge = 1.5): SchemeBins {
  const y = v.sorted;
  const q1 = quantileSorted(y, 0.25);
  const q2 = quantileSorted(y, 0.5);
  const q3 = quantileSorted(y, 0.75);
  const max = y[y.length - 1];
  const iqr = q3 - q1;
  const low = q1 - hinge * iqr;
  const high = q3 + hinge * iqr;
  const bins = high < max ? [low, q1, q2, q3, high, max] : [low, q1, q2, q3, high];
  const warnings = iqr === 0 ? ['IQR is 0: the quartile classes coincide'] : [];
  return { bins, requestedK: null, warnings, params: { hinge, iqr } };
}
