import { describe, expect, it } from 'vitest';
import { validatePolygonGeometry } from '../../src/geo/validate.js';
import { ringSelfIntersections, ringsCross, segmentsIntersect } from '../../src/geo/segments.js';

const codes = (g: unknown) => validatePolygonGeometry(g as never).map((p) => p.code);

describe('ring validation', () => {
  it('accepts a valid square and a polygon with a hole', () => {
    expect(codes({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] })).toEqual([]);
    expect(codes({ type: 'Polygon', coordinates: [[[0, 0], [9, 0], [9, 9], [0, 9], [0, 0]], [[1, 1], [1, 2], [2, 2], [1, 1]]] })).toEqual([]);
  });

  it('names each kind of broken geometry', () => {
    expect(codes(null)).toEqual(['empty-geometry']);
    expect(codes({ type: 'Polygon', coordinates: [] })).toEqual(['empty-geometry']);
    expect(codes({ type: 'MultiPolygon', coordinates: [[]] })).toEqual(['empty-geometry']);
    expect(codes({ type: 'Point', coordinates: [0, 0] })).toEqual(['not-polygon']);
    expect(codes({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] })).toEqual(['ring-too-short']);
    expect(codes({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] })).toEqual(['ring-not-closed']);
    expect(codes({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [null, 1], [0, 1], [0, 0]]] })).toEqual(['non-finite-coordinate']);
    expect(codes({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], ['1', 1], [0, 1], [0, 0]]] })).toEqual(['non-finite-coordinate']);
    expect(codes({ type: 'Polygon', coordinates: 'x' })).toEqual(['malformed-coordinates']);
    expect(codes({ type: 'Polygon', coordinates: [[[0, 0], [0, 0], [0, 0], [0, 0]]] })).toEqual(['ring-without-area']);
    expect(codes({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [2, 2], [0, 0]]] })).toEqual(['ring-without-area']);
  });

  it('reports where an unclosed ring is', () => {
    const [p] = validatePolygonGeometry({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 6]]]] });
    expect(p).toMatchObject({ code: 'ring-not-closed', severity: 'error', part: 1, ring: 0, detail: 'first [5,5] ≠ last [5,6]' });
  });

  it('flags a bow tie, a pinch and a fold-back as self-intersections (a warning)', () => {
    const bowtie = { type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] };
    expect(validatePolygonGeometry(bowtie as never)[0]).toMatchObject({ code: 'self-intersection', severity: 'warning' });
    // figure eight touching itself at (1,1)
    expect(ringSelfIntersections([[0, 0], [1, 1], [2, 0], [2, 2], [1, 1], [0, 2], [0, 0]])).not.toEqual([]);
    // spike folding back on itself
    expect(ringSelfIntersections([[0, 0], [4, 0], [2, 0], [2, 2], [0, 0]])).not.toEqual([]);
    // repeated positions are harmless
    expect(ringSelfIntersections([[0, 0], [1, 0], [1, 0], [1, 1], [0, 1], [0, 0]])).toEqual([]);
  });

  it('a hole crossing its shell is a self-intersection; a hole touching it at a vertex is not', () => {
    const shell = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    const crossing = [[2, 2], [6, 2], [6, 3], [2, 3], [2, 2]];
    const touching = [[0, 0], [1, 2], [2, 1], [0, 0]];
    expect(validatePolygonGeometry({ type: 'Polygon', coordinates: [shell, crossing] })).toEqual([
      { code: 'self-intersection', severity: 'warning', part: 0, ring: 1, detail: 'ring 1 crosses ring 0' },
    ]);
    expect(validatePolygonGeometry({ type: 'Polygon', coordinates: [shell, touching] })).toEqual([]);
    expect(ringsCross(shell, [[1, 1], [2, 1], [2, 2], [1, 1]])).toBe(false);
  });

  it('segment tests: crossing, touching, parallel apart', () => {
    expect(segmentsIntersect([0, 0], [2, 0], [1, -1], [1, 1])).toBe(true);
    expect(segmentsIntersect([0, 0], [2, 0], [2, 0], [3, 1])).toBe(true);
    expect(segmentsIntersect([0, 0], [2, 0], [0, 1], [2, 1])).toBe(false);
    expect(segmentsIntersect([0, 0], [1, 0], [2, 0], [3, 0])).toBe(false);
  });
});
