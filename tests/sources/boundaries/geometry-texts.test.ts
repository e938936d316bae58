import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createGeometryTextIndex, geometrySpans, parseWithGeometryTexts, rememberGeometryTexts, rememberGeometryTextsLater } from '../../../src/sources/boundaries/geometry-texts.js';
import { readBoundaries } from '../../../src/sources/boundaries/read.js';
import { createValidationMemo } from '../../../src/geo/validate.js';
import { thrownAsync } from '../../helpers/thrown.js';
import { tempDir, writeTemp } from './fixtures.js';

const X = 150000;
const Y = 450000;
const square = (x: number, d = 100) => ({ type: 'Polygon', coordinates: [[[X + x, Y], [X + x + d, Y], [X + x + d, Y + d], [X + x, Y + d], [X + x, Y]]] });

describe('geometry spans of a FeatureCollection text', () => {
  it('finds each feature’s geometry value, whatever the spacing, order and strings around it', () => {
    const text = ' { "type" : "FeatureCollection", "features" : [ {"properties":{"n":"a}\\"]{"},"geometry" : {"type":"Point","coordinates":[1,2]} },\n{"geometry":null,"type":"Feature"}, {"type":"Feature"} ] , "name": "x" } ';
    const spans = geometrySpans(Buffer.from(text))!;
    expect(Array.from(spans.subarray(4))).toEqual([-1, -1]);
    expect(text.slice(spans[0], spans[1])).toBe('{"type":"Point","coordinates":[1,2]}');
    expect(text.slice(spans[2], spans[3])).toBe('null');
    // braces inside strings, an escaped quote, nested objects
    const g = '{"type":"Polygon","note":"a}}\\"{","crs":{"p":{"q":"}"}},"coordinates":[[[0,0]]]}';
    const t2 = `{"features":[{"geometry":${g},"properties":{"s":"{"}},{"geometry":{"a":"}"}}]}`;
    const s2 = geometrySpans(Buffer.from(t2))!;
    expect(t2.slice(s2[0], s2[1])).toBe(g);
    expect(t2.slice(s2[2], s2[3])).toBe('{"a":"}"}');
    expect(JSON.parse(t2.slice(s2[0], s2[1]))).toMatchObject({ note: 'a}}"{' });
  });

  it('gives up on anything unusual: an escaped key, a duplicate key, a feature that is not an object, text after the end', () => {
    expect(geometrySpans(Buffer.from('{"features":[{"geom\\u0065try":{}}]}'))).toBeNull();
    expect(geometrySpans(Buffer.from('{"features":[],"features":[]}'))).toBeNull();
    expect(geometrySpans(Buffer.from('{"features":[{"geometry":{},"geometry":null}]}'))).toBeNull();
    expect(geometrySpans(Buffer.from('{"features":[null]}'))).toBeNull();
    expect(geometrySpans(Buffer.from('{"features":[{}]} x'))).toBeNull();
    expect(geometrySpans(Buffer.from('[1]'))).toBeNull();
    expect(geometrySpans(Buffer.from('{"type":"Topology","objects":{}}'))).toBeNull();
  });
});

