/**
 * Contiguity weights from region polygons, robust to the coordinate rounding of simplified files.
 *
 * - queen: two regions are neighbours when their boundaries come within `tolerance` of each
 *   other anywhere (a shared vertex, a vertex on the other's edge, or a shared edge).
 * - rook: two regions are neighbours when their boundaries run together, within `tolerance`,
 *   over at least `minSharedLength` (a shared edge of positive length; by default one coordinate
 *   grid step), found by segment overlap, so edges match in either direction and also when one
 *   side has an extra vertex on the shared edge (a T-junction), even when rounding moved that
 *   vertex off the edge by less than `tolerance`. Shorter stretches are corner touches whose
 *   edges leave a shared vertex at a small angle: queen, not rook.
 *
 * The default tolerance (half a grid step, see {@link defaultTolerance}) finds every shared
 * vertex and edge of topologically built files (cartomap, TopoJSON, CBS/PDOK), where shared
 * vertices are identical, and T-junction vertices moved less than half a step. Rounding can move
 * a T-junction vertex up to ≈ 0.71 grid step off an edge whose end points are exact (and up to
 * ≈ 1.41 step when those moved too): for non-topological, rounded files pass a larger
 * `tolerance` (0.75–1.5 steps). Measured on the 111 Utrecht buurten (3 decimals, shared edges
 * exact), against exact contiguity: half a step adds 1 queen and 1 rook pair; 0.75 step 3 and
 * 1; 1.5 steps 30 and 19.
 *
 * Queen ⊇ rook by construction. Candidate segment pairs come from a uniform grid over all
 * segments (cell ≈ the median segment length), so the cost is near-linear in the number of
 * vertices. Regions without neighbours (islands) are kept as empty rows; `islands(w)` lists them.
 * Definitions as libpysal `Queen`/`Rook`.
 */
import { VeerkrachtError, showValue } from '../util/errors.js';
import { featureRings, type PolygonFeature } from './rings.js';
import { segmentDistance, sharedLength } from './segments.js';
import { defaultTolerance } from './tolerance.js';
import { weightsFromPairs, type SpatialWeights } from './weights.js';

/** Kind of contiguity. */
export type Contiguity = 'queen' | 'rook';

/** Options for {@link contiguityWeights}. */
export interface ContiguityOptions {
  /** queen (default) or rook. */
  contiguity?: Contiguity;
  /** Snapping tolerance in coordinate units; default {@link defaultTolerance} of the data. */
  tolerance?: number;
  /**
   * Rook only: the shortest stretch two boundaries must run together (within `tolerance`) to
   * count as a shared edge. Default: 2 × the data's default tolerance (one coordinate grid step
   * for rounded coordinates), whatever `tolerance` is; never below 2 × `tolerance` / 3.
   */
  minSharedLength?: number;
}

/** Binary contiguity weights plus how they were built. */
export interface ContiguityWeights extends SpatialWeights {
  readonly contiguity: Contiguity;
  /** The tolerance used, in coordinate units. */
  readonly tolerance: number;
  /** The minimum shared length used for rook, in coordinate units. */
  readonly minSharedLength: number;
}

/**
 * Build binary queen or rook contiguity weights from polygon features; row i is feature i and
 * `ids[i]` its `properties.code`.
 *
 * @param features - Polygon/MultiPolygon features with a unique `properties.code`.
 * @param options - contiguity kind and tolerance.
 * @returns symmetric binary weights (use `rowStandardise` for the 'R' form).
 * @throws VeerkrachtError for a feature without code, a duplicate code or a non-polygon geometry.
 * @example
 * const w = contiguityWeights(boundaries.features, { contiguity: 'rook' });
 * islands(w); // codes of buurten without a neighbour
 */
export function contiguityWeights(features: readonly PolygonFeature[], options: ContiguityOptions = {}): ContiguityWeights {
  const contiguity = options.contiguity ?? 'queen';
  if (contiguity !== 'queen' && contiguity !== 'rook') {
    throw new VeerkrachtError('unknown contiguity', { column: 'contiguity', expected: 'queen or rook', found: showValue(contiguity) });
  }
  const ids = featureCodes(features);
  const segs = collectSegments(features);
  const tolerance = options.tolerance ?? defaultTolerance(segs.coords);
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new VeerkrachtError('invalid tolerance', { column: 'tolerance', expected: 'a finite number ≥ 0', found: showValue(tolerance) });
  }
  const minShared = options.minSharedLength ?? Math.max(2 * defaultTolerance(segs.coords), (2 * tolerance) / 3);
  if (!(minShared >= 0) || !Number.isFinite(minShared)) {
    throw new VeerkrachtError('invalid minimum shared length', { column: 'minSharedLength', expected: 'a finite number ≥ 0', found: showValue(minShared) });
  }
  const pairs = touchingPairs(segs, ids.length, tolerance, minShared, contiguity);
  return { ...weightsFromPairs(ids, pairs), contiguity, tolerance, minSharedLength: minShared };
}

