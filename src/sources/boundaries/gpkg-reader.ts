/**
 * Read a GeoPackage (`.gpkg`, OGC 12-128) boundary layer into raw boundary features, with sql.js
 * (SQLite compiled to WebAssembly: no native binary). The layers of the CBS wijk- en buurtkaart
 * (`gemeenten`, `wijken`, `buurten`, with `gemeentecode`/`wijkcode`/`buurtcode`, names and
 * `water` = 'JA'/'NEE') and the Leefbaarometer geometry are GeoPackages. Water-only areas
 * (`water` = 'JA') are left out and counted in the load report.
 */
/// <reference path="./sqljs-ambient.d.ts" />
import type { SqlJsStatic } from 'sql.js';
import { VeerkrachtError } from '../../util/errors.js';
import type { Provenance, RegionLevel } from '../types.js';
import type { RawBoundaries, RawFeature } from './assemble.js';
import { parseGpkgGeometry } from './gpkg-geometry.js';
import type { Crs } from './types.js';

/** One feature layer of a GeoPackage, as listed in `gpkg_contents` / `gpkg_geometry_columns`. */
export interface GpkgLayer {
  /** Table name (`buurten`). */
  name: string;
  /** Geometry column (`geom`). */
  geometryColumn: string;
  /** `gpkg_spatial_ref_sys.srs_id` of the layer. */
  srsId: number;
  /** Declared geometry type (`MULTIPOLYGON`). */
  geometryType: string;
}

/** A cell value as SQLite hands it over. */
export type SqliteValue = number | string | Uint8Array | null;

/** The part of an open SQLite database (sql.js) that the GeoPackage reader uses. */
export interface SqliteDatabase {
  prepare(sql: string): {
    bind(values: SqliteValue[]): boolean;
    step(): boolean;
    get(): SqliteValue[];
    getColumnNames(): string[];
    free(): boolean;
  };
  close(): void;
}

/** The layer the CBS wijk- en buurtkaart uses for each level. */
export const GPKG_LEVEL_LAYERS: Record<Exclude<RegionLevel, 'land'>, string> = { buurt: 'buurten', wijk: 'wijken', gemeente: 'gemeenten' };

let sqlJs: Promise<SqlJsStatic> | undefined;

/**
 * The SQLite engine, loaded once and only when a GeoPackage is read (its WebAssembly file ships
 * inside the sql.js package; not loading it saves every other run ≈ 20 ms).
 */
function sqlite(): Promise<SqlJsStatic> {
  if (sqlJs === undefined) sqlJs = import('sql.js').then((m) => m.default());
  return sqlJs;
}

/** True when the bytes start with the SQLite 3 file header (every GeoPackage does). */
export function isSqliteFile(bytes: Uint8Array): boolean {
  const magic = 'SQLite format 3\u0000';
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic.charCodeAt(i)) return false;
  return true;
}

const quoteId = (s: string) => `"${s.replace(/"/g, '""')}"`;

function query(db: SqliteDatabase, sql: string, params: SqliteValue[] = []): Record<string, SqliteValue>[] {
  const st = db.prepare(sql);
  try {
    if (params.length) st.bind(params);
    const cols = st.getColumnNames();
    const out: Record<string, SqliteValue>[] = [];
    while (st.step()) {
      const row = st.get();
      const o: Record<string, SqliteValue> = {};
      cols.forEach((c, i) => {
        o[c] = row[i];
      });
      out.push(o);
    }
    return out;
  } finally {
    st.free();
  }
}

function tableExists(db: SqliteDatabase, name: string): boolean {
  return query(db, "SELECT name FROM sqlite_master WHERE type IN ('table','view') AND name = ?", [name]).length > 0;
}

/**
 * The feature layers of an open GeoPackage.
 *
 * @throws VeerkrachtError when the file has no GeoPackage tables or no feature layer
 */
