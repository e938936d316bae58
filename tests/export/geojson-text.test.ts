import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geoJsonBytes, geoJsonGeometries, geoJsonText, type GeoJsonOptions } from '../../src/export/geojson.js';
import { rdToWgs84 } from '../../src/geo/projection.js';
import type { RegionFeature } from '../../src/sources/boundaries/types.js';
import { writeStaged } from '../../src/util/fs.js';
import { Rng } from '../../src/util/rng.js';

/**
 * The independent computation: the export written the plain way, as position arrays and property
 * objects turned into text by JSON.stringify (numbers by JavaScript's own number-to-string).
 * Rounding, dropping repeats, closing and orienting follow RFC 7946 and the module's contract.
 */
function referenceText(features: readonly RegionFeature[], o: GeoJsonOptions): string {
  const f = 10 ** (o.digits ?? 6);
  const ring = (r: Position[], exterior: boolean): Position[] => {
    const q: Position[] = [];
    for (const p of r) {
      const w = o.crs === 'EPSG:28992' ? rdToWgs84(p) : p;
      const pos = [Math.round(w[0] * f) / f, Math.round(w[1] * f) / f];
      const last = q[q.length - 1];
      if (last === undefined || last[0] !== pos[0] || last[1] !== pos[1]) q.push(pos);
    }
    if (q[0][0] !== q[q.length - 1][0] || q[0][1] !== q[q.length - 1][1]) q.push([q[0][0], q[0][1]]);
    let a = 0;
    for (let i = 0, n = q.length, j = n - 1; i < n; j = i++) a += (q[j][0] - q[i][0]) * (q[j][1] + q[i][1]);
    return a > 0 === exterior ? q : q.reverse();
  };
  const poly = (rings: Position[][]) => rings.map((r, i) => ring(r, i === 0));
  const clean = (v: unknown) =>
    v === undefined || v === null ? null : typeof v === 'number' ? (Number.isFinite(v) ? v : null) : typeof v === 'string' || typeof v === 'boolean' ? v : String(v);
  return JSON.stringify({
    type: 'FeatureCollection',
    features: features.map((ft) => {
      const g = ft.geometry;
      const props: Record<string, unknown> = { code: ft.properties.code, name: clean(ft.properties.name) };
      const extra = o.attributes?.get(ft.properties.code) ?? {};
      for (const k of Object.keys(extra)) if (k !== 'code') props[k] = clean(extra[k]);
      return {
        type: 'Feature',
        geometry: g.type === 'Polygon' ? { type: 'Polygon', coordinates: poly(g.coordinates) } : { type: 'MultiPolygon', coordinates: g.coordinates.map(poly) },
        properties: props,
      };
    }),
  });
}

/** Deterministic uniform numbers in [0, 1). */
function random(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.uniform();
}

/** Features whose rings hold the given coordinate values in order, `size` positions a ring. */
function featuresOf(values: readonly number[], size: number): RegionFeature[] {
  const out: RegionFeature[] = [];
  for (let i = 0; i + 2 * size <= values.length; i += 2 * size) {
    const ring: Position[] = [];
    for (let k = 0; k < size; k++) ring.push([values[i + 2 * k], values[i + 2 * k + 1]]);
    out.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { code: `BU${out.length}`, name: null } });
  }
  return out;
}

const text = (features: readonly RegionFeature[], o: GeoJsonOptions) => [...geoJsonText(features, o)].join('');

