/**
 * Contiguity weights from region polygons, as libpysal defines them (`Queen`, `Rook`):
 *
 * - queen: two regions are neighbours when their boundaries share at least one vertex;
 * - rook: two regions are neighbours when they share at least one edge, i.e. two vertices that
 *   are consecutive on a ring of both (in either direction).
 *
 * Only vertices count: a vertex lying on the other region's edge (a T-junction), a collinear
 * stretch without matching vertices and segments that cross are never contacts. Topologically
 * built files (CBS/PDOK, cartomap, TopoJSON) write shared vertices identically, so the default
 * compares coordinates exactly. For TopoJSON, {@link topologyContiguity} reads the same relation
 * straight from the arcs.
 *
 * For rounded, non-topological files, `tolerance` > 0 snaps vertices: two vertices within
 * `tolerance` of each other (Euclidean, coordinate units) count as the same vertex. This is an
 * explicit choice, not a default, and the weights record it (`method: 'snapped'`).
 *
 * Vertices are matched through a hash (exact) or a uniform grid of cell `tolerance` (snapped), so
 * the cost is linear in the number of vertices. Regions without neighbours (islands) are kept as
 * empty rows; `islands(w)` lists them.
 */
import { VeerkrachtError, showValue } from '../util/errors.js';
import { featureRings, type PolygonFeature } from './rings.js';
import { weightsFromPairs, type SpatialWeights } from './weights.js';

/** Kind of contiguity. */
export type Contiguity = 'queen' | 'rook';

/**
 * How contiguity was found: identical vertices, vertices snapped within a tolerance, or the
 * arcs and quantised vertices of a TopoJSON topology.
 */
export type ContiguityMethod = 'shared-vertices' | 'snapped' | 'topology';

/** Options for {@link contiguityWeights}. */
export interface ContiguityOptions {
  /** queen (default) or rook. */
  contiguity?: Contiguity;
  /**
   * Snap vertices: two vertices at most this far apart (coordinate units) are the same vertex.
   * Default 0: only identical vertices are shared, as libpysal. Use for rounded files that
   * were not built topologically (e.g. 0.75–1.5 coordinate grid steps).
   */
  tolerance?: number;
}

/** Binary contiguity weights plus how they were built. */
export interface ContiguityWeights extends SpatialWeights {
  readonly contiguity: Contiguity;
  /** Snapping tolerance in coordinate units (0 = identical vertices only). */
  readonly tolerance: number;
  /** How the contacts were found. */
  readonly method: ContiguityMethod;
}

/**
 * Check a contiguity kind given by a caller.
 *
 * @param contiguity - the value to check.
 * @returns it, typed.
 * @throws VeerkrachtError when it is not queen or rook.
 * @example checkContiguity('rook') // 'rook'
 */
export function checkContiguity(contiguity: unknown): Contiguity {
  if (contiguity !== 'queen' && contiguity !== 'rook') {
    throw new VeerkrachtError('unknown contiguity', { column: 'contiguity', expected: 'queen or rook', found: showValue(contiguity) });
  }
  return contiguity;
}

/**
 * Build binary queen or rook contiguity weights from polygon features; row i is feature i and
 * `ids[i]` its `properties.code`. Definitions as libpysal `Queen` / `Rook`
 * (Rey & Anselin 2007, PySAL; libpysal.weights.contiguity).
 *
 * @param features - Polygon/MultiPolygon features with a unique `properties.code`.
 * @param options - contiguity kind and optional snapping tolerance.
 * @returns symmetric binary weights (use `rowStandardise` for the 'R' form).
 * @throws VeerkrachtError for a feature without code, a duplicate code, a non-polygon geometry
 *   or a negative / non-finite tolerance.
 * @example
 * const w = contiguityWeights(boundaries.features, { contiguity: 'rook' });
 * islands(w); // codes of buurten without a neighbour
 */
