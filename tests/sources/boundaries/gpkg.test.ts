import { beforeAll, describe, expect, it } from 'vitest';
import { thrownAsync as thrown } from '../../helpers/thrown.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
/// <reference path="../../../src/sources/boundaries/sqljs-ambient.d.ts" />
import initSqlJs from 'sql.js';
import { readBoundaries } from '../../../src/sources/boundaries/read.js';
import { parseGpkgGeometry } from '../../../src/sources/boundaries/gpkg-geometry.js';
import { detectFormat, readAnyTable } from '../../../src/sources/registry.js';
import { VeerkrachtError } from '../../../src/util/errors.js';
import { rectRing, tempDir } from './fixtures.js';
import { CBS_COLUMNS, ETRS_LAEA, gpkgBlob, gpkgPointBlob, writeGpkg, type LayerSpec } from './gpkg-fixtures.js';

const dir = tempDir();
const cbsPath = join(dir, 'wijkenbuurten_2023_v1.gpkg');

const B1 = [rectRing(135000, 455000, 136000, 455500)];
const B2 = [[rectRing(136000, 455000, 137000, 455500)], [rectRing(137500, 455000, 138000, 455200)]];
const B3 = [rectRing(135000, 455500, 136000, 456500), rectRing(135400, 455900, 135600, 456100).reverse()];
const truncated = gpkgBlob({ type: 'Polygon', coordinates: B1 }).slice(0, 60);

const cbsLayers: LayerSpec[] = [
  {
    name: 'gemeenten',
    columns: CBS_COLUMNS.gemeenten,
    rows: [
      { geom: { type: 'MultiPolygon', coordinates: [[rectRing(134000, 454000, 139000, 457000)]] }, gemeentecode: 'GM0344', gemeentenaam: 'Utrecht', water: 'NEE', aantal_inwoners: 367984 },
      { geom: { type: 'MultiPolygon', coordinates: [[rectRing(139000, 454000, 140000, 457000)]] }, gemeentecode: 'GM0344', gemeentenaam: 'Utrecht', water: 'JA', aantal_inwoners: -99997 },
    ],
  },
  {
    name: 'wijken',
    columns: CBS_COLUMNS.wijken,
    rows: [
      { geom: { type: 'MultiPolygon', coordinates: [[rectRing(134000, 454000, 139000, 457000)]] }, wijkcode: 'WK034401', wijknaam: 'Wijk 01 West', gemeentecode: 'GM0344', gemeentenaam: 'Utrecht', water: 'NEE', aantal_inwoners: 52000 },
      { geom: { type: 'MultiPolygon', coordinates: [[rectRing(139000, 454000, 140000, 457000)]] }, wijkcode: 'WK034499', wijknaam: 'Water', gemeentecode: 'GM0344', gemeentenaam: 'Utrecht', water: 'JA', aantal_inwoners: 0 },
    ],
  },
  {
    name: 'buurten',
    columns: CBS_COLUMNS.buurten,
    rows: [
      { geom: { type: 'Polygon', coordinates: B1, envelope: 1 }, buurtcode: 'BU03440101', buurtnaam: 'Binnenstad', wijkcode: 'WK034401', gemeentecode: 'GM0344', gemeentenaam: 'Utrecht', water: 'NEE', meest_voorkomende_postcode: '3511', aantal_inwoners: 1805, omgevingsadressendichtheid: 6021 },
      { geom: { type: 'MultiPolygon', coordinates: B2, littleEndian: false, envelope: 0, extra: 'z' }, buurtcode: 'BU03440102', buurtnaam: 'Hoog Catharijne', wijkcode: 'WK034401', gemeentecode: 'GM0344', gemeentenaam: 'Utrecht', water: 'NEE', meest_voorkomende_postcode: '3512', aantal_inwoners: 640, omgevingsadressendichtheid: 5100 },
      { geom: { type: 'Polygon', coordinates: B3, envelope: 2, extra: 'zm', wkbLittleEndian: false }, buurtcode: 'BU03440103', buurtnaam: 'Wittevrouwen', wijkcode: 'WK034401', gemeentecode: 'GM0344', gemeentenaam: 'Utrecht', water: 'NEE', meest_voorkomende_postcode: '3581', aantal_inwoners: 4400, omgevingsadressendichtheid: 4900 },
      { geom: { type: 'MultiPolygon', coordinates: [[rectRing(139000, 454000, 140000, 457000)]], envelope: 4, extra: 'm' }, buurtcode: 'BU03449999', buurtnaam: 'Water', wijkcode: 'WK034499', gemeentecode: 'GM0344', gemeentenaam: 'Utrecht', water: 'JA', aantal_inwoners: 0 },
      { geom: gpkgPointBlob(135100, 455100), buurtcode: 'BU03440104', buurtnaam: 'Punt', wijkcode: 'WK034401', gemeentecode: 'GM0344', water: 'NEE' },
      { geom: null, buurtcode: 'BU03440105', buurtnaam: 'Leeg', wijkcode: 'WK034401', gemeentecode: 'GM0344', water: 'NEE' },
      { geom: truncated, buurtcode: 'BU03440106', buurtnaam: 'Kapot', wijkcode: 'WK034401', gemeentecode: 'GM0344', water: 'NEE' },
    ],
  },
];

