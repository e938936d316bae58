/**
 * A hash of a position's two numbers, for tables keyed by exact positions (the topology's point
 * ids, the projection's cache of converted positions).
 */

const f64 = new Float64Array(2);
const u32 = new Uint32Array(f64.buffer);

/**
 * topojson-server's point hash (hash/point-hash.js), on numbers: the bits of both doubles mixed
 * into a non-negative 31-bit integer (mask it to a table's size).
 *
 * @example hashXY(155000, 463000) & 1023 // a slot of a table of 1,024
 */
export function hashXY(x: number, y: number): number {
  f64[0] = x;
  f64[1] = y;
  let h = u32[0] ^ u32[1];
  h = (h << 5) ^ (h >> 7) ^ u32[2] ^ u32[3];
  return h & 0x7fffffff;
}
