/**
 * Small multiples: one choropleth panel per year (or period) with one set of pooled class breaks
 * (mapclassify `Pooled`), so the same colour means the same range in every panel.
 */
import type { VegaLiteSpec } from '../compile.js';
import { classIndex, NO_DATA_LABEL } from '../classes.js';
import { frameTitle } from '../frame.js';
import { displayGeometry, type MapGeometry } from '../geometry.js';
import { lookupByCode, mapPanel } from './base.js';
import { choroplethLegend, type ChoroplethOptions, type ValuesByCode } from './choropleth.js';

/** One panel: its heading (e.g. `2018`) and the values per buurt code. */
export interface MultiplePanel {
  label: string;
  values: ValuesByCode;
}

/** Options for {@link smallMultiplesSpec}: a choropleth's, plus the number of columns. */
export interface SmallMultiplesOptions extends ChoroplethOptions {
  /** Panels per row (default: all in one row up to 4). */
  columns?: number;
}

/**
 * Small-multiple choropleths over panels with pooled `bins` (one legend for all panels).
 *
 * @example smallMultiplesSpec(geo, [{ label: '2016', values: v16 }, { label: '2020', values: v20 }],
 *   { bins: pooledBins, title: 'onv', synthetic: false })
 */
export function smallMultiplesSpec(buurten: MapGeometry, panels: readonly MultiplePanel[], options: SmallMultiplesOptions): VegaLiteSpec {
  if (panels.length === 0) throw new RangeError('smallMultiplesSpec: no panels');
  const geo = displayGeometry(buurten);
  const all: (number | null)[] = [];
  const perPanel = panels.map((p) => geo.features.map((f) => lookupByCode(p.values, f.properties.code) ?? null));
  for (const vals of perPanel) for (const v of vals) all.push(v);
  const legend = choroplethLegend(all, options);
  const w = options.width ?? 260;
  const h = options.height ?? 300;
  const concat = panels.map((p, pi) => {
    const byCode = new Map<string, string>();
    geo.features.forEach((f, i) => {
      const c = classIndex(perPanel[pi][i], options.bins);
      byCode.set(f.properties.code, c < 0 ? NO_DATA_LABEL : legend.labels[c]);
    });
    return {
      title: p.label,
      ...mapPanel(geo, (code) => byCode.get(code) ?? NO_DATA_LABEL, legend, { ...options, width: w, height: h }),
    };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: frameTitle(options),
    config: { view: { stroke: null } },
    columns: options.columns ?? Math.min(panels.length, 4),
    concat,
    resolve: { scale: { color: 'shared' }, legend: { color: 'shared' } },
  };
}