describe('geoJsonText writes every coordinate as JSON.stringify(Math.round(v · 10^d) / 10^d)', () => {
  it('on two million random longitudes and latitudes (6 decimals), rings in both orientations', () => {
    const r = random(1);
    const values: number[] = [];
    for (let i = 0; i < 2_000_000; i++) {
      // whole degrees to the full double, both signs; some with few decimals (trailing zeros)
      const v = (r() - 0.5) * 360;
      const cut = r();
      values.push(cut < 0.1 ? Math.round(v) : cut < 0.3 ? Math.round(v * 1000) / 1000 : cut < 0.4 ? Math.round(v * 1e5) / 1e5 : v);
    }
    const features = featuresOf(values, 1000);
    expect(features).toHaveLength(1000);
    expect(text(features, { crs: 'EPSG:4326' })).toBe(referenceText(features, { crs: 'EPSG:4326' }));
  });

  it('on edge values: .5 ties, −0, 0.1 + 0.2, just below powers of ten, tiny, huge and the 2^31 boundary', () => {
    const edges: number[] = [0, -0, 0.1 + 0.2, -(0.1 + 0.2), 0.3, 1 / 3, -2 / 3, 5e-7, -5e-7, 4.999999e-7, -4.999999e-7, 1e-6, -1e-6, 1.5e-6, 5e-324, -5e-324];
    for (let k = -6; k <= 22; k++) {
      const p = 10 ** k;
      edges.push(p, -p, p - 5e-7, p - 4.9999999e-7, p - 1e-6, -(p - 5e-7), p + 5e-7, p * (1 - Number.EPSILON), -p * (1 - Number.EPSILON));
    }
    // n = Math.round(v · 1e6) at and around ±2^31, where the digits are no longer written by hand
    for (const n of [2 ** 31 - 2, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1, 2 ** 32]) for (const s of [1, -1]) edges.push((s * n) / 1e6, (s * n + 0.5) / 1e6, (s * n - 0.5) / 1e6);
    edges.push(1e15, -1e15, 1e21, -1e21, 1.7976931348623157e308, -1.7976931348623157e308);
    const r = random(2);
    // exact ties at every decimal place, both signs
    for (let i = 0; i < 100_000; i++) {
      const k = Math.floor(r() * 1e9) * (r() < 0.5 ? -1 : 1);
      edges.push((k + 0.5) / 1e6, (k + 0.5) / 10 ** Math.floor(r() * 7));
    }
    // each value twice in a ring, as [e, 3i + 1] and [3i + 2, e]: no two positions in a row equal
    const values: number[] = [];
    edges.forEach((e, i) => values.push(e, 3 * (i % 1000) + 1, 3 * (i % 1000) + 2, e));
    const features = featuresOf(values, 2000);
    expect(features.length).toBe(200);
    for (const digits of [0, 1, 3, 6, 7, 10]) {
      const o: GeoJsonOptions = { crs: 'EPSG:4326', digits };
      expect(text(features, o), `digits ${digits}`).toBe(referenceText(features, o));
    }
  });

  it('on random values at every number of decimals from 0 to 7, and up to 2^31 units', () => {
    const r = random(3);
    for (let digits = 0; digits <= 7; digits++) {
      const values: number[] = [];
      for (let i = 0; i < 200_000; i++) values.push((r() - 0.5) * 2 ** (1 + Math.floor(r() * 32)) / 10 ** digits);
      const features = featuresOf(values, 50);
      const o: GeoJsonOptions = { crs: 'EPSG:4326', digits };
      expect(text(features, o), `digits ${digits}`).toBe(referenceText(features, o));
    }
  });
});

