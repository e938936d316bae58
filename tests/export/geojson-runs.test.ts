// The geometry texts of signalen.geojson made in runs of features by two threads (full
// resolution): each run read from a slice of the packed features, the runs put together again,
// gives the very bytes made at once, and so the same signalen.geojson.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { geoJsonBytes, geoJsonBytesOfRuns, geoJsonGeometries, geoJsonGeometriesPacked, geoJsonProperties, type GeoJsonGeometries, type GeoJsonRun } from '../../src/export/geojson.js';
import { packedOffsets, packedSlice, packFeatures } from '../../src/geo/transfer.js';
import { parseBoundaries } from '../../src/sources/boundaries/read.js';
import type { RegionFeature } from '../../src/geo/types.js';

const home = new URL('../..', import.meta.url).pathname;
const file = join(home, 'data/demo/geo/synthetisch_buurten_2019-2022_rd.geojson');
const demo = parseBoundaries(JSON.parse(readFileSync(file, 'utf8')), { file });
// a MultiPolygon with a hole among them, so that a run boundary falls on every kind of feature
const square = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const multi: RegionFeature = {
  type: 'Feature',
  properties: { code: 'BU09990001', name: 'Twee delen' },
  geometry: { type: 'MultiPolygon', coordinates: [[square(150000, 450000, 500), square(150100, 450100, 100).reverse()], [square(152000, 450000, 300)]] },
};
const features = [...demo.features.slice(0, 10), multi, ...demo.features.slice(10)];
const bytes = (g: Uint8Array | string) => Buffer.from(g as Uint8Array);

