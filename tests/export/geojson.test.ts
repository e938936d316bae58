import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position } from 'geojson';
import * as proj4Import from 'proj4';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { geoJsonGeometries, geoJsonText, toGeoJson } from '../../src/export/geojson.js';
import { toTopoJson } from '../../src/export/topojson.js';
import { writeGeoJsonFile, writeTopoJsonFile } from '../../src/export/files.js';
import type { RegionFeature } from '../../src/sources/boundaries/types.js';
import { VeerkrachtError } from '../../src/util/errors.js';
import { RD_NEW_PROJ4 } from '../../src/geo/projection.js';

// The independent computation for the coordinates: proj4 itself, as toGeoJson used it before.
type Proj4 = (from: string, to: string) => { inverse(p: number[]): number[] };
const lib = proj4Import as unknown as { default?: Proj4 };
const proj4: Proj4 = typeof lib === 'function' ? (lib as unknown as Proj4) : (lib.default as Proj4);
const reference = proj4('EPSG:4326', RD_NEW_PROJ4);

function square(code: string, x: number, y: number, s: number, clockwise: boolean): RegionFeature {
  const ring: Position[] = [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [clockwise ? ring.slice().reverse() : ring] }, properties: { code, name: `Buurt ${code}` } };
}

/** Twice the signed area, counter-clockwise positive (independent shoelace). */
function area2(r: Position[]): number {
  let a = 0;
  for (let i = 0; i + 1 < r.length; i++) a += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
  return a;
}

describe('toGeoJson', () => {
  const rd = [square('BU03440111', 136000, 455000, 500, true), square('BU03440112', 136500, 455000, 500, false)];
  const attributes = new Map<string, Record<string, string | number | null>>([
    ['BU03440111', { dK: -1.25, dO: 0.031, categorie: 'veerkracht_onder_druk' }],
    ['BU03440112', { dK: Number.NaN, dO: null, categorie: 'onvoldoende_gegevens' }],
  ]);

  it('reprojects RD to WGS84 longitude/latitude, rounded to 6 decimals', () => {
    const fc = toGeoJson(rd, { crs: 'EPSG:28992', attributes });
    const p = (fc.features[0].geometry.coordinates as Position[][])[0][0];
    // RD (136000, 455000) lies in Utrecht, about 5.11 E, 52.08 N
    expect(p[0]).toBeGreaterThan(5.0);
    expect(p[0]).toBeLessThan(5.2);
    expect(p[1]).toBeGreaterThan(52.0);
    expect(p[1]).toBeLessThan(52.2);
    for (const f of fc.features) for (const r of f.geometry.coordinates as Position[][]) for (const q of r) {
      expect(Math.abs(q[0] * 1e6 - Math.round(q[0] * 1e6))).toBeLessThan(1e-6);
      expect(Math.abs(q[1] * 1e6 - Math.round(q[1] * 1e6))).toBeLessThan(1e-6);
    }
    expect('crs' in fc).toBe(false);
  });

  it('puts the RD origin at Amersfoort (published: 5.387206 E, 52.155174 N)', () => {
    const fc = toGeoJson([square('BU00010001', 155000, 463000, 100, false)], { crs: 'EPSG:28992' });
    const p = (fc.features[0].geometry.coordinates as Position[][])[0][0];
    expect(p[0]).toBeCloseTo(5.387206, 5);
    expect(p[1]).toBeCloseTo(52.155174, 5);
  });

  it('writes for every RD vertex exactly the proj4 position rounded to 6 decimals (neighbours sharing edges, across the country)', () => {
    // a 12 × 14 block of 100 m squares with shared edges in each of five places from Zeeland to Groningen,
    // counter-clockwise so no ring is reversed and far enough apart that no two vertices round together
    const features: RegionFeature[] = [];
    for (const [x0, y0] of [[30000.25, 385000.5], [121000, 487000], [155000, 463000], [176000.75, 317000.125], [233000, 582000]]) {
      for (let i = 0; i < 12; i++) for (let j = 0; j < 14; j++) features.push(square(`BU${features.length}`, x0 + 100 * i, y0 + 100 * j, 100, false));
    }
    const fc = toGeoJson(features, { crs: 'EPSG:28992' });
    const round = (v: number) => Math.round(v * 1e6) / 1e6;
    let n = 0;
    fc.features.forEach((f, fi) => {
      const input = (features[fi].geometry.coordinates as Position[][])[0];
      const output = (f.geometry.coordinates as Position[][])[0];
      expect(output.length).toBe(input.length);
      input.forEach((p, k) => {
        const r = reference.inverse([p[0], p[1]]);
        expect(output[k]).toEqual([round(r[0]), round(r[1])]);
        n++;
      });
    });
    expect(n).toBe(5 * 12 * 14 * 5);
  });

  it('orients exterior rings counter-clockwise (RFC 7946) whatever the input winding', () => {
    const fc = toGeoJson(rd, { crs: 'EPSG:28992' });
    for (const f of fc.features) expect(area2((f.geometry.coordinates as Position[][])[0])).toBeGreaterThan(0);
  });

  it('round-trips codes and values through a written file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-geojson-'));
    const file = join(dir, 'signalen.geojson');
    writeGeoJsonFile(file, toGeoJson(rd, { crs: 'EPSG:28992', attributes }));
    const back = JSON.parse(readFileSync(file, 'utf8'));
    expect(back.type).toBe('FeatureCollection');
    expect(back.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(['BU03440111', 'BU03440112']);
    expect(back.features[0].properties).toEqual({ code: 'BU03440111', name: 'Buurt BU03440111', dK: -1.25, dO: 0.031, categorie: 'veerkracht_onder_druk' });
    expect(back.features[1].properties.dK).toBeNull();
    expect(back.features[1].geometry.type).toBe('Polygon');
  });

  it('keeps WGS84 input and its holes (clockwise)', () => {
    const outer: Position[] = [[5, 52], [5.01, 52], [5.01, 52.01], [5, 52.01], [5, 52]];
    const hole: Position[] = [[5.002, 52.002], [5.004, 52.002], [5.004, 52.004], [5.002, 52.004], [5.002, 52.002]];
    const f: RegionFeature = { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[outer, hole]] }, properties: { code: 'BU00010001', name: null } };
    const fc = toGeoJson([f], { crs: 'EPSG:4326' });
    const rings = (fc.features[0].geometry.coordinates as Position[][][])[0];
    expect(rings[0][0]).toEqual([5, 52]);
    expect(area2(rings[0])).toBeGreaterThan(0);
    expect(area2(rings[1])).toBeLessThan(0);
  });

  it('rejects a non-finite coordinate with the feature code', () => {
    const bad = square('BU00010002', 0, 0, 1, false);
    (bad.geometry.coordinates as Position[][])[0][1] = [Number.NaN, 0];
    expect(() => toGeoJson([bad], { crs: 'EPSG:4326' })).toThrow(VeerkrachtError);
    expect(() => toGeoJson([bad], { crs: 'EPSG:4326' })).toThrow(/BU00010002/);
    // the same error from the geometry texts made ahead of time (from packed coordinates)
    expect(() => geoJsonGeometries([bad], { crs: 'EPSG:4326' })).toThrow(VeerkrachtError);
    expect(() => geoJsonGeometries([bad], { crs: 'EPSG:4326' })).toThrow(/BU00010002/);
  });
});

