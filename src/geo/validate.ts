/**
 * Validation of polygon geometries as RFC 7946 §3.1.6 and OGC Simple Features describe them:
 * every ring has at least four positions, finite numbers, the same first and last position, an
 * area, and does not touch or cross itself. Problems are returned, never thrown, so a reader can count them
 * per feature.
 */
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { ringSelfIntersections, ringSelfIntersectionsPacked, ringsCross } from './segments.js';
import { geometryFingerprint, sameGeometryCoordinates } from './fingerprint.js';
import { packedGeometryOf, packedRing, type PackedGeometryRef } from './packed-geometry.js';

/** Codes of geometry problems. `error` problems make a feature unusable; `warning` ones do not. */
export type GeometryProblemCode =
  | 'empty-geometry'
  | 'not-polygon'
  | 'malformed-coordinates'
  | 'non-finite-coordinate'
  | 'ring-too-short'
  | 'ring-not-closed'
  | 'ring-without-area'
  | 'self-intersection';

/** One problem found in a geometry. */
export interface GeometryProblem {
  code: GeometryProblemCode;
  severity: 'error' | 'warning';
  /** Polygon part (0 for a Polygon) and ring (0 = exterior) where it was found. */
  part?: number;
  ring?: number;
  /** What was found, for the message (`first [5.1,52.1] ≠ last [5.2,52.1]`). */
  detail: string;
}

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2;
}

/** False when all positions coincide or lie on one line. */
function hasArea(pos: readonly Position[]): boolean {
  const a = pos[0];
  const ax = a[0];
  const ay = a[1];
  let k = 1;
  while (k < pos.length && pos[k][0] === ax && pos[k][1] === ay) k++;
  if (k === pos.length) return false;
  const bx = pos[k][0] - ax;
  const by = pos[k][1] - ay;
  for (let i = 0; i < pos.length; i++) {
    const c = pos[i];
    if (bx * (c[1] - ay) - by * (c[0] - ax) !== 0) return true;
  }
  return false;
}

/** Index of the first position with a coordinate that is not a finite number, or -1. */
function firstNonFinite(pos: readonly Position[]): number {
  for (let i = 0; i < pos.length; i++) {
    const x = pos[i][0];
    const y = pos[i][1];
    // (x - x === 0 holds exactly for finite numbers, as Number.isFinite)
    if (!(typeof x === 'number' && typeof y === 'number' && x - x === 0 && y - y === 0)) return i;
  }
  return -1;
}

/** The first problem of a ring that makes it unusable (not the self-intersection search), or none. */
function checkRing(ring: unknown, part: number, r: number): GeometryProblem[] {
  const where = { part, ring: r };
  let positions = Array.isArray(ring);
  if (positions) for (let i = 0; i < (ring as unknown[]).length && positions; i++) positions = isPosition((ring as unknown[])[i]);
  if (!positions) {
    return [{ code: 'malformed-coordinates', severity: 'error', ...where, detail: 'ring is not an array of positions' }];
  }
  const pos = ring as Position[];
  const bad = firstNonFinite(pos);
  if (bad >= 0) {
    return [{ code: 'non-finite-coordinate', severity: 'error', ...where, detail: `position ${bad} is ${JSON.stringify(pos[bad])}` }];
  }
  if (pos.length < 4) {
    return [{ code: 'ring-too-short', severity: 'error', ...where, detail: `${pos.length} positions, at least 4 needed` }];
  }
  const f = pos[0];
  const l = pos[pos.length - 1];
  if (f[0] !== l[0] || f[1] !== l[1]) {
    return [{
      code: 'ring-not-closed', severity: 'error', ...where,
      detail: `first ${JSON.stringify([f[0], f[1]])} ≠ last ${JSON.stringify([l[0], l[1]])}`,
    }];
  }
  if (!hasArea(pos)) {
    return [{ code: 'ring-without-area', severity: 'error', ...where, detail: 'all positions on one line or point' }];
  }
  return [];
}

