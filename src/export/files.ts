/**
 * Writing data to disk, each file atomically (temp file, then rename): GeoJSON, TopoJSON, CSV and
 * the summary JSON. Figures (SVG, PNG, offline HTML) are rendered and written by src/viz/files.ts:
 * export only writes strings and bytes and never imports viz.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { writeFileAtomic } from '../util/fs.js';
import { toCsv, type CsvOptions } from './csv.js';
import { stableJson } from './summary.js';
import { toTopoJson, type TopoJsonOptions } from './topojson.js';

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

/** Write a summary object as JSON with sorted keys. */
export function writeSummaryJson(path: string, summary: unknown): void {
  writeFileAtomic(path, stableJson(summary));
}
