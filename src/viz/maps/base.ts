/**
 * The common frame of every map: buurt polygons coloured by a class label from a fixed domain
 * (so every class, including the no-data class, is always in the legend), optional gemeente
 * outlines drawn over them, the projection for the CRS, and the title block.
 */
import type { Polygon, MultiPolygon } from 'geojson';
import type { VegaLiteSpec } from '../compile.js';
import { frameTitle, type FrameOptions } from '../frame.js';
import { displayGeometry, projectionFor, type MapGeometry } from '../geometry.js';

/** Options shared by all maps. */
export interface MapOptions extends FrameOptions {
  /** Plot width in px (default 520). */
  width?: number;
  /** Plot height in px (default 600). */
  height?: number;
  /** Gemeente (or wijk) polygons drawn as outlines over the buurten; same CRS as the buurten. */
  outlines?: MapGeometry;
  /** Legend title. */
  legendTitle?: string;
}

/** A fixed ordinal colour legend: one label per class, in order, with its colour. */
export interface ClassLegend {
  labels: readonly string[];
  colours: readonly string[];
}

/** One drawn buurt: the geometry (shared, not copied) and the class label it is coloured by. */
export interface MapDatum {
  type: 'Feature';
  geometry: Polygon | MultiPolygon;
  properties: { code: string; name: string | null; klasse: string; [key: string]: unknown };
}

/** Maps with more buurten than this draw them without per-feature ARIA labels. */
export const ARIA_MAX_FEATURES = 2000;

/** Look up a value by code in a Map or a plain record. */
export function lookupByCode<T>(values: ReadonlyMap<string, T> | Readonly<Record<string, T>>, code: string): T | undefined {
  if (values instanceof Map) return values.get(code);
  const rec = values as Readonly<Record<string, T>>;
  return Object.prototype.hasOwnProperty.call(rec, code) ? rec[code] : undefined;
}

/**
 * The layers of one map panel (without title): buurten coloured by `properties.klasse`, then
 * outlines. Exposed for small multiples and the threshold explorer.
 */
export function mapPanel(
  buurten: MapGeometry,
  klasse: (code: string) => string,
  legend: ClassLegend,
  options: MapOptions,
): VegaLiteSpec {
  const geo = displayGeometry(buurten);
  const values: MapDatum[] = geo.features.map((f) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: { code: f.properties.code, name: f.properties.name ?? null, klasse: klasse(f.properties.code) },
  }));
  const layer: VegaLiteSpec[] = [
    {
      data: { values },
      // per-buurt ARIA labels make a national SVG 15 % larger and slower, and help nobody there
      mark: { type: 'geoshape', stroke: '#8c8c8c', strokeWidth: 0.3, aria: values.length <= ARIA_MAX_FEATURES },
      encoding: {
        color: {
          field: 'properties.klasse',
          type: 'nominal',
          title: options.legendTitle ?? 'Klasse',
          scale: { domain: legend.labels.slice(), range: legend.colours.slice() },
          legend: { title: options.legendTitle ?? null, orient: 'right', symbolType: 'square', labelLimit: 320, symbolStrokeColor: '#8c8c8c', symbolStrokeWidth: 0.5 },
        },
      },
    },
  ];
  if (options.outlines !== undefined) {
    const outl = displayGeometry(options.outlines);
    layer.push({
      data: { values: outl.features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { code: f.properties.code } })) },
      // no fill at all (not "transparent"), so outlines never take the pointer from the buurten
      mark: { type: 'geoshape', filled: false, fill: null, stroke: '#222222', strokeWidth: 0.9 },
    });
  }
  return {
    width: options.width ?? 520,
    height: options.height ?? 600,
    projection: projectionFor(geo.crs),
    layer,
  };
}

/** A complete single map: {@link mapPanel} with the title block. */
export function mapSpec(buurten: MapGeometry, klasse: (code: string) => string, legend: ClassLegend, options: MapOptions): VegaLiteSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: frameTitle(options),
    config: { view: { stroke: null } },
    ...mapPanel(buurten, klasse, legend, options),
  };
}