/**
 * The last step of the self-intersection search of one polygon part: when nothing was found in
 * the part since `problems` had `before` entries (no ring problem, no ring touching itself) and it
 * has more rings, whether two of them cross. Appends to `problems`.
 */
function partSelfIntersections(rings: readonly Position[][], part: number, problems: GeometryProblem[], before: number): void {
  if (problems.length === before && rings.length > 1) {
    for (let a = 0; a < rings.length; a++) {
      for (let b = a + 1; b < rings.length; b++) {
        if (ringsCross(rings[a], rings[b])) {
          problems.push({ code: 'self-intersection', severity: 'warning', part, ring: b, detail: `ring ${b} crosses ring ${a}` });
          return;
        }
      }
    }
  }
}

/** The self-intersection warning of ring `r` of part `part` for the `hits` of its search, or null. */
function selfIntersectionOf(hits: readonly number[], part: number, r: number): GeometryProblem | null {
  return hits.length > 0 ? { code: 'self-intersection', severity: 'warning', part, ring: r, detail: `ring touches or crosses itself near segment ${hits[0]}` } : null;
}

/** The self-intersection warning of ring `r` of part `part`, or null. */
function ringSelfIntersection(pos: readonly Position[], part: number, r: number): GeometryProblem | null {
  return selfIntersectionOf(ringSelfIntersections(pos, 1), part, r);
}

/** {@link checkRing} of a packed ring (`n` positions from `xy[at]`, always pairs of numbers). */
function checkPackedRing(xy: Float64Array, at: number, n: number, part: number, r: number): GeometryProblem | null {
  const where = { part, ring: r };
  const pair = (i: number) => JSON.stringify([xy[at + 2 * i], xy[at + 2 * i + 1]]);
  for (let i = 0; i < n; i++) {
    const x = xy[at + 2 * i];
    const y = xy[at + 2 * i + 1];
    if (!(x - x === 0 && y - y === 0)) return { code: 'non-finite-coordinate', severity: 'error', ...where, detail: `position ${i} is ${pair(i)}` };
  }
  if (n < 4) return { code: 'ring-too-short', severity: 'error', ...where, detail: `${n} positions, at least 4 needed` };
  const last = at + 2 * (n - 1);
  if (xy[at] !== xy[last] || xy[at + 1] !== xy[last + 1]) {
    return { code: 'ring-not-closed', severity: 'error', ...where, detail: `first ${pair(0)} ≠ last ${pair(n - 1)}` };
  }
  if (!hasAreaPacked(xy, at, n)) return { code: 'ring-without-area', severity: 'error', ...where, detail: 'all positions on one line or point' };
  return null;
}

/** {@link hasArea} of a packed ring. */
function hasAreaPacked(xy: Float64Array, at: number, n: number): boolean {
  const ax = xy[at];
  const ay = xy[at + 1];
  let k = 1;
  while (k < n && xy[at + 2 * k] === ax && xy[at + 2 * k + 1] === ay) k++;
  if (k === n) return false;
  const bx = xy[at + 2 * k] - ax;
  const by = xy[at + 2 * k + 1] - ay;
  for (let i = 0; i < n; i++) {
    if (bx * (xy[at + 2 * i + 1] - ay) - by * (xy[at + 2 * i] - ax) !== 0) return true;
  }
  return false;
}

/**
 * {@link validatePolygonGeometry} of a packed geometry (src/geo/packed-geometry.ts), on its
 * numbers: the same problems in the same order. `basic`: the checks of each ring; `self`: the
 * self-intersection search (both: full validation; only `self`: the search of a geometry that
 * passed the checks, as completeSelfIntersections needs).
 */
