import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { contiguityWeights } from '../../src/spatial/contiguity.js';
import { attachIslands } from '../../src/spatial/knn.js';
import { polygonCentroids } from '../../src/spatial/centroid.js';
import { coordinateQuantum, defaultTolerance } from '../../src/spatial/tolerance.js';
import { islands, isSymmetric, neighboursOf } from '../../src/spatial/weights.js';
import type { PolygonFeature } from '../../src/spatial/rings.js';
import { createRng } from '../../src/spatial/random.js';
import { latticeFeatures, latticeLists } from './fixtures.js';

const poly = (code: string, ring: number[][]): PolygonFeature => ({
  geometry: { type: 'Polygon', coordinates: [ring] } as Polygon,
  properties: { code },
});
const lists = (w: ReturnType<typeof contiguityWeights>) => w.ids.map((_, i) => neighboursOf(w, i));

describe('contiguityWeights on a lattice of squares', () => {
  it('rook = 4-neighbourhood and queen = 8-neighbourhood (index arithmetic)', () => {
    const f = latticeFeatures(4, 5);
    expect(lists(contiguityWeights(f, { contiguity: 'rook' }))).toEqual(latticeLists(4, 5, false));
    expect(lists(contiguityWeights(f, { contiguity: 'queen' }))).toEqual(latticeLists(4, 5, true));
    expect(contiguityWeights(f).contiguity).toBe('queen');
  });

  it('is robust to vertices jittered below the tolerance and rings in either orientation', () => {
    const rng = createRng(12);
    const f = latticeFeatures(4, 4, 100).map((ft, i) => {
      const ring = (ft.geometry as Polygon).coordinates[0].map(([x, y]) => [x + (rng.nextFloat() - 0.5) * 0.01, y + (rng.nextFloat() - 0.5) * 0.01]);
      ring[ring.length - 1] = ring[0];
      return poly(ft.properties!.code, i % 2 === 0 ? ring : ring.slice().reverse());
    });
    const rook = contiguityWeights(f, { contiguity: 'rook', tolerance: 0.05 });
    const queen = contiguityWeights(f, { contiguity: 'queen', tolerance: 0.05 });
    expect(lists(rook)).toEqual(latticeLists(4, 4, false));
    expect(lists(queen)).toEqual(latticeLists(4, 4, true));
  });
});

