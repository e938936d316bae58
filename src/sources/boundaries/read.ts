/**
 * `readBoundaries(path)`: read a GeoJSON, TopoJSON, ESRI shapefile or GeoPackage boundary file in
 * WGS84 or RD New, validated, with normalised codes, detected level and CRS.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { VeerkrachtError } from '../../util/errors.js';
import { isUtf8 } from 'node:buffer';
import { decodeText, MAX_TEXT_BYTES } from '../csv/decode.js';
import type { Provenance } from '../types.js';
import { assembleBoundaries, type BoundaryReadOptions } from './assemble.js';
import { parseGeoJson } from './geojson.js';
import { parseTopoJson } from './topojson.js';
import { readShapefile } from './shp-reader.js';
import { isSqliteFile, readGeoPackage } from './gpkg-reader.js';
import type { Boundaries } from './types.js';
import { parsePacking, type PackedGeometries } from './packed-parse.js';
import { parseWithGeometryTexts, rememberGeometryTextsLater, type GeometryTextIndex } from './geometry-texts.js';

/** The boundary formats. */
export type BoundaryFormat = 'geojson' | 'topojson' | 'shapefile' | 'geopackage';

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw readError(path, e);
  }
}

function readError(path: string, e: unknown): VeerkrachtError {
  const code = (e as NodeJS.ErrnoException).code;
  return new VeerkrachtError(code === 'ENOENT' ? 'file not found' : `cannot open file (${code})`, { file: path });
}

/** The bytes read ahead (`options.bytes`), with the error readBytes would give. */
async function bytesAhead(path: string, ahead: Promise<Uint8Array>): Promise<Buffer> {
  try {
    const b = await ahead;
    return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  } catch (e) {
    throw readError(path, e);
  }
}

/**
 * The bytes of a file in valid UTF-8 (after a UTF-8 BOM, if any), for the readers that scan the
 * structure and the numbers (ASCII) and decode only the rest: the file is never copied into one
 * string (94 MB took ≈ 60–90 ms as Latin-1, ≈ 220 ms decoded, and as much memory again). Null
 * for anything else (decoded as every text loader decodes, and parsed whole).
 */
function utf8Body(bytes: Buffer): Buffer | null {
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  return body.length > MAX_TEXT_BYTES || !isUtf8(body) ? null : body;
}

/** True when the bytes hold nothing but JSON whitespace. */
function blank(body: Buffer): boolean {
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return false;
  }
  return true;
}

function parseJson(bytes: Buffer, file: string, texts?: GeometryTextIndex, onPacked?: (packed: PackedGeometries) => void): unknown {
  // UTF-8 (BOM optional), or UTF-16 after its BOM: decoded as every text loader decodes; the
  // scanning readers (the packing read, a second year, the index of the first) take valid UTF-8
  // as bytes
  const body = onPacked !== undefined || texts !== undefined ? utf8Body(bytes) : null;
  const empty = () => new VeerkrachtError('file is empty', { file, expected: 'GeoJSON or TopoJSON' });
  const whole = () => {
    const text = decodeText(bytes).text;
    if (text.trim() === '') throw empty();
    return parseWhole(text, file);
  };
  if (body === null) return whole();
  if (blank(body)) throw empty();
  // (the geometry spans the packing read found, for the index)
  let spans: Int32Array | null = null;
  const fresh = (): unknown => {
    if (onPacked === undefined) return whole();
    const r = parsePacking(body);
    if (r === null) return whole();
    if (r.packed !== null) onPacked(r.packed);
    spans = r.spans;
    return r.doc;
  };
  if (texts) {
    // geometries identical (to the byte) to those of a file read before are not parsed again
    const doc = parseWithGeometryTexts(body, texts) ?? fresh();
    // (kept when the index is first looked in: not before the run hands this file on)
    if (texts.texts.size === 0) rememberGeometryTextsLater(body, doc, texts, spans);
    return doc;
  }
  return fresh();
}

