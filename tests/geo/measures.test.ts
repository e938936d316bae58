import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { geometryAreaKm2, planarArea } from '../../src/geo/area.js';
import { geometryBBox, bboxesOverlap } from '../../src/geo/bbox.js';
import { geometryCentroid } from '../../src/geo/centroid.js';
import { rewindRfc7946 } from '../../src/geo/rewind.js';
import { ringSignedArea } from '../../src/geo/ring.js';
import { intersectionArea, unionArea } from '../../src/geo/intersect.js';
import { rdToWgs84 } from '../../src/geo/projection.js';

const sq = (x: number, y: number, s: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]],
});

describe('planar measures', () => {
  it('area of a square with a hole, whatever the winding', () => {
    const g: Polygon = {
      type: 'Polygon',
      coordinates: [
        [[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]], // clockwise exterior
        [[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]], // counter-clockwise hole
      ],
    };
    expect(planarArea(g)).toBe(96);
    expect(planarArea({ type: 'MultiPolygon', coordinates: [sq(0, 0, 1).coordinates, sq(5, 5, 2).coordinates] })).toBe(5);
  });

  it('signed area is positive counter-clockwise and exact with large RD offsets', () => {
    expect(ringSignedArea(sq(155000, 463000, 1).coordinates[0])).toBe(1);
    expect(ringSignedArea(sq(0, 0, 3).coordinates[0].slice().reverse())).toBe(-9);
  });

  it('km² of a 1 km RD square, and of the same square projected to WGS84', () => {
    const g = sq(150000, 450000, 1000);
    expect(geometryAreaKm2(g, 'EPSG:28992')).toBe(1);
    const w: Polygon = { type: 'Polygon', coordinates: [g.coordinates[0].map(rdToWgs84)] };
    expect(geometryAreaKm2(w, 'EPSG:4326')).toBeCloseTo(1, 6);
  });

  it('centroid weights by area and subtracts holes', () => {
    expect(geometryCentroid(sq(0, 0, 2))).toEqual([1, 1]);
    // two unit squares at x 0..1 and 3..4 → centroid x = 2
    const c = geometryCentroid({ type: 'MultiPolygon', coordinates: [sq(0, 0, 1).coordinates, sq(3, 0, 1).coordinates] });
    expect(c[0]).toBeCloseTo(2, 12);
    // 4×4 square with the left 2×4 half cut out as a hole → centroid of the right half, x = 3
    const h = geometryCentroid({ type: 'Polygon', coordinates: [sq(0, 0, 4).coordinates[0], [[0, 0], [0, 4], [2, 4], [2, 0], [0, 0]]] });
    expect(h[0]).toBeCloseTo(3, 12);
    expect(h[1]).toBeCloseTo(2, 12);
  });

  it('bbox and overlap', () => {
    expect(geometryBBox(sq(1, 2, 3))).toEqual([1, 2, 4, 5]);
    expect(bboxesOverlap([0, 0, 1, 1], [1, 1, 2, 2])).toBe(true);
    expect(bboxesOverlap([0, 0, 1, 1], [1.5, 0, 2, 1])).toBe(false);
  });

  it('rewinds to the right-hand rule: exterior counter-clockwise, holes clockwise', () => {
    const g: Polygon = {
      type: 'Polygon',
      coordinates: [sq(0, 0, 10).coordinates[0].slice().reverse(), sq(2, 2, 2).coordinates[0]],
    };
    const r = rewindRfc7946(g);
    expect(ringSignedArea(r.coordinates[0])).toBeGreaterThan(0);
    expect(ringSignedArea(r.coordinates[1])).toBeLessThan(0);
    expect(ringSignedArea(g.coordinates[0])).toBeLessThan(0); // input untouched
  });

  it('intersection and union areas with polygon-clipping', () => {
    expect(intersectionArea(sq(0, 0, 2), sq(1, 0, 2))).toBe(2);
    expect(intersectionArea(sq(0, 0, 1), sq(5, 5, 1))).toBe(0);
    expect(unionArea([sq(0, 0, 2), sq(1, 0, 2)])).toBe(6);
  });
});
