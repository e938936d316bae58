/**
 * Local Moran (LISA, Anselin 1995) as esda `Moran_Local`:
 *
 * - z = (y − ȳ) / sd(y) (population sd), I_i = (n − 1) · z_i · Σ_j w_ij z_j / Σ_k z_k²;
 * - quadrant (esda/PySAL numbering): 1 HH (z > 0, lag > 0), 2 LH, 3 LL, 4 HL;
 * - conditional permutation (z_i fixed, its neighbours drawn without replacement from the
 *   other n − 1 values), pseudo p = (larger + 1) / (permutations + 1), larger =
 *   #{I_i,sim ≥ I_i} folded to the smaller tail;
 * - analytical moments: total randomisation EI_i = −w_i / (n − 1) and VI_i (Sokal, Oden &
 *   Thomson 1998, eqs. A3–A4, with the sample kurtosis b2 = m4 / m2²), conditional
 *   randomisation EIc_i, VIc_i (eqs. A7–A8). As in esda, these analytical moments refer to
 *   Anselin's scaling z_i·lag_i/m2, which is I_i · n/(n − 1): compare EI_sim · n/(n − 1) with
 *   EIc (the tests do).
 *
 * Islands (no neighbours) get I_i = NaN, quadrant 0, p = NaN and cluster 'geen buren'.
 * The permutation loop uses only preallocated typed arrays (no allocation per permutation), so
 * 999 permutations on ~14,000 buurten stay feasible.
 */
import { checkMoranInput } from './moran.js';
import { normalSf } from './normal.js';
import { createRng } from './random.js';
import type { SpatialWeights } from './weights.js';

/** Quadrant codes as esda: 1 HH, 2 LH, 3 LL, 4 HL; 0 for an island. */
export type LisaQuadrant = 0 | 1 | 2 | 3 | 4;

/** Significance-filtered cluster category of a region. */
export type LisaCluster = 'HH' | 'LH' | 'LL' | 'HL' | 'niet significant' | 'geen buren';

/** Cluster categories in legend order. */
export const LISA_CLUSTERS: readonly LisaCluster[] = ['HH', 'LL', 'LH', 'HL', 'niet significant', 'geen buren'];

/** Dutch legend labels of the cluster categories. */
export const LISA_CLUSTER_LABELS: Readonly<Record<LisaCluster, string>> = {
  HH: 'Hoog omringd door hoog (HH)',
  LL: 'Laag omringd door laag (LL)',
  LH: 'Laag omringd door hoog (LH)',
  HL: 'Hoog omringd door laag (HL)',
  'niet significant': 'Niet significant',
  'geen buren': 'Geen buren',
};

const QUADRANT_CLUSTER: readonly LisaCluster[] = ['geen buren', 'HH', 'LH', 'LL', 'HL'];

/** Options for {@link moranLocal}. */
export interface MoranLocalOptions {
  /** Permutations for the pseudo p-values (default 999; 0 skips them). */
  permutations?: number;
  /** Seed of the permutation generator (default 12345). */
  seed?: number;
  /** Significance level for the cluster category (default 0.05): p_sim ≤ alpha. */
  alpha?: number;
}

/** Per-region local Moran results (typed arrays in `ids` order); field names as esda. */
export interface MoranLocal {
  ids: readonly string[];
  n: number;
  Ii: Float64Array;
  quadrant: Uint8Array;
  /** Pseudo p-values from conditional permutation (NaN without permutations or for islands). */
  p_sim: Float64Array;
  EI: Float64Array;
  VI: Float64Array;
  EIc: Float64Array;
  VIc: Float64Array;
  EI_sim: Float64Array;
  VI_sim: Float64Array;
  z_sim: Float64Array;
  /** One-sided normal p-value of z_sim, as esda. */
  p_z_sim: Float64Array;
  /** Quadrant when p_sim ≤ alpha, else 'niet significant' ('geen buren' for islands). */
  cluster: LisaCluster[];
  alpha: number;
  permutations: number;
  seed: number;
}

/**
 * Cluster category from quadrant and pseudo p-value.
 *
 * @param quadrant - 0 (island) or 1–4.
 * @param p - pseudo p-value (NaN counts as not significant).
 * @param alpha - significance level.
 * @returns the cluster category.
 * @example lisaCluster(1, 0.01, 0.05) // 'HH'
 */
export function lisaCluster(quadrant: number, p: number, alpha: number): LisaCluster {
  if (quadrant === 0) return 'geen buren';
  return p <= alpha ? QUADRANT_CLUSTER[quadrant] : 'niet significant';
}

/**
 * Local Moran statistics of `values` under weights `w` (esda's default is row-standardised
 * weights; pass `rowStandardise(w)`).
 *
 * @param values - one finite value per region, in `w.ids` order.
 * @param w - spatial weights.
 * @param options - permutations, seed, alpha.
 * @returns per-region statistics.
 * @throws VeerkrachtError for missing values, fewer than 3 regions, a constant variable or no neighbours.
 * @example
 * const lisa = moranLocal(values, rowStandardise(w), { permutations: 999, seed: 1 });
 * lisa.cluster; // ['HH', 'niet significant', …]
 */