function parseWhole(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    throw new VeerkrachtError('invalid JSON', { file, line, expected: 'GeoJSON or TopoJSON', found: (e as Error).message });
  }
}

/**
 * Read a boundary file. The format follows from the extension (`.shp`), the SQLite header of a
 * GeoPackage (`.gpkg`) or the JSON `type` (`Topology` vs `FeatureCollection`).
 *
 * A GeoPackage is read one layer at a time: `options.layer`, else the layer of `options.level`
 * (`buurt` → `buurten`, `wijk` → `wijken`, `gemeente` → `gemeenten`, as in the CBS wijk- en
 * buurtkaart), else its only layer; a file with several layers and no choice is an error that
 * lists them. Its CRS comes from `gpkg_spatial_ref_sys`; CBS water-only areas (`water` = 'JA')
 * are left out and counted in `report.dropped`.
 *
 * @param path GeoJSON (`.geojson`/`.json`), TopoJSON, `.shp` (with `.dbf`, optional `.prj`) or `.gpkg`.
 * @param options code property, level, TopoJSON object, GeoPackage layer, output CRS, strictness.
 * @throws VeerkrachtError for unreadable files, a CRS label that contradicts the coordinates, no
 *   code property, or no usable feature. Unusable features are counted in `report.dropped`.
 * @example
 * const b = await readBoundaries('buurten_2023.geojson', { crs: 'EPSG:28992' });
 * b.level; // 'buurt'
 * @example
 * const w = await readBoundaries('wijkenbuurten_2023_v1.gpkg', { level: 'wijk' }); // layer wijken
 */
export async function readBoundaries(path: string, options: BoundaryReadOptions = {}): Promise<Boundaries> {
  const bytes = options.bytes !== undefined ? await bytesAhead(path, options.bytes) : readBytes(path);
  const sha256 = () => createHash('sha256').update(bytes).digest('hex');
  const provenance: Provenance = {
    kind: 'boundaries',
    file: path,
    ...(options.checksumLater === undefined ? { checksum: sha256() } : {}),
    attribution: 'Bron: CBS, Kadaster',
  };
  options.checksumLater?.(() => (provenance.checksum ??= sha256()));
  if (/\.shp$/i.test(path)) {
    provenance.kind = 'boundaries-shapefile';
    return assembleBoundaries(await readShapefile(path, provenance), options);
  }
  if (/\.gpkg$/i.test(path) || isSqliteFile(bytes)) {
    provenance.kind = 'boundaries-gpkg';
    return assembleBoundaries(await readGeoPackage(bytes, provenance, { layer: options.layer, level: options.level }), options);
  }
  if (/\.xls[xm]?$/i.test(path)) {
    throw new VeerkrachtError('a spreadsheet is not a boundary file', { file: path, expected: 'GeoJSON, TopoJSON, a shapefile or a GeoPackage (.gpkg)' });
  }
  const doc = parseJson(bytes, path, options.geometryTexts, options.packedGeometries);
  if ((doc as { type?: unknown })?.type === 'Topology') {
    provenance.kind = 'boundaries-topojson';
    const raw = parseTopoJson(doc, provenance, options.object);
    provenance.edition = `object ${raw.object}`;
    return assembleBoundaries(raw, options);
  }
  provenance.kind = 'boundaries-geojson';
  return assembleBoundaries(parseGeoJson(doc, provenance), options);
}

/**
 * Build `Boundaries` from an already parsed GeoJSON or TopoJSON object (for notebooks and tests).
 *
 * @example parseBoundaries(JSON.parse(text), { file: 'buurten.geojson' })
 */
export function parseBoundaries(doc: unknown, source: { file?: string } = {}, options: BoundaryReadOptions = {}): Boundaries {
  const isTopo = (doc as { type?: unknown })?.type === 'Topology';
  const provenance: Provenance = { kind: isTopo ? 'boundaries-topojson' : 'boundaries-geojson', file: source.file };
  return assembleBoundaries(isTopo ? parseTopoJson(doc, provenance, options.object) : parseGeoJson(doc, provenance), options);
}
