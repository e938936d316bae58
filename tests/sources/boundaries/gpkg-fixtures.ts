/**
 * Build small GeoPackages with sql.js in the real layout (OGC 12-128r18 core tables and the CBS
 * wijk- en buurtkaart feature tables), with geometry blobs encoded here from the spec, not with
 * the reader's code.
 */
/// <reference path="../../../src/sources/boundaries/sqljs-ambient.d.ts" />
import initSqlJs from 'sql.js';
import { writeFileSync } from 'node:fs';

/** How to encode one geometry blob. */
export interface BlobSpec {
  /** Polygon (one exterior ring + holes) or MultiPolygon (parts). */
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
  /** GP header byte order (also used for the WKB unless `wkbLittleEndian` is set). Default true. */
  littleEndian?: boolean;
  wkbLittleEndian?: boolean;
  /** Envelope indicator 0 (none), 1 (xy), 2 (xyz), 3 (xym), 4 (xyzm). Default 1. */
  envelope?: 0 | 1 | 2 | 3 | 4;
  /** Extra ordinates per point: 'z', 'm', 'zm' (ISO WKB 1000/2000/3000 codes), written as `extra`. */
  extra?: 'z' | 'm' | 'zm';
  srsId?: number;
}

class Writer {
  private chunks: Buffer[] = [];
  u8(v: number) {
    this.chunks.push(Buffer.from([v]));
  }
  u32(v: number, le: boolean) {
    const b = Buffer.alloc(4);
    if (le) b.writeUInt32LE(v);
    else b.writeUInt32BE(v);
    this.chunks.push(b);
  }
  i32(v: number, le: boolean) {
    const b = Buffer.alloc(4);
    if (le) b.writeInt32LE(v);
    else b.writeInt32BE(v);
    this.chunks.push(b);
  }
  f64(v: number, le: boolean) {
    const b = Buffer.alloc(8);
    if (le) b.writeDoubleLE(v);
    else b.writeDoubleBE(v);
    this.chunks.push(b);
  }
  bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.chunks));
  }
}

function polygonWkb(w: Writer, rings: number[][][], le: boolean, extra: BlobSpec['extra']) {
  const add = extra === 'z' ? 1000 : extra === 'm' ? 2000 : extra === 'zm' ? 3000 : 0;
  w.u8(le ? 1 : 0);
  w.u32(3 + add, le);
  w.u32(rings.length, le);
  for (const r of rings) {
    w.u32(r.length, le);
    for (const [x, y] of r) {
      w.f64(x, le);
      w.f64(y, le);
      if (extra === 'z' || extra === 'm') w.f64(-7.5, le);
      if (extra === 'zm') {
        w.f64(12.25, le);
        w.f64(99, le);
      }
    }
  }
}

/** Encode a GeoPackage geometry blob (header, optional envelope, ISO WKB). */
export function gpkgBlob(spec: BlobSpec): Uint8Array {
  const le = spec.littleEndian ?? true;
  const wle = spec.wkbLittleEndian ?? le;
  const env = spec.envelope ?? 1;
  const w = new Writer();
  w.u8(0x47);
  w.u8(0x50);
  w.u8(0);
  w.u8((env << 1) | (le ? 1 : 0));
  w.i32(spec.srsId ?? 28992, le);
  const all = (spec.type === 'Polygon' ? [spec.coordinates as number[][][]] : (spec.coordinates as number[][][][])).flat(2);
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  if (env >= 1) for (const v of [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]) w.f64(v, le);
  if (env === 2 || env === 3) for (const v of [-10, 10]) w.f64(v, le);
  if (env === 4) for (const v of [-10, 10, 0, 1]) w.f64(v, le);
  const add = spec.extra === 'z' ? 1000 : spec.extra === 'm' ? 2000 : spec.extra === 'zm' ? 3000 : 0;
  if (spec.type === 'Polygon') polygonWkb(w, spec.coordinates as number[][][], wle, spec.extra);
  else {
    const parts = spec.coordinates as number[][][][];
    w.u8(wle ? 1 : 0);
    w.u32(6 + add, wle);
    w.u32(parts.length, wle);
    // each part carries its own byte order: alternate it to test that too
    parts.forEach((p, i) => polygonWkb(w, p, i % 2 === 0 ? wle : !wle, spec.extra));
  }
  return w.bytes();
}

/** A WKB Point blob with a GP header (something that is not a polygon). */
export function gpkgPointBlob(x: number, y: number): Uint8Array {
  const w = new Writer();
  for (const b of [0x47, 0x50, 0, 1]) w.u8(b);
  w.i32(28992, true);
  w.u8(1);
  w.u32(1, true);
  w.f64(x, true);
  w.f64(y, true);
  return w.bytes();
}

/** One feature row: attribute values by column plus the geometry blob (or raw bytes / null). */
export interface FeatureRow {
  geom: BlobSpec | Uint8Array | null;
  [column: string]: unknown;
}

/** A feature table in the CBS layout. */
export interface LayerSpec {
  name: string;
  /** Attribute columns with their SQL types, in order. */
  columns: [string, string][];
  rows: FeatureRow[];
  srsId?: number;
  geometryType?: string;
}

/** An entry of gpkg_spatial_ref_sys. */
export interface SrsSpec {
  srsId: number;
  name: string;
  organization: string;
  code: number;
  definition: string;
}

