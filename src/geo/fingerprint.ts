/**
 * Cheap identity of polygon coordinates: a hash over the structure and a sample of the numbers,
 * and an exact comparison to confirm a hash match. Two indelingen of different years share most
 * buurten exactly; with these, work done for one geometry (validation, areas, crosswalk keys) is
 * reused for its identical twin without building strings of millions of coordinates.
 */
import { forEachPackedRing, packedGeometryOf, samePackedGeometry, unpackGeometryCoordinates, type PackedGeometryRef } from './packed-geometry.js';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Mix one 32-bit word into a 32-bit hash (the multiply-rotate step of MurmurHash3, Appleby 2011). */
function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finaliser: every input bit affects every output bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Positions of a ring that go into its fingerprint (beside its length): spread over the ring. */
const SAMPLES = 8;

/** The two 32-bit halves of a number's bits (`-0` as `0`). */
function low(x: number): number {
  f64[0] = x === 0 ? 0 : x;
  return u32[0];
}
function high(x: number): number {
  f64[0] = x === 0 ? 0 : x;
  return u32[1];
}

/**
 * A fingerprint of (Multi)Polygon coordinates, cheap enough for millions of vertices: the
 * nesting, the length of every ring, and the bits of the numbers of up to eight positions of
 * each ring, spread over it (first and last included), so its cost grows with the number of
 * rings, not of vertices. Equal coordinates give equal fingerprints (`0` and `-0` count as
 * equal, as in JSON); different ones almost always differ, but not always: confirm a match with
 * {@link sameCoordinates}. A non-negative safe integer (53 bits from two independent 32-bit
 * hashes), so it can key a Map; `null` when the value is not an array.
 *
 * (Written as flat loops over the two GeoJSON nestings on purpose: a recursive walk over the
 * arrays that JSON.parse makes was seen to make V8 box the numbers of every position array
 * touched afterwards, about 100 MB more for a full-resolution national buurt file.)
 *
 * @example coordinatesFingerprint([[[0, 0], [1, 0], [1, 1], [0, 0]]]) === coordinatesFingerprint([[[0, 0], [1, 0], [1, 1], [0, 0]]]) // true
 */
export function coordinatesFingerprint(coordinates: unknown): number | null {
  if (!Array.isArray(coordinates)) return null;
  let h1 = 0x9747b28c | 0;
  let h2 = 0x2545f491 | 0;
  const ring = (r: readonly unknown[]) => {
    const n = r.length;
    h1 = mix(h1, n);
    h2 = mix(h2, ~n);
    const k = n <= SAMPLES ? n : SAMPLES;
    for (let s = 0; s < k; s++) {
      const p = r[n <= SAMPLES ? s : Math.floor((s * (n - 1)) / (SAMPLES - 1))];
      if (!Array.isArray(p)) {
        h1 = mix(h1, 0x3c6ef372);
        continue;
      }
      h2 = mix(h2, p.length);
      for (let i = 0; i < p.length; i++) {
        const x: unknown = p[i];
        if (typeof x !== 'number') {
          h1 = mix(h1, 0x7f4a7c15);
          continue;
        }
        const lo = low(x);
        const hi = high(x);
        h1 = mix(mix(h1, lo), hi);
        h2 = mix(mix(h2, hi), lo ^ i);
      }
    }
  };
  h1 = mix(h1, coordinates.length);
  for (let i = 0; i < coordinates.length; i++) {
    const a: unknown = coordinates[i];
    if (!Array.isArray(a)) {
      h1 = mix(h1, 0x1b56c4e9);
      continue;
    }
    const first: unknown = a[0];
    if (Array.isArray(first) && (first.length === 0 || typeof first[0] === 'number')) ring(a); // a Polygon's ring
    else {
      // a MultiPolygon's polygon: its rings
      h1 = mix(h1, a.length ^ 0x5bd1e995);
      for (let j = 0; j < a.length; j++) {
        const r: unknown = a[j];
        if (Array.isArray(r)) ring(r);
        else h1 = mix(h1, 0x2468ace1);
      }
    }
  }
  return fmix(h1) * 0x200000 + (fmix(h2) & 0x1fffff);
}

/**
 * {@link coordinatesFingerprint} of a geometry's coordinates, read from its packed numbers when it
 * has them (src/geo/packed-geometry.ts: the same value, without making the arrays); null when it
 * is not an object with coordinates.
 *
 * @example geometryFingerprint(feature.geometry) === coordinatesFingerprint(feature.geometry.coordinates) // true
 */
