/**
 * Planted truth: every cell gets a latent trajectory over 2014 → 2022, in spatial clusters of
 * 2–5 neighbouring populated buurten, and the size of its latent changes.
 *
 * - `spiraal` (downward spiral): vulnerable share up (ΔK > 0), onv down (worse)
 * - `veerkrachtig` (resilient): vulnerable share up, onv stable or better
 * - `leefbaarheid`: onv down only, no composition change
 * - `stabiel`: neither (noise around a small regional trend)
 *
 * Only the truth file carries these; the library never reads it.
 */
import type { Rng } from './prng.js';
import type { RegionModel } from './regions.js';

/** The planted trajectories, in code order 0–3. */
export const TRAJECTORIES = ['stabiel', 'spiraal', 'veerkrachtig', 'leefbaarheid'] as const;

/** A planted trajectory. */
export type Trajectory = (typeof TRAJECTORIES)[number];

/** Signal category (src/signal/categories.ts id) each trajectory should produce. */
export const EXPECTED_SIGNAL: Readonly<Record<Trajectory, string>> = {
  stabiel: 'geen_signaal',
  spiraal: 'veerkracht_onder_druk',
  veerkrachtig: 'kwetsbaarheid_neemt_toe',
  leefbaarheid: 'leefbaarheid_verslechtert',
};

/** Target share of cells per planted (non-stable) trajectory. */
export const TRAJECTORY_SHARES: Readonly<Record<Exclude<Trajectory, 'stabiel'>, number>> = { spiraal: 0.1, veerkrachtig: 0.1, leefbaarheid: 0.08 };

/** Trajectory per cell with its latent changes 2014 → 2022. */
export interface Trajectories {
  /** Index into TRAJECTORIES per cell. */
  type: Uint8Array;
  /** Cluster id per cell (−1 for stable cells). */
  cluster: Int32Array;
  /** Latent change of % low-income households (percentage points). */
  dLaagInkomen: Float64Array;
  /** Latent change of the microdata vulnerable share of persons (fraction). */
  dKwetsbaar: Float64Array;
  /** Latent change of the Leefbaarometer onv score. */
  dOnv: Float64Array;
}

/**
 * Assign trajectories in clusters; spirals and resilient buurten favour corporation stock.
 * @param inwoners inhabitants per cell in the reference year (clusters avoid tiny buurten)
 * @param corporatie corporation share per cell (0–1)
 */
export function assignTrajectories(region: RegionModel, inwoners: Float64Array, corporatie: Float64Array, rng: Rng): Trajectories {
  const n = region.cells.length;
  const type = new Uint8Array(n);
  const cluster = new Int32Array(n).fill(-1);
  const eligible = (i: number): boolean => inwoners[i] >= 300;
  let clusterId = 0;
  for (const t of [1, 2, 3] as const) {
    const name = TRAJECTORIES[t] as Exclude<Trajectory, 'stabiel'>;
    const target = Math.round(TRAJECTORY_SHARES[name] * n);
    let count = 0;
    let guard = 0;
    while (count < target && guard++ < n * 4) {
      const weights = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        if (type[i] !== 0 || !eligible(i)) continue;
        weights[i] = t === 3 ? 1 : 0.1 + corporatie[i] ** 2;
      }
      let any = false;
      for (let i = 0; i < n; i++) if (weights[i] > 0) any = true;
      if (!any) break;
      const seed = rng.weighted(weights);
      const size = Math.min(target - count, rng.int(2, 5));
      const members = [seed];
      type[seed] = t;
      cluster[seed] = clusterId;
      for (let k = 0; members.length < size && k < members.length; k++) {
        for (const j of rng.shuffle(region.cells[members[k]].neighbours)) {
          if (members.length >= size) break;
          if (type[j] !== 0 || !eligible(j) || region.cellGemeente[j] !== region.cellGemeente[seed]) continue;
          type[j] = t;
          cluster[j] = clusterId;
          members.push(j);
        }
      }
      count += members.length;
      clusterId++;
    }
  }
  // the split and the merged pair are one buurt in one of the indelingen: same trajectory
  for (const [a, b] of [region.splitCells, region.mergeCells]) {
    type[b] = type[a];
    cluster[b] = cluster[a];
  }
  const dLaagInkomen = new Float64Array(n);
  const dKwetsbaar = new Float64Array(n);
  const dOnv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = TRAJECTORIES[type[i]];
    const kUp = t === 'spiraal' || t === 'veerkrachtig';
    const oDown = t === 'spiraal' || t === 'leefbaarheid';
    dLaagInkomen[i] = kUp ? rng.between(3, 6) : rng.normal(-0.4, t === 'stabiel' ? 0.7 : 0.5);
    dKwetsbaar[i] = kUp ? rng.between(0.04, 0.08) : rng.normal(-0.003, 0.008);
    dOnv[i] = oDown ? -rng.between(0.04, 0.08) : t === 'veerkrachtig' ? rng.normal(0.015, 0.012) : rng.normal(0.015, 0.018);
  }
  for (const [a, b] of [region.splitCells, region.mergeCells]) {
    dLaagInkomen[b] = dLaagInkomen[a];
    dKwetsbaar[b] = dKwetsbaar[a];
    dOnv[b] = dOnv[a];
  }
  return { type, cluster, dLaagInkomen, dKwetsbaar, dOnv };
}
