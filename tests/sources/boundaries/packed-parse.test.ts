// The packing reader of GeoJSON FeatureCollections must give exactly JSON.parse's document (the
// same doubles, -0 included) and exactly packFeatures' layout of it, on real CBS files, planted
// unusual geometries and random number texts; anything it cannot read is left to JSON.parse.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePacking } from '../../../src/sources/boundaries/packed-parse.js';
import { packFeatures } from '../../../src/geo/transfer.js';
import type { RegionFeature } from '../../../src/geo/types.js';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { readBoundaries } from '../../../src/sources/boundaries/read.js';
import { sharedData } from '../../helpers/shared.js';
import { tempDir, writeTemp } from './fixtures.js';

/** parsePacking(text) against JSON.parse(text) and packFeatures of its features. */
function check(text: string): ReturnType<typeof parsePacking> {
  const r = parsePacking(Buffer.from(text));
  expect(r).not.toBeNull();
  const doc = JSON.parse(text) as { features: RegionFeature[] };
  expect(isDeepStrictEqual(r!.doc, doc)).toBe(true);
  if (r!.packed !== null) {
    const p = packFeatures(doc.features);
    expect(r!.packed.features).toBe(doc.features.length);
    expect(Array.from(r!.packed.structure)).toEqual(Array.from(p.structure));
    // Object.is per number: -0 and NaN told apart as JSON.parse makes them
    const a = r!.packed.coordinates;
    const b = p.coordinates;
    expect(a.length).toBe(b.length);
    let same = true;
    for (let i = 0; i < a.length && same; i++) same = Object.is(a[i], b[i]);
    expect(same).toBe(true);
  }
  return r;
}

