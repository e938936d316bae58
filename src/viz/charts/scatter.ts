/**
 * Scatter of ΔK against ΔO per buurt, coloured by signal category (fixed palette, Dutch labels),
 * with the reference (dashed) and the dead band edges reference ± threshold (solid) on both axes.
 * For the relatief variant, whose references differ per buurt, pass the deviations from the
 * gemeente reference (ΔK − refK, ΔO − refO) with `refK = refO = 0`.
 */
import type { VegaLiteSpec } from '../compile.js';
import { SIGNAL_CATEGORIES, SIGNAL_COLOURS, SIGNAL_LABELS, type SignalCategory } from '../../signal/categories.js';
import { frameTitle, type FrameOptions } from '../frame.js';
import { finiteOrNull, toRows, type RowsInput } from '../rows.js';

/** Options for {@link signalScatterSpec}. */
export interface SignalScatterOptions extends FrameOptions {
  /** Dead band on ΔK (≥ 0) and ΔO (≥ 0). */
  tK: number;
  tO: number;
  /** Reference changes (default 0). */
  refK?: number;
  refO?: number;
  /** Column names (defaults `dK`, `dO`, `categorie`, `naam`, `code`). */
  dK?: string;
  dO?: string;
  category?: string;
  name?: string;
  code?: string;
  width?: number;
  height?: number;
}

/**
 * The ΔK–ΔO scatter with threshold lines; rows without both values are counted, not plotted.
 *
 * @example signalScatterSpec(rows, { tK: 1, tO: 0.02, title: 'ΔK tegen ΔO', synthetic: true })
 */
export function signalScatterSpec(input: RowsInput, o: SignalScatterOptions): VegaLiteSpec {
  const fk = o.dK ?? 'dK';
  const fo = o.dO ?? 'dO';
  const fc = o.category ?? 'categorie';
  const refK = o.refK ?? 0;
  const refO = o.refO ?? 0;
  const points: Record<string, unknown>[] = [];
  let missing = 0;
  for (const r of toRows(input)) {
    const k = finiteOrNull(r[fk]);
    const v = finiteOrNull(r[fo]);
    if (k === null || v === null) {
      missing++;
      continue;
    }
    const cat = r[fc] as SignalCategory | undefined;
    points.push({
      dK: k,
      dO: v,
      categorie: SIGNAL_LABELS[cat !== undefined && cat in SIGNAL_LABELS ? cat : 'onvoldoende_gegevens'],
      naam: r[o.name ?? 'naam'] ?? null,
      code: r[o.code ?? 'code'] ?? null,
    });
  }
  const t = frameTitle(o);
  if (missing > 0) t.subtitle.push(`${missing} buurten zonder ΔK of ΔO (niet getoond)`);
  const vlines = [
    { x: refK, soort: 'referentie' },
    { x: refK - o.tK, soort: 'drempel' },
    { x: refK + o.tK, soort: 'drempel' },
  ];
  const hlines = [
    { y: refO, soort: 'referentie' },
    { y: refO - o.tO, soort: 'drempel' },
    { y: refO + o.tO, soort: 'drempel' },
  ];
  const dash = { field: 'soort', type: 'nominal', scale: { domain: ['referentie', 'drempel'], range: [[4, 3], [1, 0]] }, legend: null };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: t,
    width: o.width ?? 460,
    height: o.height ?? 400,
    layer: [
      { data: { values: vlines }, mark: { type: 'rule', color: '#555555' }, encoding: { x: { field: 'x', type: 'quantitative' }, strokeDash: dash } },
      { data: { values: hlines }, mark: { type: 'rule', color: '#555555' }, encoding: { y: { field: 'y', type: 'quantitative' }, strokeDash: dash } },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 28, stroke: '#444444', strokeWidth: 0.3, opacity: 0.9 },
        encoding: {
          x: { field: 'dK', type: 'quantitative', title: 'ΔK (verandering aandeel kwetsbaar, %-punt)', scale: { zero: false, padding: 12 } },
          y: { field: 'dO', type: 'quantitative', title: 'ΔO (verandering onv-score; lager = slechter)', scale: { zero: false, padding: 12 } },
          color: {
            field: 'categorie',
            type: 'nominal',
            title: 'Signaal',
            scale: { domain: SIGNAL_CATEGORIES.map((c) => SIGNAL_LABELS[c]), range: SIGNAL_CATEGORIES.map((c) => SIGNAL_COLOURS[c]) },
            legend: { labelLimit: 320, symbolStrokeColor: '#8c8c8c', symbolStrokeWidth: 0.5 },
          },
          tooltip: [
            { field: 'naam', title: 'Buurt' },
            { field: 'code', title: 'Code' },
            { field: 'dK', title: 'ΔK', format: '.2f' },
            { field: 'dO', title: 'ΔO', format: '.3f' },
            { field: 'categorie', title: 'Signaal' },
          ],
        },
      },
    ],
    resolve: { scale: { strokeDash: 'independent' } },
  };
}