describe('geoJsonText text and pieces', () => {
  it('writes RD input as the reprojected positions, `null` where the projection gives no number', () => {
    const r = random(4);
    const features: RegionFeature[] = [];
    for (let i = 0; i < 300; i++) {
      const x0 = 10000 + r() * 270000;
      const y0 = 310000 + r() * 300000;
      const ring: Position[] = [];
      for (let k = 0; k < 40; k++) ring.push([x0 + 500 * Math.cos(k / 6.4) + r(), y0 + 500 * Math.sin((r() < 0.5 ? 1 : -1) * k / 6.4) + r()]);
      features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { code: `BU${i}`, name: `Buurt ${i}` } });
    }
    // finite RD coordinates far outside the projection's domain: NaN degrees, written as null
    features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[1e300, 1], [1e300, 2], [2e300, 3], [1e300, 1]]] }, properties: { code: 'BUX', name: null } });
    const o: GeoJsonOptions = { crs: 'EPSG:28992' };
    const t = text(features, o);
    expect(t).toBe(referenceText(features, o));
    expect(t).toContain('[null,null]');
  });

  it('keeps multipolygons, holes and property text beyond Latin-1, in pieces of text and of UTF-8 bytes', () => {
    const square = (x: number, y: number, s: number): Position[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
    const features: RegionFeature[] = [];
    const names = ['Ĳsselmonde', 'Café ’t Hoekje', 'Zuid 🌷', 'Łódź', 'Noord', 'lone \ud800 surrogate', 'é'];
    for (let i = 0; i < 5000; i++) {
      const x = 4 + (i % 70) * 0.01;
      const y = 51 + Math.floor(i / 70) * 0.01;
      const geometry: RegionFeature['geometry'] =
        i % 3 === 0
          ? { type: 'MultiPolygon', coordinates: [[square(x, y, 0.004), square(x + 0.001, y + 0.001, 0.001).reverse()], [square(x + 0.005, y, 0.004)]] }
          : { type: 'Polygon', coordinates: [square(x, y, 0.009).reverse()] };
      features.push({ type: 'Feature', geometry, properties: { code: `BU${i}`, name: i % 10 === 0 ? names[(i / 10) % names.length] : null } });
    }
    // one ring of 200,000 positions: more text than one piece holds
    const big: Position[] = [];
    for (let k = 0; k < 200_000; k++) big.push([5 + Math.cos((2 * Math.PI * k) / 200_000), 52 + Math.sin((2 * Math.PI * k) / 200_000)]);
    features.splice(2500, 0, { type: 'Feature', geometry: { type: 'Polygon', coordinates: [big] }, properties: { code: 'BUBIG', name: 'Groot' } });
    const attributes = new Map<string, Record<string, string | number | boolean | null | undefined>>([
      ['BU1', { code: 'BU1', name: 'Andere naam', dK: Number.NaN, dO: Number.POSITIVE_INFINITY, focus: true, leeg: undefined, reden: 'één € twee' }],
      ['BU2', { dK: -0.000001, categorie: 'geen_signaal' }],
    ]);
    const o: GeoJsonOptions = { crs: 'EPSG:4326', attributes };
    const pieces = [...geoJsonText(features, o)];
    expect(pieces.length).toBeGreaterThanOrEqual(2);
    const expected = referenceText(features, o);
    expect(pieces.join('')).toBe(expected);
    // the bytes, each piece ending at a feature, as the run writes them
    let whole = 0;
    for (const piece of geoJsonBytes(features, o)) {
      expect(piece.toString('utf8').startsWith(whole === 0 ? '{"type":"FeatureCollection"' : ',{"type":"Feature"')).toBe(true);
      whole++;
    }
    expect(whole).toBe(pieces.length);
    const file = join(mkdtempSync(join(tmpdir(), 'vk-geojson-text-')), 'signalen.geojson');
    writeStaged(file, geoJsonBytes(features, o));
    expect(readFileSync(file).equals(Buffer.from(expected, 'utf8'))).toBe(true);
    // with the geometry texts made ahead of time (as the CLI's worker does): the same bytes
    const geometries = geoJsonGeometries(features, o);
    expect(geometries.count).toBe(features.length);
    writeStaged(file, geoJsonBytes(features, { ...o, geometries }));
    expect(readFileSync(file).equals(Buffer.from(expected, 'utf8'))).toBe(true);
    // made for other features or other options they are not used
    // (each piece copied before the next overwrites it)
    const joined = (g: GeoJsonOptions['geometries']) => Buffer.concat(Array.from(geoJsonBytes(features, { ...o, geometries: g }), (b) => Buffer.from(b)));
    expect(joined(geoJsonGeometries(features.slice(1), o)).equals(Buffer.from(expected, 'utf8'))).toBe(true);
    expect(joined(geoJsonGeometries(features, { ...o, digits: 3 })).equals(Buffer.from(expected, 'utf8'))).toBe(true);
  });

  it('writes the properties as the JSON of code, name and the cleaned attributes, whatever their shape', () => {
    const square: Position[] = [[5, 52], [5.01, 52], [5.01, 52.01], [5, 52.01], [5, 52]];
    const shapes: Record<string, unknown>[] = [
      { code: 'BU0', dK: 1.5, dO: -0, c: 'geen_signaal', f: true, r: null },
      { code: 'BU1', dK: Number.NaN, dO: Number.NEGATIVE_INFINITY, leeg: undefined },
      { code: 'BU2', name: 'eigen naam', dK: 2 },
      { dK: 3, code: 'BU3' },
      { code: 'BU4', 2019: 'jaar', 7: 'zeven', dK: 4 },
      JSON.parse('{"code":"BU5","__proto__":"weg","dK":5}'),
      { code: 'BU6', datum: new Date(0), lijst: [1, 2], dK: 6 },
      { code: 'BU7', toJSON: () => 'anders' },
      Object.assign(Object.create({ toJSON: () => 'geërfd' }), { code: 'BU8', dK: 8 }),
      { code: 8, dK: 9 },
      { code: 'BU10' },
      { code: 'BU11', 'met "aanhalingstekens"': 'a\\b\n', emoji: '🌷', z: 1e21, k: 5e-7 },
    ];
    const features: RegionFeature[] = shapes.map((_, i) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [square] }, properties: { code: `BU${i}`, name: i % 2 ? `Buurt ${i}` : null } }));
    features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [square] }, properties: { code: 'BU99', name: 'zonder attributen' } });
    const attributes = new Map(shapes.map((a, i) => [`BU${i}`, a as Record<string, string | number | null>]));
    const o: GeoJsonOptions = { crs: 'EPSG:4326', attributes };
    expect(text(features, o)).toBe(referenceText(features, o));
  });
});
