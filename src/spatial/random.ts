/**
 * Seeded pseudo-random numbers for permutation tests: xoshiro128** (Blackman & Vigna 2018),
 * seeded through splitmix32 so that nearby seeds give unrelated streams. Deterministic across
 * platforms (32-bit integer arithmetic only), allocation-free once created.
 */

/** A seeded generator. */
export interface SeededRng {
  /** Next unsigned 32-bit integer. */
  nextUint32(): number;
  /** Next float in [0, 1) with 32 bits of randomness. */
  nextFloat(): number;
  /**
   * Next integer in [0, bound), bound ≤ 2^32, by multiply-shift (Lemire 2019 without the
   * rejection step; the bias is below bound / 2^32, negligible for permutation tests).
   */
  nextInt(bound: number): number;
}

/**
 * Create a seeded xoshiro128** generator.
 *
 * @param seed - any finite number; the same seed always gives the same stream.
 * @returns a generator.
 * @example
 * const rng = createRng(12345);
 * rng.nextInt(10); // the same integer in [0, 10) on every run
 */
export function createRng(seed: number): SeededRng {
  let sm = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  const splitmix = (): number => {
    sm = (sm + 0x9e3779b9) >>> 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  if ((a | b | c | d) === 0) a = 1;
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return {
    nextUint32,
    nextFloat: () => nextUint32() / 4294967296,
    nextInt: (bound: number) => Math.floor((nextUint32() / 4294967296) * bound),
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
