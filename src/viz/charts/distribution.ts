/**
 * Distribution charts of one indicator with the class breaks drawn in as vertical rules:
 * a histogram and a kernel density (Vega's `density` transform, Gaussian kernel). Missing
 * values are left out of the plot and counted in the subtitle, never silently.
 */
import type { VegaLiteSpec } from '../compile.js';
import { frameTitle, type FrameOptions } from '../frame.js';

/** Options for {@link histogramSpec} and {@link densitySpec}. */
export interface DistributionOptions extends FrameOptions {
  /** Class breaks (upper bounds) to draw as rules; the last one is usually the maximum and is drawn too. */
  breaks?: readonly number[];
  /** Axis title of the indicator. */
  xTitle: string;
  /** Maximum number of histogram bins (default 30). */
  maxbins?: number;
  /** Density bandwidth (default: Scott's rule, chosen by Vega). */
  bandwidth?: number;
  width?: number;
  height?: number;
}

function split(values: ArrayLike<number | null>): { rows: { waarde: number }[]; missing: number } {
  const rows: { waarde: number }[] = [];
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || !Number.isFinite(v)) missing++;
    else rows.push({ waarde: v });
  }
  return { rows, missing };
}

function framed(o: DistributionOptions, n: number, missing: number): ReturnType<typeof frameTitle> {
  const t = frameTitle(o);
  t.subtitle.push(`n = ${n}${missing > 0 ? `, ${missing} zonder waarde (niet getoond)` : ''}`);
  return t;
}

function breakRules(o: DistributionOptions): VegaLiteSpec[] {
  if (o.breaks === undefined || o.breaks.length === 0) return [];
  return [
    {
      data: { values: o.breaks.map((b) => ({ grens: b })) },
      mark: { type: 'rule', color: '#D55E00', strokeDash: [4, 3], strokeWidth: 1.2 },
      encoding: { x: { field: 'grens', type: 'quantitative' }, tooltip: [{ field: 'grens', title: 'Klassegrens' }] },
    },
  ];
}

/**
 * Histogram of `values` (null/NaN counted as missing) with class breaks as rules.
 *
 * @example histogramSpec([1, 2, 2, 3, null], { xTitle: 'ΔK (%-punt)', breaks: [1.5, 3], title: 'ΔK', synthetic: true })
 */
export function histogramSpec(values: ArrayLike<number | null>, o: DistributionOptions): VegaLiteSpec {
  const { rows, missing } = split(values);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: framed(o, rows.length, missing),
    width: o.width ?? 480,
    height: o.height ?? 260,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'bar', color: '#7a9cc6' },
        encoding: {
          x: { field: 'waarde', type: 'quantitative', bin: { maxbins: o.maxbins ?? 30 }, title: o.xTitle },
          y: { aggregate: 'count', type: 'quantitative', title: 'Aantal buurten', axis: { tickMinStep: 1 } },
        },
      },
      ...breakRules(o),
    ],
  };
}

/**
 * Kernel density of `values` (Gaussian kernel) with class breaks as rules.
 *
 * @example densitySpec(values, { xTitle: 'onv', breaks: pooled, title: 'Verdeling onv', synthetic: false })
 */
export function densitySpec(values: ArrayLike<number | null>, o: DistributionOptions): VegaLiteSpec {
  const { rows, missing } = split(values);
  const density: Record<string, unknown> = { density: 'waarde', as: ['waarde', 'dichtheid'] };
  if (o.bandwidth !== undefined) density.bandwidth = o.bandwidth;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: framed(o, rows.length, missing),
    width: o.width ?? 480,
    height: o.height ?? 260,
    layer: [
      {
        data: { values: rows },
        transform: [density],
        mark: { type: 'area', color: '#7a9cc6', opacity: 0.7, line: { color: '#34557f' } },
        encoding: {
          x: { field: 'waarde', type: 'quantitative', title: o.xTitle },
          y: { field: 'dichtheid', type: 'quantitative', title: 'Dichtheid' },
        },
      },
      ...breakRules(o),
    ],
  };
}
