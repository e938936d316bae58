/**
 * Choropleth of any indicator over buurt polygons, classed by given breaks (from src/classify:
 * Vega has no Jenks scale) with mapclassify semantics, a legend of class ranges and an explicit
 * "geen gegevens" class.
 */
import type { VegaLiteSpec } from '../compile.js';
import { classIndex, classLabels, NO_DATA_COLOUR, NO_DATA_LABEL, sequentialColours } from '../classes.js';
import { displayGeometry, type MapGeometry } from '../geometry.js';
import { lookupByCode, mapSpec, type MapOptions } from './base.js';

/** Indicator values per region code; a missing code or null/NaN is "geen gegevens". */
export type ValuesByCode = ReadonlyMap<string, number | null> | Readonly<Record<string, number | null>>;

/** Options for {@link choroplethSpec}. */
export interface ChoroplethOptions extends MapOptions {
  /** Upper class bounds, ascending (mapclassify `bins`). */
  bins: readonly number[];
  /** Legend labels, one per bin (default: class ranges such as `(2, 5]`). */
  labels?: readonly string[];
  /** Colours, one per bin (default: sampled from `scheme`). */
  colours?: readonly string[];
  /** Vega colour scheme for the default colours (default `blues`). */
  scheme?: string;
  /** Decimals in the default labels (default 2). */
  digits?: number;
}

/** The legend (labels and colours, no-data class last) for values and bins. */
export function choroplethLegend(values: Iterable<number | null>, o: Pick<ChoroplethOptions, 'bins' | 'labels' | 'colours' | 'scheme' | 'digits'>): { labels: string[]; colours: string[] } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const k = o.bins.length;
  const labels = o.labels !== undefined ? o.labels.slice() : classLabels(o.bins, min, max, o.digits ?? 2);
  const colours = o.colours !== undefined ? o.colours.slice() : sequentialColours(k, o.scheme);
  if (labels.length !== k || colours.length !== k) {
    throw new RangeError(`choropleth: ${k} bins need ${k} labels and colours, got ${labels.length} and ${colours.length}`);
  }
  if (labels.indexOf(NO_DATA_LABEL) >= 0) throw new RangeError(`choropleth: "${NO_DATA_LABEL}" is reserved for the no-data class`);
  return { labels: [...labels, NO_DATA_LABEL], colours: [...colours, NO_DATA_COLOUR] };
}

/**
 * A choropleth map spec of `values` over `buurten`.
 *
 * @example choroplethSpec({ features, crs: 'EPSG:4326' }, new Map([['BU03440111', 12.5]]),
 *   { bins: [10, 20, 40], title: 'Laag inkomen (%)', period: '2020', synthetic: false })
 */
export function choroplethSpec(buurten: MapGeometry, values: ValuesByCode, options: ChoroplethOptions): VegaLiteSpec {
  const geo = displayGeometry(buurten);
  const vals = geo.features.map((f) => lookupByCode(values, f.properties.code) ?? null);
  const legend = choroplethLegend(vals, options);
  const byCode = new Map<string, string>();
  geo.features.forEach((f, i) => {
    const c = classIndex(vals[i], options.bins);
    byCode.set(f.properties.code, c < 0 ? NO_DATA_LABEL : legend.labels[c]);
  });
  return mapSpec(geo, (code) => byCode.get(code) ?? NO_DATA_LABEL, legend, options);
}