export function gpkgLayers(db: SqliteDatabase, file?: string): GpkgLayer[] {
  if (!tableExists(db, 'gpkg_contents') || !tableExists(db, 'gpkg_geometry_columns')) {
    throw new VeerkrachtError('SQLite file is not a GeoPackage', {
      file, expected: 'the tables gpkg_contents and gpkg_geometry_columns', found: 'a SQLite database without them',
    });
  }
  const rows = query(
    db,
    `SELECT c.table_name AS name, g.column_name AS geom, g.srs_id AS srs, g.geometry_type_name AS type
       FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
      WHERE lower(c.data_type) = 'features' ORDER BY c.table_name`,
  );
  if (rows.length === 0) {
    throw new VeerkrachtError('GeoPackage without a feature layer', { file, column: 'gpkg_contents', expected: 'a layer with data_type "features"', found: 'none' });
  }
  return rows.map((r) => ({ name: String(r.name), geometryColumn: String(r.geom), srsId: Number(r.srs), geometryType: String(r.type ?? '') }));
}

/**
 * The CRS of a layer from `gpkg_spatial_ref_sys` (organisation EPSG and code, or the WKT).
 *
 * @throws VeerkrachtError for any CRS other than RD New (EPSG:28992) or WGS84 (EPSG:4326)
 */
export function gpkgLayerCrs(db: SqliteDatabase, layer: GpkgLayer, file?: string): Crs {
  const rows = tableExists(db, 'gpkg_spatial_ref_sys')
    ? query(db, 'SELECT srs_name, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [layer.srsId])
    : [];
  const r = rows[0];
  const org = String(r?.organization ?? '').toUpperCase();
  const code = Number(r?.organization_coordsys_id);
  const def = String(r?.definition ?? '');
  if ((org === 'EPSG' && code === 28992) || (r === undefined && layer.srsId === 28992) || /Amersfoort \/ RD New|"EPSG","28992"\]\s*\]\s*$/.test(def)) return 'EPSG:28992';
  if ((org === 'EPSG' && code === 4326) || (r === undefined && layer.srsId === 4326)) return 'EPSG:4326';
  const found = r === undefined
    ? `srs_id ${layer.srsId} (not in gpkg_spatial_ref_sys)`
    : `${org || '?'}:${Number.isFinite(code) ? code : '?'}${r.srs_name ? ` (${String(r.srs_name)})` : ''}`;
  throw new VeerkrachtError('unsupported coordinate reference system', {
    file, feature: `layer ${layer.name}`, column: 'gpkg_spatial_ref_sys', expected: 'RD New (EPSG:28992) or WGS84 (EPSG:4326)', found,
  });
}

function listLayers(layers: readonly GpkgLayer[]): string {
  return layers.map((l) => l.name).join(', ');
}

/**
 * Pick the layer to read: the named one (`layer`), else the one for the level (`buurt` →
 * `buurten`, or the only layer whose name holds `buurt`), else the only layer.
 *
 * @throws VeerkrachtError naming the layers when the choice is missing or matches none
 */
export function chooseGpkgLayer(layers: readonly GpkgLayer[], choice: { layer?: string; level?: RegionLevel }, file?: string): GpkgLayer {
  if (choice.layer !== undefined) {
    const want = choice.layer.toLowerCase();
    const l = layers.find((x) => x.name === choice.layer) ?? layers.find((x) => x.name.toLowerCase() === want);
    if (l) return l;
    throw new VeerkrachtError('layer not found', { file, column: 'layer', expected: `one of the layers ${listLayers(layers)}`, found: JSON.stringify(choice.layer) });
  }
  if (choice.level !== undefined && choice.level !== 'land') {
    const plural = GPKG_LEVEL_LAYERS[choice.level];
    const exact = layers.find((x) => x.name.toLowerCase() === plural);
    if (exact) return exact;
    const stem = choice.level === 'gemeente' ? 'gemeente' : choice.level;
    const holding = layers.filter((x) => x.name.toLowerCase().includes(stem));
    if (holding.length === 1) return holding[0];
    if (layers.length === 1) return layers[0];
    throw new VeerkrachtError(`no single layer for level ${choice.level}`, {
      file, column: 'layer', expected: `a layer "${plural}" or a layer name (--layer NAME): ${listLayers(layers)}`,
      found: holding.length > 1 ? `several layers: ${listLayers(holding)}` : 'none',
    });
  }
  if (layers.length === 1) return layers[0];
  throw new VeerkrachtError(`GeoPackage has ${layers.length} layers; choose one`, {
    file, column: 'layer', expected: `--layer NAME or a level (buurt → buurten, wijk → wijken, gemeente → gemeenten); layers: ${listLayers(layers)}`,
    found: 'no choice',
  });
}

