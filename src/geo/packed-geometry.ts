/**
 * Polygon geometries whose positions stay packed (the layout of transfer.ts: all numbers in one
 * Float64Array, the ring structure in one Int32Array) until someone asks for `coordinates`: the
 * nested `[x, y]` arrays are made on that first read and kept. A full-resolution national buurt
 * file has about 4.5 million positions; as arrays they are about 300 MB of small objects that
 * every garbage collection walks, packed 72 MB that none does.
 *
 * The geometry helpers of this folder (bounding box, area, fingerprint, comparison, validation,
 * packing for another thread) read the packed numbers directly while the arrays have not been
 * made (see {@link packedGeometryOf}); once they have, everyone reads the arrays, so changing them
 * in place stays visible to every reader. A packed geometry is otherwise a plain GeoJSON
 * geometry: `JSON.stringify`, spreading and `structuredClone` see its coordinates.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** The packed numbers and ring structure that {@link PackedGeometryRef}s point into. */
export interface PackedStore {
  /** x, y of every position, ring after ring. */
  coordinates: Float64Array;
  /**
   * Per geometry: its kind (1 Polygon, 2 MultiPolygon), for a MultiPolygon the number of
   * polygons; per polygon the number of rings; per ring the number of positions.
   */
  structure: Int32Array;
}

/** Where one geometry lies in a {@link PackedStore}. */
export interface PackedGeometryRef {
  readonly store: PackedStore;
  /** Index of the geometry's kind in `store.structure`. */
  readonly s: number;
  /** Index of its first number in `store.coordinates`. */
  readonly c: number;
  /** Its coordinates as nested arrays, once made (then shared by every geometry of this ref). */
  arrays?: Position[][] | Position[][][];
}

const refs = new WeakMap<object, PackedGeometryRef>();

/**
 * A Polygon or MultiPolygon whose coordinates are made from `ref` on their first read. Several
 * geometries made from one ref share those arrays. Assigning `coordinates` detaches it. `type`:
 * the geometry's type when the store does not hold its final arrays yet (a reader that is still
 * writing them); otherwise it is read from there.
 *
 * @example const g = packedGeometry({ store, s: 0, c: 0 }); g.coordinates // [[[x, y], …]]
 */
export function packedGeometry(ref: PackedGeometryRef, type?: 'Polygon' | 'MultiPolygon'): Polygon | MultiPolygon {
  let packed: PackedGeometryRef | undefined = ref;
  let own: unknown;
  const g = {
    type: type ?? (ref.store.structure[ref.s] === 2 ? 'MultiPolygon' : 'Polygon'),
    get coordinates(): unknown {
      return packed !== undefined ? (packed.arrays ??= unpackGeometryCoordinates(packed)) : own;
    },
    set coordinates(value: unknown) {
      own = value;
      packed = undefined;
      refs.delete(g);
    },
  };
  refs.set(g, ref);
  return g as Polygon | MultiPolygon;
}

/**
 * The packed form of a geometry made by {@link packedGeometry} whose arrays have not been made
 * (readers then take the numbers from there); undefined for any other value.
 *
 * @example const ref = packedGeometryOf(feature.geometry); if (ref) { … read ref.store … }
 */
export function packedGeometryOf(g: unknown): PackedGeometryRef | undefined {
  if (g === null || typeof g !== 'object') return undefined;
  const ref = refs.get(g);
  return ref !== undefined && ref.arrays === undefined ? ref : undefined;
}

/**
 * The same geometry again, sharing its packed numbers (and arrays) when it has them; a shallow
 * copy otherwise (the same coordinate arrays).
 *
 * @example const copy = copyGeometry(g)
 */
export function copyGeometry<G extends object>(g: G): G {
  const ref = refs.get(g);
  return ref !== undefined && ref.arrays === undefined ? (packedGeometry(ref) as unknown as G) : { ...g };
}

