/**
 * Cheap identity of polygon coordinates: a hash over the structure and a sample of the numbers,
 * and an exact comparison to confirm a hash match. Two indelingen of different years share most
 * buurten exactly; with these, work done for one geometry (validation, areas, crosswalk keys) is
 * reused for its identical twin without building strings of millions of coordinates.
 */

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

let h1 = 0;
let h2 = 0;

function mixNumber(x: unknown, i: number): void {
  if (typeof x !== 'number') {
    h1 = mix(h1, 0x7f4a7c15);
    h2 = mix(h2, i);
    return;
  }
  f64[0] = x === 0 ? 0 : x;
  const lo = u32[0];
  const hi = u32[1];
  h1 = mix(mix(h1, lo), hi);
  h2 = mix(mix(h2, hi), lo ^ i);
}

function mixPosition(p: unknown): void {
  if (!Array.isArray(p)) {
    h1 = mix(h1, 0x3c6ef372);
    return;
  }
  h2 = mix(h2, p.length);
  for (let i = 0; i < p.length; i++) mixNumber(p[i], i);
}

function visit(a: readonly unknown[], depth: number): void {
  h1 = mix(h1, a.length ^ (depth << 24));
  h2 = mix(h2, ~a.length ^ (depth << 20));
  const first = a[0];
  if (typeof first === 'number') {
    // a position
    for (let i = 0; i < a.length; i++) mixNumber(a[i], i);
  } else if (Array.isArray(first) && (first.length === 0 || typeof first[0] === 'number')) {
    // a ring: its length and a few of its positions
    const n = a.length;
    if (n <= SAMPLES) for (let i = 0; i < n; i++) mixPosition(a[i]);
    else for (let s = 0; s < SAMPLES; s++) mixPosition(a[Math.floor((s * (n - 1)) / (SAMPLES - 1))]);
  } else {
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      if (Array.isArray(x)) visit(x, depth + 1);
      else mixNumber(x, i);
    }
  }
}

/**
 * A fingerprint of (Multi)Polygon coordinates (any nesting of arrays), cheap enough for
 * millions of vertices: the nesting, the length of every array, and the bits of the numbers of
 * up to eight positions of each ring, spread over it (first and last included), so its cost
 * grows with the number of rings, not of vertices. Equal coordinates give equal fingerprints
 * (`0` and `-0` count as equal, as in JSON); different ones almost always differ, but not
 * always: confirm a match with {@link sameCoordinates}. A non-negative safe integer (53 bits
 * from two independent 32-bit hashes), so it can key a Map; `null` when the value is not an array.
 *
 * @example coordinatesFingerprint([[[0, 0], [1, 0], [1, 1], [0, 0]]]) === coordinatesFingerprint([[[0, 0], [1, 0], [1, 1], [0, 0]]]) // true
 */
export function coordinatesFingerprint(coordinates: unknown): number | null {
  if (!Array.isArray(coordinates)) return null;
  h1 = 0x9747b28c | 0;
  h2 = 0x2545f491 | 0;
  visit(coordinates, 0);
  return fmix(h1) * 0x200000 + (fmix(h2) & 0x1fffff);
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