export const RD_NEW: SrsSpec = {
  srsId: 28992,
  name: 'Amersfoort / RD New',
  organization: 'EPSG',
  code: 28992,
  definition: 'PROJCS["Amersfoort / RD New",GEOGCS["Amersfoort",DATUM["Amersfoort",SPHEROID["Bessel 1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Oblique_Stereographic"],PARAMETER["latitude_of_origin",52.1561605555556],PARAMETER["central_meridian",5.38763888888889],PARAMETER["scale_factor",0.9999079],PARAMETER["false_easting",155000],PARAMETER["false_northing",463000],UNIT["metre",1],AUTHORITY["EPSG","28992"]]',
};

export const ETRS_LAEA: SrsSpec = {
  srsId: 3035, name: 'ETRS89-extended / LAEA Europe', organization: 'EPSG', code: 3035, definition: 'PROJCS["ETRS89-extended / LAEA Europe",AUTHORITY["EPSG","3035"]]',
};

/**
 * Write a GeoPackage with the given layers to `path` (the core tables with the three mandatory
 * spatial reference systems, plus `extraSrs`). With `rtree`, each layer also gets GDAL's spatial
 * index entries (an `rtree_<layer>_geom` virtual table, its trigger and the gpkg_extensions row),
 * written straight into the schema because sql.js has no rtree module, as a reader of a real
 * CBS file meets them.
 */
export async function writeGpkg(path: string, layers: LayerSpec[], extraSrs: SrsSpec[] = [RD_NEW], options: { rtree?: boolean } = {}): Promise<void> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('PRAGMA application_id = 1196444487');
  db.run('PRAGMA user_version = 10300');
  db.run(`CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
    organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)`);
  db.run(`CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
    description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
    CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))`);
  db.run(`CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
    srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
    CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
    CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))`);
  const srs: SrsSpec[] = [
    { srsId: -1, name: 'Undefined cartesian SRS', organization: 'NONE', code: -1, definition: 'undefined' },
    { srsId: 0, name: 'Undefined geographic SRS', organization: 'NONE', code: 0, definition: 'undefined' },
    { srsId: 4326, name: 'WGS 84 geodetic', organization: 'EPSG', code: 4326, definition: 'GEOGCS["WGS 84",AUTHORITY["EPSG","4326"]]' },
    ...extraSrs,
  ];
  for (const s of srs) db.run('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, NULL)', [s.name, s.srsId, s.organization, s.code, s.definition]);
  for (const l of layers) {
    const srsId = l.srsId ?? 28992;
    db.run('INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES (?, ?, ?, ?)', [l.name, 'features', l.name, srsId]);
    db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [l.name, 'geom', l.geometryType ?? 'MULTIPOLYGON', srsId]);
    const cols = l.columns.map(([n, t]) => `"${n}" ${t}`).join(', ');
    db.run(`CREATE TABLE "${l.name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom ${l.geometryType ?? 'MULTIPOLYGON'}, ${cols})`);
    const names = ['geom', ...l.columns.map(([n]) => n)];
    const sql = `INSERT INTO "${l.name}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
    for (const r of l.rows) {
      const g = r.geom === null ? null : r.geom instanceof Uint8Array ? r.geom : gpkgBlob({ srsId, ...r.geom });
      db.run(sql, [g, ...l.columns.map(([n]) => (r[n] ?? null) as string | number | null)]);
    }
  }
  if (options.rtree) {
    db.run(`CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,
      CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))`);
    db.run('PRAGMA writable_schema = ON');
    for (const l of layers) {
      const vt = `rtree_${l.name}_geom`;
      db.run("INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')", [l.name]);
      db.run("INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES ('table', ?, ?, 0, ?)", [vt, vt, `CREATE VIRTUAL TABLE "${vt}" USING rtree(id, minx, maxx, miny, maxy)`]);
      db.run("INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES ('trigger', ?, ?, 0, ?)", [
        `${vt}_insert`, l.name,
        `CREATE TRIGGER "${vt}_insert" AFTER INSERT ON "${l.name}" WHEN (new."geom" NOT NULL AND NOT ST_IsEmpty(NEW."geom")) BEGIN INSERT OR REPLACE INTO "${vt}" VALUES (NEW."fid", ST_MinX(NEW."geom"), ST_MaxX(NEW."geom"), ST_MinY(NEW."geom"), ST_MaxY(NEW."geom")); END`,
      ]);
    }
    db.run('PRAGMA writable_schema = OFF');
  }
  writeFileSync(path, db.export());
  db.close();
}

/** The attribute columns of the CBS wijk- en buurtkaart layers (a subset, names as CBS writes them). */
export const CBS_COLUMNS = {
  gemeenten: [['gemeentecode', 'TEXT'], ['gemeentenaam', 'TEXT'], ['water', 'TEXT'], ['aantal_inwoners', 'INTEGER']] as [string, string][],
  wijken: [['wijkcode', 'TEXT'], ['wijknaam', 'TEXT'], ['gemeentecode', 'TEXT'], ['gemeentenaam', 'TEXT'], ['water', 'TEXT'], ['aantal_inwoners', 'INTEGER']] as [string, string][],
  buurten: [
    ['buurtcode', 'TEXT'], ['buurtnaam', 'TEXT'], ['wijkcode', 'TEXT'], ['gemeentecode', 'TEXT'], ['gemeentenaam', 'TEXT'],
    ['water', 'TEXT'], ['meest_voorkomende_postcode', 'TEXT'], ['aantal_inwoners', 'INTEGER'], ['omgevingsadressendichtheid', 'INTEGER'],
  ] as [string, string][],
};
