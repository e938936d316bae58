import { describe, expect, it } from 'vitest';
import type { Polygon, Position } from 'geojson';
import { intersectionArea, unionArea } from '../../src/geo/intersect.js';
import { halfPlane } from '../../src/geo/halfplane.js';
import { planarArea } from '../../src/geo/area.js';
import { parseBoundaries } from '../../src/sources/boundaries/read.js';
import { buildCrosswalk } from '../../src/regions/crosswalk.js';

const X = 150000;
const Y = 450000;
const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});

/**
 * A full-resolution outline that polygon-clipping cannot handle by itself: a spine 1 m wide on
 * the left, `k` teeth of `h` m high and 1000 m long stacked on top of each other (gaps of `h`
 * between them), and a 100 m block on top: 4k + 4 vertices. Area by construction:
 * spine 1 × (2kh + 100) + teeth 999 × h × k + block 999 × 100.
 */
function comb(k: number, h: number): Polygon {
  const ring: Position[] = [[X, Y]];
  for (let i = 0; i < k; i++) {
    const y = Y + i * 2 * h;
    ring.push([X + 1000, y], [X + 1000, y + h], [X + 1, y + h], [X + 1, y + 2 * h]);
  }
  const top = Y + k * 2 * h;
  ring.push([X + 1000, top], [X + 1000, top + 100], [X, top + 100], [X, Y]);
  return { type: 'Polygon', coordinates: [ring] };
}

const K = 25_000; // 100,004 vertices
const H = 0.2;
const TOP = Y + K * 2 * H; // 10 km of teeth
const COMB = comb(K, H);
const COMB_AREA = 1 * (2 * K * H + 100) + 999 * H * K + 999 * 100; // 5,105,000 m²

describe('intersectionArea on rings of 100,000 vertices', () => {
  it('the planted comb has the area it was built with', () => {
    expect(COMB.coordinates[0].length).toBe(4 * K + 5);
    expect(planarArea(COMB)).toBeCloseTo(COMB_AREA, 3);
  });

  it('measures an overlap above 50,000 stacked segments without a stack overflow', () => {
    // a box in the top block, right half: 500 × 40 m
    expect(intersectionArea(COMB, rect(X + 500, TOP + 10, X + 1500, TOP + 50))).toBeCloseTo(500 * 40, 3);
  });

  it('measures an overlap above the teeth with a partner whose box spans them all', () => {
    // an L: a strip over the right half of the top block and a leg right of the comb down to
    // below it, so the common box holds the right half of every tooth, none of them in the result
    const l: Polygon = { type: 'Polygon', coordinates: [[[X + 1500, Y - 10], [X + 1510, Y - 10], [X + 1510, TOP + 50], [X + 500, TOP + 50], [X + 500, TOP + 10], [X + 1500, TOP + 10], [X + 1500, Y - 10]]] };
    expect(intersectionArea(COMB, l)).toBeCloseTo(500 * 40, 3);
  });

  it('measures an overlap that cuts through the teeth', () => {
    // x 100–200 over the full height: 100 m of every tooth, nothing of spine or gaps, 100 × 100 of the block
    expect(intersectionArea(COMB, rect(X + 100, Y - 10, X + 200, TOP + 200))).toBeCloseTo(100 * H * K + 100 * 100, 3);
    // upper part from y + 4000: teeth 10000 … 24999, the spine from there up, the block
    const upper = 1 * (2 * K * H + 100 - 4000) + 999 * H * (K - 10_000) + 999 * 100;
    expect(intersectionArea(COMB, rect(X - 10, Y + 4000, X + 1010, TOP + 500))).toBeCloseTo(upper, 3);
  });

  it('unionArea of the comb and a box over the right half of its teeth', () => {
    // box 1000 × 10060 m; overlap: 500 m of every tooth and 500 × 50 m of the block
    const box = rect(X + 500, Y - 10, X + 1500, TOP + 50);
    expect(unionArea([COMB, box])).toBeCloseTo(COMB_AREA + 1000 * (2 * K * H + 60) - (500 * H * K + 500 * 50), 3);
  });
});

describe('halfPlane', () => {
  it('cuts a concave U shape into parts with the areas on each side', () => {
    // U: 3 × 3 square without the middle column above y = 1
    const u: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    const below = halfPlane(u, 2, 'below');
    const above = halfPlane(u, 2, 'above');
    expect(planarArea({ type: 'MultiPolygon', coordinates: below })).toBeCloseTo(5, 12);
    expect(planarArea({ type: 'MultiPolygon', coordinates: above })).toBeCloseTo(2, 12);
    expect(below.flat(2).every(([, y]) => y <= 2)).toBe(true);
    expect(above.flat(2).every(([, y]) => y >= 2)).toBe(true);
  });

  it('keeps holes on their side and drops a part that lies wholly on the other side', () => {
    const holed: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]]] };
    expect(planarArea({ type: 'MultiPolygon', coordinates: halfPlane(holed, 2, 'below') })).toBeCloseTo(8 - 2, 12);
    expect(halfPlane(rect(0, 5, 1, 6), 2, 'below')).toEqual([]);
  });
});

describe('crosswalk with a full-resolution buurt', () => {
  it('splits a 100,000-vertex buurt over two new buurten by exact area', () => {
    const f = (code: string, geometry: Polygon) => ({ type: 'Feature', properties: { statcode: code }, geometry });
    const opts = { checkSelfIntersections: false };
    const from = parseBoundaries({ type: 'FeatureCollection', features: [f('BU00010001', COMB)] }, { file: 'full-resolution' }, opts);
    const to = parseBoundaries({
      type: 'FeatureCollection',
      features: [f('BU00010002', rect(X - 10, Y - 10, X + 1010, Y + 4000)), f('BU00010003', rect(X - 10, Y + 4000, X + 1010, TOP + 500))],
    }, { file: 'new' }, opts);
    const cw = buildCrosswalk(from, to);
    const lower = 1 * 4000 + 999 * H * 10_000;
    const w = Object.fromEntries(cw.links.map((l) => [l.to, l.weight]));
    expect(w.BU00010002).toBeCloseTo(lower / COMB_AREA, 9);
    expect(w.BU00010003).toBeCloseTo((COMB_AREA - lower) / COMB_AREA, 9);
  });
});
