/**
 * TopoJSON topology of polygons, built as topojson-server's `topology` builds it (Bostock,
 * topojson-server 3: extract, join, cut, dedup) and with the same result (the same arcs, in the
 * same order and direction, made of the same position arrays, and the same arc indices per
 * ring), but on typed arrays: each position is hashed once, to a point id, and every later
 * test (junctions, cuts, duplicate arcs) compares ids instead of hashing positions again. For
 * a full-resolution national buurt file (millions of positions) that is several times faster
 * and allocates far less.
 */
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { topology } from 'topojson-server';
import type { Objects, Topology } from 'topojson-specification';
import { hashXY } from './point-hash.js';

/** A ring (or, after cutting, a piece of one) as a range of the shared position buffer. */
interface Arc {
  0: number;
  1: number;
  next?: Arc;
}

/** The geometry objects of {@link polygonTopology}: arc indices per ring (`~i` for arc i reversed). */
export type TopoPolygon = { type: 'Polygon'; arcs: number[][] } | { type: 'MultiPolygon'; arcs: number[][][] };

/** What {@link polygonTopology} returns: a TopoJSON Topology with one GeometryCollection `d`. */
export interface PolygonTopology {
  type: 'Topology';
  bbox: [number, number, number, number];
  objects: { d: { type: 'GeometryCollection'; geometries: TopoPolygon[] } };
  arcs: Position[][];
}


/**
 * The topology of (Multi)Polygon geometries, equal to
 * `topology({ d: { type: 'FeatureCollection', features } })` of topojson-server for features
 * with these geometries and no properties (without quantization). Every ring must have at
 * least two positions (validated rings have four).
 *
 * @example polygonTopology([square]).arcs.length // 1 (one closed ring)
 */
export function polygonTopology(geometries: readonly (Polygon | MultiPolygon)[]): PolygonTopology {
  // extract: every ring into one buffer of positions
  let total = 0;
  for (const g of geometries) {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const p of polys) for (const r of p) total += r.length;
  }
  const all: Position[][] = [];
  const rings: Arc[] = [];
  let index = 0;
  const extractRing = (ring: Position[]): Arc => {
    all.push(ring);
    const arc: Arc = { 0: index, 1: index + ring.length - 1 };
    index += ring.length;
    rings.push(arc);
    return arc;
  };
  const extracted = geometries.map((g) =>
    g.type === 'Polygon' ? { type: g.type, rings: g.coordinates.map(extractRing) } : { type: g.type, rings: g.coordinates.map((p) => p.map(extractRing)) },
  );
  // (filled first: V8 then keeps the pre-sized array fast; measured 3× faster than pushing)
  const coordinates: Position[] = new Array<Position>(total).fill(null as unknown as Position);
  // the numbers are copied as the positions go into the buffer (each position read once)
  const xs = new Float64Array(total);
  const ys = new Float64Array(total);
  for (let k = 0, r = 0; r < all.length; r++) {
    const ring = all[r];
    for (let i = 0; i < ring.length; i++, k++) {
      const p = ring[i];
      coordinates[k] = p;
      xs[k] = p[0];
      ys[k] = p[1];
    }
  }
  const t = arcsOf(xs, ys, rings, coordinates);
  // index: arcs as arrays of positions (the very arrays of the input), rings as arc indices
  const out = t.arcs.map((arc) => coordinates.slice(arc[0], arc[1] + 1));
  const geoms: TopoPolygon[] = extracted.map((g) =>
    g.type === 'Polygon'
      ? { type: 'Polygon', arcs: (g.rings as Arc[]).map(t.indexArcs) }
      : { type: 'MultiPolygon', arcs: (g.rings as Arc[][]).map((p) => p.map(t.indexArcs)) },
  );
  return { type: 'Topology', bbox: t.bbox, objects: { d: { type: 'GeometryCollection', geometries: geoms } }, arcs: out };
}

/**
 * The topology of {@link polygonTopology} on coordinates held in typed arrays: the arcs are
 * ranges of `xs`/`ys` (which the cut reorders in place, as topojson-server reorders its buffer
 * of positions), not arrays of positions. Arc `k` is the points `arcStart[k] … arcEnd[k]` of
 * the reordered `xs`/`ys`, equal in value to `polygonTopology(…).arcs[k]` of the same rings.
 */
export interface FlatTopology {
  bbox: [number, number, number, number];
  geometries: TopoPolygon[];
  xs: Float64Array;
  ys: Float64Array;
  arcStart: Int32Array;
  arcEnd: Int32Array;
}

/**
 * Arcs given as arrays of positions, in typed arrays as {@link FlatTopology} holds them: arc `k`
 * is the points `arcStart[k] … arcEnd[k]` of `xs`/`ys`, one arc after the other.
 *
 * @example flatArcs([[[0, 0], [1, 1]]]).arcEnd // Int32Array [1]
 */
