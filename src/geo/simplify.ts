/**
 * Simplification for drawing only, topology-preserving: the features become a TopoJSON topology
 * in which every edge shared by two neighbours is one arc (`polygonTopology`, the same topology
 * as topojson-server builds), the arcs are simplified once with Visvalingam–Whyatt
 * (`visvalingamWeights`, the same weights as topojson-simplify's presimplify; Visvalingam &
 * Whyatt, "Line generalisation by repeated elimination of points", The Cartographic Journal 30,
 * 1993) and decoded again (topojson-client). Neighbours therefore keep exactly the same
 * (simplified) shared edge: no gaps, no overlaps. The same method as `simplifyBoundaries`
 * (src/sources/boundaries), here with a vertex budget instead of a user tolerance, so that a
 * full-resolution national buurt file (millions of vertices) draws like a generalised one.
 *
 * Areas, crosswalks and contiguity always use the exact geometry; only maps are drawn from this.
 */
import { feature as topoFeature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import type { RegionFeature } from './types.js';
import { polygonsTopology } from './topology.js';
import { visvalingamWeights } from './visvalingam.js';
import { kthSmallest } from '../util/select.js';

/**
 * Total vertices above which maps are drawn from simplified geometry. The synthetic demo
 * (≈ 1,600) and the synthetic national region (≈ 98,000) stay below it and are drawn exactly;
 * CBS full-resolution buurt files (millions) do not.
 */
export const DRAW_MAX_VERTICES = 250_000;

/** Vertices of one ring above which maps are drawn from simplified geometry (a fringed coastline). */
export const DRAW_MAX_RING_VERTICES = 10_000;

/**
 * Resolution of the finest drawing: points whose Visvalingam triangle is smaller than
 * (extent ÷ resolution)² are dropped (for the Netherlands, ≈ 300 km ÷ 10,000 = 30 m, i.e. a
 * triangle of 900 m²: sub-pixel on a national map and about one pixel on a page per gemeente).
 */
export const DRAW_RESOLUTION = 10_000;

/** Options of {@link simplifyForDrawing}; the defaults are the constants above. */
export interface DrawSimplifyOptions {
  /** Simplify when the features have more vertices than this; the result has at most about this many. */
  maxVertices?: number;
  /** Simplify when one ring has more vertices than this. */
  maxRingVertices?: number;
  /** Finest drawing resolution across the extent (see {@link DRAW_RESOLUTION}). */
  resolution?: number;
}

/** What {@link simplifyForDrawing} did. */
export interface DrawSimplifyResult {
  /** The features to draw: the input array itself when nothing was simplified. */
  features: readonly RegionFeature[];
  simplified: boolean;
  verticesBefore: number;
  verticesAfter: number;
  /** Largest ring before simplification (vertices). */
  maxRingBefore: number;
  /** Visvalingam threshold used (squared CRS units), 0 when not simplified. */
  minWeight: number;
}

type Geom = Polygon | MultiPolygon;

function polygonsOf(g: Geom): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/**
 * Vertex count of features and their largest ring.
 *
 * @example vertexStats(features) // { vertices: 1612, maxRing: 17 }
 */
export function vertexStats(features: readonly RegionFeature[]): { vertices: number; maxRing: number } {
  let vertices = 0;
  let maxRing = 0;
  for (const f of features) {
    if (!f.geometry) continue;
    for (const p of polygonsOf(f.geometry)) {
      for (const r of p) {
        vertices += r.length;
        if (r.length > maxRing) maxRing = r.length;
      }
    }
  }
  return { vertices, maxRing };
}

/** The k-th largest value (0-based) of the weights, selected in a copy. */
function kthLargest(values: Float64Array, k: number): number {
  return kthSmallest(values.slice(), values.length - 1 - k);
}

function degenerateRings(g: Geom): boolean {
  for (const p of polygonsOf(g)) {
    for (const r of p) {
      let distinct = 0;
      let last: Position | undefined;
      for (const q of r) {
        if (last === undefined || q[0] !== last[0] || q[1] !== last[1]) distinct++;
        last = q;
      }
      if (distinct < 4) return true;
    }
  }
  return false;
}

function collectArcs(a: unknown, into: Set<number>): void {
  if (typeof a === 'number') into.add(a < 0 ? ~a : a);
  else if (Array.isArray(a)) for (const x of a) collectArcs(x, into);
}

/**
 * Whether {@link simplifyForDrawing} would simplify these features (they exceed the vertex
 * budget in total or in one ring), or draw them as they are.
 *
 * @example needsDrawSimplification(boundaries.features) // false for CBS's generalised files
 */
export function needsDrawSimplification(features: readonly RegionFeature[], options: DrawSimplifyOptions = {}): boolean {
  const s = vertexStats(features);
  return s.vertices > (options.maxVertices ?? DRAW_MAX_VERTICES) || s.maxRing > (options.maxRingVertices ?? DRAW_MAX_RING_VERTICES);
}

/**
 * Features simplified for drawing when they exceed the vertex budget (in total or in one ring);
 * otherwise the very same array, so small maps are drawn exactly as before. Shared edges stay
 * shared (one arc per edge); a ring that would collapse below a triangle keeps the two most
 * significant interior points of each of its arcs (its neighbours get the same points), or, if
 * that is not enough, all of them. Coordinates stay in the input CRS and are not rounded;
 * properties are kept. The input is not mutated.
 *
 * @example const draw = simplifyForDrawing(boundaries.features).features; // then draw `draw`
 */
export function simplifyForDrawing(features: readonly RegionFeature[], options: DrawSimplifyOptions = {}): DrawSimplifyResult {
  const maxVertices = options.maxVertices ?? DRAW_MAX_VERTICES;
  const maxRing = options.maxRingVertices ?? DRAW_MAX_RING_VERTICES;
  const resolution = options.resolution ?? DRAW_RESOLUTION;
  const before = vertexStats(features);
  const unchanged: DrawSimplifyResult = { features, simplified: false, verticesBefore: before.vertices, verticesAfter: before.vertices, maxRingBefore: before.maxRing, minWeight: 0 };
  if (before.vertices <= maxVertices && before.maxRing <= maxRing) return unchanged;
  const withGeometry = features.filter((f) => f.geometry);
  if (withGeometry.length === 0) return unchanged;

  // consecutive repeats (full-resolution files rounded to the centimetre have them) would each
  // become an arc junction that is never simplified: drop them first (the same in both neighbours)
  const distinct = withGeometry.map((f) => withoutRepeats(f.geometry));
  const topo = polygonsTopology(distinct);
  const arcs = topo.arcs as Position[][];
  // Visvalingam weights of every arc point (as topojson-simplify's presimplify gives them)
  const { weights: w, offsets } = visvalingamWeights(arcs);

  // how many rings draw each arc (two for an edge between neighbours, one on the outside)
  const coll = topo.objects.d as GeometryCollection;
  const uses = new Uint8Array(arcs.length);
  for (const geom of coll.geometries) {
    const used = new Set<number>();
    collectArcs((geom as { arcs?: unknown }).arcs, used);
    for (const k of used) uses[k] = Math.min(255, uses[k] + 1);
  }
  // tolerance from the extent, then raised as far as the budget of drawn vertices needs
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let fixed = 0;
  let interior = 0;
  let interiorDrawn = 0;
  for (let k = 0; k < arcs.length; k++) {
    const arc = arcs[k];
    const base = offsets[k];
    for (let i = 0; i < arc.length; i++) {
      const p = arc[i];
      if (p[0] < x0) x0 = p[0];
      if (p[0] > x1) x1 = p[0];
      if (p[1] < y0) y0 = p[1];
      if (p[1] > y1) y1 = p[1];
      if (w[base + i] === Infinity) fixed += uses[k];
      else (interior++, (interiorDrawn += uses[k]));
    }
  }
  const cell = Math.max(x1 - x0, y1 - y0) / resolution;
  let minWeight = cell * cell;
  const weights = new Float64Array(interior);
  let n = 0;
  let kept = fixed;
  for (let k = 0; k < arcs.length; k++) {
    for (let i = offsets[k]; i < offsets[k + 1]; i++) {
      const x = w[i];
      if (x === Infinity) continue;
      weights[n++] = x;
      if (x >= minWeight) kept += uses[k];
    }
  }
  if (kept > maxVertices) {
    // the interior points each ring draws, on average, per arc point
    const perPoint = interior > 0 ? interiorDrawn / interior : 1;
    const room = Math.floor((maxVertices - fixed) / perPoint);
    // keep the `room` heaviest points: strictly above the (room + 1)-th weight
    minWeight = room <= 0 ? Infinity : room >= interior ? minWeight : Math.max(minWeight, nextAbove(kthLargest(weights, room)));
  }
  if (!(minWeight > 0)) minWeight = Number.MIN_VALUE;

  // the arcs without the points below the threshold (as topojson-simplify's simplify), decoded
  const decode = (): Geom[] => {
    const kept: Position[][] = arcs.map((arc, k) => {
      const out: Position[] = [];
      const base = offsets[k];
      for (let i = 0; i < arc.length; i++) if (w[base + i] >= minWeight) out.push([arc[i][0], arc[i][1]]);
      return out;
    });
    const t = { type: 'Topology', bbox: topo.bbox, objects: topo.objects, arcs: kept } as unknown as Topology<Objects>;
    return coll.geometries.map((g) => (topoFeature(t, g) as unknown as Feature<Geom>).geometry);
  };
  let geoms = decode();
  for (let pass = 0; pass < 2; pass++) {
    const bad = geoms.map((g, i) => (degenerateRings(g) ? i : -1)).filter((i) => i >= 0);
    if (bad.length === 0) break;
    const pinned = new Set<number>();
    for (const i of bad) collectArcs((coll.geometries[i] as { arcs?: unknown }).arcs, pinned);
    for (const k of pinned) pin(w, offsets[k], offsets[k + 1], pass === 0 ? 2 : Infinity);
    geoms = decode();
  }
  let g = 0;
  const out = features.map((f) => (f.geometry ? { ...f, geometry: geoms[g++] } : f)) as RegionFeature[];
  return { features: out, simplified: true, verticesBefore: before.vertices, verticesAfter: vertexStats(out).vertices, maxRingBefore: before.maxRing, minWeight };
}

function ringWithoutRepeats(r: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of r) {
    const q = out[out.length - 1];
    if (q === undefined || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out;
}

function withoutRepeats(g: Geom): Geom {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ringWithoutRepeats) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ringWithoutRepeats)) };
}

/** Keep the `count` interior points of an arc (weights `w[start..end)`) with the largest weights (all when Infinity). */
function pin(w: Float64Array, start: number, end: number, count: number): void {
  if (count === Infinity) {
    w.fill(Infinity, start, end);
    return;
  }
  const order: number[] = [];
  for (let i = start; i < end; i++) if (w[i] !== Infinity) order.push(i);
  order.sort((a, b) => w[b] - w[a] || a - b);
  for (const i of order.slice(0, count)) w[i] = Infinity;
}

/** A double just above x ≥ 0 (so `>= result` excludes x itself). */
function nextAbove(x: number): number {
  return x > 0 ? x * (1 + 2 * Number.EPSILON) : Number.MIN_VALUE;
}
