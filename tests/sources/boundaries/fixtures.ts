/** Planted boundary files for the reader tests, written to a temporary folder. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'veerkracht-boundaries-'));
}

/** Write a file into `dir` and return its path. */
export function writeTemp(dir: string, name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** A closed axis-aligned rectangle ring (counter-clockwise). */
export function rectRing(x0: number, y0: number, x1: number, y1: number): number[][] {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
}

/** A polygon feature with the given properties. */
export function polygonFeature(properties: Record<string, unknown>, rings: unknown, id?: string) {
  return { type: 'Feature', ...(id ? { id } : {}), properties, geometry: { type: 'Polygon', coordinates: rings } };
}

/** A FeatureCollection (optionally with a legacy `crs` member). */
export function collection(features: unknown[], crsName?: string) {
  return {
    type: 'FeatureCollection',
    ...(crsName ? { crs: { type: 'name', properties: { name: crsName } } } : {}),
    features,
  };
}

/**
 * A minimal ESRI shapefile pair (.shp polygons + .dbf with character fields), after the ESRI
 * Shapefile Technical Description (1998) and the dBASE III format. Rings are written as given;
 * ESRI wants exteriors clockwise. `null` writes a null shape.
 */
export function writeShapefile(
  dir: string,
  stem: string,
  records: { rings: number[][][] | null; fields: Record<string, string> }[],
  prj?: string,
): string {
  const contents = records.map((r) => {
    if (r.rings === null) {
      const b = Buffer.alloc(4);
      b.writeInt32LE(0, 0);
      return b;
    }
    const pts = r.rings.flat();
    const b = Buffer.alloc(44 + 4 * r.rings.length + 16 * pts.length);
    b.writeInt32LE(5, 0);
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => b.writeDoubleLE(v, 4 + 8 * i));
    b.writeInt32LE(r.rings.length, 36);
    b.writeInt32LE(pts.length, 40);
    let start = 0;
    r.rings.forEach((ring, i) => {
      b.writeInt32LE(start, 44 + 4 * i);
      start += ring.length;
    });
    const off = 44 + 4 * r.rings.length;
    pts.forEach((p, i) => {
      b.writeDoubleLE(p[0], off + 16 * i);
      b.writeDoubleLE(p[1], off + 16 * i + 8);
    });
    return b;
  });
  const recs = contents.map((c, i) => {
    const h = Buffer.alloc(8);
    h.writeInt32BE(i + 1, 0);
    h.writeInt32BE(c.length / 2, 4);
    return Buffer.concat([h, c]);
  });
  const body = Buffer.concat(recs);
  const header = Buffer.alloc(100);
  header.writeInt32BE(9994, 0);
  header.writeInt32BE((100 + body.length) / 2, 24);
  header.writeInt32LE(1000, 28);
  header.writeInt32LE(5, 32);
  const all = records.flatMap((r) => (r.rings ?? []).flat());
  if (all.length > 0) {
    const xs = all.map((p) => p[0]);
    const ys = all.map((p) => p[1]);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => header.writeDoubleLE(v, 36 + 8 * i));
  }
  const shp = writeTemp(dir, `${stem}.shp`, Buffer.concat([header, body]));

  const names = Object.keys(records[0]?.fields ?? {});
  const widths = names.map((n) => Math.max(1, ...records.map((r) => Buffer.byteLength(r.fields[n] ?? '', 'latin1'))));
  const recLen = 1 + widths.reduce((a, b) => a + b, 0);
  const headLen = 32 + 32 * names.length + 1;
  const dbf = Buffer.alloc(headLen + recLen * records.length + 1, 0x20);
  dbf.fill(0, 0, headLen);
  dbf[0] = 0x03;
  dbf[1] = 124;
  dbf[2] = 1;
  dbf[3] = 1;
  dbf.writeUInt32LE(records.length, 4);
  dbf.writeUInt16LE(headLen, 8);
  dbf.writeUInt16LE(recLen, 10);
  names.forEach((n, i) => {
    const o = 32 + 32 * i;
    dbf.write(n.slice(0, 10), o, 'latin1');
    dbf[o + 11] = 'C'.charCodeAt(0);
    dbf[o + 16] = widths[i];
  });
  dbf[headLen - 1] = 0x0d;
  records.forEach((r, k) => {
    let o = headLen + k * recLen;
    dbf[o++] = 0x20;
    names.forEach((n, i) => {
      dbf.write((r.fields[n] ?? '').padEnd(widths[i], ' '), o, 'latin1');
      o += widths[i];
    });
  });
  dbf[dbf.length - 1] = 0x1a;
  writeTemp(dir, `${stem}.dbf`, dbf);
  if (prj !== undefined) writeTemp(dir, `${stem}.prj`, prj);
  return shp;
}

/** ESRI WKT of RD New as PDOK ships it in .prj files (abridged to what identifies it). */
export const PRJ_RD =
  'PROJCS["Amersfoort / RD New",GEOGCS["Amersfoort",DATUM["Amersfoort",SPHEROID["Bessel 1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Oblique_Stereographic"],PARAMETER["latitude_of_origin",52.15616055555555],PARAMETER["central_meridian",5.38763888888889],PARAMETER["scale_factor",0.9999079],PARAMETER["false_easting",155000],PARAMETER["false_northing",463000],UNIT["metre",1]]';

/** ESRI WKT of WGS84 geographic coordinates. */
export const PRJ_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
