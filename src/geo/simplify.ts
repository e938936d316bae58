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
import { flatArcs, flatPolygonTopology, polygonsTopology, type FlatTopology, type TopoPolygon } from './topology.js';
import { flatVisvalingamWeights } from './visvalingam.js';
import { packFeatures, unpackFeatures, walkPacked, type PackedFeatures } from './transfer.js';
import { forEachPackedRing, packedGeometryOf } from './packed-geometry.js';
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
  /**
   * When simplified: the topology the features were decoded from (the kept points of each arc;
   * its GeometryCollection `d` holds the geometries of the features that have one, in order),
   * for whoever needs their shared edges, such as a dissolve, without building it again.
   */
  topology?: Topology<Objects>;
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
    const ref = packedGeometryOf(f.geometry);
    if (ref !== undefined) {
      forEachPackedRing(ref, (_p, _r, _at, n) => {
        vertices += n;
        if (n > maxRing) maxRing = n;
      });
      continue;
    }
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
  const before = vertexStats(features);
  const unchanged: DrawSimplifyResult = { features, simplified: false, verticesBefore: before.vertices, verticesAfter: before.vertices, maxRingBefore: before.maxRing, minWeight: 0 };
  if (!overBudget(before, options) || !features.some((f) => f.geometry)) return unchanged;
  const { geoms, minWeight, topology } = simplifyRings(flatRingsOf(features), options, () => nestedTopology(features));
  let g = 0;
  const out = features.map((f) => (f.geometry ? { ...f, geometry: geoms[g++] } : f)) as RegionFeature[];
  return { features: out, simplified: true, verticesBefore: before.vertices, verticesAfter: vertexStats(out).vertices, maxRingBefore: before.maxRing, minWeight, topology };
}

/**
 * {@link simplifyForDrawing} of packed features ({@link packFeatures} of ./transfer.ts), without
 * unpacking their millions of positions into arrays: what a thread that received the exact
 * features packed draws from. The same result as `simplifyForDrawing(unpackFeatures(packed))`
 * (feature ids aside, which packing does not keep).
 *
 * @example const drawn = simplifyPackedForDrawing(message.packed).features
 */
export function simplifyPackedForDrawing(packed: PackedFeatures, options: DrawSimplifyOptions = {}): DrawSimplifyResult {
  const rings = flatRingsOfPacked(packed);
  const before = { vertices: packed.coordinates.length / 2, maxRing: rings.maxRing };
  const unpacked = () => unpackFeatures(packed);
  if (!overBudget(before, options) || rings.shape.length === 0) {
    const features = unpacked();
    return { features, simplified: false, verticesBefore: before.vertices, verticesAfter: before.vertices, maxRingBefore: before.maxRing, minWeight: 0 };
  }
  const { geoms, minWeight, topology } = simplifyRings(rings, options, () => nestedTopology(unpacked()));
  let g = 0;
  const out = packed.properties.map((properties, i) => ({ type: 'Feature', geometry: rings.hasGeometry[i] === 1 ? geoms[g++] : null, properties })) as RegionFeature[];
  return { features: out, simplified: true, verticesBefore: before.vertices, verticesAfter: vertexStats(out).vertices, maxRingBefore: before.maxRing, minWeight, topology };
}

function overBudget(s: { vertices: number; maxRing: number }, options: DrawSimplifyOptions): boolean {
  return s.vertices > (options.maxVertices ?? DRAW_MAX_VERTICES) || s.maxRing > (options.maxRingVertices ?? DRAW_MAX_RING_VERTICES);
}

/**
 * The rings of the features that have a geometry, in typed arrays for {@link flatPolygonTopology}
 * and without consecutive repeats (full-resolution files rounded to the centimetre have them;
 * each would become an arc junction that is never simplified: dropped, the same in both
 * neighbours). `short` when a ring is left with fewer than two positions (the topology then
 * comes from topojson-server, as polygonsTopology does for such rings).
 */
interface FlatRings {
  xs: Float64Array;
  ys: Float64Array;
  ringLengths: Int32Array;
  shape: Int32Array;
  /** Per feature: 1 when it has a geometry (packed input only). */
  hasGeometry: Uint8Array;
  maxRing: number;
  short: boolean;
}

/** Gathers rings, dropping consecutive repeats. */
class RingGatherer {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  n = 0;
  readonly lengths: number[] = [];
  readonly shape: number[] = [];
  short = false;
  constructor(positions: number) {
    this.xs = new Float64Array(positions);
    this.ys = new Float64Array(positions);
  }
  /** A ring's `count` positions, packed (x, y interleaved) from `c[at]`. */
  ring(count: number, c: Float64Array, at: number): void {
    const { xs, ys } = this;
    const start = this.n;
    let n = start;
    for (let i = 0, k = at; i < count; i++, k += 2) {
      const px = c[k];
      const py = c[k + 1];
      if (n > start && xs[n - 1] === px && ys[n - 1] === py) continue;
      xs[n] = px;
      ys[n++] = py;
    }
    this.end(start, n);
  }
  private end(start: number, n: number): void {
    if (n - start < 2) this.short = true;
    this.lengths.push(n - start);
    this.n = n;
  }
  done(hasGeometry: Uint8Array, maxRing: number): FlatRings {
    return { xs: this.xs.subarray(0, this.n), ys: this.ys.subarray(0, this.n), ringLengths: Int32Array.from(this.lengths), shape: Int32Array.from(this.shape), hasGeometry, maxRing, short: this.short };
  }
}

