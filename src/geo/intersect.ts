/**
 * Areas of overlap between polygons with polygon-clipping (Martinez–Rueda–Feito sweep, after
 * Martínez, Rueda & Feito, "A new algorithm for computing Boolean operations on polygons",
 * Computers & Geosciences 35, 2009). Use planar coordinates (RD New) for areas in m².
 *
 * polygon-clipping finds the enclosing ring of each output ring by recursing down the segments
 * stacked below it on the sweep line (`Segment.prevInResult`): a full-resolution outline with tens
 * of thousands of segments stacked at one x (a fringed coastline, a comb of parcels) overflows the
 * call stack. Areas are additive, so on that RangeError the inputs are cut to the lower and the
 * upper half of their common extent ({@link clipToBox}: the same lines for all inputs) and the
 * halves are measured separately, recursively; the result is the same area up to rounding.
 */
import polygonClipping from 'polygon-clipping';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { planarArea } from './area.js';
import { geometryBBox } from './bbox.js';
import { clipToBox } from './halfplane.js';
import type { BBox } from './types.js';

type Geom = Polygon | MultiPolygon;

/** How often a region is halved before a stack overflow is passed on (2^24 strips: never in practice). */
const MAX_SPLITS = 24;

/** Above this many vertices, inputs are first cut to the box where both can overlap. */
const LARGE = 20_000;

function vertexCount(g: Geom): number {
  let n = 0;
  for (const p of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) for (const r of p) n += r.length;
  return n;
}

function toClip(g: Geom): polygonClipping.Geom {
  return g.coordinates as unknown as polygonClipping.Geom;
}

const multi = (coordinates: Position[][][]): MultiPolygon => ({ type: 'MultiPolygon', coordinates });

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/**
 * Measure `op` on the geometries; on a stack overflow inside polygon-clipping, cut all of them to
 * the lower and upper half of `box` (the region that can contribute) and add the two halves.
 */
function additive(geoms: readonly Geom[], box: BBox, op: (gs: readonly Geom[]) => number, intersect: boolean, depth: number): number {
  try {
    return op(geoms);
  } catch (e) {
    if (!isStackOverflow(e) || depth >= MAX_SPLITS || !(box[3] > box[1])) throw e;
    const m = (box[1] + box[3]) / 2;
    let sum = 0;
    for (const half of [[box[0], box[1], box[2], m], [box[0], m, box[2], box[3]]] as BBox[]) {
      const parts = geoms.map((g) => multi(clipToBox(g, half)));
      // an intersection with an empty side is empty; a union leaves the empty sides out
      if (intersect && parts.some((p) => p.coordinates.length === 0)) continue;
      const nonEmpty = parts.filter((p) => p.coordinates.length > 0);
      if (nonEmpty.length === 0) continue;
      sum += additive(nonEmpty, half, op, intersect, depth + 1);
    }
    return sum;
  }
}

function intersectOp(gs: readonly Geom[]): number {
  const [first, ...rest] = gs.map(toClip);
  return planarArea(multi(polygonClipping.intersection(first, ...rest) as Position[][][]));
}

function unionOp(gs: readonly Geom[]): number {
  const [first, ...rest] = gs.map(toClip);
  return planarArea(multi(polygonClipping.union(first, ...rest) as Position[][][]));
}

function commonBox(geoms: readonly Geom[], intersect: boolean): BBox {
  const boxes = geoms.map(geometryBBox);
  const pick = intersect ? Math.max : Math.min;
  const pickHi = intersect ? Math.min : Math.max;
  return [pick(...boxes.map((b) => b[0])), pick(...boxes.map((b) => b[1])), pickHi(...boxes.map((b) => b[2])), pickHi(...boxes.map((b) => b[3]))];
}

/**
 * Area of the intersection of two polygon geometries, in the squared coordinate unit. Rings of
 * any length: see the module note on stack overflows.
 *
 * @example intersectionArea(square(0, 0, 2), square(1, 0, 2)) // 2 (two 2×2 squares overlapping by 1×2)
 */
export function intersectionArea(a: Geom, b: Geom): number {
  const box = commonBox([a, b], true);
  if (vertexCount(a) + vertexCount(b) > LARGE) {
    // a full-resolution outline against a neighbour: only the part inside both boxes can overlap
    if (!(box[0] <= box[2] && box[1] <= box[3])) return 0;
    const ca = multi(clipToBox(a, box));
    const cb = multi(clipToBox(b, box));
    if (ca.coordinates.length === 0 || cb.coordinates.length === 0) return 0;
    return additive([ca, cb], box, intersectOp, true, 0);
  }
  return additive([a, b], box, intersectOp, true, 0);
}

/**
 * Area of the union of polygon geometries (overlaps counted once).
 *
 * @example unionArea([square(0, 0, 2), square(1, 0, 2)]) // 6
 */
export function unionArea(geoms: readonly Geom[]): number {
  if (geoms.length === 0) return 0;
  return additive(geoms, commonBox(geoms, false), unionOp, false, 0);
}
