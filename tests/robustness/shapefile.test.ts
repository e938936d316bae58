/**
 * Damaged ESRI shapefiles through `inspect`: a .shp cut in the middle of a record, a missing .dbf,
 * a .dbf cut short, a .shp of only its header, an empty FeatureCollection. Each is one line, exit 1.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { rectRing, writeShapefile } from '../sources/boundaries/fixtures.js';
import { runCli } from '../helpers/cli.js';
import { join } from 'node:path';
import { tempDir } from './corpus.js';

const dir = tempDir();
const rd = (i: number) => [rectRing(120000 + i * 1000, 480000, 121000 + i * 1000, 481000).slice().reverse()];
const records = [0, 1, 2].map((i) => ({ rings: rd(i), fields: { BU_CODE: `BU036300${String(i).padStart(2, '0')}` } }));

async function run(path: string) {
  const r = await runCli(['inspect', path, '--json']);
  return { ...r, lines: r.err.trim() === '' ? 0 : r.err.trim().split('\n').length };
}

describe('damaged shapefiles', () => {
  it('an intact file reads three buurten (control)', async () => {
    const shp = writeShapefile(dir, 'ok', records);
    const r = await run(shp);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).report).toMatchObject({ rowsRead: 3, rowsKept: 3 });
  });
  it('a .shp cut inside its last record: one line naming the file and the feature', async () => {
    const shp = writeShapefile(dir, 'cut', records);
    truncateSync(shp, readFileSync(shp).length - 40);
    const r = await run(shp);
    expect(r.code).toBe(1);
    expect(r.lines).toBe(1);
    expect(r.err).toMatch(new RegExp(`^veerkracht inspect: ${shp}, feature 2: cannot read shapefile; expected ESRI shapefile polygons, found `));
  });
  it('a .shp without its .dbf: one line naming what is missing', async () => {
    const shp = writeShapefile(dir, 'nodbf', records);
    unlinkSync(shp.replace(/shp$/, 'dbf'));
    const r = await run(shp);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`veerkracht inspect: ${shp}: shapefile without its .dbf; expected a .dbf file beside the .shp, found none\n`);
  });
  it('a .shp of only its 100-byte header: no features, one line', async () => {
    const shp = writeShapefile(dir, 'headeronly', records);
    truncateSync(shp, 100);
    const r = await run(shp);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`veerkracht inspect: ${shp}: no features; expected at least one polygon with a region code, found an empty collection\n`);
  });
  it('a .dbf cut to its header while the .shp has three shapes: the missing attributes are named', async () => {
    const shp = writeShapefile(dir, 'shortdbf', records);
    const dbf = shp.replace(/shp$/, 'dbf');
    writeFileSync(dbf, readFileSync(dbf).subarray(0, 32 + 32 + 1));
    const r = await run(shp);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `veerkracht inspect: ${shp}: features have no properties at all; expected a region code property on each feature (for a shapefile: a complete .dbf beside the .shp), found 3 features without properties\n`,
    );
  });
  it('an empty GeoJSON FeatureCollection: no features, one line', async () => {
    const p = join(dir, 'empty.geojson');
    writeFileSync(p, '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[]}}]}'.replace(/\[\{.*\}\]/, '[]'));
    const r = await runCli(['moran', p, '--column', 'v']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`veerkracht moran: ${p}: no features; expected at least one polygon with a region code, found an empty collection\n`);
  });
});