beforeAll(async () => {
  await writeGpkg(cbsPath, cbsLayers);
});

function droppedCount(b: { report: { dropped: { reason: string; count: number }[] } }, re: RegExp): number {
  return b.report.dropped.filter((d) => re.test(d.reason)).reduce((s, d) => s + d.count, 0);
}


describe('GeoPackage boundaries (CBS wijk- en buurtkaart layout)', () => {
  it('reads the buurten layer by level with codes, names, attributes and exact coordinates', async () => {
    const b = await readBoundaries(cbsPath, { level: 'buurt' });
    expect(b.level).toBe('buurt');
    expect(b.crs).toBe('EPSG:28992');
    expect(b.codeProperty).toBe('buurtcode');
    expect(b.provenance.kind).toBe('boundaries-gpkg');
    expect(b.provenance.edition).toBe('layer buurten');
    expect(b.features.map((f) => f.properties.code)).toEqual(['BU03440101', 'BU03440102', 'BU03440103']);
    expect(b.features.map((f) => f.properties.name)).toEqual(['Binnenstad', 'Hoog Catharijne', 'Wittevrouwen']);
    const p1 = b.features[0].properties;
    expect(p1.wijkcode).toBe('WK034401');
    expect(p1.meest_voorkomende_postcode).toBe('3511');
    expect(p1.aantal_inwoners).toBe(1805);
    expect(p1.geom).toBeUndefined();
    // little endian, xy envelope
    expect(b.features[0].geometry).toEqual({ type: 'Polygon', coordinates: B1 });
    // big endian header and WKB, no envelope, Z dropped, parts with alternating byte order
    expect(b.features[1].geometry).toEqual({ type: 'MultiPolygon', coordinates: B2 });
    // xyz envelope, ZM coordinates dropped, big-endian WKB after a little-endian header, a hole
    expect(b.features[2].geometry).toEqual({ type: 'Polygon', coordinates: B3 });
  });

  it('leaves water-only areas out and counts every feature', async () => {
    const b = await readBoundaries(cbsPath, { level: 'buurt' });
    expect(b.report.rowsRead).toBe(7);
    expect(b.report.rowsKept).toBe(3);
    expect(droppedCount(b, /water/)).toBe(1);
    expect(b.report.dropped.find((d) => /water/.test(d.reason))?.examples[0]).toMatch(/BU03449999/);
    expect(droppedCount(b, /not a polygon/)).toBe(1);
    expect(droppedCount(b, /empty geometry/)).toBe(1);
    expect(droppedCount(b, /unreadable GeoPackage geometry/)).toBe(1);
    expect(b.report.rowsKept + b.report.dropped.reduce((s, d) => s + d.count, 0)).toBe(b.report.rowsRead);
  });

  it('water areas are not an error even with strict, defects are', async () => {
    const e = await thrown(readBoundaries(cbsPath, { level: 'buurt', strict: true }));
    expect(e.message).toMatch(/wijkenbuurten_2023_v1\.gpkg, feature 4 \(BU03440104\)/);
    expect(e.message).toMatch(/not a polygon/);
  });

  it('chooses wijken and gemeenten by level; the water part of a gemeente is no duplicate', async () => {
    const w = await readBoundaries(cbsPath, { level: 'wijk' });
    expect(w.provenance.edition).toBe('layer wijken');
    expect(w.features.map((f) => f.properties.code)).toEqual(['WK034401']);
    expect(w.features[0].properties.name).toBe('Wijk 01 West');
    const g = await readBoundaries(cbsPath, { level: 'gemeente' });
    expect(g.features.map((f) => f.properties.code)).toEqual(['GM0344']);
    expect(g.features[0].properties.aantal_inwoners).toBe(367984);
    expect(g.report.dropped).toEqual([{ reason: 'water only (water = JA)', count: 1, examples: ['feature 1 (GM0344): water = "JA"'] }]);
  });

  it('reads an explicit layer and lists the layers when the choice is missing or unknown', async () => {
    const w = await readBoundaries(cbsPath, { layer: 'wijken' });
    expect(w.level).toBe('wijk');
    const none = await thrown(readBoundaries(cbsPath));
    expect(none.message).toMatch(/^.*wijkenbuurten_2023_v1\.gpkg.*3 layers/);
    expect(none.message).toContain('buurten, gemeenten, wijken');
    const bad = await thrown(readBoundaries(cbsPath, { layer: 'percelen' }));
    expect(bad.message).toContain('"percelen"');
    expect(bad.message).toContain('buurten, gemeenten, wijken');
  });

  it('reads a file with GDAL\'s spatial index (rtree virtual tables sql.js has no module for)', async () => {
    const p = join(dir, 'met_rtree.gpkg');
    await writeGpkg(p, cbsLayers, undefined, { rtree: true });
    const b = await readBoundaries(p, { level: 'buurt' });
    expect(b.features.map((f) => f.properties.code)).toEqual(['BU03440101', 'BU03440102', 'BU03440103']);
  });

  it('inspect reads a single-layer GeoPackage (Leefbaarometer-style) and names the kind', async () => {
    const p = join(dir, 'lbm3_buurt.gpkg');
    await writeGpkg(p, [{
      name: 'lbm3_buurt', columns: [['bu_code', 'TEXT'], ['bu_naam', 'TEXT']],
      rows: [
        { geom: { type: 'MultiPolygon', coordinates: [[rectRing(135000, 455000, 136000, 455500)]] }, bu_code: 'BU03440101', bu_naam: 'Binnenstad' },
        { geom: { type: 'MultiPolygon', coordinates: [[rectRing(136000, 455000, 137000, 455500)]] }, bu_code: 'BU03440102', bu_naam: 'Hoog Catharijne' },
      ],
    }]);
    expect(detectFormat(p).kind).toBe('boundaries-gpkg');
    const t = await readAnyTable(p);
    expect(t.table.numRows()).toBe(2);
    expect(t.table.array('code')).toEqual(['BU03440101', 'BU03440102']);
    // the multi-layer CBS file gives the list of layers, not "format not recognised"
    const e = await thrown(readAnyTable(cbsPath));
    expect(e.message).toContain('buurten, gemeenten, wijken');
  });

  it('takes WGS84 from gpkg_spatial_ref_sys and converts on request', async () => {
    const p = join(dir, 'wgs.gpkg');
    const ring = rectRing(5.10, 52.08, 5.12, 52.09);
    await writeGpkg(p, [{ name: 'buurten', columns: CBS_COLUMNS.buurten, srsId: 4326, rows: [{ geom: { type: 'Polygon', coordinates: [ring] }, buurtcode: 'BU03440101', water: 'NEE' }] }]);
    const b = await readBoundaries(p);
    expect(b.crs).toBe('EPSG:4326');
    expect(b.features[0].geometry.coordinates).toEqual([ring]);
    const rd = await readBoundaries(p, { crs: 'EPSG:28992' });
    const [x, y] = (rd.features[0].geometry.coordinates as number[][][])[0][0];
    // 5.10 E, 52.08 N lies near the Utrecht RD origin (155000, 463000): x ≈ 134 km, y ≈ 455 km
    expect(x).toBeGreaterThan(133000);
    expect(x).toBeLessThan(136000);
    expect(y).toBeGreaterThan(454000);
    expect(y).toBeLessThan(457000);
  });

  it('refuses another CRS with the file, layer and the code found', async () => {
    const p = join(dir, 'laea.gpkg');
    await writeGpkg(p, [{ name: 'buurten', columns: CBS_COLUMNS.buurten, srsId: 3035, rows: [{ geom: { type: 'Polygon', coordinates: B1 }, buurtcode: 'BU03440101' }] }], [ETRS_LAEA]);
    const e = await thrown(readBoundaries(p));
    expect(e.message).toMatch(/laea\.gpkg, feature layer buurten, column "gpkg_spatial_ref_sys": unsupported coordinate reference system/);
    expect(e.message).toContain('EPSG:3035');
    expect(e.message).toContain('EPSG:28992');
  });

  it('says what is wrong with a SQLite file that is not a GeoPackage, or a .gpkg that is no SQLite', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run('CREATE TABLE t (a INTEGER)');
    const p = join(dir, 'plain.gpkg');
    writeFileSync(p, db.export());
    db.close();
    expect((await thrown(readBoundaries(p))).message).toMatch(/plain\.gpkg: SQLite file is not a GeoPackage; expected the tables gpkg_contents/);
    const q = join(dir, 'text.gpkg');
    writeFileSync(q, 'buurtcode;naam\n');
    expect((await thrown(readBoundaries(q))).message).toMatch(/text\.gpkg: not a GeoPackage/);
  });
});

