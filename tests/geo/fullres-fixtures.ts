// Planted full-resolution geometry: every edge densified with runs of exactly collinear points
// and runs of jittered points, deterministically per edge (canonical direction), so that two
// neighbours carry exactly the same points on their shared edge (in opposite order), as in a
// full-resolution CBS file. Used by tests/geo, tests/spatial-free checks and tests/run.
import type { Polygon, MultiPolygon, Position } from 'geojson';
import type { RegionFeature } from '../../src/geo/types.js';

/** 32-bit FNV-1a. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const canonical = (a: Position, b: Position) => a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);
export const edgeKey = (a: Position, b: Position) => {
  const [p, q] = canonical(a, b) ? [a, b] : [b, a];
  return `${p[0]},${p[1]};${q[0]},${q[1]}`;
};

/**
 * The points inserted on edge a → b (ends excluded): `k` points, alternating runs of 10
 * collinear points (exactly on the edge for axis-parallel edges; rounded to the centimetre
 * otherwise) and runs of 10 points moved across the edge by up to `amp` (none in the first and
 * last 5 % of the edge).
 */
export function edgePoints(a: Position, b: Position, k: number, amp: number): Position[] {
  const fwd = canonical(a, b);
  const [p, q] = fwd ? [a, b] : [b, a];
  let s = hash(edgeKey(a, b));
  const next = () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 4294967296;
  };
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const len = Math.hypot(dx, dy);
  const out: Position[] = [];
  for (let i = 1; i <= k; i++) {
    const t = i / (k + 1);
    const jitter = Math.floor((i - 1) / 10) % 2 === 1 && t > 0.05 && t < 0.95;
    const off = jitter ? amp * (next() * 2 - 1) : 0;
    const x = p[0] + t * dx + (off * -dy) / len;
    const y = p[1] + t * dy + (off * dx) / len;
    // axis-parallel edges keep the exact constant coordinate on the collinear runs
    out.push([dx === 0 && off === 0 ? p[0] : Math.round(x * 100) / 100, dy === 0 && off === 0 ? p[1] : Math.round(y * 100) / 100]);
  }
  return fwd ? out : out.reverse();
}

/** A ring with every edge densified; `extra(a, b)` points per edge. */
export function densifyRing(ring: Position[], extra: (a: Position, b: Position) => number, amp: number): Position[] {
  const out: Position[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    out.push(ring[i]);
    out.push(...edgePoints(ring[i], ring[i + 1], extra(ring[i], ring[i + 1]), amp));
  }
  out.push(ring[ring.length - 1]);
  return out;
}

/**
 * Features with every edge densified (`perEdge` points, `amp` metres of jitter); the ring of
 * `longCode` gets more than `longVertices` vertices (its neighbours share those long edges).
 */
export function densifyFeatures(features: readonly RegionFeature[], opts: { perEdge: number; amp: number; longCode?: string; longVertices?: number }): RegionFeature[] {
  const long = new Map<string, number>();
  const lf = opts.longCode ? features.find((f) => f.properties.code === opts.longCode) : undefined;
  if (lf) {
    const ring = (lf.geometry.type === 'Polygon' ? lf.geometry.coordinates : lf.geometry.coordinates[0])[0];
    const per = Math.ceil((opts.longVertices ?? 100_000) / (ring.length - 1));
    for (let i = 0; i + 1 < ring.length; i++) long.set(edgeKey(ring[i], ring[i + 1]), per);
  }
  const extra = (a: Position, b: Position) => long.get(edgeKey(a, b)) ?? opts.perEdge;
  const poly = (rings: Position[][]) => rings.map((r) => densifyRing(r, extra, opts.amp));
  return features.map((f) => {
    const g = f.geometry;
    const geometry: Polygon | MultiPolygon = g.type === 'Polygon' ? { type: 'Polygon', coordinates: poly(g.coordinates) } : { type: 'MultiPolygon', coordinates: g.coordinates.map(poly) };
    return { ...f, geometry };
  });
}

/** A cols × rows lattice of `size`-metre squares in RD (counter-clockwise), codes BU0001000r c. */
export function lattice(cols: number, rows: number, size = 1000): RegionFeature[] {
  const out: RegionFeature[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = 100_000 + c * size;
      const y = 400_000 + r * size;
      const ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
      out.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { code: `BU0001${String(r).padStart(2, '0')}${String(c).padStart(2, '0')}`, name: null } });
    }
  }
  return out;
}

/** Vertices of a feature. */
export function verticesOf(f: RegionFeature): number {
  const g = f.geometry;
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).reduce((s, p) => s + p.reduce((t, r) => t + r.length, 0), 0);
}