const fcText = (geometries: string[], extra = '') =>
  `{"type":"FeatureCollection"${extra},"features":[${geometries.map((g, i) => `{"type":"Feature","properties":{"buurtcode":"BU0001000${i}","n":"a]}\\"{"},"geometry":${g}}`).join(',')}]}`;

describe('parsePacking', () => {
  it('reads the real CBS buurten and wijken of Utrecht exactly as JSON.parse, packed as packFeatures packs them', () => {
    for (const f of ['geo/buurten_2023_GM0344_utrecht_wgs84.geojson', 'geo/wijken_2023_GM0344_utrecht_wgs84.geojson']) {
      const r = check(readFileSync(sharedData(f), 'utf8'));
      expect(r!.packed).not.toBeNull();
      expect(r!.packed!.coordinates.length).toBeGreaterThan(100);
    }
  });

  it('reads the real national wijken (as GeoJSON, 3,000+ features with MultiPolygons) exactly as JSON.parse', () => {
    const topo = JSON.parse(readFileSync(sharedData('geo/wijken_2023_nl_wgs84.topojson'), 'utf8')) as Topology;
    const name = Object.keys(topo.objects)[0];
    const fc = topoFeature(topo, topo.objects[name] as GeometryCollection) as unknown as { features: RegionFeature[] };
    expect(fc.features.length).toBeGreaterThan(3000);
    expect(fc.features.some((f) => f.geometry?.type === 'MultiPolygon')).toBe(true);
    const r = check(JSON.stringify({ type: 'FeatureCollection', features: fc.features }));
    expect(r!.packed).not.toBeNull();
  });

  it('keeps MultiPolygons and Polygons apart in a long file (the packed structure grows while it is read)', () => {
    const ring = (x: number) => `[[${x},0],[${x + 1},0],[${x + 1},1],[${x},0]]`;
    // 3,000 features, every third a MultiPolygon of two parts: well past the first 1,024 structure entries
    const geometries = Array.from({ length: 3000 }, (_, i) =>
      i % 3 === 2 ? `{"type":"MultiPolygon","coordinates":[[${ring(i)}],[${ring(i + 0.5)}]]}` : `{"type":"Polygon","coordinates":[${ring(i)}]}`,
    );
    const r = check(fcText(geometries));
    const types = (r!.doc as { features: RegionFeature[] }).features.map((f) => f.geometry.type);
    expect(types.filter((t) => t === 'MultiPolygon').length).toBe(1000);
    expect(types[2999]).toBe('MultiPolygon');
  });

  it('takes Polygon and MultiPolygon in any JSON spacing, and reads every other geometry through JSON.parse', () => {
    const ring = '[[150000,450000],[150100.5,450000],[150100.5,450100.25],[150000,450000]]';
    check(fcText([`{"type":"Polygon","coordinates":[${ring}]}`, ` {\n "type" : "MultiPolygon" ,\t"coordinates" : [ [ ${ring} , ${ring} ] , [${ring}] ] } `]));
    // other member order, a bbox, three numbers a position, an escaped key, a hole-less empty polygon
    const odd = [
      `{"coordinates":[${ring}],"type":"Polygon"}`,
      `{"type":"Polygon","bbox":[0,0,1,1],"coordinates":[${ring}]}`,
      '{"type":"Polygon","coordinates":[[[0,0,5],[1,0,5],[1,1,5],[0,0,5]]]}',
      `{"type":"Polygon","coordin\\u0061tes":[${ring}]}`,
      '{"type":"Polygon","coordinates":[]}',
      '{"type":"MultiPolygon","coordinates":[[]]}',
      'null',
    ];
    const r = check(fcText(odd));
    expect(r!.packed).not.toBeNull();
    // a Point makes the file's packing unusable (the reader drops that feature), not its document
    const p = check(fcText([`{"type":"Polygon","coordinates":[${ring}]}`, '{"type":"Point","coordinates":[1,2]}']));
    expect(p!.packed).toBeNull();
    // a feature without geometry member: kind 0, as packFeatures packs a missing geometry
    check('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{}},{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}');
  });

  it('converts every JSON number text to the double JSON.parse gives', () => {
    const texts = [
      '0', '-0', '-0.0', '0.000123', '1.50', '123456789012345', '1234567890123456', '12345678901234567890',
      '0.1', '0.30000000000000004', '5.123456789012345678', '1E5', '1e-7', '-2.5E+3', '9007199254740993',
      '0.0000000000000000000001', '0.00000000000000000000001', '1.7976931348623157e308', '5e-324', '155000.0000001',
    ];
    const position = (a: string, b: string) => `[${a},${b}]`;
    const rings = texts.map((t) => `[${position(t, '1')},${position('2', t)},${position(t, t)},${position(t, '1')}]`);
    check(fcText(rings.map((r) => `{"type":"Polygon","coordinates":[${r}]}`)));
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 2, maxLength: 40 }), fc.integer({ min: 0, max: 9 }), (values, digits) => {
        // as JSON.stringify writes them and as fixed decimals (trailing zeros kept)
        const forms = values.map((v, i) => (i % 2 === 0 ? JSON.stringify(v) : Math.abs(v) < 1e15 ? v.toFixed(digits) : String(v)));
        const positions = [];
        for (let i = 0; i + 1 < forms.length; i += 2) positions.push(`[${forms[i]},${forms[i + 1]}]`);
        const r = parsePacking(Buffer.from(fcText([`{"type":"Polygon","coordinates":[[${positions.join(',')}]]}`])));
        const doc = JSON.parse(fcText([`{"type":"Polygon","coordinates":[[${positions.join(',')}]]}`]));
        return r !== null && isDeepStrictEqual(r.doc, doc);
      }),
      { numRuns: 400 },
    );
  });

  it('reads the UTF-8 bytes with the rest decoded: names beyond ASCII as JSON.parse reads the text', () => {
    const ring = '[[150000,450000],[150100.5,450000],[150100.5,450100.25],[150000,450000]]';
    const text = `{"type":"FeatureCollection","name":"Súdwest-Fryslân","features":[${['Café ’t Hoekje', 'IJsselmonde ĳ', 'Noord 🏠']
      .map((n, i) => `{"type":"Feature","properties":{"buurtcode":"BU0001000${i}","buurtnaam":${JSON.stringify(n)}},"geometry":${i === 1 ? `{"type":"Polygon","naam":"Zuid — é","coordinates":[${ring}]}` : `{"type":"Polygon","coordinates":[${ring}]}`}}`)
      .join(',')}]}`;
    const bytes = Buffer.from(text, 'utf8');
    const r = parsePacking(bytes);
    expect(r).not.toBeNull();
    expect(isDeepStrictEqual(r!.doc, JSON.parse(text))).toBe(true);
    expect(Array.from(r!.packed!.coordinates)).toEqual(Array.from(packFeatures((JSON.parse(text) as { features: RegionFeature[] }).features).coordinates));
  });

  it('leaves text that is not plainly a valid FeatureCollection to JSON.parse (null)', () => {
    const ring = (n: string) => `[[${n},0],[1,0],[1,1],[${n},0]]`;
    for (const n of ['01', '1.', '.5', '-', '1e', '+1', '0x10', 'NaN']) {
      expect(parsePacking(Buffer.from(fcText([`{"type":"Polygon","coordinates":[${ring(n)}]}`])))).toBeNull();
    }
    expect(parsePacking(Buffer.from(fcText(['{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0],]]}'])))).toBeNull();
    expect(parsePacking(Buffer.from('{"type":"Topology","objects":{}}'))).toBeNull();
    expect(parsePacking(Buffer.from(`${fcText([])} x`))).toBeNull();
  });

  it('through readBoundaries: the same boundaries as a plain read, and the packing of their features', async () => {
    const dir = tempDir();
    const file = sharedData('geo/buurten_2023_GM0344_utrecht_wgs84.geojson');
    // (with a UTF-8 BOM: the byte-wise read starts after it; the file has names beyond ASCII)
    const copy = writeTemp(dir, 'buurten.geojson', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file)]));
    expect(readFileSync(file).some((b) => b > 0x7f)).toBe(true);
    let packed: unknown;
    const b = await readBoundaries(copy, { packedGeometries: (p) => (packed = p) });
    expect(b).toEqual(await readBoundaries(copy));
    const p = packFeatures(b.features);
    expect(packed).toMatchObject({ features: b.features.length });
    expect(Array.from((packed as { coordinates: Float64Array }).coordinates)).toEqual(Array.from(p.coordinates));
    // an invalid file is still named with its line, as JSON.parse's error says
    const broken = writeTemp(dir, 'broken.geojson', '{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":{"buurtcode":"BU00010001"},"geometry":{"type":"Polygon","coordinates":[[[01,0]]]}}]}');
    await expect(readBoundaries(broken, { packedGeometries: () => undefined })).rejects.toMatchObject({ message: expect.stringMatching(/invalid JSON/), location: expect.objectContaining({ line: 2 }) });
  });
});