describe('parsing a second year with the geometry texts of the first', () => {
  // random collections: geometries from a small pool (so that years share some), properties
  // with strings full of brackets, quotes and escapes, random spacing
  const geometry = fc.integer({ min: 0, max: 6 }).map((k) => (k === 6 ? null : square(k * 100, k % 2 ? 50 : 100)));
  const feature = fc.record({ code: fc.string(), geometry, note: fc.constantFrom('}', ']', '"{[', '\\', 'é', '') });
  const collection = fc.record({ features: fc.array(feature, { maxLength: 8 }), spaced: fc.boolean() }).map(({ features, spaced }) =>
    JSON.stringify(
      { type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', properties: { code: f.code, note: f.note }, geometry: f.geometry })) },
      null,
      spaced ? 1 : undefined,
    ),
  );

  it('gives exactly what JSON.parse gives, taking each shared geometry from the first year', () => {
    fc.assert(
      fc.property(collection, collection, fc.boolean(), (t1, t0, later) => {
        const index = createGeometryTextIndex();
        // now, or (as the run does) when the index is first looked in
        if (later) {
          rememberGeometryTextsLater(Buffer.from(t1), JSON.parse(t1), index);
          expect(index.texts.size).toBe(0);
        } else rememberGeometryTexts(Buffer.from(t1), JSON.parse(t1), index);
        const doc = parseWithGeometryTexts(Buffer.from(t0), index);
        expect(index.pending).toBeNull();
        if (doc !== null) expect(doc).toEqual(JSON.parse(t0));
        // a geometry is taken when its text is one of the first year's (spacing alike)
        const first = JSON.parse(t1).features.map((f: { geometry: unknown }) => JSON.stringify(f.geometry));
        const shared = JSON.parse(t0).features.filter((f: { geometry: unknown }) => f.geometry !== null && first.includes(JSON.stringify(f.geometry))).length;
        const sameSpacing = t0.includes('\n') === t1.includes('\n');
        if (sameSpacing) expect(index.reused).toBe(shared);
        if (sameSpacing && shared > 0) expect(doc).not.toBeNull();
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('a geometry text that differs in any one character from a known one is parsed, not taken', () => {
    const ring = Array.from({ length: 25 }, (_, k) => [X + k * 1.25, Y + (k % 3) * 0.5]);
    ring.push(ring[0]);
    const t1 = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }] });
    const index = createGeometryTextIndex();
    rememberGeometryTexts(Buffer.from(t1), JSON.parse(t1), index);
    const start = t1.indexOf('[[[');
    let changed = 0;
    for (let k = start; k < t1.length; k++) {
      const c = t1[k];
      if (c < '0' || c > '8') continue;
      const t0 = t1.slice(0, k) + String.fromCharCode(c.charCodeAt(0) + 1) + t1.slice(k + 1);
      const doc = parseWithGeometryTexts(Buffer.from(t0), index);
      expect(doc).toBeNull();
      changed++;
    }
    expect(changed).toBeGreaterThan(200);
    expect(parseWithGeometryTexts(Buffer.from(t1), index)).toEqual(JSON.parse(t1));
    expect(index.reused).toBe(1);
  });

  it('invalid JSON outside the shared geometries is the same error as without the index', async () => {
    const dir = tempDir();
    const t1 = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { buurtcode: 'BU00010001' }, geometry: square(0) }] });
    const bad = t1.replace('"BU00010001"}', '"BU00010001",}');
    const f1 = writeTemp(dir, 't1.geojson', t1);
    const f0 = writeTemp(dir, 't0.geojson', `\n\n${bad}`);
    const plain = await thrownAsync(readBoundaries(f0));
    const shared = { memo: createValidationMemo(), geometryTexts: createGeometryTextIndex() };
    await readBoundaries(f1, shared);
    const withIndex = await thrownAsync(readBoundaries(f0, shared));
    expect(withIndex.message).toBe(plain.message);
    expect(withIndex.message).toMatch(/invalid JSON/);
    expect(shared.geometryTexts.reused).toBe(0);
  });

  it('reads two years of a file through the index like two plain reads, parsing each shared geometry once', async () => {
    const dir = tempDir();
    const fcOf = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
    const feat = (code: string, geometry: unknown) => ({ type: 'Feature', properties: { buurtcode: code }, geometry });
    const f1 = writeTemp(dir, 't1.geojson', fcOf([feat('BU00010001', square(0)), feat('BU00010002', square(200)), feat('BU00010003', square(400))]));
    const f0 = writeTemp(dir, 't0.geojson', fcOf([feat('BU00010001', square(0)), feat('BU00010002', square(200, 90)), feat('BU00010003', square(400))]));
    const shared = { memo: createValidationMemo(), geometryTexts: createGeometryTextIndex() };
    const b1 = await readBoundaries(f1, shared);
    const b0 = await readBoundaries(f0, shared);
    expect(b1).toEqual(await readBoundaries(f1));
    expect(b0).toEqual(await readBoundaries(f0));
    expect(shared.geometryTexts.reused).toBe(2);
    expect(shared.memo).toMatchObject({ validated: 4, reused: 2 });
    expect(b0.features[0].geometry.coordinates).toBe(b1.features[0].geometry.coordinates);
    expect(b0.features[0].geometry).not.toBe(b1.features[0].geometry);
  });

  it('reads names beyond ASCII in the second year exactly (UTF-8 bytes are scanned, the rest decoded), in UTF-8 with or without BOM and in Windows-1252', async () => {
    const dir = tempDir();
    const names = ['Súdwest-Fryslân', 'Café ’t Hoekje — “oud”', 'IJsselmonde ĳ', 'Noord 🏠'];
    const feat = (code: string, name: string, geometry: unknown) => ({ type: 'Feature', properties: { buurtcode: code, buurtnaam: name }, geometry });
    const fcOf = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
    // a shared geometry with a non-ASCII member: not the plain form, parsed as text in both years
    const odd = { ...square(600), name: 'Gebied “Zuid” é' };
    const text1 = fcOf(names.map((n, i) => feat(`BU0001000${i}`, n, i === 3 ? odd : square(200 * i))));
    const text0 = fcOf(names.map((n, i) => feat(`BU0001000${i}`, `${n} (oud)`, i === 3 ? odd : square(200 * i, i === 1 ? 90 : 100))));
    const f1 = writeTemp(dir, 't1.geojson', text1);
    const cp1252 = Uint8Array.from([...'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"buurtcode":"BU00010000","buurtnaam":"Caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x20, 0x80], [...`"},"geometry":${JSON.stringify(square(0))}}]}`].map((c) => c.charCodeAt(0))));
    for (const [name, content] of [['t0.geojson', text0], ['t0-bom.geojson', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text0)])], ['t0-1252.geojson', cp1252]] as const) {
      const f0 = writeTemp(dir, name, content as string | Uint8Array);
      const shared = { memo: createValidationMemo(), geometryTexts: createGeometryTextIndex() };
      const b1 = await readBoundaries(f1, shared);
      const b0 = await readBoundaries(f0, shared);
      expect(b1).toEqual(await readBoundaries(f1));
      expect(b0).toEqual(await readBoundaries(f0));
      if (name !== 't0-1252.geojson') {
        expect(b0.features.map((f) => f.properties.buurtnaam)).toEqual(names.map((n) => `${n} (oud)`));
        // 0, 2 and 3 from the index (3 has a member beyond ASCII in its geometry: the same bytes
        // in both UTF-8 files); 1 differs
        expect(shared.geometryTexts.reused).toBe(3);
      } else {
        expect(b0.features[0].properties.buurtnaam).toBe('Café €');
        // not UTF-8: decoded and parsed whole, nothing taken by its bytes
        expect(shared.geometryTexts.reused).toBe(0);
      }
    }
  });
});
