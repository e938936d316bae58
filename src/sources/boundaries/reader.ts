/**
 * FormatReaders for `veerkracht inspect`: GeoJSON, TopoJSON, ESRI shapefile and GeoPackage boundary files,
 * read into a table of their features (code, name, level, area, centroid, properties).
 */
import type { FileHead, FormatReadOptions, FormatReader } from '../formats.js';
import { readBoundaries } from './read.js';
import { isSqliteFile } from './gpkg-reader.js';
import { boundariesTable } from './table.js';

/** GeoJSON FeatureCollection of polygons with region codes. */
export const boundariesGeoJsonReader: FormatReader = {
  kind: 'boundaries-geojson',
  sniff: (h: FileHead) => /^\s*\{/.test(h.text) && /"type"\s*:\s*"FeatureCollection"/.test(h.text) && /"(Multi)?Polygon"/.test(h.text),
  read: async (path: string, options?: FormatReadOptions) => boundariesTable(await readBoundaries(path, { layer: options?.layer })),
};

/** TopoJSON topology (quantized or not). */
export const boundariesTopoJsonReader: FormatReader = {
  kind: 'boundaries-topojson',
  sniff: (h: FileHead) => /^\s*\{/.test(h.text) && /"type"\s*:\s*"Topology"/.test(h.text),
  read: async (path: string, options?: FormatReadOptions) => boundariesTable(await readBoundaries(path, { layer: options?.layer })),
};

/** ESRI shapefile: a `.shp` whose header has file code 9994 (with its `.dbf` beside it). */
export const boundariesShapefileReader: FormatReader = {
  kind: 'boundaries-shapefile',
  sniff: (h: FileHead) =>
    /\.shp$/i.test(h.path) && h.bytes.length >= 4 && h.bytes[0] === 0 && h.bytes[1] === 0 && h.bytes[2] === 0x27 && h.bytes[3] === 0x0a,
  read: async (path: string, options?: FormatReadOptions) => boundariesTable(await readBoundaries(path, { layer: options?.layer })),
};

/**
 * GeoPackage (`.gpkg`): a SQLite file. With one feature layer it is read as it is; with several
 * (the CBS wijk- en buurtkaart) the error lists them.
 */
export const boundariesGeoPackageReader: FormatReader = {
  kind: 'boundaries-gpkg',
  sniff: (h: FileHead) => isSqliteFile(h.bytes),
  read: async (path: string, options?: FormatReadOptions) => boundariesTable(await readBoundaries(path, { layer: options?.layer })),
};

/** The boundary readers, for FORMAT_READERS. */
export const BOUNDARY_READERS: FormatReader[] = [boundariesGeoJsonReader, boundariesTopoJsonReader, boundariesShapefileReader, boundariesGeoPackageReader];
