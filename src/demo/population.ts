/**
 * Inhabitants, households and dwellings per cell and year. Inhabitants in 2017 are calibrated
 * to the national buurt deciles of KWB 2017 (issue 5: 45, 125, 235, 410, 680, 1045, 1485, 2121,
 * 3300) by stratified quantile draws, ranked so that buurten near a town centre are larger.
 */
import { quantileFrom, standardise } from './fields.js';
import { KWB_YEARS } from './options.js';
import type { Rng } from './prng.js';
import type { RegionModel } from './regions.js';

/** National deciles of buurt inhabitants, KWB 2017 (p = 0.1 … 0.9). */
export const INWONERS_DECIELEN_2017: readonly number[] = [45, 125, 235, 410, 680, 1045, 1485, 2121, 3300];

/** Quantile function of buurt inhabitants: 3% empty buurten (industry, nature), a tail to 7,500. */
export const inwonersQuantile = quantileFrom([[0, 0], [0.03, 0], ...INWONERS_DECIELEN_2017.map((v, k) => [(k + 1) / 10, v] as [number, number]), [1, 7500]]);

/** Population per cell (index [yearIndex][cell]) over KWB_YEARS. */
export interface Population {
  inwoners: Float64Array[];
  huishoudens: Float64Array[];
  woningen: Float64Array[];
  /** Average household size per cell (constant over the years). */
  huishoudensgrootte: Float64Array;
}

/**
 * Draw the population of every cell.
 * @param urban standardised urbanity score per cell (higher = more central)
 */
export function drawPopulation(region: RegionModel, urban: Float64Array, rng: Rng): Population {
  const n = region.cells.length;
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) score[i] = urban[i] + rng.normal(0, 0.8);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[a] - score[b] || a - b);
  const base = new Float64Array(n);
  order.forEach((cell, r) => {
    base[cell] = inwonersQuantile((r + rng.uniform()) / n);
  });
  const size = new Float64Array(n);
  const u = standardise(urban);
  for (let i = 0; i < n; i++) size[i] = Math.min(2.9, Math.max(1.45, 2.2 - 0.3 * u[i] + rng.normal(0, 0.15)));
  const growth = new Float64Array(n);
  const vacancy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    growth[i] = rng.normal(0.004, 0.01);
    vacancy[i] = rng.between(1.01, 1.06);
  }
  const inwoners: Float64Array[] = [];
  const huishoudens: Float64Array[] = [];
  const woningen: Float64Array[] = [];
  for (const y of KWB_YEARS) {
    const inw = new Float64Array(n);
    const hh = new Float64Array(n);
    const wo = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      inw[i] = base[i] < 2.5 ? 0 : Math.max(0, base[i] * (1 + growth[i] * (y - 2017)) * (1 + rng.normal(0, 0.008)));
      hh[i] = inw[i] / size[i];
      wo[i] = inw[i] === 0 ? 0 : hh[i] * vacancy[i];
    }
    inwoners.push(inw);
    huishoudens.push(hh);
    woningen.push(wo);
  }
  return { inwoners, huishoudens, woningen, huishoudensgrootte: size };
}