describe('contiguityWeights special cases', () => {
  // A tall rectangle L (x 0..1, y 0..2) beside two unit squares A (y 0..1) and B (y 1..2): L has no
  // vertex at (1, 1), so its edge is matched against A's and B's edges by overlap (a T-junction).
  const L = poly('BU00010001', [[0, 0], [1, 0], [1, 2], [0, 2], [0, 0]]);
  const A = poly('BU00010002', [[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]);
  const B = poly('BU00010003', [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]);

  it('a T-junction (L has no vertex at (1, 1)) is queen through the shared vertex (1, 0) but not rook, as libpysal', () => {
    expect(lists(contiguityWeights([L, A, B], { contiguity: 'rook' }))).toEqual([[], [2], [1]]);
    expect(lists(contiguityWeights([L, A, B], { contiguity: 'queen' }))).toEqual([[1, 2], [0, 2], [0, 1]]);
  });

  it('a shared edge written in opposite directions, with a vertex added on both sides, is rook', () => {
    const L2 = poly('BU00010001', [[0, 0], [1, 0], [1, 1], [1, 2], [0, 2], [0, 0]]);
    const w = contiguityWeights([L2, A, B], { contiguity: 'rook' });
    expect(lists(w)).toEqual([[1, 2], [0, 2], [0, 1]]);
    expect(w.method).toBe('shared-vertices');
  });

  it('a vertex of one polygon on the other\'s edge, without a shared vertex, is no contact (queen nor rook)', () => {
    const T = poly('BU00010007', [[-1, 1], [0, 1], [-1, 2], [-1, 1]]); // touches L's left edge at (0, 1)
    expect(lists(contiguityWeights([L, T], { contiguity: 'queen' }))).toEqual([[], []]);
  });

  it('properly crossing boundaries (overlapping polygons without a shared vertex) are no contact', () => {
    const X = poly('BU00010008', [[0.5, 0.5], [1.5, 0.5], [1.5, 1.5], [0.5, 1.5], [0.5, 0.5]]);
    expect(lists(contiguityWeights([L, X], { contiguity: 'queen' }))).toEqual([[], []]);
    expect(lists(contiguityWeights([L, X], { contiguity: 'rook' }))).toEqual([[], []]);
  });

  it('snapping is explicit: vertices 0.0004 apart are shared with tolerance 0.001, not with 0.0001 nor by default', () => {
    const A2 = poly('BU00010002', [[1.0004, 0], [2, 0], [2, 1], [1.0004, 1], [1.0004, 0]]);
    const L1 = poly('BU00010001', [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
    const snapped = contiguityWeights([L1, A2], { contiguity: 'rook', tolerance: 0.001 });
    expect(lists(snapped)).toEqual([[1], [0]]);
    expect(snapped.method).toBe('snapped');
    expect(snapped.tolerance).toBe(0.001);
    expect(lists(contiguityWeights([L1, A2], { contiguity: 'rook', tolerance: 0.0001 }))).toEqual([[], []]);
    expect(lists(contiguityWeights([L1, A2], { contiguity: 'queen' }))).toEqual([[], []]);
    expect(() => contiguityWeights([L1, A2], { tolerance: -1 })).toThrow(/tolerance.*finite number ≥ 0/);
  });

  it('refuses a snapping tolerance so large that every vertex would be compared with every other', () => {
    const f = latticeFeatures(120, 120, 0.001);
    expect(() => contiguityWeights(f, { tolerance: 1 })).toThrow(/snapping tolerance too large.*coordinate rounding/);
    expect(contiguityWeights(f.slice(0, 4), { tolerance: 1 }).ids).toHaveLength(4);
  });

  it('a corner touch is queen but not rook', () => {
    const C = poly('BU00010004', [[2, 2], [3, 2], [3, 3], [2, 3], [2, 2]]);
    expect(lists(contiguityWeights([A, C], { contiguity: 'rook' }))).toEqual([[], []]);
    expect(lists(contiguityWeights([B, C], { contiguity: 'queen' }))).toEqual([[1], [0]]);
    expect(lists(contiguityWeights([B, C], { contiguity: 'rook' }))).toEqual([[], []]);
  });

  it('handles MultiPolygons (a neighbour through the second part) and reports islands by code', () => {
    const M: PolygonFeature = {
      geometry: { type: 'MultiPolygon', coordinates: [[[[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]]], [[[2, 0], [3, 0], [3, 1], [2, 1], [2, 0]]]] } as MultiPolygon,
      properties: { code: 'BU00010005' },
    };
    const far = poly('BU00010006', [[50, 50], [51, 50], [51, 51], [50, 51], [50, 50]]);
    const w = contiguityWeights([A, M, far], { contiguity: 'rook' });
    expect(lists(w)).toEqual([[1], [0], []]);
    expect(islands(w)).toEqual(['BU00010006']);
    expect(isSymmetric(w)).toBe(true);
    const c = polygonCentroids([A, M, far]);
    const attached = attachIslands(w, c.x, c.y, 1, { geographic: false });
    expect(islands(attached)).toEqual([]);
    expect(isSymmetric(attached)).toBe(true);
    expect(neighboursOf(attached, 2)).toEqual([1]); // M's centroid (6.5, 5.5) is nearer than A's
  });

  it('refuses duplicate codes, missing codes and non-polygon geometry with the feature named', () => {
    expect(() => contiguityWeights([A, A])).toThrow(/feature 1.*duplicate region code/);
    expect(() => contiguityWeights([A, { geometry: null, properties: { code: 'BU1' } }])).toThrow(/BU1.*not a polygon/);
    expect(() => contiguityWeights([{ geometry: A.geometry, properties: null }])).toThrow(/feature 0.*without a region code/);
    expect(() => contiguityWeights([A], { contiguity: 'bishop' as never })).toThrow(/queen or rook/);
  });

  it('an empty input gives empty weights', () => {
    const w = contiguityWeights([]);
    expect(w.ids).toEqual([]);
    expect(w.offsets.length).toBe(1);
  });
});

describe('tolerance from the data', () => {
  it('detects the decimals of rounded coordinates', () => {
    expect(coordinateQuantum([5.098, 52.085, 5.1, 52])).toBeCloseTo(0.001, 15);
    expect(coordinateQuantum([155000, 463000])).toBe(1);
    expect(coordinateQuantum([Math.PI, Math.E])).toBeNull();
  });
  it('defaults to half a grid step, else 1e-9 of the diagonal', () => {
    expect(defaultTolerance([5.098, 52.085, 5.1, 52.08])).toBeCloseTo(0.0005, 15);
    expect(defaultTolerance([0.1 * Math.PI, 0, 3 + 0.1 * Math.PI, 4])).toBeCloseTo(5e-9, 15);
  });
});

describe('polygonCentroids', () => {
  it('area-weighted, holes subtracted', () => {
    const holed: PolygonFeature = {
      geometry: { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[0, 0], [0, 2], [2, 2], [2, 0], [0, 0]]] } as Polygon,
      properties: { code: 'x' },
    };
    // 16 at (2,2) minus 4 at (1,1): (32 − 4) / 12 = 7/3
    const c = polygonCentroids([holed]);
    expect(c.x[0]).toBeCloseTo(7 / 3, 12);
    expect(c.y[0]).toBeCloseTo(7 / 3, 12);
  });
});