export function geometryFingerprint(g: unknown): number | null {
  const ref = packedGeometryOf(g);
  if (ref !== undefined) return packedFingerprint(ref);
  return g !== null && typeof g === 'object' ? coordinatesFingerprint((g as { coordinates?: unknown }).coordinates) : null;
}

/** {@link coordinatesFingerprint} on packed numbers: the same steps, positions of two numbers. */
function packedFingerprint(ref: PackedGeometryRef): number | null {
  const { coordinates: xy, structure: st } = ref.store;
  const multi = st[ref.s] === 2;
  // an empty ring is read oddly by the nesting test of the array walk: made as arrays, then
  // fingerprinted as they are (such a geometry is invalid anyway)
  let empty = false;
  forEachPackedRing(ref, (_p, _r, _at, n) => (empty ||= n === 0));
  if (empty) return coordinatesFingerprint(unpackGeometryCoordinates(ref));
  let h1 = 0x9747b28c | 0;
  let h2 = 0x2545f491 | 0;
  let s = ref.s + 1;
  let c = ref.c;
  const ring = () => {
    const n = st[s++];
    h1 = mix(h1, n);
    h2 = mix(h2, ~n);
    const k = n <= SAMPLES ? n : SAMPLES;
    for (let q = 0; q < k; q++) {
      const at = c + 2 * (n <= SAMPLES ? q : Math.floor((q * (n - 1)) / (SAMPLES - 1)));
      h2 = mix(h2, 2);
      for (let i = 0; i < 2; i++) {
        const x = xy[at + i];
        const lo = low(x);
        const hi = high(x);
        h1 = mix(mix(h1, lo), hi);
        h2 = mix(mix(h2, hi), lo ^ i);
      }
    }
    c += 2 * n;
  };
  if (!multi) {
    const rings = st[s++];
    h1 = mix(h1, rings);
    for (let r = 0; r < rings; r++) ring();
  } else {
    const parts = st[s++];
    h1 = mix(h1, parts);
    for (let p = 0; p < parts; p++) {
      const rings = st[s++];
      h1 = mix(h1, rings ^ 0x5bd1e995);
      for (let r = 0; r < rings; r++) ring();
    }
  }
  return fmix(h1) * 0x200000 + (fmix(h2) & 0x1fffff);
}

/**
 * {@link sameCoordinates} of two geometries' coordinates (the type is not compared), on their
 * packed numbers when both have them; the same object at once.
 *
 * @example sameGeometryCoordinates(t0.geometry, t1.geometry)
 */
export function sameGeometryCoordinates(a: unknown, b: unknown): boolean {
  if (a === b) return a !== null && typeof a === 'object';
  const pa = packedGeometryOf(a);
  const pb = packedGeometryOf(b);
  if (pa !== undefined && pb !== undefined) return samePackedGeometry(pa, pb);
  const coordinates = (g: unknown, p: PackedGeometryRef | undefined): unknown =>
    p !== undefined ? unpackGeometryCoordinates(p) : g !== null && typeof g === 'object' ? (g as { coordinates?: unknown }).coordinates : undefined;
  return sameCoordinates(coordinates(a, pa), coordinates(b, pb));
}

/**
 * True when two coordinate values are the same nesting of arrays holding the same numbers
 * (`===`, except that `NaN` equals `NaN`; so `0` equals `-0`, as in JSON). The same array is the
 * same at once; anything but arrays and numbers is never the same.
 *
 * @example sameCoordinates([[[0, 0], [1, 0]]], [[[0, 0], [1, 0]]]) // true
 */
export function sameCoordinates(a: unknown, b: unknown): boolean {
  if (typeof a === 'number') return typeof b === 'number' && (a === b || (a !== a && b !== b));
  if (!Array.isArray(a) || !Array.isArray(b)) return false;
  if (a === b) return true;
  const n = a.length;
  if (n !== b.length) return false;
  for (let i = 0; i < n; i++) {
    const p = a[i];
    const q = b[i];
    // the common case, a position of two numbers, without a call
    if (Array.isArray(p) && Array.isArray(q) && p.length === 2 && q.length === 2) {
      const x = p[0];
      const y = p[1];
      const u = q[0];
      const v = q[1];
      if (typeof x === 'number' && typeof y === 'number' && typeof u === 'number' && typeof v === 'number' && x === u && y === v) continue;
    }
    if (!sameCoordinates(p, q)) return false;
  }
  return true;
}