export function contiguityWeights(features: readonly PolygonFeature[], options: ContiguityOptions = {}): ContiguityWeights {
  const contiguity = checkContiguity(options.contiguity ?? 'queen');
  const tolerance = options.tolerance ?? 0;
  if (typeof tolerance !== 'number' || !(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new VeerkrachtError('invalid tolerance', { column: 'tolerance', expected: 'a finite number ≥ 0', found: showValue(tolerance) });
  }
  const ids = featureCodes(features);
  const v = collectVertices(features);
  const pairs = tolerance === 0 ? exactPairs(v, ids.length, contiguity) : snappedPairs(v, ids.length, contiguity, tolerance);
  return { ...weightsFromPairs(ids, pairs), contiguity, tolerance, method: tolerance === 0 ? 'shared-vertices' : 'snapped' };
}

/**
 * The region codes of features, checked: present and unique.
 *
 * @param features - features with `properties.code`.
 * @returns the codes in feature order.
 * @throws VeerkrachtError for a missing or duplicate code, naming the feature.
 * @example featureCodes([{ geometry: null, properties: { code: 'BU1' } }]) // ['BU1']
 */
export function featureCodes(features: readonly PolygonFeature[]): string[] {
  const seen = new Map<string, number>();
  return features.map((f, i) => {
    const code = f.properties?.code;
    if (typeof code !== 'string' || code === '') {
      throw new VeerkrachtError('feature without a region code', { feature: i, column: 'code', expected: 'a region code', found: showValue(code ?? null) });
    }
    const prev = seen.get(code);
    if (prev !== undefined) {
      throw new VeerkrachtError(`duplicate region code (also feature ${prev})`, { feature: i, column: 'code', expected: 'unique codes', found: showValue(code) });
    }
    seen.set(code, i);
    return code;
  });
}

interface Vertices {
  x: Float64Array;
  y: Float64Array;
  owner: Int32Array;
  /** Next and previous vertex on the same ring (cyclic). */
  next: Int32Array;
  prev: Int32Array;
}

/** Ring vertices without the closing repeat and without consecutive duplicates. */
function collectVertices(features: readonly PolygonFeature[]): Vertices {
  const xs: number[] = [];
  const ys: number[] = [];
  const owner: number[] = [];
  const next: number[] = [];
  const prev: number[] = [];
  features.forEach((f, i) => {
    for (const ring of featureRings(f, i)) {
      const start = xs.length;
      for (const p of ring) {
        const last = xs.length - 1;
        if (last >= start && xs[last] === p[0] && ys[last] === p[1]) continue;
        xs.push(p[0]);
        ys.push(p[1]);
        owner.push(i);
      }
      while (xs.length - start > 1 && xs[xs.length - 1] === xs[start] && ys[ys.length - 1] === ys[start]) {
        xs.pop();
        ys.pop();
        owner.pop();
      }
      const m = xs.length - start;
      for (let k = 0; k < m; k++) {
        next.push(start + ((k + 1) % m));
        prev.push(start + ((k + m - 1) % m));
      }
    }
  });
  return {
    x: Float64Array.from(xs), y: Float64Array.from(ys), owner: Int32Array.from(owner),
    next: Int32Array.from(next), prev: Int32Array.from(prev),
  };
}

/** Adds the pair (fa, fb) once. */
function pairCollector(n: number): { add: (fa: number, fb: number) => void; pairs: number[] } {
  const found = new Set<number>();
  const pairs: number[] = [];
  return {
    pairs,
    add(fa, fb) {
      const key = fa < fb ? fa * n + fb : fb * n + fa;
      if (found.has(key)) return;
      found.add(key);
      pairs.push(fa, fb);
    },
  };
}

function exactPairs(v: Vertices, n: number, contiguity: Contiguity): number[] {
  const groups = new Map<string, number[]>();
  for (let u = 0; u < v.x.length; u++) {
    const key = `${v.x[u]} ${v.y[u]}`;
    const g = groups.get(key);
    if (g) g.push(u);
    else groups.set(key, [u]);
  }
  const same = (a: number, b: number): boolean => v.x[a] === v.x[b] && v.y[a] === v.y[b];
  return matchPairs(v, n, contiguity, groups.values(), same);
}

/** Most vertex comparisons snapping may make (≈ a few seconds). */
const MAX_SNAP_COMPARISONS = 2e8;

function snappedPairs(v: Vertices, n: number, contiguity: Contiguity, tol: number): number[] {
  const cellKey = (gx: number, gy: number): string => `${gx} ${gy}`;
  const grid = new Map<string, number[]>();
  for (let u = 0; u < v.x.length; u++) {
    const key = cellKey(Math.floor(v.x[u] / tol), Math.floor(v.y[u] / tol));
    const g = grid.get(key);
    if (g) g.push(u);
    else grid.set(key, [u]);
  }
  // A tolerance far above the rounding of the coordinates puts most vertices in a few cells and
  // the comparisons grow quadratically: refuse it instead of hanging.
  let work = 0;
  for (const [key, list] of grid) {
    const [gx, gy] = key.split(' ').map(Number);
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) work += list.length * (grid.get(cellKey(gx + dx, gy + dy))?.length ?? 0);
  }
  if (work > MAX_SNAP_COMPARISONS) {
    throw new VeerkrachtError('snapping tolerance too large for these polygons', {
      column: 'tolerance', expected: 'a distance of the order of the coordinate rounding (e.g. 1.5 grid steps)', found: showValue(tol),
    });
  }
  const near = (a: number, b: number): boolean => Math.hypot(v.x[a] - v.x[b], v.y[a] - v.y[b]) <= tol;
  // Candidate groups: each vertex with every vertex of its own and the 8 surrounding cells.
  function* candidates(): Generator<number[]> {
    for (let u = 0; u < v.x.length; u++) {
      const gx = Math.floor(v.x[u] / tol);
      const gy = Math.floor(v.y[u] / tol);
      const group = [u];
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          for (const w of grid.get(cellKey(gx + dx, gy + dy)) ?? []) if (w !== u && near(u, w)) group.push(w);
        }
      }
      if (group.length > 1) yield group;
    }
  }
  return matchPairs(v, n, contiguity, candidates(), near, true);
}

/**
 * Pairs of features from groups of matching vertices. With `anchored`, only the first vertex of
 * a group is matched against the others (snapping is not transitive); else all members match.
 */
function matchPairs(
  v: Vertices, n: number, contiguity: Contiguity, groups: Iterable<number[]>, match: (a: number, b: number) => boolean, anchored = false,
): number[] {
  const out = pairCollector(n);
  for (const g of groups) {
    if (g.length < 2) continue;
    const top = anchored ? 1 : g.length;
    for (let p = 0; p < top; p++) {
      const a = g[p];
      for (let q = p + 1; q < g.length; q++) {
        const b = g[q];
        const fa = v.owner[a];
        const fb = v.owner[b];
        if (fa === fb) continue;
        if (contiguity === 'queen') {
          out.add(fa, fb);
          continue;
        }
        // rook: the edge a→next(a) is also an edge of b's ring, in either direction
        const an = v.next[a];
        const ap = v.prev[a];
        if (match(an, v.next[b]) || match(an, v.prev[b]) || match(ap, v.next[b]) || match(ap, v.prev[b])) out.add(fa, fb);
      }
    }
  }
  return out.pairs;
}