describe('parseGpkgGeometry', () => {
  it('flags an empty geometry and an extended blob instead of reading garbage', () => {
    const blob = gpkgBlob({ type: 'Polygon', coordinates: B1, envelope: 0 });
    const empty = blob.slice();
    empty[3] |= 0x10;
    expect(parseGpkgGeometry(empty).problem?.code).toBe('empty-geometry');
    const ext = blob.slice();
    ext[3] |= 0x20;
    expect(parseGpkgGeometry(ext).problem?.code).toBe('bad-geometry-blob');
    expect(parseGpkgGeometry(blob).srsId).toBe(28992);
  });

  it('reads the xym envelope and M coordinates', () => {
    const g = parseGpkgGeometry(gpkgBlob({ type: 'MultiPolygon', coordinates: B2, envelope: 3, extra: 'm' }));
    expect(g.geometry).toEqual({ type: 'MultiPolygon', coordinates: B2 });
  });

  it('reports a ring count beyond the blob as unreadable, not a RangeError', () => {
    const blob = gpkgBlob({ type: 'Polygon', coordinates: B1, envelope: 0 });
    // ring count (after header 8 + byte order 1 + type 4) set huge
    new DataView(blob.buffer).setUint32(13, 1_000_000, true);
    const g = parseGpkgGeometry(blob);
    expect(g.problem?.code).toBe('bad-geometry-blob');
    expect(g.problem?.detail).toMatch(/blob ends inside/);
  });
});
