// Geometries kept packed (src/geo/packed-geometry.ts, issue 17): every geometry helper that reads
// the packed numbers must give what it gives on the same geometry as plain arrays — the arrays
// path is the independent computation here — and the arrays must never be made behind the
// reader's back.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { copyGeometry, packedGeometry, packedGeometryOf, type PackedStore } from '../../src/geo/packed-geometry.js';
import { packFeatures } from '../../src/geo/transfer.js';
import { completeSelfIntersections, createValidationMemo, validatePolygonGeometry, validateWithMemo } from '../../src/geo/validate.js';
import { coordinatesFingerprint, geometryFingerprint, sameGeometryCoordinates } from '../../src/geo/fingerprint.js';
import { planarArea } from '../../src/geo/area.js';
import { geometryBBox } from '../../src/geo/bbox.js';
import { vertexStats } from '../../src/geo/simplify.js';
import { buildCrosswalk } from '../../src/regions/crosswalk.js';
import { parsePacking } from '../../src/sources/boundaries/packed-parse.js';
import type { RegionFeature } from '../../src/geo/types.js';

type Geom = Polygon | MultiPolygon;
const ring = (pts: number[][]): Position[] => [...pts, pts[0]];
const square = (x: number, y: number, d: number) => ring([[x, y], [x + d, y], [x + d, y + d], [x, y + d]]);
const shell = square(0, 0, 10);
const hole = ring([[2, 2], [2, 4], [4, 4], [4, 2]]);
const crossingHole = square(8, 8, 4);
const tie = ring([[20, 0], [22, 2], [22, 0], [20, 2]]);
const pinch = ring([[30, 0], [34, 0], [32, 2], [34, 4], [30, 4], [32, 2]]);
// RD-like numbers with fractions: areas that round differently when summed in another order
const rd = ring([[155000.123, 463000.456], [155210.7, 463001.01], [155305.33, 463190.9], [155090.41, 463260.77], [154980.02, 463110.5]]);
const rdHole = ring([[155100.5, 463100.25], [155150.75, 463100.5], [155120.125, 463150.875]]);

/** Valid and broken geometries, as plain arrays. */
const cases: { name: string; g: Geom }[] = [
  { name: 'square', g: { type: 'Polygon', coordinates: [square(0, 0, 1)] } },
  { name: 'shell with hole', g: { type: 'Polygon', coordinates: [shell, hole] } },
  { name: 'RD ring with hole', g: { type: 'Polygon', coordinates: [rd, rdHole] } },
  { name: 'bow tie', g: { type: 'Polygon', coordinates: [tie] } },
  { name: 'crossing rings', g: { type: 'Polygon', coordinates: [shell, crossingHole] } },
  { name: 'multipolygon of all sorts', g: { type: 'MultiPolygon', coordinates: [[shell, hole], [tie], [pinch], [shell, crossingHole], [rd, rdHole]] } },
  { name: 'too short', g: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] } },
  { name: 'not closed', g: { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [[[5, 5], [6, 5], [6, 6], [5, 6]]]] } },
  { name: 'without area', g: { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [2, 2], [0, 0]]] } },
  { name: 'non-finite', g: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [Infinity, 1], [0, 1], [0, 0]]] } },
  { name: 'no rings', g: { type: 'Polygon', coordinates: [] } },
  { name: 'polygon without rings', g: { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], []] } },
  { name: 'empty ring', g: { type: 'MultiPolygon', coordinates: [[[]], [square(0, 0, 1)]] } },
];

/** The geometries packed into one store (by packFeatures, the layout they share), as packed geometries. */
function packed(geoms: readonly Geom[]): { store: PackedStore; geometries: Geom[] } {
  const p = packFeatures(geoms.map((g) => ({ type: 'Feature', geometry: structuredClone(g), properties: { code: 'x', name: null } }) as RegionFeature));
  const store: PackedStore = { coordinates: p.coordinates, structure: p.structure };
  const geometries: Geom[] = [];
  let s = 0;
  let c = 0;
  for (let i = 0; i < geoms.length; i++) {
    geometries.push(packedGeometry({ store, s, c }));
    const kind = p.structure[s++];
    const parts = kind === 2 ? p.structure[s++] : 1;
    for (let k = 0; k < parts; k++) {
      const rings = p.structure[s++];
      for (let r = 0; r < rings; r++) c += 2 * p.structure[s++];
    }
  }
  return { store, geometries };
}