/** True for the CBS `water` attribute marking a water-only area (`JA`). */
function isWater(properties: Record<string, unknown>, waterKey: string | undefined): boolean {
  if (waterKey === undefined) return false;
  const v = properties[waterKey];
  return typeof v === 'string' && v.trim().toUpperCase() === 'JA';
}

/** Options of {@link readGeoPackage}. */
export interface GpkgReadOptions {
  /** Layer (table) to read. */
  layer?: string;
  /** Level, to pick the layer by name (`buurt` → `buurten`). */
  level?: RegionLevel;
}

/**
 * Raw features of one GeoPackage layer, with its CRS label; water-only areas are marked
 * excluded (counted, never an error).
 *
 * @throws VeerkrachtError when the file is not a GeoPackage, the layer choice is missing or
 *   unknown, or the CRS is neither RD New nor WGS84
 */
export async function readGeoPackage(bytes: Uint8Array, provenance: Provenance, options: GpkgReadOptions = {}): Promise<RawBoundaries> {
  const file = provenance.file;
  if (!isSqliteFile(bytes)) {
    throw new VeerkrachtError('not a GeoPackage', { file, expected: 'a SQLite file (header "SQLite format 3")', found: 'other bytes' });
  }
  const SQL = await sqlite();
  let db: SqliteDatabase;
  try {
    db = new SQL.Database(bytes);
  } catch (e) {
    throw new VeerkrachtError('cannot open GeoPackage', { file, expected: 'a readable SQLite database', found: (e as Error).message });
  }
  try {
    let layers: GpkgLayer[];
    try {
      layers = gpkgLayers(db, file);
    } catch (e) {
      if (e instanceof VeerkrachtError) throw e;
      throw new VeerkrachtError('cannot read GeoPackage', { file, expected: 'a readable SQLite database', found: (e as Error).message });
    }
    const layer = chooseGpkgLayer(layers, options, file);
    const crsLabel = gpkgLayerCrs(db, layer, file);
    const features: RawFeature[] = [];
    let waterKey: string | undefined;
    const st = db.prepare(`SELECT * FROM ${quoteId(layer.name)}`);
    try {
      const cols = st.getColumnNames();
      const geomIndex = cols.findIndex((c) => c.toLowerCase() === layer.geometryColumn.toLowerCase());
      if (geomIndex < 0) {
        throw new VeerkrachtError('geometry column not found', {
          file, feature: `layer ${layer.name}`, column: layer.geometryColumn, expected: 'the column named in gpkg_geometry_columns', found: `columns ${cols.join(', ')}`,
        });
      }
      waterKey = cols.find((c) => c.toLowerCase() === 'water');
      const fidKey = cols.find((c) => c.toLowerCase() === 'fid');
      while (st.step()) {
        const row = st.get();
        const properties: Record<string, unknown> = {};
        cols.forEach((c, i) => {
          if (i !== geomIndex && !(row[i] instanceof Uint8Array)) properties[c] = row[i];
        });
        const g = parseGpkgGeometry(row[geomIndex]);
        const f: RawFeature = { properties, geometry: g.geometry };
        if (fidKey !== undefined && properties[fidKey] !== null) f.id = properties[fidKey];
        if (isWater(properties, waterKey)) f.excluded = { reason: 'water only (water = JA)', detail: `${waterKey} = ${JSON.stringify(properties[waterKey as string])}` };
        else if (g.problem) f.problem = g.problem;
        features.push(f);
      }
    } finally {
      st.free();
    }
    provenance.edition = `layer ${layer.name}`;
    return { features, crsLabel, provenance };
  } finally {
    db.close();
  }
}
