/**
 * Global Moran's I with analytical inference under normality and randomisation and a seeded
 * permutation test, following esda `Moran` (Cliff & Ord 1981, Spatial Processes, ch. 1–2).
 *
 * I = n / S0 · Σ_ij w_ij z_i z_j / Σ_i z_i², z = y − ȳ;  E[I] = −1/(n − 1);
 * S0 = Σ w_ij, S1 = ½ Σ_ij (w_ij + w_ji)², S2 = Σ_i (w_i· + w_·i)²;
 * VI_norm = (n² S1 − n S2 + 3 S0²) / ((n² − 1) S0²) − E[I]²;
 * VI_rand = (n((n² − 3n + 3) S1 − n S2 + 3 S0²) − b2((n² − n) S1 − 2n S2 + 6 S0²))
 *           / ((n − 1)(n − 2)(n − 3) S0²) − E[I]², b2 = m4 / m2² (sample kurtosis);
 * p_norm, p_rand two-sided normal; p_sim = (larger + 1) / (permutations + 1) with
 * larger = #{I_sim ≥ I}, folded to the smaller tail as esda does.
 */
import { VeerkrachtError } from '../util/errors.js';
import { twoSidedP, normalCdf } from './normal.js';
import { createRng } from './random.js';
import { entryIndex, type SpatialWeights } from './weights.js';

/** Options for {@link moranGlobal}. */
export interface MoranOptions {
  /** Permutations for the pseudo p-value (default 999; 0 skips the test). */
  permutations?: number;
  /** Seed of the permutation generator (default 12345). */
  seed?: number;
}

/** Result of {@link moranGlobal}; field names as esda. */
export interface MoranGlobal {
  n: number;
  I: number;
  EI: number;
  VI_norm: number;
  VI_rand: number;
  z_norm: number;
  z_rand: number;
  p_norm: number;
  p_rand: number;
  /** Permutation pseudo p-value; NaN when permutations = 0. */
  p_sim: number;
  EI_sim: number;
  VI_sim: number;
  z_sim: number;
  /** One-sided normal p-value of z_sim, as esda. */
  p_z_sim: number;
  permutations: number;
  seed: number;
  S0: number;
  S1: number;
  S2: number;
}

/**
 * Weight sums S0, S1, S2 of Cliff & Ord (1981), for any (also asymmetric) weights.
 *
 * @param w - weights.
 * @returns S0 = Σ w_ij, S1 = ½ Σ (w_ij + w_ji)², S2 = Σ_i (w_i· + w_·i)².
 * @example weightSums(rook3x3).S0 // 24
 */
export function weightSums(w: SpatialWeights): { S0: number; S1: number; S2: number } {
  const n = w.ids.length;
  const rowSum = new Float64Array(n);
  const colSum = new Float64Array(n);
  let S0 = 0;
  let S1 = 0;
  for (let i = 0; i < n; i++) {
    for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) {
      const j = w.neighbours[t];
      const wij = w.weights[t];
      S0 += wij;
      rowSum[i] += wij;
      colSum[j] += wij;
      const back = entryIndex(w, j, i);
      // Ordered pairs (i,j) and (j,i) both appear when both are stored; otherwise count twice.
      S1 += back < 0 ? 2 * wij * wij : (wij + w.weights[back]) ** 2;
    }
  }
  S1 /= 2;
  let S2 = 0;
  for (let i = 0; i < n; i++) S2 += (rowSum[i] + colSum[i]) ** 2;
  return { S0, S1, S2 };
}

/**
 * Check values against weights before a Moran computation: one finite value per region, at
 * least 3 regions, a non-constant variable and at least one neighbour pair.
 *
 * @param values - one value per region.
 * @param w - weights.
 * @throws VeerkrachtError naming the region when a value is missing; RangeError on a length mismatch.
 * @example checkMoranInput([1, 2, 3], w)
 */