export function flatArcs(arcs: readonly (readonly Position[])[]): { xs: Float64Array; ys: Float64Array; arcStart: Int32Array; arcEnd: Int32Array } {
  let total = 0;
  for (const arc of arcs) total += arc.length;
  const xs = new Float64Array(total);
  const ys = new Float64Array(total);
  const arcStart = new Int32Array(arcs.length);
  const arcEnd = new Int32Array(arcs.length);
  for (let k = 0, at = 0; k < arcs.length; k++) {
    arcStart[k] = at;
    for (const p of arcs[k]) {
      xs[at] = p[0];
      ys[at++] = p[1];
    }
    arcEnd[k] = at - 1;
  }
  return { xs, ys, arcStart, arcEnd };
}

/**
 * {@link polygonTopology} of rings whose positions lie in `xs`/`ys`, ring after ring:
 * `ringLengths[r]` positions each (at least two), grouped into geometries by `shape` (per
 * geometry: 1 for a Polygon, 2 for a MultiPolygon followed by its number of polygons; then per
 * polygon its number of rings), as {@link packFeatures} (./transfer.ts) lays them out without
 * the ring lengths. `xs` and `ys` are reordered in place.
 *
 * @example flatPolygonTopology(xs, ys, Int32Array.of(5), Int32Array.of(1, 1)).arcStart // Int32Array [0]
 */
export function flatPolygonTopology(xs: Float64Array, ys: Float64Array, ringLengths: Int32Array, shape: Int32Array): FlatTopology {
  const rings: Arc[] = new Array<Arc>(ringLengths.length);
  for (let r = 0, at = 0; r < ringLengths.length; r++) {
    rings[r] = { 0: at, 1: at + ringLengths[r] - 1 };
    at += ringLengths[r];
  }
  const t = arcsOf(xs, ys, rings, null);
  const arcStart = new Int32Array(t.arcs.length);
  const arcEnd = new Int32Array(t.arcs.length);
  t.arcs.forEach((a, k) => {
    arcStart[k] = a[0];
    arcEnd[k] = a[1];
  });
  const geometries: TopoPolygon[] = [];
  let s = 0;
  let r = 0;
  const polygon = (): number[][] => {
    const n = shape[s++];
    const out: number[][] = new Array<number[]>(n);
    for (let i = 0; i < n; i++) out[i] = t.indexArcs(rings[r++]);
    return out;
  };
  while (s < shape.length) {
    if (shape[s++] === 1) geometries.push({ type: 'Polygon', arcs: polygon() });
    else {
      const n = shape[s++];
      const polys: number[][][] = new Array<number[][]>(n);
      for (let i = 0; i < n; i++) polys[i] = polygon();
      geometries.push({ type: 'MultiPolygon', arcs: polys });
    }
  }
  return { bbox: t.bbox, geometries, xs, ys, arcStart, arcEnd };
}

/**
 * Point ids of the positions in `xs`/`ys`: the first index of an equal position
 * (topojson-server's `index` in join.js), and their bounding box.
 * (Each phase of {@link arcsOf} is a function of its own: V8 compiles a long loop while it runs,
 * and a function of several such loops was recompiled as each later loop was reached.)
 */