function flatRingsOf(features: readonly RegionFeature[]): FlatRings {
  // through their packing: one way of gathering rings, and packed geometries read as they are
  return flatRingsOfPacked(packFeatures(features));
}

function flatRingsOfPacked(packed: PackedFeatures): FlatRings {
  const c = packed.coordinates;
  const gather = new RingGatherer(c.length / 2);
  const hasGeometry = new Uint8Array(packed.properties.length);
  let maxRing = 0;
  walkPacked(packed, {
    feature(i, kind, polygons) {
      if (kind === 0) return;
      hasGeometry[i] = 1;
      if (kind === 1) gather.shape.push(1);
      else gather.shape.push(2, polygons);
    },
    polygon: (rings) => gather.shape.push(rings),
    ring(n, at) {
      if (n > maxRing) maxRing = n;
      gather.ring(n, c, at);
    },
  });
  return gather.done(hasGeometry, maxRing);
}

/** A topology of topojson-server (Position arrays) as a {@link FlatTopology}. */
function flatFromTopology(topo: Topology<Objects>): FlatTopology {
  const geometries = (topo.objects.d as GeometryCollection).geometries as unknown as TopoPolygon[];
  return { bbox: topo.bbox as [number, number, number, number], geometries, ...flatArcs(topo.arcs as Position[][]) };
}

/**
 * The simplification itself, on rings in typed arrays: topology, Visvalingam weights, the
 * threshold that meets the vertex budget, and the geometries decoded from the kept arc points.
 * `nested` gives topojson-server's topology when a ring is too short for the typed one.
 */
function simplifyRings(rings: FlatRings, options: DrawSimplifyOptions, nested: () => Topology<Objects>): { geoms: Geom[]; minWeight: number; topology: Topology<Objects> } {
  const maxVertices = options.maxVertices ?? DRAW_MAX_VERTICES;
  const resolution = options.resolution ?? DRAW_RESOLUTION;
  const topo = rings.short ? flatFromTopology(nested()) : flatPolygonTopology(rings.xs, rings.ys, rings.ringLengths, rings.shape);
  const { xs, ys, arcStart, arcEnd, geometries } = topo;
  const arcCount = arcStart.length;
  // Visvalingam weights of every arc point (as topojson-simplify's presimplify gives them)
  const { weights: w, offsets } = flatVisvalingamWeights(xs, ys, arcStart, arcEnd);

  // how many rings draw each arc (two for an edge between neighbours, one on the outside)
  const uses = new Uint8Array(arcCount);
  for (const geom of geometries) {
    const used = new Set<number>();
    collectArcs(geom.arcs, used);
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
  for (let k = 0; k < arcCount; k++) {
    const start = arcStart[k];
    const base = offsets[k];
    for (let i = 0, n = arcEnd[k] - start + 1; i < n; i++) {
      const x = xs[start + i];
      const y = ys[start + i];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (w[base + i] === Infinity) fixed += uses[k];
      else (interior++, (interiorDrawn += uses[k]));
    }
  }
  const cell = Math.max(x1 - x0, y1 - y0) / resolution;
  let minWeight = cell * cell;
  const weights = new Float64Array(interior);
  let n = 0;
  let kept = fixed;
  for (let k = 0; k < arcCount; k++) {
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
  const objects = { d: { type: 'GeometryCollection', geometries } };
  let topology: Topology<Objects> | undefined;
  const decode = (): Geom[] => {
    const keptArcs: Position[][] = new Array<Position[]>(arcCount);
    for (let k = 0; k < arcCount; k++) {
      const out: Position[] = [];
      const start = arcStart[k];
      const base = offsets[k];
      for (let i = 0, m = arcEnd[k] - start + 1; i < m; i++) if (w[base + i] >= minWeight) out.push([xs[start + i], ys[start + i]]);
      keptArcs[k] = out;
    }
    const t = { type: 'Topology', bbox: topo.bbox, objects, arcs: keptArcs } as unknown as Topology<Objects>;
    topology = t;
    return geometries.map((g) => (topoFeature(t, g as never) as unknown as Feature<Geom>).geometry);
  };
  let geoms = decode();
  for (let pass = 0; pass < 2; pass++) {
    const bad = geoms.map((g, i) => (degenerateRings(g) ? i : -1)).filter((i) => i >= 0);
    if (bad.length === 0) break;
    const pinned = new Set<number>();
    for (const i of bad) collectArcs(geometries[i].arcs, pinned);
    for (const k of pinned) pin(w, offsets[k], offsets[k + 1], pass === 0 ? 2 : Infinity);
    geoms = decode();
  }
  return { geoms, minWeight, topology: topology! };
}

/** topojson-server's topology of the features' geometries without consecutive repeats (for rings too short for the typed one). */
function nestedTopology(features: readonly RegionFeature[]): Topology<Objects> {
  return polygonsTopology(features.filter((f) => f.geometry).map((f) => withoutRepeats(f.geometry)));
}

function withoutRepeats(g: Geom): Geom {
  const ring = (r: Position[]): Position[] => {
    const out: Position[] = [];
    for (const p of r) {
      const q = out[out.length - 1];
      if (q === undefined || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
    }
    return out;
  };
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: g.coordinates.map(ring) } : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
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
