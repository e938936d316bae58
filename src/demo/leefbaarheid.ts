/**
 * Leefbaarometer dimension scores per cell and Leefbaarometer year. Level distributions follow
 * the real wijk file (Leefbaarometer 3.0, 2014–2022 rows with dimensions): fys mean 0.004 sd
 * 0.045, onv 0.04 / 0.07, soc 0.04 / 0.055, vrz −0.074 / 0.127, won 0.029 / 0.048. onv is lower
 * where the corporation share and the vulnerable share are high, and changes along the planted
 * trajectory (change 2014 → 2022: sd ≈ 0.03, about a third worse).
 */
import { normalScores, standardise } from './fields.js';
import { LBM_YEARS } from './options.js';
import type { Rng } from './prng.js';
import type { Trajectories } from './trajectories.js';

/** The five Leefbaarometer dimensions, in file order. */
export const DIMENSIES = ['fys', 'onv', 'soc', 'vrz', 'won'] as const;

/** Dimension scores per Leefbaarometer year index and cell. */
export type Dimensies = Record<(typeof DIMENSIES)[number], Float64Array[]>;

/**
 * Draw the dimension scores.
 * @param corporatie corporation share per cell (0–1)
 * @param laagInkomen % low-income households per cell (reference year)
 * @param urban standardised urbanity (vrz higher in centres)
 * @param field a standardised smooth random field (spatial clustering of onv)
 */
export function drawDimensies(corporatie: Float64Array, laagInkomen: Float64Array, urban: Float64Array, field: Float64Array, traj: Trajectories, rng: Rng): Dimensies {
  const n = corporatie.length;
  const zc = normalScores(corporatie);
  const zk = normalScores(laagInkomen);
  const raw = new Float64Array(n);
  for (let i = 0; i < n; i++) raw[i] = -0.45 * zc[i] - 0.25 * zk[i] + 0.75 * field[i] + 0.3 * rng.normal();
  const onvLevel = standardise(raw);
  const level = {
    fys: Float64Array.from({ length: n }, () => rng.normal(0.004, 0.045)),
    onv: onvLevel.map((z) => 0.04 + 0.068 * z),
    soc: Float64Array.from({ length: n }, (_, i) => 0.04 + 0.055 * (-0.4 * zc[i] + 0.9 * rng.normal())),
    vrz: Float64Array.from(standardise(urban), (u) => -0.074 + 0.127 * (0.8 * u + 0.6 * rng.normal())),
    won: Float64Array.from({ length: n }, (_, i) => 0.029 + 0.048 * (-0.5 * zc[i] + 0.85 * rng.normal())),
  };
  const trend = { fys: new Float64Array(n), soc: new Float64Array(n), vrz: new Float64Array(n), won: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    trend.fys[i] = rng.normal(0.005, 0.01);
    trend.soc[i] = rng.normal(0, 0.01) - (traj.dOnv[i] < -0.03 ? 0.01 : 0);
    trend.vrz[i] = rng.normal(0, 0.01);
    trend.won[i] = rng.normal(0.01, 0.01);
  }
  const out = { fys: [], onv: [], soc: [], vrz: [], won: [] } as unknown as Dimensies;
  for (const y of LBM_YEARS) {
    const f = (y - 2014) / 8 - 0.5;
    for (const d of DIMENSIES) {
      const a = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const change = d === 'onv' ? traj.dOnv[i] : trend[d][i];
        a[i] = level[d][i] + change * f + rng.normal(0, d === 'onv' ? 0.005 : 0.004);
      }
      out[d].push(a);
    }
  }
  return out;
}