function pointIds(xs: Float64Array, ys: Float64Array): { ids: Int32Array; bbox: [number, number, number, number] } {
  const total = xs.length;
  const ids = new Int32Array(total);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  {
    const size = 1 << Math.max(4, Math.ceil(Math.log(total * 1.4) / Math.LN2));
    const mask = size - 1;
    const table = new Int32Array(size).fill(-1);
    // where the previous position was found again (-1: it was new). Along an edge two rings
    // share, the next position is most often a neighbour of that one (the other ring runs the
    // edge the other way, or the same way): tried first, it spares the hash table's random read.
    // Equal positions have equal ids either way (the id of the neighbour is its first index).
    let seen = -1;
    for (let i = 0; i < total; i++) {
      const x = xs[i];
      const y = ys[i];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (seen >= 0) {
        const back = seen - 1;
        const on = seen + 1;
        if (back >= 0 && xs[back] === x && ys[back] === y) {
          ids[i] = ids[back];
          seen = back;
          continue;
        }
        if (on < i && xs[on] === x && ys[on] === y) {
          ids[i] = ids[on];
          seen = on;
          continue;
        }
      }
      let slot = hashXY(x, y) & mask;
      for (;;) {
        const k = table[slot];
        if (k < 0) {
          table[slot] = i;
          ids[i] = i;
          seen = -1;
          break;
        }
        if (xs[k] === x && ys[k] === y) {
          ids[i] = k;
          seen = k;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
  return { ids, bbox: [x0, y0, x1, y1] };
}

/** Join: the points where rings through them have different neighbours (1 in the result). */
function junctionsOf(ids: Int32Array, rings: readonly Arc[]): Uint8Array {
  const total = ids.length;
  const junction = new Uint8Array(total);
  {
    const visited = new Int32Array(total).fill(-1);
    const left = new Int32Array(total).fill(-1);
    const right = new Int32Array(total).fill(-1);
    const sequence = (i: number, previous: number, current: number, next: number) => {
      if (visited[current] === i) return; // ignore self-intersection
      visited[current] = i;
      const l = left[current];
      if (l >= 0) {
        const r = right[current];
        if ((l !== previous || r !== next) && (l !== next || r !== previous)) junction[current] = 1;
      } else {
        left[current] = previous;
        right[current] = next;
      }
    };
    for (let i = 0; i < rings.length; i++) {
      const ring = rings[i];
      let start = ring[0] + 1;
      const end = ring[1];
      let previous = ids[end - 1];
      let current = ids[start - 1];
      let next = ids[start];
      sequence(i, previous, current, next);
      while (++start <= end) {
        previous = current;
        current = next;
        next = ids[start];
        sequence(i, previous, current, next);
      }
    }
  }
  return junction;
}

/**
 * Cut: rings with a junction start at their first one and are cut at every other (`ring.next`);
 * the positions (and `coordinates`, when given) are rotated with them.
 */
function cutRings(rings: readonly Arc[], ids: Int32Array, junction: Uint8Array, xs: Float64Array, ys: Float64Array, coordinates: Position[] | null): void {
  const swap = (a: number, b: number) => {
    if (coordinates !== null) {
      const t = coordinates[a];
      coordinates[a] = coordinates[b];
      coordinates[b] = t;
    }
    const x = xs[a];
    xs[a] = xs[b];
    xs[b] = x;
    const y = ys[a];
    ys[a] = ys[b];
    ys[b] = y;
    const u = ids[a];
    ids[a] = ids[b];
    ids[b] = u;
  };
  const reverse = (start: number, end: number) => {
    for (let mid = start + ((end-- - start) >> 1); start < mid; ++start, --end) swap(start, end);
  };
  for (let r = 0; r < rings.length; r++) {
    let ring = rings[r];
    const ringStart = ring[0];
    const ringEnd = ring[1];
    let mid = ringStart;
    let fixed = junction[ids[ringStart]] === 1;
    while (++mid < ringEnd) {
      if (junction[ids[mid]] === 1) {
        if (fixed) {
          const next: Arc = { 0: mid, 1: ring[1] };
          ring[1] = mid;
          ring = ring.next = next;
        } else {
          // rotate rather than cut at the first junction
          const offset = ringEnd - mid;
          reverse(ringStart, ringEnd);
          reverse(ringStart, ringStart + offset);
          reverse(ringStart + offset, ringEnd);
          if (coordinates !== null) coordinates[ringEnd] = coordinates[ringStart];
          xs[ringEnd] = xs[ringStart];
          ys[ringEnd] = ys[ringStart];
          ids[ringEnd] = ids[ringStart];
          fixed = true;
          mid = ringStart; // restart; we may have skipped junctions
        }
      }
    }
  }
}

/**
 * join, cut and dedup (topojson-server's steps) on the positions in `xs`/`ys`, whose rings are
 * `rings`; `coordinates` (the positions themselves, when there are any) is reordered with them.
 */
function arcsOf(xs: Float64Array, ys: Float64Array, rings: Arc[], coordinates: Position[] | null): { arcs: Arc[]; bbox: [number, number, number, number]; indexArcs: (first: Arc) => number[] } {
  const total = xs.length;
  const { ids, bbox } = pointIds(xs, ys);
  const junction = junctionsOf(ids, rings);
  cutRings(rings, ids, junction, xs, ys, coordinates);

  // dedup: an arc equal to an earlier one (in either direction) becomes a reference to it
  const arcs: Arc[] = [];
  const arcsByEnd = new Map<number, Arc[]>();
  const equalLine = (a: Arc, b: Arc) => {
    let ia = a[0];
    let ib = b[0];
    const ja = a[1];
    if (ia - ja !== ib - b[1]) return false;
    for (; ia <= ja; ++ia, ++ib) if (ids[ia] !== ids[ib]) return false;
    return true;
  };
  const reverseEqualLine = (a: Arc, b: Arc) => {
    let ia = a[0];
    let jb = b[1];
    const ja = a[1];
    if (ia - ja !== b[0] - jb) return false;
    for (; ia <= ja; ++ia, --jb) if (ids[ia] !== ids[jb]) return false;
    return true;
  };
  const minimumOffset = (arc: Arc) => {
    const start = arc[0];
    const end = arc[1];
    let mid = start;
    let minimum = mid;
    let minX = xs[mid];
    let minY = ys[mid];
    while (++mid < end) {
      const x = xs[mid];
      const y = ys[mid];
      if (x < minX || (x === minX && y < minY)) {
        minimum = mid;
        minX = x;
        minY = y;
      }
    }
    return minimum - start;
  };
  const equalRing = (a: Arc, b: Arc) => {
    const ia = a[0];
    const ib = b[0];
    const n = a[1] - ia;
    if (n !== b[1] - ib) return false;
    const ka = minimumOffset(a);
    const kb = minimumOffset(b);
    for (let i = 0; i < n; ++i) if (ids[ia + ((i + ka) % n)] !== ids[ib + ((i + kb) % n)]) return false;
    return true;
  };
  const reverseEqualRing = (a: Arc, b: Arc) => {
    const ia = a[0];
    const jb = b[1];
    const n = a[1] - ia;
    if (n !== jb - b[0]) return false;
    const ka = minimumOffset(a);
    const kb = n - minimumOffset(b);
    for (let i = 0; i < n; ++i) if (ids[ia + ((i + ka) % n)] !== ids[jb - ((i + kb) % n)]) return false;
    return true;
  };
  const dedupLine = (arc: Arc) => {
    const startPoint = ids[arc[0]];
    const startArcs = arcsByEnd.get(startPoint);
    if (startArcs) {
      for (const s of startArcs) {
        if (equalLine(s, arc)) {
          arc[0] = s[0];
          arc[1] = s[1];
          return;
        }
      }
    }
    const endPoint = ids[arc[1]];
    const endArcs = arcsByEnd.get(endPoint);
    if (endArcs) {
      for (const e of endArcs) {
        if (reverseEqualLine(e, arc)) {
          arc[1] = e[0];
          arc[0] = e[1];
          return;
        }
      }
    }
    // as topojson-server does, also when both ends are one point (both lists looked up first)
    if (startArcs) startArcs.push(arc);
    else arcsByEnd.set(startPoint, [arc]);
    if (endArcs) endArcs.push(arc);
    else arcsByEnd.set(endPoint, [arc]);
    arcs.push(arc);
  };
  const dedupRing = (arc: Arc) => {
    let endPoint = ids[arc[0]];
    let endArcs = arcsByEnd.get(endPoint);
    const match = (list: Arc[] | undefined) => {
      if (!list) return false;
      for (const e of list) {
        if (equalRing(e, arc)) {
          arc[0] = e[0];
          arc[1] = e[1];
          return true;
        }
        if (reverseEqualRing(e, arc)) {
          arc[0] = e[1];
          arc[1] = e[0];
          return true;
        }
      }
      return false;
    };
    if (match(endArcs)) return;
    endPoint = ids[arc[0] + minimumOffset(arc)];
    endArcs = arcsByEnd.get(endPoint);
    if (match(endArcs)) return;
    if (endArcs) endArcs.push(arc);
    else arcsByEnd.set(endPoint, [arc]);
    arcs.push(arc);
  };
  for (let r = 0; r < rings.length; r++) {
    let ring: Arc | undefined = rings[r];
    if (ring.next) {
      do dedupLine(ring);
      while ((ring = ring.next));
    } else dedupRing(ring);
  }

  // index: rings as arc indices
  const indexByRange = new Map<number, number>();
  const key = (a: number, b: number) => (a < b ? a * (total + 1) + b : b * (total + 1) + a);
  arcs.forEach((arc, i) => indexByRange.set(key(arc[0], arc[1]), i));
  const indexArcs = (first: Arc) => {
    const list: number[] = [];
    let arc: Arc | undefined = first;
    do {
      const i = indexByRange.get(key(arc[0], arc[1]))!;
      list.push(arc[0] < arc[1] ? i : ~i);
    } while ((arc = arc.next));
    return list;
  };
  return { arcs, bbox, indexArcs };
}

/**
 * The topology of the geometries (one GeometryCollection `d`): {@link polygonTopology} when every
 * geometry is a (Multi)Polygon whose rings have at least two positions (the same result as
 * topojson-server, faster), topojson-server itself otherwise.
 */
export function polygonsTopology(geoms: readonly (Polygon | MultiPolygon | null)[]): Topology<Objects> {
  const usual = geoms.every(
    (g) => g !== null && (g.type === 'Polygon' || g.type === 'MultiPolygon') && (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).every((p) => p.every((r) => r.length >= 2)),
  );
  if (usual) return polygonTopology(geoms as readonly (Polygon | MultiPolygon)[]) as unknown as Topology<Objects>;
  const features = geoms.map((g) => ({ type: 'Feature' as const, properties: {}, geometry: g }));
  return topology({ d: { type: 'FeatureCollection', features } as unknown as FeatureCollection }) as Topology<Objects>;
}
