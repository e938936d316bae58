/**
 * Corporation share of the dwelling stock per cell: a spatially clustered field mapped onto a
 * target distribution spanning 0–100 % with about 17 % of buurten above two thirds
 * ("corporatiebuurten"; Amsterdam 2017: 17 %, issue 5) and a mean near 30 %.
 */
import { quantileFrom, rankFractions } from './fields.js';
import { KWB_YEARS } from './options.js';
import type { Rng } from './prng.js';

/** Target quantile function of the corporation share (%). */
export const corporatieQuantile = quantileFrom([[0, 0], [0.15, 1], [0.3, 6], [0.45, 16], [0.6, 30], [0.72, 46], [0.83, 66.7], [0.92, 80], [1, 96]]);

/** Corporation share (0–1) and the share of other landlords (0–1) per cell, by year index. */
export interface Corporatie {
  aandeel: Float64Array[];
  overigeHuur: Float64Array;
}

/**
 * Draw corporation shares from a standardised spatial latent (higher = more corporation stock).
 */
export function drawCorporatie(latent: Float64Array, rng: Rng): Corporatie {
  const n = latent.length;
  const p = rankFractions(latent);
  const base = new Float64Array(n);
  const overig = new Float64Array(n);
  const drift = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    base[i] = corporatieQuantile(p[i]) / 100;
    overig[i] = Math.min(1 - base[i], rng.between(0.04, 0.2));
    drift[i] = rng.normal(-0.003, 0.002);
  }
  const aandeel = KWB_YEARS.map((y) => {
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) a[i] = Math.min(1, Math.max(0, base[i] + drift[i] * (y - 2017) + rng.normal(0, 0.004)));
    return a;
  });
  return { aandeel, overigeHuur: overig };
}
