// Contiguity on the real 111 buurten of Utrecht (cartomap, 2023, 3 decimals), checked against
// an independent brute-force boundary distance over every pair of segments.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { sharedData } from '../helpers/shared.js';
import { contiguityWeights } from '../../src/spatial/contiguity.js';
import { moranAnalysis } from '../../src/spatial/analysis.js';
import { polygonCentroids } from '../../src/spatial/centroid.js';
import { entryIndex, islands, isSymmetric, type SpatialWeights } from '../../src/spatial/weights.js';
import type { PolygonFeature } from '../../src/spatial/rings.js';

const doc = JSON.parse(readFileSync(sharedData('geo/buurten_2023_GM0344_utrecht_wgs84.geojson'), 'utf8'));
const features: PolygonFeature[] = (doc.features as Feature<Polygon, { statcode: string }>[]).map((f) => ({
  geometry: f.geometry,
  properties: { code: f.properties.statcode },
}));

type Seg = [number, number, number, number];
const segs: Seg[][] = features.map((f) => {
  const out: Seg[] = [];
  for (const ring of (f.geometry as Polygon).coordinates) {
    for (let k = 0; k + 1 < ring.length; k++) out.push([ring[k][0], ring[k][1], ring[k + 1][0], ring[k + 1][1]]);
  }
  return out;
});

// Brute force, written independently of src/spatial/segments.ts.
function ptSeg(px: number, py: number, [ax, ay, bx, by]: Seg): number {
  const dx = bx - ax, dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2));
  return Math.hypot(ax + t * dx - px, ay + t * dy - py);
}
function boundaryDistance(a: Seg[], b: Seg[]): number {
  let d = Infinity;
  for (const s of a) for (const t of b) d = Math.min(d, ptSeg(s[0], s[1], t), ptSeg(s[2], s[3], t), ptSeg(t[0], t[1], s), ptSeg(t[2], t[3], s));
  return d;
}
/** Total length of a's segments lying (sampled at 20 points each) within eps of b's boundary. */
function sharedBoundary(a: Seg[], b: Seg[], eps: number): number {
  let len = 0;
  for (const s of a) {
    const l = Math.hypot(s[2] - s[0], s[3] - s[1]);
    let inside = 0;
    for (let k = 0; k < 20; k++) {
      const f = (k + 0.5) / 20;
      const px = s[0] + f * (s[2] - s[0]), py = s[1] + f * (s[3] - s[1]);
      if (b.some((t) => ptSeg(px, py, t) <= eps)) inside++;
    }
    len += (l * inside) / 20;
  }
  return len;
}

const n = features.length;
const dist: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(Infinity));
for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) dist[i][j] = dist[j][i] = boundaryDistance(segs[i], segs[j]);

// snapping within half the 0.001° grid of this rounded file, as an explicit option (the default is libpysal's shared vertex)
const queen = contiguityWeights(features, { contiguity: 'queen', tolerance: 0.0005 });
const rook = contiguityWeights(features, { contiguity: 'rook', tolerance: 0.0005 });
const pairs = (w: SpatialWeights) => {
  const out: [number, number][] = [];
  for (let i = 0; i < w.ids.length; i++) for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) if (i < w.neighbours[t]) out.push([i, w.neighbours[t]]);
  return out;
};

describe('contiguity on the 111 buurten of Utrecht', () => {
  it('reads 111 buurten, tolerance half of the 0.001° grid', () => {
    expect(queen.ids.length).toBe(111);
    expect(queen.tolerance).toBeCloseTo(0.0005, 12);
  });

  it('is symmetric with no islands, queen ⊇ rook', () => {
    expect(isSymmetric(queen)).toBe(true);
    expect(isSymmetric(rook)).toBe(true);
    expect(islands(queen)).toEqual([]);
    expect(islands(rook)).toEqual([]);
    for (const [i, j] of pairs(rook)) expect(entryIndex(queen, i, j)).toBeGreaterThanOrEqual(0);
    expect(pairs(rook).length).toBeGreaterThan(250);
  });

  it('queen with snapping: every pair comes within the tolerance (brute force)', () => {
    // snapping joins vertices, not a vertex and an edge: a pair that only comes near along an
    // edge is no contact, so the converse does not hold
    const tol = queen.tolerance;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) if (entryIndex(queen, i, j) >= 0) expect(dist[i][j], `${queen.ids[i]}–${queen.ids[j]}`).toBeLessThanOrEqual(tol);
    }
  });

  it('with a near-zero tolerance queen is exactly the set of pairs whose boundaries touch (distance 0)', () => {
    const exact = contiguityWeights(features, { contiguity: 'queen', tolerance: 1e-12 });
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(entryIndex(exact, i, j) >= 0).toBe(dist[i][j] < 1e-12);
    // The file keeps shared edges exact: the default tolerance adds at most a handful of near touches.
    expect(queen.neighbours.length - exact.neighbours.length).toBeLessThanOrEqual(2 * 2);
  });

  it('rook: every pair shares a stretch of border of at least one grid step (brute-force sampling)', () => {
    for (const [i, j] of pairs(rook)) expect(sharedBoundary(segs[i], segs[j], rook.tolerance)).toBeGreaterThan(0.0009);
  });

  it('rook: every pair that shares an exact border longer than one grid step is a rook pair', () => {
    let sharing = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (dist[i][j] === 0 && sharedBoundary(segs[i], segs[j], 1e-12) > 0.001) {
          sharing++;
          expect(entryIndex(rook, i, j), `${rook.ids[i]}–${rook.ids[j]}`).toBeGreaterThanOrEqual(0);
        }
      }
    }
    expect(sharing).toBeGreaterThan(250);
  });

  it('a planted west–east gradient (centroid longitude) is strongly clustered; LISA flags HH in the east and LL in the west', () => {
    const c = polygonCentroids(features);
    const values = Array.from(c.x);
    values[5] = NaN; // one missing value: left out and reported
    const r = moranAnalysis(features, values, { contiguity: 'queen', permutations: 199, seed: 1 });
    expect(r.missing).toEqual([features[5].properties!.code]);
    expect(r.global.n).toBe(110);
    expect(r.global.I).toBeGreaterThan(0.7);
    expect(r.global.p_sim).toBe(1 / 200);
    const east = values.indexOf(Math.max(...values.filter(Number.isFinite)));
    const west = values.indexOf(Math.min(...values.filter(Number.isFinite)));
    const k = (i: number) => r.local.ids.indexOf(features[i].properties!.code);
    expect(r.local.quadrant[k(east)]).toBe(1);
    expect(r.local.quadrant[k(west)]).toBe(3);
  });
});
