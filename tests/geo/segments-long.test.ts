// Self-intersection search on full-resolution rings (issue 17): above GRID_SEGMENTS segments the
// candidates come from a subdivision of the ring's box, so long collinear runs (a straight
// north–south edge with thousands of points) and millimetre-dense edges beside 60-metre segments
// are not compared all with all. Checked against a brute-force O(n²) search.
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { GRID_SEGMENTS, ringSelfIntersections, segmentsIntersect } from '../../src/geo/segments.js';
import { densifyRing } from './fullres-fixtures.js';

/** For every offending pair (i < j), i: segments that meet a non-adjacent one, or fold back on their neighbour. */
function bruteForce(ring: Position[]): number[] {
  const n = ring.length - 1;
  const out: number[] = [];
  const orient = (a: Position, b: Position, c: Position) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  const between = (a: Position, b: Position, p: Position) => Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (j === i + 1 || (i === 0 && j === n - 1)) {
        const [s, t] = j === i + 1 ? [i, j] : [j, i];
        const a = ring[s];
        const b = ring[s + 1];
        const c = ring[t + 1];
        if (orient(a, b, c) === 0 && (between(a, b, c) || between(b, c, a))) out.push(i);
      } else if (segmentsIntersect(ring[i], ring[i + 1], ring[j], ring[j + 1])) out.push(i);
    }
  }
  return out.sort((x, y) => x - y);
}

/** A star-shaped (simple) ring of n vertices with a seeded radius. */
function star(n: number, seed: number): Position[] {
  let s = seed;
  const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const r = 1000 + 300 * u();
    ring.push([Math.round(r * Math.cos(t) * 100) / 100, Math.round(r * Math.sin(t) * 100) / 100]);
  }
  ring.push(ring[0]);
  return ring;
}

describe('ringSelfIntersections on long rings (subdivision candidates)', () => {
  it('finds nothing in a simple 100,000-vertex square with long collinear runs on every side', () => {
    const ring = densifyRing([[0, 0], [1000, 0], [1000, 1000], [0, 1000], [0, 0]], () => 25_000, 0.3);
    expect(ring.length).toBeGreaterThan(100_000);
    expect(ringSelfIntersections(ring)).toEqual([]);
  });

  it('finds a planted crossing and a planted touch in that ring', () => {
    const ring = densifyRing([[0, 0], [1000, 0], [1000, 1000], [0, 1000], [0, 0]], () => 25_000, 0.3);
    // a spike from the bottom edge across the top edge, and a vertex of the left edge moved onto the right edge
    const crossing = ring.map((p) => p.slice());
    crossing[12_500] = [500, 1500];
    expect(ringSelfIntersections(crossing).length).toBeGreaterThan(0);
    const touch = ring.map((p) => p.slice());
    const k = touch.length - 12_500; // on the left edge, going down
    touch[k] = [1000, touch[k][1]];
    expect(ringSelfIntersections(touch).length).toBeGreaterThan(0);
  });

  it('agrees with a brute-force search on rings just above the grid threshold', () => {
    for (const seed of [1, 2, 3]) {
      const ring = star(GRID_SEGMENTS + 300, seed);
      expect(ringSelfIntersections(ring, Infinity)).toEqual([]);
      // swap two vertex runs: crossings
      const bad = ring.map((p) => p.slice());
      for (let i = 0; i < 5; i++) [bad[100 + i * 400], bad[300 + i * 400]] = [bad[300 + i * 400], bad[100 + i * 400]];
      const want = bruteForce(bad);
      expect(want.length).toBeGreaterThan(0);
      expect(ringSelfIntersections(bad, Infinity)).toEqual(want);
    }
  });

  it('agrees with brute force on a ring mixing a millimetre-dense 5 m edge with 1 km edges', () => {
    // a notch of 5 m in a 1 km square, its diagonal densified with 5,000 points (1 mm apart)
    const base: Position[] = [[0, 0], [1000, 0], [1000, 1000], [503, 1000], [500, 996], [497, 1000], [0, 1000], [0, 0]];
    const ring: Position[] = [];
    for (let e = 0; e + 1 < base.length; e++) {
      const [a, b] = [base[e], base[e + 1]];
      const k = Math.hypot(b[0] - a[0], b[1] - a[1]) < 10 ? 2500 : 3; // unrounded: no repeats
      for (let i = 0; i <= k; i++) ring.push([a[0] + ((b[0] - a[0]) * i) / (k + 1), a[1] + ((b[1] - a[1]) * i) / (k + 1)]);
    }
    ring.push(base[0]);
    expect(ring.length).toBeGreaterThan(GRID_SEGMENTS);
    expect(ringSelfIntersections(ring, Infinity)).toEqual(bruteForce(ring));
    expect(ringSelfIntersections(ring)).toEqual([]);
    // a point of the dense edge pulled across the other side of the notch
    const bad = ring.map((p) => p.slice());
    const k = bad.findIndex((p) => p[0] > 501 && p[0] < 502);
    bad[k] = [497.5, 997];
    const want = bruteForce(bad);
    expect(want.length).toBeGreaterThan(0);
    expect(ringSelfIntersections(bad, Infinity)).toEqual(want);
  });

  it('gives the sweep\'s answer on rings below the threshold (unchanged behaviour)', () => {
    const ring = star(500, 9);
    const bad = ring.map((p) => p.slice());
    [bad[10], bad[200]] = [bad[200], bad[10]];
    expect(ringSelfIntersections(bad, Infinity)).toEqual(bruteForce(bad));
  });
});