describe('packed geometries: the same answers as arrays, without making the arrays', () => {
  const { geometries } = packed(cases.map((c) => c.g));

  it('validate to the same problems, in the same order, with and without the search', () => {
    let problems = 0;
    cases.forEach(({ name, g }, i) => {
      for (const selfIntersections of [true, false]) {
        const want = validatePolygonGeometry(g, { selfIntersections });
        expect(validatePolygonGeometry(geometries[i], { selfIntersections }), name).toEqual(want);
        problems += want.length;
      }
      expect(packedGeometryOf(geometries[i]), name).toBeDefined(); // (read from the numbers)
    });
    expect(problems).toBeGreaterThan(15); // the cases do find problems
  });

  it('complete a search deferred through the memo as full validation does', () => {
    cases.forEach(({ name, g }, i) => {
      const memo = createValidationMemo();
      const { entry } = validateWithMemo(packedGeometry(packedGeometryOf(geometries[i])!), memo, { selfIntersections: false });
      expect(completeSelfIntersections(entry!), name).toEqual(validatePolygonGeometry(g));
    });
  });

  it('fingerprint, measure and box as the arrays do (to the bit)', () => {
    cases.forEach(({ name, g }, i) => {
      expect(geometryFingerprint(geometries[i]), name).toBe(coordinatesFingerprint(g.coordinates));
      expect(Object.is(planarArea(geometries[i]), planarArea(g)), name).toBe(true);
      expect(geometryBBox(geometries[i]), name).toEqual(geometryBBox(g));
    });
    const features = (gs: Geom[]) => gs.map((geometry) => ({ type: 'Feature', geometry, properties: { code: 'x', name: null } }) as RegionFeature);
    expect(vertexStats(features(geometries))).toEqual(vertexStats(features(cases.map((c) => c.g))));
    expect(geometries.every((g) => packedGeometryOf(g) !== undefined)).toBe(true);
  });

  it('compare equal exactly when the numbers are equal, across stores and against arrays', () => {
    const again = packed(cases.map((c) => c.g)).geometries;
    cases.forEach(({ name, g }, i) => {
      expect(sameGeometryCoordinates(geometries[i], again[i]), name).toBe(true);
      expect(sameGeometryCoordinates(geometries[i], structuredClone(g)), name).toBe(true);
      expect(sameGeometryCoordinates(geometries[i], again[(i + 1) % cases.length]), name).toBe(false);
    });
    // one number differs
    const moved = structuredClone(cases[2].g) as Polygon;
    moved.coordinates[1][1][0] += 1e-9;
    expect(sameGeometryCoordinates(geometries[2], packed([moved]).geometries[0])).toBe(false);
    expect(sameGeometryCoordinates(geometries[2], moved)).toBe(false);
  });

  it('pack for another thread as the arrays pack', () => {
    const f = (gs: Geom[]) => gs.map((geometry, i) => ({ type: 'Feature', geometry, properties: { code: `BU${i}`, name: null } }) as RegionFeature);
    // packed and array geometries mixed, in another order than their store
    const order = [3, 0, 5, 1, 2];
    const mixed = order.map((k, i) => (i % 2 === 0 ? geometries[k] : cases[k].g));
    const a = packFeatures(f(mixed));
    const b = packFeatures(f(order.map((k) => cases[k].g)));
    expect(Array.from(a.coordinates)).toEqual(Array.from(b.coordinates));
    expect(Array.from(a.structure)).toEqual(Array.from(b.structure));
  });

  it('give their arrays on first read, as JSON and copies see them, and then hand over to the arrays', () => {
    const { geometries: gs } = packed([cases[5].g]);
    const g = gs[0];
    const copy = copyGeometry(g);
    expect(packedGeometryOf(copy)).toBe(packedGeometryOf(g)); // sharing the numbers
    expect(JSON.stringify(g)).toBe(JSON.stringify(cases[5].g));
    expect(g.coordinates).toEqual(cases[5].g.coordinates);
    expect(copy.coordinates).toBe(g.coordinates); // one set of arrays for both
    // once made, the arrays are what every reader reads: a change in place is seen
    expect(packedGeometryOf(g)).toBeUndefined();
    (g as MultiPolygon).coordinates[0][0][0] = [-5, -5];
    (g as MultiPolygon).coordinates[0][0][(g as MultiPolygon).coordinates[0][0].length - 1] = [-5, -5];
    expect(geometryBBox(g)[0]).toBe(-5);
    expect(structuredClone(g)).toEqual({ type: 'MultiPolygon', coordinates: g.coordinates });
    // assigning coordinates detaches a geometry from the packed numbers
    const other = packed([cases[0].g]).geometries[0];
    other.coordinates = [square(100, 100, 2)] as never;
    expect(packedGeometryOf(other)).toBeUndefined();
    expect(geometryBBox(other)).toEqual([100, 100, 102, 102]);
  });
});

