/**
 * The vulnerable share K per cell and year, in two measures: % low-income households (KWB;
 * log-normal around median 5.05 % with sd of logs 0.78, giving national-like deciles 1.9 … 14
 * and a mean near 6.7, issue 5) and the microdata share of vulnerable persons, plus the yearly
 * inflow (instroom) rate. Levels rise with the corporation share; changes follow the planted
 * trajectory linearly over 2014 → 2022 with yearly noise.
 */
import { normalScores } from './fields.js';
import { KWB_YEARS } from './options.js';
import type { Rng } from './prng.js';
import type { Trajectories } from './trajectories.js';

/** K per cell, by year index of KWB_YEARS. */
export interface Kwetsbaarheid {
  /** % low-income households (0–100). */
  laagInkomen: Float64Array[];
  /** % households at or around the social minimum (0–100). */
  sociaalMinimum: Float64Array[];
  /** Share of vulnerable persons (0–1), microdata measure. */
  kwetsbaar: Float64Array[];
  /** Share of persons who moved in during the year (0–1). */
  instroom: Float64Array;
  /** Extra vulnerable share among movers in (0–1), per cell. */
  instroomExtra: Float64Array;
}

/** Position of year y on the 2014 → 2022 path, centred on 2017 ≈ the calibration year. */
export const pathFraction = (y: number): number => (y - 2014) / 8 - 0.375;

/**
 * Draw K for every cell.
 * @param corporatie corporation share per cell (0–1) in the reference year
 */
export function drawKwetsbaarheid(corporatie: Float64Array, traj: Trajectories, rng: Rng): Kwetsbaarheid {
  const n = corporatie.length;
  const zc = normalScores(corporatie);
  const level = new Float64Array(n);
  const micro = new Float64Array(n);
  const instroom = new Float64Array(n);
  const extra = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = 0.75 * zc[i] + 0.66 * rng.normal();
    level[i] = Math.min(40, Math.exp(Math.log(5.05) + 0.78 * z));
    micro[i] = Math.min(0.6, Math.max(0.02, 0.05 + 1.4 * (level[i] / 100) + rng.normal(0, 0.015)));
    instroom[i] = Math.min(0.2, Math.max(0.05, 0.08 + 0.05 * corporatie[i] + rng.normal(0, 0.012)));
    extra[i] = traj.dKwetsbaar[i] > 0.03 ? rng.between(0.08, 0.14) : rng.normal(0.01, 0.01);
  }
  const laagInkomen: Float64Array[] = [];
  const sociaalMinimum: Float64Array[] = [];
  const kwetsbaar: Float64Array[] = [];
  for (const y of KWB_YEARS) {
    const f = pathFraction(y);
    const li = new Float64Array(n);
    const sm = new Float64Array(n);
    const kw = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      li[i] = Math.max(0.2, level[i] + traj.dLaagInkomen[i] * f + rng.normal(0, 0.25));
      sm[i] = Math.max(0.1, 0.93 * li[i] + rng.normal(0, 0.35));
      kw[i] = Math.min(0.9, Math.max(0.01, micro[i] + traj.dKwetsbaar[i] * f + rng.normal(0, 0.004)));
    }
    laagInkomen.push(li);
    sociaalMinimum.push(sm);
    kwetsbaar.push(kw);
  }
  return { laagInkomen, sociaalMinimum, kwetsbaar, instroom, instroomExtra: extra };
}