function featureCodes(features: readonly PolygonFeature[]): string[] {
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

interface Segments {
  /** Owner feature per segment. */
  owner: Int32Array;
  /** x1, y1, x2, y2 per segment. */
  xy: Float64Array;
  /** All vertex coordinates, x and y interleaved (for the tolerance). */
  coords: Float64Array;
}

function collectSegments(features: readonly PolygonFeature[]): Segments {
  const owner: number[] = [];
  const xy: number[] = [];
  const coords: number[] = [];
  features.forEach((f, i) => {
    for (const ring of featureRings(f, i)) {
      const m = ring.length;
      for (let k = 0; k < m; k++) {
        const p = ring[k];
        const q = ring[(k + 1) % m];
        coords.push(p[0], p[1]);
        if (k === m - 1 && p[0] === ring[0][0] && p[1] === ring[0][1]) continue;
        // Zero-length segments still carry a vertex: keep them for queen (distance works on points).
        owner.push(i);
        xy.push(p[0], p[1], q[0], q[1]);
      }
    }
  });
  return { owner: Int32Array.from(owner), xy: Float64Array.from(xy), coords: Float64Array.from(coords) };
}

function touchingPairs(segs: Segments, n: number, tol: number, minSharedLength: number, contiguity: Contiguity): number[] {
  const { owner, xy } = segs;
  const m = owner.length;
  if (m === 0) return [];
  let minx = Infinity, miny = Infinity, maxx = -Infinity, maxy = -Infinity;
  const lengths = new Float64Array(m);
  for (let s = 0; s < m; s++) {
    const o = 4 * s;
    minx = Math.min(minx, xy[o], xy[o + 2]);
    maxx = Math.max(maxx, xy[o], xy[o + 2]);
    miny = Math.min(miny, xy[o + 1], xy[o + 3]);
    maxy = Math.max(maxy, xy[o + 1], xy[o + 3]);
    lengths[s] = Math.hypot(xy[o + 2] - xy[o], xy[o + 3] - xy[o + 1]);
  }
  const sorted = Float64Array.from(lengths).sort();
  const extent = Math.max(maxx - minx, maxy - miny);
  // Cell ≈ median segment length, but never so small that the grid explodes.
  const cell = Math.max(sorted[m >> 1], 4 * tol, extent / 4096, 1e-12);
  const nx = Math.floor((maxx - minx) / cell) + 2;
  const grid = new Map<number, number[]>();
  for (let s = 0; s < m; s++) {
    const o = 4 * s;
    const x0 = Math.floor((Math.min(xy[o], xy[o + 2]) - tol - minx) / cell);
    const x1 = Math.floor((Math.max(xy[o], xy[o + 2]) + tol - minx) / cell);
    const y0 = Math.floor((Math.min(xy[o + 1], xy[o + 3]) - tol - miny) / cell);
    const y1 = Math.floor((Math.max(xy[o + 1], xy[o + 3]) + tol - miny) / cell);
    for (let gy = y0; gy <= y1; gy++) {
      for (let gx = x0; gx <= x1; gx++) {
        const key = (gy + 1) * (nx + 2) + (gx + 1);
        const list = grid.get(key);
        if (list) list.push(s);
        else grid.set(key, [s]);
      }
    }
  }
  // Shorter stretches are corner touches whose edges leave a shared vertex at a small angle.
  // The slack absorbs floating-point error on a shared edge exactly one grid step long.
  const minShared = Math.max(minSharedLength * (1 - 1e-6), Number.MIN_VALUE);
  const found = new Set<number>();
  const pairs: number[] = [];
  for (const list of grid.values()) {
    for (let p = 0; p < list.length; p++) {
      const a = list[p];
      const oa = 4 * a;
      for (let q = p + 1; q < list.length; q++) {
        const b = list[q];
        const fa = owner[a];
        const fb = owner[b];
        if (fa === fb) continue;
        const key = fa < fb ? fa * n + fb : fb * n + fa;
        if (found.has(key)) continue;
        const ob = 4 * b;
        let touches: boolean;
        if (contiguity === 'queen') {
          touches = segmentDistance(xy[oa], xy[oa + 1], xy[oa + 2], xy[oa + 3], xy[ob], xy[ob + 1], xy[ob + 2], xy[ob + 3]) <= tol;
        } else {
          // Test both ways so the relation does not depend on which segment is the longer one.
          touches =
            sharedLength(xy[oa], xy[oa + 1], xy[oa + 2], xy[oa + 3], xy[ob], xy[ob + 1], xy[ob + 2], xy[ob + 3], tol) >= minShared ||
            sharedLength(xy[ob], xy[ob + 1], xy[ob + 2], xy[ob + 3], xy[oa], xy[oa + 1], xy[oa + 2], xy[oa + 3], tol) >= minShared;
        }
        if (touches) {
          found.add(key);
          pairs.push(fa, fb);
        }
      }
    }
  }
  return pairs;
}
