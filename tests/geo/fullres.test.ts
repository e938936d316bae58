// Full-resolution boundaries (issue 17): a ring of more than 100,000 vertices and long runs of
// collinear points go through dissolve, contiguity and the drawing simplification without a
// crash; the drawing is bounded, the exact geometry untouched, and neighbours keep one shared edge.
import { describe, expect, it } from 'vitest';
import type { Polygon, MultiPolygon, Position } from 'geojson';
import { dissolve } from '../../src/geo/dissolve.js';
import { planarArea } from '../../src/geo/area.js';
import { unionArea } from '../../src/geo/intersect.js';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { feature as topoFeature } from 'topojson-client';
import { DRAW_MAX_RING_VERTICES, DRAW_MAX_VERTICES, simplifyForDrawing, simplifyPackedForDrawing, vertexStats } from '../../src/geo/simplify.js';
import { packFeatures } from '../../src/geo/transfer.js';
import type { RegionFeature } from '../../src/geo/types.js';
import { contiguityWeights } from '../../src/spatial/contiguity.js';
import { neighboursOf } from '../../src/spatial/weights.js';
import { densifyFeatures, lattice, verticesOf } from './fullres-fixtures.js';

const COLS = 4;
const ROWS = 4;
const SIZE = 1000;
const AMP = 0.3;
const LONG = 'BU00010101'; // row 1, column 1: neighbours on all four sides
const exact = densifyFeatures(lattice(COLS, ROWS, SIZE), { perEdge: 60, amp: AMP, longCode: LONG, longVertices: 100_000 });
const areas = exact.map((f) => planarArea(f.geometry));
const counts = exact.map(verticesOf);

const rings = (g: Polygon | MultiPolygon): Position[][] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

/** Lattice neighbour lists by index arithmetic (row by row). */
function latticeLists(queen: boolean): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS; c++) {
      const l: number[] = [];
      for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) {
        if ((dr === 0 && dc === 0) || (!queen && dr !== 0 && dc !== 0)) continue;
        const rr = r + dr;
        const cc = c + dc;
        if (rr >= 0 && rr < ROWS && cc >= 0 && cc < COLS) l.push(rr * COLS + cc);
      }
      out.push(l);
    }
  }
  return out;
}

/** Points of a ring within the jitter band of the segment a–b (axis-parallel), ordered along it. */
function onEdge(f: RegionFeature, a: Position, b: Position): string[] {
  const vertical = a[0] === b[0];
  const lo = Math.min(vertical ? a[1] : a[0], vertical ? b[1] : b[0]);
  const hi = Math.max(vertical ? a[1] : a[0], vertical ? b[1] : b[0]);
  const pts = new Set<string>();
  for (const r of rings(f.geometry)) {
    for (const p of r) {
      const along = vertical ? p[1] : p[0];
      const across = vertical ? p[0] - a[0] : p[1] - a[1];
      // at the corners (no jitter there) only the corner itself: not the perpendicular edges
      const inside = (along > lo && along < hi && Math.abs(across) <= AMP + 1e-9) || ((along === lo || along === hi) && across === 0);
      if (inside) pts.add(`${p[0]},${p[1]}`);
    }
  }
  return [...pts].sort();
}

describe('planted full-resolution lattice', () => {
  it('has a ring of more than 100,000 vertices, collinear runs, and identical shared edges', () => {
    expect(counts[1 * COLS + 1]).toBeGreaterThan(100_000);
    const ring = (exact[0].geometry as Polygon).coordinates[0];
    // the bottom edge of cell (0, 0): y exactly 400,000 on the collinear runs
    expect(ring.filter((p) => p[1] === 400_000).length).toBeGreaterThan(30);
    // cell (0,0) and (0,1) share x = 101,000 point for point
    const a = onEdge(exact[0], [101_000, 400_000], [101_000, 401_000]);
    expect(a.length).toBeGreaterThan(60);
    expect(onEdge(exact[1], [101_000, 400_000], [101_000, 401_000])).toEqual(a);
  });
});

