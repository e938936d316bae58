/**
 * Binomial confidence intervals for a share and for the difference of two shares, so a signal
 * that rests on few lettings shows it: the Wilson score interval (Wilson 1927) for one share and
 * Newcombe's hybrid score interval (Newcombe 1998, method 10) for the difference of two
 * independent shares. Both stay inside [0, 1] (resp. [−1, 1]) and behave well for small n and
 * shares near 0 or 1, unlike the Wald interval p ± z·√(p(1−p)/n).
 */

/** z for a two-sided 90 % interval: Φ⁻¹(0.95). */
export const Z90 = 1.6448536269514722;

/** An interval [laag, hoog]. */
export interface Interval {
  laag: number;
  hoog: number;
}

/**
 * Wilson score interval of a share k/n.
 *
 * Reference: E. B. Wilson (1927), "Probable inference, the law of succession, and statistical
 * inference", JASA 22, 209–212; formula as in Newcombe (1998a), Stat. Med. 17, 857–872, method 3.
 *
 * @param k successes (0 ≤ k ≤ n)
 * @param n trials; n = 0 gives NaN bounds
 * @param z standard normal quantile (default {@link Z90}: 90 %)
 * @returns the bounds as shares (0–1)
 * @example wilsonInterval(81, 263, 1.959964) // { laag: 0.2553…, hoog: 0.3662… } (Newcombe 1998a)
 */
export function wilsonInterval(k: number, n: number, z: number = Z90): Interval {
  if (!(n > 0) || !(k >= 0) || k > n) return { laag: NaN, hoog: NaN };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // exact 0 and 1 at the extremes (no float noise outside [0, 1])
  return { laag: k === 0 ? 0 : Math.max(0, centre - half), hoog: k === n ? 1 : Math.min(1, centre + half) };
}

/**
 * Newcombe's hybrid score interval of the difference p1 − p0 of two independent shares
 * (k1/n1 − k0/n0), built from the Wilson intervals of each share.
 *
 * Reference: R. G. Newcombe (1998b), "Interval estimation for the difference between independent
 * proportions: comparison of eleven methods", Stat. Med. 17, 873–890, method 10.
 *
 * @param z standard normal quantile (default {@link Z90}: 90 %)
 * @returns the bounds of p1 − p0 as shares (−1 … 1); NaN when either n is 0
 * @example newcombeDifference(48, 80, 56, 70, 1.959964) // { laag: 0.0524…, hoog: 0.2924… } (Newcombe 1998b, 56/70 − 48/80)
 */
export function newcombeDifference(k0: number, n0: number, k1: number, n1: number, z: number = Z90): Interval {
  const w0 = wilsonInterval(k0, n0, z);
  const w1 = wilsonInterval(k1, n1, z);
  if (Number.isNaN(w0.laag) || Number.isNaN(w1.laag)) return { laag: NaN, hoog: NaN };
  const p0 = k0 / n0;
  const p1 = k1 / n1;
  const d = p1 - p0;
  return {
    laag: d - Math.sqrt((p1 - w1.laag) ** 2 + (w0.hoog - p0) ** 2),
    hoog: d + Math.sqrt((w1.hoog - p1) ** 2 + (p0 - w0.laag) ** 2),
  };
}
