/**
 * Class labels per row, so a classification can become a table column (for maps, for
 * describe() per class, for exports): the Dutch label, the mapclassify interval, or the class
 * number; missing values get "geen gegevens".
 */
import { legendOf } from './legend.js';
import { MISSING_CLASS_LABEL, type Classification } from './types.js';

/**
 * One label per input value.
 *
 * @param style 'nl' (default, e.g. "meer dan 75,29 tot en met 192,05"), 'nl_short',
 *   'interval' (mapclassify, e.g. "( 75.29, 192.05]") or 'index' ("1", "2", … 1-based)
 * @example table.assign({ klasse: classLabelColumn(c, values) })
 */
export function classLabelColumn(
  c: Classification,
  values?: ArrayLike<number | null | undefined>,
  style: 'nl' | 'nl_short' | 'interval' | 'index' = 'nl',
  decimals = 2,
): string[] {
  const legend = legendOf(c, values, decimals);
  const names =
    style === 'nl' ? legend.nl : style === 'nl_short' ? legend.nlShort : style === 'interval' ? legend.intervals : c.bins.map((_, i) => String(i + 1));
  return Array.from(c.classOf, (q) => (q < 0 ? MISSING_CLASS_LABEL : names[q]));
}