describe('dissolve on full-resolution rings', () => {
  it('dissolves everything into one outline without holes, with the exact total area', () => {
    const [one] = dissolve(exact, () => 'GM0001');
    expect(one.properties.code).toBe('GM0001');
    expect(rings(one.geometry)).toHaveLength(1); // no slivers, no holes: the shared edges matched
    const total = areas.reduce((s, a) => s + a, 0);
    expect(planarArea(one.geometry)).toBeCloseTo(total, 3);
  });

  it('dissolves by row into four outlines whose areas are the sums of their members', () => {
    const rows = dissolve(exact, (f) => `GM00${f.properties.code.slice(6, 8)}`);
    expect(rows.map((f) => f.properties.code)).toEqual(['GM0000', 'GM0001', 'GM0002', 'GM0003']);
    rows.forEach((f, r) => {
      const sum = areas.slice(r * COLS, (r + 1) * COLS).reduce((s, a) => s + a, 0);
      expect(planarArea(f.geometry)).toBeCloseTo(sum, 3);
      expect(rings(f.geometry)).toHaveLength(1);
    });
  });
});

describe('contiguity on full-resolution rings', () => {
  it('finds the rook and queen neighbours of the lattice', () => {
    const features = exact.map((f) => ({ geometry: f.geometry, properties: { code: f.properties.code } }));
    for (const queen of [false, true]) {
      const w = contiguityWeights(features, { contiguity: queen ? 'queen' : 'rook' });
      expect(w.ids.map((_, i) => neighboursOf(w, i))).toEqual(latticeLists(queen));
    }
  });
});

describe('simplifyForDrawing', () => {
  it('returns the very same features below the vertex budget (the demo is drawn exactly)', () => {
    const plain = lattice(COLS, ROWS, SIZE);
    const r = simplifyForDrawing(plain);
    expect(r.simplified).toBe(false);
    expect(r.features).toBe(plain);
  });

  const drawn = simplifyForDrawing(exact);

  it('simplifies a 100,000-vertex ring and its neighbours to a bounded drawing', () => {
    expect(drawn.simplified).toBe(true);
    expect(drawn.verticesBefore).toBe(counts.reduce((s, n) => s + n, 0));
    expect(drawn.maxRingBefore).toBeGreaterThan(DRAW_MAX_RING_VERTICES); // the planted ring is over budget …
    expect(drawn.verticesAfter).toBe(vertexStats(drawn.features).vertices);
    expect(drawn.verticesAfter).toBeLessThanOrEqual(DRAW_MAX_VERTICES); // … the drawing is not
    expect(drawn.verticesAfter).toBeLessThan(drawn.verticesBefore / 4);
    expect(vertexStats(drawn.features).maxRing).toBeLessThan(100_000 / 4);
    expect(drawn.features.map((f) => f.properties.code)).toEqual(exact.map((f) => f.properties.code));
  });

  it('simplifies a ring whose points repeat (a 100 m edge with 25,000 points rounded to the centimetre, jitter below the resolution)', () => {
    const small = densifyFeatures(lattice(3, 3, 100), { perEdge: 20, amp: 0.005, longCode: 'BU00010101', longVertices: 100_000 });
    const long = small[4].geometry as Polygon;
    const ring = long.coordinates[0];
    expect(ring.length).toBeGreaterThan(100_000);
    expect(ring.some((p, i) => i > 0 && p[0] === ring[i - 1][0] && p[1] === ring[i - 1][1])).toBe(true);
    const d = simplifyForDrawing(small);
    expect(d.simplified).toBe(true);
    expect(vertexStats(d.features).maxRing).toBeLessThan(1000);
    const [one] = dissolve(d.features, () => 'GM0001');
    expect(rings(one.geometry)).toHaveLength(1);
  });

  it('holds a tighter budget when asked, with a margin of one point per arc', () => {
    const tight = simplifyForDrawing(exact, { maxVertices: 2000 });
    expect(tight.verticesAfter).toBeLessThanOrEqual(2000);
    // every square keeps at least its four corners
    for (const f of tight.features) expect(verticesOf(f)).toBeGreaterThanOrEqual(5);
  });

  it('leaves the exact geometry untouched: same vertices and areas as before', () => {
    expect(exact.map(verticesOf)).toEqual(counts);
    expect(exact.map((f) => planarArea(f.geometry))).toEqual(areas);
  });

  it('moves no edge out of its band: each drawn area is within perimeter × jitter of the exact area', () => {
    drawn.features.forEach((f, i) => {
      expect(Math.abs(planarArea(f.geometry) - areas[i])).toBeLessThanOrEqual(4 * SIZE * AMP);
    });
  });

  it('keeps shared edges shared: neighbours draw the same points on their common edge', () => {
    let compared = 0;
    for (let r = 0; r < ROWS; r++) {
      for (let c = 0; c < COLS; c++) {
        const i = r * COLS + c;
        const x = 100_000 + c * SIZE;
        const y = 400_000 + r * SIZE;
        if (c + 1 < COLS) {
          const e: [Position, Position] = [[x + SIZE, y], [x + SIZE, y + SIZE]];
          const a = onEdge(drawn.features[i], ...e);
          expect(a.length).toBeGreaterThanOrEqual(2);
          expect(onEdge(drawn.features[i + 1], ...e)).toEqual(a);
          compared++;
        }
        if (r + 1 < ROWS) {
          const e: [Position, Position] = [[x, y + SIZE], [x + SIZE, y + SIZE]];
          expect(onEdge(drawn.features[i + COLS], ...e)).toEqual(onEdge(drawn.features[i], ...e));
          compared++;
        }
      }
    }
    expect(compared).toBe(24);
  });

  it('opens no gaps and no overlaps: the drawn squares tile their union', () => {
    const sum = drawn.features.reduce((s, f) => s + planarArea(f.geometry), 0);
    expect(unionArea(drawn.features.map((f) => f.geometry))).toBeCloseTo(sum, 2);
    const [one] = dissolve(drawn.features, () => 'GM0001');
    expect(rings(one.geometry)).toHaveLength(1);
  });
});