export function moranLocal(values: ArrayLike<number>, w: SpatialWeights, options: MoranLocalOptions = {}): MoranLocal {
  checkMoranInput(values, w);
  const permutations = options.permutations ?? 999;
  const seed = options.seed ?? 12345;
  const alpha = options.alpha ?? 0.05;
  const n = w.ids.length;
  const { offsets, neighbours, weights } = w;

  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const sd = Math.sqrt(ss / n);
  const z = new Float64Array(n);
  let den = 0;
  let z4 = 0;
  for (let i = 0; i < n; i++) {
    z[i] = (values[i] - mean) / sd;
    den += z[i] * z[i];
    z4 += z[i] ** 4;
  }
  const m2 = den / n;
  const b2 = z4 / n / (m2 * m2);

  const Ii = new Float64Array(n);
  const quadrant = new Uint8Array(n);
  const EI = new Float64Array(n);
  const VI = new Float64Array(n);
  const EIc = new Float64Array(n);
  const VIc = new Float64Array(n);
  const n1 = n - 1;
  for (let i = 0; i < n; i++) {
    let lag = 0, wi = 0, wi2 = 0;
    for (let t = offsets[i]; t < offsets[i + 1]; t++) {
      lag += weights[t] * z[neighbours[t]];
      wi += weights[t];
      wi2 += weights[t] * weights[t];
    }
    EI[i] = -wi / n1;
    VI[i] = (wi2 * (n - b2)) / n1 + ((wi * wi - wi2) * (2 * b2 - n)) / (n1 * (n - 2)) - (wi / n1) ** 2;
    EIc[i] = -(z[i] * z[i] * wi) / (n1 * m2);
    VIc[i] = (z[i] / m2) ** 2 * (n / (n - 2)) * (wi2 - (wi * wi) / n1) * (m2 - (z[i] * z[i]) / n1);
    if (offsets[i + 1] === offsets[i]) {
      Ii[i] = NaN;
      quadrant[i] = 0;
      continue;
    }
    Ii[i] = (n1 * z[i] * lag) / den;
    const hi = z[i] > 0;
    const lagHi = lag > 0;
    quadrant[i] = hi ? (lagHi ? 1 : 4) : lagHi ? 2 : 3;
  }

  const p_sim = new Float64Array(n).fill(NaN);
  const EI_sim = new Float64Array(n).fill(NaN);
  const VI_sim = new Float64Array(n).fill(NaN);
  const z_sim = new Float64Array(n).fill(NaN);
  const p_z_sim = new Float64Array(n).fill(NaN);
  if (permutations > 0) {
    const rng = createRng(seed);
    // Pool of the other n − 1 positions: index r stands for r (r < i) or r + 1 (r ≥ i). A partial
    // Fisher–Yates shuffle of its first k slots draws k distinct neighbours; the pool's order
    // carries over between draws, which keeps each draw uniform.
    const pool = new Int32Array(n1);
    for (let r = 0; r < n1; r++) pool[r] = r;
    for (let i = 0; i < n; i++) {
      const start = offsets[i];
      const k = offsets[i + 1] - start;
      if (k === 0) continue;
      const scale = (n1 * z[i]) / den;
      const obs = Ii[i];
      let larger = 0, sum = 0, sum2 = 0;
      for (let r = 0; r < permutations; r++) {
        let acc = 0;
        for (let t = 0; t < k; t++) {
          const s = t + rng.nextInt(n1 - t);
          const pick = pool[s];
          pool[s] = pool[t];
          pool[t] = pick;
          acc += weights[start + t] * z[pick >= i ? pick + 1 : pick];
        }
        const Is = scale * acc;
        if (Is >= obs) larger++;
        sum += Is;
        sum2 += Is * Is;
      }
      if (permutations - larger < larger) larger = permutations - larger;
      p_sim[i] = (larger + 1) / (permutations + 1);
      const m = sum / permutations;
      EI_sim[i] = m;
      VI_sim[i] = Math.max(0, sum2 / permutations - m * m);
      z_sim[i] = (obs - m) / Math.sqrt(VI_sim[i]);
      p_z_sim[i] = normalSf(Math.abs(z_sim[i]));
    }
  }
  const cluster: LisaCluster[] = [];
  for (let i = 0; i < n; i++) cluster.push(lisaCluster(quadrant[i], p_sim[i], alpha));
  return {
    ids: w.ids, n, Ii, quadrant, p_sim, EI, VI, EIc, VIc, EI_sim, VI_sim, z_sim, p_z_sim,
    cluster, alpha, permutations, seed,
  };
}
