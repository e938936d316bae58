/**
 * Box plots of an indicator per group (gemeente, corporation class, …): Tukey boxes with
 * whiskers at 1.5 IQR. Rows without a group or value are counted in the subtitle.
 */
import type { VegaLiteSpec } from '../compile.js';
import { frameTitle, type FrameOptions } from '../frame.js';
import { finiteOrNull, toRows, type RowsInput } from '../rows.js';

/** Options for {@link boxPlotSpec}. */
export interface BoxPlotOptions extends FrameOptions {
  /** Column with the group (e.g. `gemeente`, `corporatieklasse`). */
  group: string;
  /** Column with the numeric value. */
  value: string;
  /** Axis titles (default: the column names). */
  groupTitle?: string;
  valueTitle?: string;
  /** Group order (default: as first seen). */
  order?: readonly string[];
  width?: number;
}

/**
 * A box plot per group from an arquero table or rows.
 *
 * @example boxPlotSpec(rows, { group: 'gemeente', value: 'dK', title: 'ΔK per gemeente', synthetic: true })
 */
export function boxPlotSpec(input: RowsInput, o: BoxPlotOptions): VegaLiteSpec {
  const rows: { groep: string; waarde: number }[] = [];
  const seen: string[] = [];
  let missing = 0;
  for (const r of toRows(input)) {
    const g = r[o.group];
    const v = finiteOrNull(r[o.value]);
    if (g === null || g === undefined || g === '' || v === null) {
      missing++;
      continue;
    }
    const gs = String(g);
    if (seen.indexOf(gs) < 0) seen.push(gs);
    rows.push({ groep: gs, waarde: v });
  }
  const t = frameTitle(o);
  if (missing > 0) t.subtitle.push(`${missing} rijen zonder groep of waarde (niet getoond)`);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: t,
    width: o.width ?? 480,
    height: { step: 22 },
    data: { values: rows },
    mark: { type: 'boxplot', extent: 1.5, color: '#7a9cc6', median: { color: '#1d2f4a' } },
    encoding: {
      y: { field: 'groep', type: 'nominal', sort: o.order !== undefined ? o.order.slice() : seen, title: o.groupTitle ?? o.group },
      x: { field: 'waarde', type: 'quantitative', title: o.valueTitle ?? o.value, scale: { zero: false } },
    },
  };
}