describe('toTopoJson', () => {
  it('shares the common edge and converts back to the same codes and properties', () => {
    const fc = toGeoJson([square('BU00010001', 5, 52, 0.01, false), square('BU00010002', 5.01, 52, 0.01, false)], { crs: 'EPSG:4326' });
    const dir = mkdtempSync(join(tmpdir(), 'vk-topo-'));
    writeTopoJsonFile(join(dir, 'b.topojson'), fc);
    const topo = JSON.parse(readFileSync(join(dir, 'b.topojson'), 'utf8'));
    expect(topo.type).toBe('Topology');
    const back = feature(topo, topo.objects.buurten) as unknown as { features: { properties: { code: string } }[] };
    expect(back.features.map((f) => f.properties.code)).toEqual(['BU00010001', 'BU00010002']);
    // two squares sharing one edge: 3 arcs (the shared edge once, one for each remaining outline)
    expect(topo.arcs.length).toBe(3);
    expect(toTopoJson(fc, { quantization: 1e5 }).transform).toBeDefined();
  });
});

describe('geoJsonText (the GeoJSON written feature by feature)', () => {
  it('is the text of JSON.stringify(toGeoJson(...)), also for none and for multipolygons', () => {
    const a = square('BU00010001', 155000, 463000, 200, false);
    const b = square('BU00010002', 155200, 463000, 200, true);
    const multi: RegionFeature = { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [a.geometry.coordinates as Position[][], b.geometry.coordinates as Position[][]] }, properties: { code: 'BU00010003', name: null } };
    const attributes = new Map([['BU00010001', { code: 'BU00010001', dK: 0.5, reden: null }]]);
    for (const features of [[], [a], [a, b, multi]]) {
      for (const crs of ['EPSG:28992', 'EPSG:4326'] as const) {
        const o = { crs, attributes };
        const text = [...geoJsonText(features, o)].join('');
        expect(text).toBe(JSON.stringify(toGeoJson(features, o)));
        expect(JSON.parse(text).features).toHaveLength(features.length);
      }
    }
  });
});