describe('geometry texts in runs', () => {
  it('packedSlice of packedOffsets gives each run of features exactly as packing that run alone', () => {
    const packed = packFeatures(features);
    const at = packedOffsets(packed);
    expect(at.structure[features.length]).toBe(packed.structure.length);
    expect(at.coordinates[features.length]).toBe(packed.coordinates.length);
    for (const [a, b] of [[0, 7], [7, 11], [10, 11], [11, features.length], [0, features.length]]) {
      const slice = packedSlice(packed, at, a, b);
      const alone = packFeatures(features.slice(a, b));
      expect([...slice.coordinates]).toEqual([...alone.coordinates]);
      expect([...slice.structure]).toEqual([...alone.structure]);
      expect(slice.properties).toEqual(alone.properties);
    }
  });

  const text = (features: readonly RegionFeature[], o: Parameters<typeof geoJsonBytes>[1]) => Buffer.concat([...geoJsonBytes(features, o)].map((p) => Buffer.from(p)));

  it('runs of any length, made from slices of the packed features, write the GeoJSON the texts made at once write, byte for byte', () => {
    for (const crs of ['EPSG:28992', 'EPSG:4326'] as const) {
      const plain = text(features, { crs });
      const whole = geoJsonGeometries(features, { crs });
      expect(text(features, { crs, geometries: whole }).equals(plain)).toBe(true);
      const packed = packFeatures(features);
      const at = packedOffsets(packed);
      for (const run of [1, 3, 7, 256]) {
        const parts: GeoJsonGeometries[] = [];
        for (let a = 0; a < features.length; a += run) parts.push(geoJsonGeometriesPacked(packedSlice(packed, at, a, Math.min(features.length, a + run)), { crs }));
        // each run's texts are the whole's, from the run's first feature on
        if (parts.length > 1) {
          expect(bytes(parts[1].bytes).equals(bytes(whole.bytes.subarray(whole.ends[run - 1], whole.ends[Math.min(features.length, 2 * run) - 1])))).toBe(true);
        }
        expect(text(features, { crs, geometries: parts }).equals(plain)).toBe(true);
        // an empty run among them changes nothing
        expect(text(features, { crs, geometries: [parts[0], geoJsonGeometries([], { crs }), ...parts.slice(1)] }).equals(plain)).toBe(true);
      }
    }
  });

  it('ignores runs made with other options or for other features (and writes the geometry itself)', () => {
    const crs = 'EPSG:28992' as const;
    const plain = text(features, { crs });
    const a = geoJsonGeometries(features.slice(0, 2), { crs });
    const wgs = geoJsonGeometries(features.slice(2), { crs: 'EPSG:4326' });
    const rest = geoJsonGeometries(features.slice(2), { crs });
    expect(text(features, { crs, geometries: [a, wgs] }).equals(plain)).toBe(true);
    expect(text(features, { crs, geometries: [a] }).equals(plain)).toBe(true);
    expect(text(features, { crs, geometries: [a, rest, a] }).equals(plain)).toBe(true);
    // and used when they fit: runs made from other coordinates (moved 1 km east) are written
    const east = (g: RegionFeature['geometry']) =>
      (g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(([x, y]) => [x + 1000, y])) }
        : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(([x, y]) => [x + 1000, y]))) }) as RegionFeature['geometry'];
    const moved = features.map((f) => ({ ...f, geometry: east(f.geometry) }));
    const movedRuns = [geoJsonGeometries(moved.slice(0, 2), { crs }), geoJsonGeometries(moved.slice(2), { crs })];
    const written = text(features, { crs, geometries: movedRuns });
    expect(written.equals(plain)).toBe(false);
    expect(written.equals(text(moved, { crs }))).toBe(true);
  });

  it('properties made ahead (geoJsonProperties) write the same file; made for other features they are not used', () => {
    const crs = 'EPSG:28992' as const;
    // attributes as the run gives them (a row per code, code first) and one code without any
    const attributes = new Map(features.slice(1).map((f, i) => [f.properties.code, { code: f.properties.code, k: i / 7, cat: i % 2 ? 'stijgt' : null, ok: i % 3 === 0 }]));
    const plain = text(features, { crs, attributes });
    expect(plain.toString('utf8')).toContain('"k":0.14285714285714285');
    const properties = geoJsonProperties(features, { attributes });
    expect(properties.map((p) => JSON.parse(p).code)).toEqual(features.map((f) => f.properties.code));
    expect(text(features, { crs, attributes, properties }).equals(plain)).toBe(true);
    // (one feature short: written from the attributes as without them)
    expect(text(features, { crs, attributes, properties: properties.slice(1) }).equals(plain)).toBe(true);
    // and used when they fit: made from other attributes, they are what is written
    const other = geoJsonProperties(features, { attributes: new Map() });
    const written = text(features, { crs, attributes, properties: other });
    expect(written.equals(plain)).toBe(false);
    expect(written.equals(text(features, { crs }))).toBe(true);
  });

  const textOfRuns = async (features: readonly RegionFeature[], o: Parameters<typeof geoJsonBytes>[1], runs: GeoJsonRun[]) => {
    async function* source() {
      for (const run of runs) {
        await new Promise((resolve) => setImmediate(resolve)); // (as they come from another thread)
        yield run;
      }
    }
    const pieces: Buffer[] = [];
    for await (const p of geoJsonBytesOfRuns(features, o, source())) pieces.push(Buffer.from(p)); // (each a view the next overwrites)
    return Buffer.concat(pieces);
  };

  it('written run by run as the runs come (geoJsonBytesOfRuns): the same bytes, a run without texts written here', async () => {
    const crs = 'EPSG:28992' as const;
    const attributes = new Map(features.map((f, i) => [f.properties.code, { code: f.properties.code, k: i / 3 }]));
    const properties = geoJsonProperties(features, { attributes });
    const plain = text(features, { crs, attributes });
    const packed = packFeatures(features);
    const at = packedOffsets(packed);
    for (const size of [1, 4, 256]) {
      const runs: GeoJsonRun[] = [];
      for (let a = 0, k = 0; a < features.length; a += size, k++) {
        const to = Math.min(features.length, a + size);
        // every third run failed elsewhere (null) or was made with other options: written here
        const texts = k % 3 === 1 ? null : geoJsonGeometriesPacked(packedSlice(packed, at, a, to), { crs: k % 3 === 2 ? 'EPSG:4326' : crs });
        runs.push({ from: a, to, texts });
      }
      expect((await textOfRuns(features, { crs, attributes, properties }, runs)).equals(plain)).toBe(true);
    }
    // with texts from other coordinates, those are what is written (they are used)
    const shift = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? [(c as number[])[0] + 1000, (c as number[])[1]] : (c as unknown[]).map(shift));
    const moved = features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: shift(f.geometry.coordinates) } })) as RegionFeature[];
    expect(text(moved, { crs }).equals(text(features, { crs }))).toBe(false);
    const one = await textOfRuns(features, { crs }, [{ from: 0, to: features.length, texts: geoJsonGeometries(moved, { crs }) }]);
    expect(one.equals(text(moved, { crs }))).toBe(true);
    // runs that skip features, or end short, are refused (no file with features missing)
    await expect(textOfRuns(features, { crs }, [{ from: 1, to: features.length, texts: null }])).rejects.toThrow(RangeError);
    await expect(textOfRuns(features, { crs }, [{ from: 0, to: 3, texts: null }])).rejects.toThrow(RangeError);
  });
});