function validatePacked(ref: PackedGeometryRef, basic: boolean, self: boolean): GeometryProblem[] {
  const { coordinates: xy, structure: st } = ref.store;
  const multi = st[ref.s] === 2;
  let s = ref.s + 1;
  let c = ref.c;
  const parts = multi ? st[s++] : 1;
  if (basic && (multi ? parts : st[s]) === 0) return [{ code: 'empty-geometry', severity: 'error', detail: 'no coordinates' }];
  const problems: GeometryProblem[] = [];
  for (let i = 0; i < parts; i++) {
    const rings = st[s++];
    if (rings === 0) {
      if (basic) problems.push({ code: 'empty-geometry', severity: 'error', part: i, detail: 'polygon without rings' });
      continue;
    }
    const before = problems.length;
    const first = c;
    const lengths = s;
    for (let k = 0; k < rings; k++) {
      const n = st[s++];
      const problem = basic ? checkPackedRing(xy, c, n, i, k) : null;
      if (problem !== null) problems.push(problem);
      else if (self) {
        const w = selfIntersectionOf(ringSelfIntersectionsPacked(xy, c, n, 1), i, k);
        if (w !== null) problems.push(w);
      }
      c += 2 * n;
    }
    if (self && problems.length === before && rings > 1) {
      // the rings of this part as arrays, for the search between rings
      const arrays: Position[][] = [];
      for (let k = 0, at = first; k < rings; k++) {
        arrays.push(packedRing(xy, at, st[lengths + k]));
        at += 2 * st[lengths + k];
      }
      partSelfIntersections(arrays, i, problems, before);
    }
  }
  return problems;
}

/** Options for {@link validatePolygonGeometry}. */
export interface ValidateOptions {
  /** Look for self-intersections (a sweep per ring). Default true. */
  selfIntersections?: boolean;
}

/**
 * All problems of a (Multi)Polygon geometry; an empty array when it is valid.
 *
 * @example validatePolygonGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] })[0].code // 'ring-not-closed'
 */
export function validatePolygonGeometry(g: Geometry | null | undefined, options: ValidateOptions = {}): GeometryProblem[] {
  const self = options.selfIntersections ?? true;
  if (g === null || g === undefined) return [{ code: 'empty-geometry', severity: 'error', detail: 'geometry is null' }];
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    return [{ code: 'not-polygon', severity: 'error', detail: `geometry type ${JSON.stringify(g.type)}` }];
  }
  const packed = packedGeometryOf(g);
  if (packed !== undefined) return validatePacked(packed, true, self);
  const coords = (g as Polygon | MultiPolygon).coordinates as unknown;
  if (!Array.isArray(coords)) {
    return [{ code: 'malformed-coordinates', severity: 'error', detail: 'coordinates is not an array' }];
  }
  const parts = (g.type === 'Polygon' ? [coords] : coords) as unknown[];
  if (coords.length === 0 || parts.length === 0) return [{ code: 'empty-geometry', severity: 'error', detail: 'no coordinates' }];
  const problems: GeometryProblem[] = [];
  parts.forEach((p, i) => {
    if (!Array.isArray(p)) {
      problems.push({ code: 'malformed-coordinates', severity: 'error', part: i, detail: 'polygon is not an array of rings' });
    } else if (p.length === 0) {
      problems.push({ code: 'empty-geometry', severity: 'error', part: i, detail: 'polygon without rings' });
    } else {
      const before = problems.length;
      p.forEach((r, k) => {
        const basic = checkRing(r, i, k);
        if (basic.length > 0) problems.push(...basic);
        else if (self) {
          const w = ringSelfIntersection(r as Position[], i, k);
          if (w !== null) problems.push(w);
        }
      });
      // rings of one polygon must not cross each other (checked only when each ring is sound)
      if (self) partSelfIntersections(p as Position[][], i, problems, before);
    }
  });
  return problems;
}

/**
 * Geometries already validated, to validate an identical geometry only once: two indelingen of
 * different years share most buurten exactly (the same numbers), and validation (the
 * self-intersection search above all) depends on nothing but the type and the numbers. Share one
 * memo between the reads of both years. `validated` counts full validations, `reused` the
 * geometries answered from the memo.
 */
export interface ValidationMemo {
  /** By coordinate fingerprint: the validated geometries with that fingerprint. */
  readonly entries: Map<number, ValidationMemoEntry[]>;
  validated: number;
  reused: number;
}