describe('simplifyPackedForDrawing (the worker simplifies the packed exact features)', () => {
  const geometryAndProperties = (fs: readonly RegionFeature[]) => fs.map((f) => ({ geometry: f.geometry, properties: f.properties }));

  it('draws what simplifyForDrawing draws, a feature without geometry and a tighter budget included', () => {
    const withHole = [...exact.slice(0, 5), { ...exact[5], geometry: null } as unknown as RegionFeature, ...exact.slice(6)];
    for (const options of [{}, { maxVertices: 2000 }]) {
      const nested = simplifyForDrawing(withHole, options);
      const packed = simplifyPackedForDrawing(packFeatures(withHole), options);
      expect(packed.simplified).toBe(true);
      expect(geometryAndProperties(packed.features)).toEqual(geometryAndProperties(nested.features));
      expect(packed.features[5].geometry).toBeNull();
      expect({ ...packed, features: null }).toEqual({ ...nested, features: null });
    }
  });

  it('is topojson-server + topojson-simplify at the threshold it chose (an independent computation; no ring collapses here)', () => {
    const packed = simplifyPackedForDrawing(packFeatures(exact));
    const topo = topology({ d: { type: 'FeatureCollection', features: exact.map((f) => ({ type: 'Feature', properties: {}, geometry: f.geometry })) } } as never);
    const simplified = simplify(presimplify(topo as never), packed.minWeight) as never as { objects: { d: { geometries: unknown[] } } };
    const expected = simplified.objects.d.geometries.map((g) => (topoFeature(simplified as never, g as never) as unknown as RegionFeature).geometry);
    expect(packed.features.map((f) => f.geometry)).toEqual(expected);
  });

  it('returns the features unpacked, unsimplified, within the budget', () => {
    const plain = lattice(COLS, ROWS, SIZE);
    const r = simplifyPackedForDrawing(packFeatures(plain));
    expect(r.simplified).toBe(false);
    expect(geometryAndProperties(r.features)).toEqual(geometryAndProperties(plain));
  });

  it('takes topojson-server’s topology when a ring is left with one position (all its points equal), as the nested path does', () => {
    const point: RegionFeature = { type: 'Feature', properties: { code: 'BU00099999', name: null }, geometry: { type: 'Polygon', coordinates: [[[5, 5], [5, 5], [5, 5], [5, 5]]] } };
    const odd = [...exact, point];
    const nested = simplifyForDrawing(odd);
    const packed = simplifyPackedForDrawing(packFeatures(odd));
    expect(packed.simplified).toBe(true);
    expect(geometryAndProperties(packed.features)).toEqual(geometryAndProperties(nested.features));
  });
});

