import { describe, expect, it } from 'vitest';
import { readBoundaries } from '../../../src/sources/boundaries/read.js';
import { cpgEncoding } from '../../../src/sources/boundaries/shp-reader.js';
import { readAnyTable } from '../../../src/sources/registry.js';
import { planarArea } from '../../../src/geo/area.js';
import { rdToWgs84 } from '../../../src/geo/projection.js';
import { PRJ_RD, PRJ_WGS84, rectRing, tempDir, writeShapefile } from './fixtures.js';

// ESRI exteriors are clockwise: reverse our counter-clockwise rectangles
const cw = (x: number, y: number) => rectRing(x, y, x + 1000, y + 1000).reverse();
const dir = tempDir();

describe('ESRI shapefile boundaries', () => {
  it('reads polygons and dbf fields, RD New from the .prj', async () => {
    const shp = writeShapefile(dir, 'buurten_rd', [
      { rings: [cw(135000, 455000)], fields: { BU_CODE: 'BU03440101', BU_NAAM: 'Zuilen' } },
      { rings: [cw(136000, 455000), rectRing(136200, 455200, 136400, 455400)], fields: { BU_CODE: 'BU03440102', BU_NAAM: 'Ondiep' } },
      { rings: null, fields: { BU_CODE: 'BU03440103', BU_NAAM: 'Leeg' } },
    ], PRJ_RD);
    const b = await readBoundaries(shp);
    expect(b).toMatchObject({ crs: 'EPSG:28992', level: 'buurt', codeProperty: 'BU_CODE' });
    expect(b.provenance.kind).toBe('boundaries-shapefile');
    expect(b.features.map((f) => [f.properties.code, f.properties.name])).toEqual([['BU03440101', 'Zuilen'], ['BU03440102', 'Ondiep']]);
    expect(planarArea(b.features[1].geometry)).toBe(1e6 - 4e4); // the hole subtracts
    expect(b.report.dropped).toEqual([{ reason: 'empty geometry', count: 1, examples: ['feature 2 (BU03440103): geometry is null'] }]);
  });

  it('WGS84 from the .prj; a .prj that contradicts the coordinates is an error naming the .shp', async () => {
    const w = (x: number, y: number) => cw(x, y).map(rdToWgs84);
    const ok = writeShapefile(dir, 'wgs', [{ rings: [w(135000, 455000)], fields: { gm_code: 'GM0344' } }], PRJ_WGS84);
    expect(await readBoundaries(ok)).toMatchObject({ crs: 'EPSG:4326', level: 'gemeente' });
    const bad = writeShapefile(dir, 'rd_labelled_wgs', [{ rings: [cw(135000, 455000)], fields: { gm_code: 'GM0344' } }], PRJ_WGS84);
    await expect(readBoundaries(bad)).rejects.toThrow(`${bad}, column "crs": the CRS label says EPSG:4326 but the coordinates are not`);
    const none = writeShapefile(dir, 'noprj', [{ rings: [cw(135000, 455000)], fields: { gm_code: 'GM0344' } }]);
    expect((await readBoundaries(none)).crs).toBe('EPSG:28992');
  });

  it('is found by inspect and gives a table with code, level and area', async () => {
    const shp = writeShapefile(dir, 'inspect', [{ rings: [cw(135000, 455000)], fields: { BU_CODE: 'BU03440101' } }], PRJ_RD);
    const t = await readAnyTable(shp);
    expect(t.provenance.kind).toBe('boundaries-shapefile');
    expect(t.table.objects()[0]).toMatchObject({ code: 'BU03440101', level: 'buurt', area_km2: 1 });
  });

  it('reads dbf text as windows-1252 by default and as the .cpg says', async () => {
    const { writeFileSync } = await import('node:fs');
    const shp = writeShapefile(dir, 'names', [{ rings: [cw(135000, 455000)], fields: { BU_CODE: 'BU03440101', BU_NAAM: 'Zuilen-Oost é' } }], PRJ_RD);
    expect((await readBoundaries(shp)).features[0].properties.name).toBe('Zuilen-Oost é');
    writeFileSync(shp.replace(/shp$/, 'cpg'), '1252');
    expect((await readBoundaries(shp)).features[0].properties.name).toBe('Zuilen-Oost é');
    expect([cpgEncoding(''), cpgEncoding('UTF-8\n'), cpgEncoding('1252'), cpgEncoding('ISO-8859-1')]).toEqual(['windows-1252', 'utf-8', 'windows-1252', 'iso-8859-1']);
  });

  it('a missing .dbf is an error', async () => {
    const shp = writeShapefile(dir, 'nodbf', [{ rings: [cw(135000, 455000)], fields: { c: 'x' } }]);
    const { rmSync } = await import('node:fs');
    rmSync(shp.replace(/shp$/, 'dbf'));
    await expect(readBoundaries(shp)).rejects.toThrow(`${shp}: shapefile without its .dbf`);
  });
});