/** One validated geometry of a {@link ValidationMemo}. */
export interface ValidationMemoEntry {
  type: string;
  /** The geometry validated: later identical geometries are compared with its coordinates. */
  geometry: Geometry;
  /** Whether `problems` include the self-intersection search (see {@link completeSelfIntersections}). */
  selfIntersections: boolean;
  problems: readonly GeometryProblem[];
}

/**
 * An empty {@link ValidationMemo}.
 *
 * @example const memo = createValidationMemo(); validateWithMemo(g1, memo); validateWithMemo(g0, memo); memo.reused // 1 when g0 equals g1
 */
export function createValidationMemo(): ValidationMemo {
  return { entries: new Map(), validated: 0, reused: 0 };
}

/**
 * {@link validatePolygonGeometry} through a memo: a geometry of the same type with the same
 * coordinates (fingerprint, then an exact comparison) as one validated before gets that one's
 * problems without being validated again, and comes back as the earlier geometry, so that the
 * caller can keep one copy of both (identical) coordinate arrays. Geometries that are not arrays
 * of numbers are validated every time. Packed geometries (src/geo/packed-geometry.ts) are
 * fingerprinted, compared and validated on their packed numbers.
 *
 * @returns the problems (as `validatePolygonGeometry` returns them) and the geometry to keep
 *   (the earlier identical one, or `g` itself)
 * @example const { problems } = validateWithMemo(feature.geometry, memo);
 */
export function validateWithMemo(
  g: Geometry | null | undefined,
  memo: ValidationMemo,
  options: ValidateOptions = {},
): { problems: readonly GeometryProblem[]; geometry: Geometry | null | undefined; entry?: ValidationMemoEntry } {
  const self = options.selfIntersections ?? true;
  const key = g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? geometryFingerprint(g) : null;
  if (key === null) {
    memo.validated++;
    return { problems: validatePolygonGeometry(g, options), geometry: g };
  }
  const bucket = memo.entries.get(key);
  const hit = bucket?.find((e) => e.type === g!.type && e.selfIntersections === self && sameGeometryCoordinates(e.geometry, g));
  if (hit) {
    memo.reused++;
    return { problems: hit.problems, geometry: hit.geometry, entry: hit };
  }
  memo.validated++;
  const problems = validatePolygonGeometry(g, options);
  const entry: ValidationMemoEntry = { type: g!.type, geometry: g!, selfIntersections: self, problems };
  if (bucket) bucket.push(entry);
  else memo.entries.set(key, [entry]);
  return { problems, geometry: g, entry };
}

/**
 * The problems of a memo entry validated without the self-intersection search, now with it:
 * the entry becomes what validating with the search would have made (later lookups with the
 * search find it). An entry validated with the search is returned as it is.
 *
 * @example const { entry } = validateWithMemo(g, memo, { selfIntersections: false }); // … later:
 * completeSelfIntersections(entry!) // the same problems as validateWithMemo(g, memo) gives
 */
export function completeSelfIntersections(entry: ValidationMemoEntry): readonly GeometryProblem[] {
  if (!entry.selfIntersections) {
    // a geometry without problems passed every other check: only the search is left (the
    // same problems, in the same order, as validating it again with the search)
    const packed = packedGeometryOf(entry.geometry);
    if (entry.problems.length === 0 && packed !== undefined) entry.problems = validatePacked(packed, false, true);
    else if (entry.problems.length === 0) {
      const coordinates = (entry.geometry as Polygon | MultiPolygon).coordinates;
      const parts = (entry.type === 'Polygon' ? [coordinates] : coordinates) as Position[][][];
      const problems: GeometryProblem[] = [];
      for (let i = 0; i < parts.length; i++) {
        const before = problems.length;
        const rings = parts[i];
        for (let k = 0; k < rings.length; k++) {
          const w = ringSelfIntersection(rings[k], i, k);
          if (w !== null) problems.push(w);
        }
        partSelfIntersections(rings, i, problems, before);
      }
      entry.problems = problems;
    } else entry.problems = validatePolygonGeometry(entry.geometry, { selfIntersections: true });
    entry.selfIntersections = true;
  }
  return entry.problems;
}
