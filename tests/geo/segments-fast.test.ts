import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Position } from 'geojson';
import { orderByKey, ringSelfIntersections, ringSelfIntersectionsPacked, segmentsIntersect } from '../../src/geo/segments.js';

/** The ring packed (x, y interleaved) after `pad` numbers of something else, as a store holds it. */
function packedAt(ring: Position[], pad: number): Float64Array {
  const xy = new Float64Array(pad + 2 * ring.length).fill(-7);
  ring.forEach((p, i) => xy.set([p[0], p[1]], pad + 2 * i));
  return xy;
}


/** Independent: every pair of segments of the ring (consecutive repeats removed), all with all. */
function bruteForce(ring: Position[]): boolean {
  const pts: Position[] = [];
  for (const p of ring) if (pts.length === 0 || pts[pts.length - 1][0] !== p[0] || pts[pts.length - 1][1] !== p[1]) pts.push(p);
  if (pts.length > 1 && (pts[0][0] !== pts[pts.length - 1][0] || pts[0][1] !== pts[pts.length - 1][1])) pts.push(pts[0]);
  const n = pts.length - 1;
  if (n < 3) return false;
  const cross = (a: Position, b: Position, c: Position) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  const inBox = (a: Position, b: Position, p: Position) =>
    Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (j === i + 1 || (i === 0 && j === n - 1)) {
        // neighbours: only folding back on each other counts
        const [s, t] = j === i + 1 ? [i, j] : [j, i];
        const a = pts[s];
        const b = pts[s + 1];
        const c = pts[t + 1];
        if (cross(a, b, c) === 0 && (inBox(a, b, c) || inBox(b, c, a))) return true;
      } else if (segmentsIntersect(pts[i], pts[i + 1], pts[j], pts[j + 1])) return true;
    }
  }
  return false;
}

describe('the sweep\'s order (orderByKey)', () => {
  it('is a permutation in increasing key order, with crowds, ties, spread and one value', () => {
    const key = fc.oneof(fc.constant(5), fc.integer({ min: 0, max: 9 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 400 }), (values) => {
        const keys = Float64Array.from(values);
        const order = Array.from(orderByKey(keys, keys.length).subarray(0, keys.length));
        expect([...order].sort((a, b) => a - b)).toEqual(values.map((_, i) => i));
        for (let k = 1; k < order.length; k++) expect(keys[order[k - 1]]).toBeLessThanOrEqual(keys[order[k]]);
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});

describe('self-intersection search (fast path for simple rings)', () => {
  it('finds a touch or crossing exactly when some pair of segments meets (random rings on a coarse grid)', () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }));
    fc.assert(
      fc.property(fc.array(point, { minLength: 3, maxLength: 14 }), (ps) => {
        const ring = [...ps, ps[0]] as Position[];
        const expected = bruteForce(ring);
        expect(ringSelfIntersections(ring, 1).length > 0).toBe(expected);
        expect(ringSelfIntersectionsPacked(packedAt(ring, 6), 6, ring.length, 1).length > 0).toBe(expected);
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it('rings of up to 200 positions with crowds at one x (the sweep\'s order by bucket): packed as arrays, both as all pairs', () => {
    // a coarse x grid makes many segments start at the same x (buckets of more than 64)
    const point = fc.tuple(fc.oneof(fc.constant(3), fc.integer({ min: 0, max: 40 })), fc.integer({ min: 0, max: 400 }));
    let found = 0;
    fc.assert(
      fc.property(fc.array(point, { minLength: 3, maxLength: 200 }), (ps) => {
        const ring = [...ps, ps[0]] as Position[];
        const expected = bruteForce(ring);
        if (expected) found++;
        expect(ringSelfIntersectionsPacked(packedAt(ring, 2), 2, ring.length, 1).length > 0).toBe(expected);
        expect(ringSelfIntersectionsPacked(packedAt(ring, 0), 0, ring.length)).toEqual(ringSelfIntersections(ring));
      }),
      { numRuns: 300, seed: 23 },
    );
    expect(found).toBeGreaterThan(0);
  });

  it('simple rings with many near-vertical segments (a jittered north–south edge) are simple; one moved point is found', () => {
    const ring: Position[] = [];
    for (let k = 0; k <= 400; k++) ring.push([1000 + (k % 2 ? 0.4 : -0.4), k * 2]);
    ring.push([0, 800], [0, 0], ring[0]);
    expect(ringSelfIntersections(ring)).toEqual([]);
    expect(ringSelfIntersectionsPacked(packedAt(ring, 0), 0, ring.length)).toEqual([]);
    expect(bruteForce(ring)).toBe(false);
    const bad = ring.map((p) => p.slice());
    bad[200] = [-1, 400]; // a spike through the far edge
    expect(ringSelfIntersections(bad, 1)).not.toEqual([]);
    expect(ringSelfIntersectionsPacked(packedAt(bad, 4), 4, bad.length, 1)).toEqual(ringSelfIntersections(bad, 1));
    expect(bruteForce(bad)).toBe(true);
  });

  it('long rings (over 2,048 segments): a touch is found exactly when some pair meets', () => {
    // a jittered circle of 2,400 vertices, then single vertices pulled across it
    let seed = 9;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const circle: Position[] = Array.from({ length: 2400 }, (_, k) => {
      const a = (k / 2400) * 2 * Math.PI;
      const r = 1000 + (k % 2) * 0.5;
      return [Math.round(r * Math.cos(a) * 100) / 100, Math.round(r * Math.sin(a) * 100) / 100];
    });
    circle.push(circle[0]);
    expect(ringSelfIntersections(circle)).toEqual([]);
    expect(bruteForce(circle)).toBe(false);
    let found = 0;
    for (let t = 0; t < 12; t++) {
      const ring = circle.map((p) => p.slice());
      const k = 1 + Math.floor(rnd() * 2398);
      // 1 m inwards (no touch), or through the centre and out past the far side (a crossing)
      const f = t % 3 === 0 ? 0.001 : 2.05 + rnd() * 0.5;
      ring[k] = [ring[k][0] * (1 - f), ring[k][1] * (1 - f)];
      const expected = bruteForce(ring);
      expect(ringSelfIntersections(ring, 1).length > 0).toBe(expected);
      expect(ringSelfIntersectionsPacked(packedAt(ring, 2), 2, ring.length, 1).length > 0).toBe(expected);
      if (expected) found++;
    }
    expect(found).toBeGreaterThan(3);
  });
});
