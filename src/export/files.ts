/**
 * Writing figures and data to disk, each file atomically (temp file, then rename): SVG, PNG,
 * offline HTML, GeoJSON, TopoJSON, CSV and the summary JSON.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { VegaLiteSpec } from '../viz/compile.js';
import { offlineHtml, type OfflineHtmlOptions } from '../viz/html.js';
import { renderSvg, svgToPng, type PngOptions } from '../viz/render.js';
import { outputPath, writeFileAtomic } from './atomic.js';
import { toCsv, type CsvOptions } from './csv.js';
import { stableJson } from './summary.js';
import { toTopoJson, type TopoJsonOptions } from './topojson.js';

/** Render `spec` to SVG and write it; returns the SVG text (to reuse for a PNG). */
export async function writeSvgFile(path: string, spec: VegaLiteSpec): Promise<string> {
  const svg = await renderSvg(spec);
  writeFileAtomic(path, svg);
  return svg;
}

/** Write a PNG of `spec`, or of an SVG already rendered (resvg, default 2× scale). */
export async function writePngFile(path: string, specOrSvg: VegaLiteSpec | string, options: PngOptions = {}): Promise<void> {
  const svg = typeof specOrSvg === 'string' ? specOrSvg : await renderSvg(specOrSvg);
  writeFileAtomic(path, await svgToPng(svg, options));
}

/** Write the self-contained offline HTML page of `spec`. */
export function writeHtmlFile(path: string, spec: VegaLiteSpec, options: OfflineHtmlOptions): void {
  writeFileAtomic(path, offlineHtml(spec, options));
}

/** Write a GeoJSON FeatureCollection (from `toGeoJson`), compact. */
export function writeGeoJsonFile(path: string, fc: FeatureCollection<Polygon | MultiPolygon>): void {
  writeFileAtomic(path, `${JSON.stringify(fc)}\n`);
}

/** Write the TopoJSON of a GeoJSON FeatureCollection. */
export function writeTopoJsonFile(path: string, fc: FeatureCollection<Polygon | MultiPolygon>, options: TopoJsonOptions = {}): void {
  writeFileAtomic(path, `${JSON.stringify(toTopoJson(fc, options))}\n`);
}

/** Write rows (or an arquero table) as CSV in the chosen dialect. */
export function writeCsvFile(path: string, rows: readonly Record<string, unknown>[] | { objects(): object[] }, options: CsvOptions): void {
  writeFileAtomic(path, toCsv(rows, options));
}

/**
 * Write a figure as `<name>.svg` and `<name>.png` in `outDir` (rendered once); returns the paths.
 *
 * @example await writeFigureFiles('out', 'signaleringskaart', signalMapSpec(geo, cats, opts))
 */
export async function writeFigureFiles(outDir: string, name: string, spec: VegaLiteSpec, png: PngOptions = {}): Promise<{ svg: string; png: string }> {
  const svgPath = outputPath(outDir, `${name}.svg`);
  const pngPath = outputPath(outDir, `${name}.png`);
  const svg = await writeSvgFile(svgPath, spec);
  await writePngFile(pngPath, svg, png);
  return { svg: svgPath, png: pngPath };
}

/** Write a summary object as JSON with sorted keys. */
export function writeSummaryJson(path: string, summary: unknown): void {
  writeFileAtomic(path, stableJson(summary));
}