export function checkMoranInput(values: ArrayLike<number>, w: SpatialWeights): void {
  const n = w.ids.length;
  if (values.length !== n) throw new RangeError(`expected ${n} values (one per region), got ${values.length}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i])) {
      throw new VeerkrachtError('missing value (leave such regions out first, see dropMissing)', {
        feature: w.ids[i], expected: 'a finite number', found: String(values[i]),
      });
    }
  }
  if (n < 3) throw new VeerkrachtError("too few regions for Moran's I", { expected: 'at least 3 regions with a value', found: String(n) });
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  if (min === max) throw new VeerkrachtError("Moran's I is undefined for a constant variable", { expected: 'values that vary', found: `all ${min}` });
  if (w.neighbours.length === 0) throw new VeerkrachtError("Moran's I needs neighbours", { expected: 'at least one pair of neighbouring regions', found: 'only islands' });
}

function crossProduct(w: SpatialWeights, z: ArrayLike<number>): number {
  let s = 0;
  const n = w.ids.length;
  for (let i = 0; i < n; i++) {
    let lag = 0;
    for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) lag += w.weights[t] * z[w.neighbours[t]];
    s += z[i] * lag;
  }
  return s;
}

/**
 * Global Moran's I of `values` under weights `w` (use the weights in the form you want: esda's
 * default is row-standardised, its tests also use binary).
 *
 * @param values - one finite value per region, in `w.ids` order.
 * @param w - spatial weights.
 * @param options - permutations and seed.
 * @returns the statistic with analytical and permutation inference.
 * @throws VeerkrachtError for missing values, fewer than 3 regions, a constant variable or no neighbours.
 * @example
 * moranGlobal([1, 2, 3, 4, 5, 6, 7, 8, 9], rook3x3).I // 0.5 (binary weights)
 */
export function moranGlobal(values: ArrayLike<number>, w: SpatialWeights, options: MoranOptions = {}): MoranGlobal {
  checkMoranInput(values, w);
  const permutations = options.permutations ?? 999;
  const seed = options.seed ?? 12345;
  const n = w.ids.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  const z = new Float64Array(n);
  let zz = 0;
  let z4 = 0;
  for (let i = 0; i < n; i++) {
    z[i] = values[i] - mean;
    zz += z[i] * z[i];
    z4 += z[i] ** 4;
  }
  const { S0, S1, S2 } = weightSums(w);
  const I = ((n / S0) * crossProduct(w, z)) / zz;
  const EI = -1 / (n - 1);
  const n2 = n * n;
  const S02 = S0 * S0;
  const VI_norm = (n2 * S1 - n * S2 + 3 * S02) / ((n2 - 1) * S02) - EI * EI;
  const b2 = (z4 / n) / (zz / n) ** 2;
  const A = n * ((n2 - 3 * n + 3) * S1 - n * S2 + 3 * S02);
  const B = b2 * ((n2 - n) * S1 - 2 * n * S2 + 6 * S02);
  const VI_rand = n > 3 ? (A - B) / ((n - 1) * (n - 2) * (n - 3) * S02) - EI * EI : NaN;
  const z_norm = (I - EI) / Math.sqrt(VI_norm);
  const z_rand = (I - EI) / Math.sqrt(VI_rand);

  let p_sim = NaN, EI_sim = NaN, VI_sim = NaN, z_sim = NaN, p_z_sim = NaN;
  if (permutations > 0) {
    const rng = createRng(seed);
    const perm = Float64Array.from(z);
    let larger = 0, sum = 0, sum2 = 0;
    const scale = n / S0 / zz;
    for (let r = 0; r < permutations; r++) {
      for (let i = n - 1; i > 0; i--) {
        const j = rng.nextInt(i + 1);
        const tmp = perm[i];
        perm[i] = perm[j];
        perm[j] = tmp;
      }
      const Is = scale * crossProduct(w, perm);
      if (Is >= I) larger++;
      sum += Is;
      sum2 += Is * Is;
    }
    if (permutations - larger < larger) larger = permutations - larger;
    p_sim = (larger + 1) / (permutations + 1);
    EI_sim = sum / permutations;
    VI_sim = Math.max(0, sum2 / permutations - EI_sim * EI_sim);
    z_sim = (I - EI_sim) / Math.sqrt(VI_sim);
    p_z_sim = z_sim > 0 ? 1 - normalCdf(z_sim) : normalCdf(z_sim);
  }
  return {
    n, I, EI, VI_norm, VI_rand, z_norm, z_rand,
    p_norm: twoSidedP(z_norm), p_rand: twoSidedP(z_rand),
    p_sim, EI_sim, VI_sim, z_sim, p_z_sim, permutations, seed, S0, S1, S2,
  };
}
