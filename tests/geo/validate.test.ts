import { describe, expect, it } from 'vitest';
import { completeSelfIntersections, createValidationMemo, validatePolygonGeometry, validateWithMemo } from '../../src/geo/validate.js';
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

describe('validation through a memo (each identical geometry once)', () => {
  const square = (d: number) => ({ type: 'Polygon' as const, coordinates: [[[0, 0], [d, 0], [d, d], [0, d], [0, 0]]] });
  const bowtie = (d: number) => ({ type: 'Polygon' as const, coordinates: [[[0, 0], [d, d], [d, 0], [0, d], [0, 0]]] });

  it('validates an identical geometry (other arrays, same numbers) once and hands back the first arrays', () => {
    const memo = createValidationMemo();
    const first = square(1);
    const again = structuredClone(first);
    const a = validateWithMemo(first, memo);
    const b = validateWithMemo(again, memo);
    expect(a.problems).toEqual([]);
    expect(b.problems).toEqual([]);
    expect(b.geometry).toBe(first);
    expect(memo).toMatchObject({ validated: 1, reused: 1 });
  });

  it('a different geometry is validated and its problems are its own', () => {
    const memo = createValidationMemo();
    validateWithMemo(square(2), memo);
    const tie = validateWithMemo(bowtie(2), memo);
    expect(tie.problems).toEqual(validatePolygonGeometry(bowtie(2)));
    expect(tie.problems[0]).toMatchObject({ code: 'self-intersection' });
    // the identical bow tie again: the same problem, found once
    expect(validateWithMemo(bowtie(2), memo).problems).toEqual(tie.problems);
    expect(memo).toMatchObject({ validated: 2, reused: 1 });
  });

  it('the same numbers as another type, or with the self-intersection search switched, are validated again', () => {
    const memo = createValidationMemo();
    const tie = bowtie(3);
    expect(validateWithMemo(tie, memo, { selfIntersections: false }).problems).toEqual([]);
    expect(validateWithMemo(tie, memo).problems[0]).toMatchObject({ code: 'self-intersection' });
    expect(validateWithMemo({ type: 'MultiPolygon', coordinates: tie.coordinates } as never, memo).problems[0]).toMatchObject({ code: 'malformed-coordinates' });
    expect(memo).toMatchObject({ validated: 3, reused: 0 });
  });

  it('broken geometries are validated every time, with the same errors as without a memo', () => {
    const memo = createValidationMemo();
    for (const g of [null, { type: 'Point', coordinates: [0, 0] }, { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [null, 1], [0, 1], [0, 0]]] }, { type: 'Polygon', coordinates: 'x' }]) {
      for (let k = 0; k < 2; k++) expect(validateWithMemo(structuredClone(g) as never, memo).problems).toEqual(validatePolygonGeometry(g as never));
    }
    expect(memo.reused).toBe(0);
  });

  it('the search completed later gives what validating with it gives, problem for problem and in order', () => {
    const ring = (pts: number[][]) => [...pts, pts[0]];
    const shell = ring([[0, 0], [10, 0], [10, 10], [0, 10]]);
    const hole = ring([[2, 2], [2, 4], [4, 4], [4, 2]]);
    const crossingHole = ring([[8, 8], [8, 12], [12, 12], [12, 8]]); // crosses the shell
    const tie = ring([[20, 0], [22, 2], [22, 0], [20, 2]]); // a bow tie
    const pinch = ring([[30, 0], [34, 0], [32, 2], [34, 4], [30, 4], [32, 2]]); // touches itself at [32, 2]
    const geometries = [
      { type: 'Polygon', coordinates: [shell, hole] }, // valid
      { type: 'Polygon', coordinates: [tie] },
      { type: 'Polygon', coordinates: [shell, crossingHole] }, // rings that cross
      { type: 'Polygon', coordinates: [tie, crossingHole] }, // a ring touching itself: the crossing is not looked for
      { type: 'MultiPolygon', coordinates: [[shell, hole], [tie], [pinch], [shell, crossingHole]] },
      { type: 'MultiPolygon', coordinates: [[tie], [[[0, 0], [1, 0], [0, 0]]], [pinch]] }, // a broken ring beside them
    ];
    let found = 0;
    for (const g of geometries) {
      const memo = createValidationMemo();
      const { entry } = validateWithMemo(structuredClone(g) as never, memo, { selfIntersections: false });
      const full = validatePolygonGeometry(g as never);
      found += full.filter((p) => p.code === 'self-intersection').length;
      expect(completeSelfIntersections(entry!)).toEqual(full);
      // and the memo now answers as one validated with the search
      expect(validateWithMemo(structuredClone(g) as never, memo).problems).toEqual(full);
      expect(memo.reused).toBe(1);
    }
    expect(found).toBe(8); // 0 + 1 + 1 + 1 (no crossing looked for) + 3 + 2: the cases do find warnings
  });
});