/** Visits the rings of a packed geometry: polygon `part`, ring `ring` of `n` positions from `coordinates[at]`. */
export type PackedRingVisitor = (part: number, ring: number, at: number, n: number) => void;

/**
 * Walk the rings of a packed geometry in order; returns where the geometry ends in the store's
 * `structure` and `coordinates` (its number of polygons in `parts`).
 *
 * @example forEachPackedRing(ref, (part, ring, at, n) => (vertices += n))
 */
export function forEachPackedRing(ref: PackedGeometryRef, visit?: PackedRingVisitor): { s: number; c: number; parts: number } {
  const st = ref.store.structure;
  let s = ref.s;
  let c = ref.c;
  const kind = st[s++];
  const parts = kind === 2 ? st[s++] : kind === 1 ? 1 : 0;
  for (let p = 0; p < parts; p++) {
    const rings = st[s++];
    for (let r = 0; r < rings; r++) {
      const n = st[s++];
      visit?.(p, r, c, n);
      c += 2 * n;
    }
  }
  return { s, c, parts };
}

/** The coordinates of a packed geometry as new nested arrays (nothing kept). */
export function unpackGeometryCoordinates(ref: PackedGeometryRef): Position[][] | Position[][][] {
  return readPackedGeometry(ref.store.coordinates, ref.store.structure, ref.s, ref.c).coordinates;
}

/**
 * The coordinates of the packed geometry whose kind (2 MultiPolygon, else Polygon) is at
 * `structure[s]` and whose first number is at `coordinates[c]`, as new nested arrays, and where
 * the next geometry begins (as unpackFeatures of ./transfer.ts reads feature after feature).
 *
 * @example const { coordinates, s, c } = readPackedGeometry(packed.coordinates, packed.structure, 0, 0)
 */
export function readPackedGeometry(xy: Float64Array, st: Int32Array, s: number, c: number): { coordinates: Position[][] | Position[][][]; s: number; c: number } {
  const polygon = (): Position[][] => {
    const rings = new Array<Position[]>(st[s++]);
    for (let r = 0; r < rings.length; r++) {
      const n = st[s++];
      rings[r] = packedRing(xy, c, n);
      c += 2 * n;
    }
    return rings;
  };
  if (st[s++] !== 2) {
    const coordinates = polygon();
    return { coordinates, s, c };
  }
  const parts = new Array<Position[][]>(st[s++]);
  for (let p = 0; p < parts.length; p++) parts[p] = polygon();
  return { coordinates: parts, s, c };
}

/** Ring `n` positions from `coordinates[at]` as new `[x, y]` arrays. */
export function packedRing(xy: Float64Array, at: number, n: number): Position[] {
  const ring = new Array<Position>(n);
  for (let i = 0; i < n; i++) ring[i] = [xy[at + 2 * i], xy[at + 2 * i + 1]];
  return ring;
}

/**
 * Whether two packed geometries hold the same structure and numbers (`===`, NaN equal to NaN):
 * the same ref, or the same place in one store, at once.
 */
export function samePackedGeometry(a: PackedGeometryRef, b: PackedGeometryRef): boolean {
  if (a === b || (a.store === b.store && a.s === b.s && a.c === b.c)) return true;
  const ea = forEachPackedRing(a);
  const eb = forEachPackedRing(b);
  if (ea.s - a.s !== eb.s - b.s || ea.c - a.c !== eb.c - b.c) return false;
  const sa = a.store.structure;
  const sb = b.store.structure;
  for (let i = 0; i < ea.s - a.s; i++) if (sa[a.s + i] !== sb[b.s + i]) return false;
  const xa = a.store.coordinates;
  const xb = b.store.coordinates;
  for (let i = 0; i < ea.c - a.c; i++) {
    const u = xa[a.c + i];
    const v = xb[b.c + i];
    if (u !== v && (u === u || v === v)) return false;
  }
  return true;
}
