/**
 * Vega-Lite specs for a sensitivity sweep (plain JSON; render with src/viz): a heatmap of one
 * category over the tK × tO grid, or — for a one-indicator sweep — a line per category along the
 * varied threshold, in the fixed signal palette of src/signal/categories.ts.
 */
import { SIGNAL_CATEGORIES, SIGNAL_COLOURS, SIGNAL_LABELS, type SignalCategory } from '../signal/categories.js';
import type { VegaLiteSpec } from '../viz/compile.js';
import type { Sweep } from './sweep.js';

/**
 * Heatmap of the count in one category at every grid point.
 *
 * @param measure 'buurten' or 'inwoners' (the latter needs a weighted sweep)
 * @example sweepHeatmapSpec(sweep, 'veerkracht_onder_druk', 'inwoners')
 */
export function sweepHeatmapSpec(sweep: Sweep, category: SignalCategory, measure: 'buurten' | 'inwoners' = 'buurten'): VegaLiteSpec {
  const field = `${measure}_${category}`;
  if (!sweep.table.columnNames().includes(field)) throw new Error(`sweepHeatmapSpec: the sweep has no column ${field} (weights missing?)`);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${SIGNAL_LABELS[category]}: ${measure} per drempelpaar`,
    data: { values: sweep.table.select('tK', 'tO', field).objects() },
    mark: 'rect',
    encoding: {
      x: { field: 'tK', type: 'ordinal', title: 'dode band tK (ΔK, procentpunt)', axis: { format: '.2f', labelOverlap: true } },
      y: { field: 'tO', type: 'ordinal', title: 'dode band tO (ΔO, score)', sort: 'descending', axis: { format: '.2f', labelOverlap: true } },
      color: { field, type: 'quantitative', title: measure, scale: { scheme: 'viridis' } },
      tooltip: [
        { field: 'tK', type: 'quantitative' },
        { field: 'tO', type: 'quantitative' },
        { field, type: 'quantitative', title: measure },
      ],
    },
  };
}

/**
 * Lines per category along one threshold (use with a sweep whose other grid has one value).
 *
 * @param along 'tK' or 'tO' (the varied threshold)
 */
export function sweepLinesSpec(sweep: Sweep, along: 'tK' | 'tO', measure: 'buurten' | 'inwoners' = 'buurten'): VegaLiteSpec {
  const fields = SIGNAL_CATEGORIES.map((c) => `${measure}_${c}`);
  const rows: Record<string, unknown>[] = [];
  for (const row of sweep.table.objects() as Record<string, number>[]) {
    SIGNAL_CATEGORIES.forEach((c, i) => {
      if (row[fields[i]] !== undefined) rows.push({ [along]: row[along], categorie: SIGNAL_LABELS[c], aantal: row[fields[i]] });
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${measure} per categorie langs ${along}`,
    data: { values: rows },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: along, type: 'quantitative', title: along === 'tK' ? 'dode band tK' : 'dode band tO' },
      y: { field: 'aantal', type: 'quantitative', title: measure },
      color: {
        field: 'categorie',
        type: 'nominal',
        scale: { domain: SIGNAL_CATEGORIES.map((c) => SIGNAL_LABELS[c]), range: SIGNAL_CATEGORIES.map((c) => SIGNAL_COLOURS[c]) },
      },
    },
  };
}
