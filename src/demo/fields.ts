/**
 * Numeric helpers of the generator: spatially smooth random fields over cells, normal scores
 * by rank, and piecewise-linear quantile functions for calibrating marginal distributions.
 */
import type { Rng } from './prng.js';
import type { Cell } from './voronoi.js';

/**
 * A smooth random field over cell sites: a sum of Gaussian bumps with random signs and
 * centres, standardised to mean 0 and sd 1 (spatial clustering of everything built on it).
 * @param radius bump radius in metres
 */
export function smoothField(cells: readonly Cell[], rng: Rng, bumps: number, radius: number, x0: number, y0: number, x1: number, y1: number): Float64Array {
  const cx: number[] = [];
  const cy: number[] = [];
  const amp: number[] = [];
  for (let b = 0; b < bumps; b++) {
    cx.push(rng.between(x0, x1));
    cy.push(rng.between(y0, y1));
    amp.push(rng.normal());
  }
  const r2 = 2 * radius * radius;
  const cutoff = 3 * radius;
  const out = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const [x, y] = cells[i].site;
    let s = 0;
    for (let b = 0; b < bumps; b++) {
      const dx = x - cx[b];
      const dy = y - cy[b];
      if (Math.abs(dx) > cutoff || Math.abs(dy) > cutoff) continue;
      s += amp[b] * Math.exp(-(dx * dx + dy * dy) / r2);
    }
    out[i] = s;
  }
  return standardise(out);
}

/** Copy with mean 0 and (population) sd 1; a constant input gives zeros. */
export function standardise(v: ArrayLike<number>): Float64Array {
  let m = 0;
  for (let i = 0; i < v.length; i++) m += v[i];
  m /= v.length || 1;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] - m) ** 2;
  s = Math.sqrt(s / (v.length || 1));
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = s > 0 ? (v[i] - m) / s : 0;
  return out;
}

/** Rank of each value in (0, 1): (rank + 0.5) / n, ties broken by index. */
export function rankFractions(v: ArrayLike<number>): Float64Array {
  const idx = Array.from({ length: v.length }, (_, i) => i);
  idx.sort((a, b) => v[a] - v[b] || a - b);
  const out = new Float64Array(v.length);
  idx.forEach((i, r) => {
    out[i] = (r + 0.5) / v.length;
  });
  return out;
}

/**
 * Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9).
 * @example inverseNormal(0.975) // ≈ 1.95996
 */
export function inverseNormal(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -inverseNormal(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** Normal scores by rank (van der Waerden): mean ≈ 0, sd ≈ 1, same order as the input. */
export function normalScores(v: ArrayLike<number>): Float64Array {
  return rankFractions(v).map(inverseNormal);
}

/**
 * Piecewise-linear quantile function through points (p, value), p ascending from 0 to 1.
 * @example quantileFrom([[0, 0], [1, 10]])(0.25) // 2.5
 */
export function quantileFrom(points: ReadonlyArray<readonly [number, number]>): (p: number) => number {
  return (p: number) => {
    if (p <= points[0][0]) return points[0][1];
    for (let k = 1; k < points.length; k++) {
      const [p1, v1] = points[k];
      if (p <= p1) {
        const [p0, v0] = points[k - 1];
        return v0 + ((v1 - v0) * (p - p0)) / (p1 - p0);
      }
    }
    return points[points.length - 1][1];
  };
}
