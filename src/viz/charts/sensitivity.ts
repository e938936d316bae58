/**
 * Sensitivity curves of a calibration sweep: for each threshold value, the number of buurten
 * (or residents) per signal category, one line per category in the fixed signal palette.
 */
import type { VegaLiteSpec } from '../compile.js';
import { SIGNAL_CATEGORIES, SIGNAL_COLOURS, SIGNAL_LABELS, type SignalCategory } from '../../signal/categories.js';
import { frameTitle, type FrameOptions } from '../frame.js';
import { finiteOrNull, toRows, type RowsInput } from '../rows.js';

/** Options for {@link sensitivitySpec}. */
export interface SensitivityOptions extends FrameOptions {
  /** What to plot: `buurten` (count, default) or `inwoners` (residents). */
  measure?: 'buurten' | 'inwoners';
  /** Axis title of the swept threshold (e.g. `drempel ΔK (%-punt)`). */
  thresholdTitle?: string;
  /** The chosen (calibrated) threshold, drawn as a vertical rule. */
  chosen?: number;
  width?: number;
  height?: number;
}

/**
 * Sensitivity curves from sweep rows `{threshold, category, buurten, inwoners}` (an arquero
 * table or plain rows; `category` a SignalCategory id).
 *
 * @throws RangeError for an unknown category.
 * @example sensitivitySpec(sweep, { measure: 'inwoners', chosen: 1, title: 'Gevoeligheid', synthetic: true })
 */
export function sensitivitySpec(input: RowsInput, o: SensitivityOptions): VegaLiteSpec {
  const measure = o.measure ?? 'buurten';
  const values: { drempel: number; categorie: string; waarde: number | null }[] = [];
  for (const r of toRows(input)) {
    const cat = r.category as SignalCategory;
    if (!(cat in SIGNAL_LABELS)) throw new RangeError(`sensitivitySpec: unknown category ${JSON.stringify(r.category)}`);
    const th = finiteOrNull(r.threshold);
    if (th === null) continue;
    values.push({ drempel: th, categorie: SIGNAL_LABELS[cat], waarde: finiteOrNull(r[measure]) });
  }
  const x = { field: 'drempel', type: 'quantitative', title: o.thresholdTitle ?? 'Drempel' };
  const y = { field: 'waarde', type: 'quantitative', title: measure === 'inwoners' ? 'Inwoners' : 'Aantal buurten' };
  const layer: VegaLiteSpec[] = [
    // a grey casing under each line keeps the light categories (geen signaal, onvoldoende gegevens) visible on white
    {
      data: { values },
      mark: { type: 'line', color: '#8c8c8c', strokeWidth: 4 },
      encoding: { x, y, detail: { field: 'categorie', type: 'nominal' } },
    },
    {
      data: { values },
      mark: { type: 'line', point: true, strokeWidth: 2 },
      encoding: {
        x,
        y,
        color: {
          field: 'categorie',
          type: 'nominal',
          title: 'Signaal',
          scale: { domain: SIGNAL_CATEGORIES.map((c) => SIGNAL_LABELS[c]), range: SIGNAL_CATEGORIES.map((c) => SIGNAL_COLOURS[c]) },
          legend: { labelLimit: 320, symbolStrokeColor: '#8c8c8c', symbolStrokeWidth: 0.5 },
        },
      },
    },
  ];
  if (o.chosen !== undefined) {
    layer.push({ data: { values: [{ x: o.chosen }] }, mark: { type: 'rule', color: '#222222', strokeDash: [4, 3] }, encoding: { x: { field: 'x', type: 'quantitative' } } });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: frameTitle(o),
    width: o.width ?? 480,
    height: o.height ?? 280,
    layer,
  };
}