describe('the packing read keeps geometries packed through validation and the crosswalk', () => {
  it('reads a FeatureCollection into packed geometries whose crosswalk is the arrays’ crosswalk', () => {
    const fc = (gs: Geom[], codes: string[]) => JSON.stringify({
      type: 'FeatureCollection',
      features: gs.map((geometry, i) => ({ type: 'Feature', properties: { code: codes[i] }, geometry })),
    });
    const codes1 = ['BU00010001', 'BU00010002', 'BU00010003'];
    const codes0 = ['BU00010001', 'BU00010009', 'BU00010008', 'BU00010003'];
    // three buurten in a row; the year before had the middle one in two
    const t1 = [0, 1, 2].map((k): Geom => ({ type: 'Polygon', coordinates: [square(155000 + 1000 * k, 463000, 1000)] }));
    const t0 = [t1[0], { type: 'Polygon', coordinates: [ring([[156000, 463000], [156500, 463000], [156500, 464000], [156000, 464000]])] } as Geom, { type: 'Polygon', coordinates: [ring([[156500, 463000], [157000, 463000], [157000, 464000], [156500, 464000]])] } as Geom, t1[2]];
    const r = parsePacking(Buffer.from(fc(t1, codes1)))!;
    const features = (r.doc as { features: RegionFeature[] }).features;
    expect(features.every((f) => packedGeometryOf(f.geometry) !== undefined)).toBe(true);
    const plain = (gs: Geom[], codes: string[]) => (JSON.parse(fc(gs, codes)) as { features: RegionFeature[] }).features.map((f) => ({ ...f, properties: { ...f.properties, code: f.properties.code, name: null } }));
    const t0Features = plain(t0, codes0);
    // the t0 twins as the run's loader gives them: the very packed geometries of t1
    t0Features[0] = { ...t0Features[0], geometry: copyGeometry(features[0].geometry) };
    t0Features[3] = { ...t0Features[3], geometry: copyGeometry(features[2].geometry) };
    const t1Features = features.map((f) => ({ ...f, properties: { ...f.properties, name: null } }));
    const got = buildCrosswalk({ features: t0Features, crs: 'EPSG:28992' }, { features: t1Features, crs: 'EPSG:28992' });
    // the twins were neither clipped nor made into arrays
    expect(packedGeometryOf(features[0].geometry)).toBeDefined();
    expect(packedGeometryOf(features[2].geometry)).toBeDefined();
    const want = buildCrosswalk({ features: plain(t0, codes0), crs: 'EPSG:28992' }, { features: plain(t1, codes1), crs: 'EPSG:28992' });
    expect(got.links).toEqual(want.links);
    expect(got.sources).toEqual(want.sources);
    expect(got.report).toEqual(want.report);
    expect(want.report.relations).toMatchObject({ identical: 2, merged: 2 });
  });
});
