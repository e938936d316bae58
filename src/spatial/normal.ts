/**
 * Standard normal distribution function, accurate to about 1e-15 absolute (relative ~1e-8 in
 * the far tails): Hart (1968) algorithm
 * 5666 as given by West (2005), "Better approximations to cumulative normal functions",
 * Wilmott Magazine.
 */

/**
 * Upper tail P(Z > x) of the standard normal distribution.
 *
 * @param x - a real number (NaN gives NaN).
 * @returns 1 − Φ(x), accurate in the far tails too.
 * @example normalSf(1.959963984540054) // ≈ 0.025
 */
export function normalSf(x: number): number {
  return normalCdf(-x);
}

/**
 * Standard normal distribution function Φ(x).
 *
 * @param x - a real number (NaN gives NaN).
 * @returns Φ(x) = P(Z ≤ x).
 * @example normalCdf(0) // 0.5
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  let c: number;
  if (ax > 37) {
    c = 0;
  } else {
    const e = Math.exp((-ax * ax) / 2);
    if (ax < 7.07106781186547) {
      let n = 3.52624965998911e-2 * ax + 0.700383064443688;
      n = n * ax + 6.37396220353165;
      n = n * ax + 33.912866078383;
      n = n * ax + 112.079291497871;
      n = n * ax + 221.213596169931;
      n = n * ax + 220.206867912376;
      let d = 8.83883476483184e-2 * ax + 1.75566716318264;
      d = d * ax + 16.064177579207;
      d = d * ax + 86.7807322029461;
      d = d * ax + 296.564248779674;
      d = d * ax + 637.333633378831;
      d = d * ax + 793.826512519948;
      d = d * ax + 440.413735824752;
      c = (e * n) / d;
    } else {
      let b = ax + 0.65;
      b = ax + 4 / b;
      b = ax + 3 / b;
      b = ax + 2 / b;
      b = ax + 1 / b;
      c = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - c : c;
}

/**
 * Two-sided p-value of a standard normal z-score: 2·P(Z > |z|), as esda's `p_norm`.
 *
 * @param z - a z-score.
 * @returns the two-sided p-value in [0, 1].
 * @example twoSidedP(1.959963984540054) // ≈ 0.05
 */
export function twoSidedP(z: number): number {
  return Math.min(1, 2 * normalSf(Math.abs(z)));
}
