import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedVector } from '../helpers/shared.js';
import { moranGlobal, weightSums } from '../../src/spatial/moran.js';
import { createRng } from '../../src/spatial/random.js';
import { knnWeights } from '../../src/spatial/knn.js';
import { rowStandardise, weightsFromLists, type SpatialWeights } from '../../src/spatial/weights.js';
import { VeerkrachtError } from '../../src/util/errors.js';
import { latticeIds, latticeLists } from './fixtures.js';

const vec = JSON.parse(readFileSync(sharedVector('esda_moran.json'), 'utf8'));

/** Independent O(n²) dense computation of I, S0, S1, S2, VI_norm and VI_rand (Cliff & Ord). */
function bruteForce(y: number[], w: SpatialWeights) {
  const n = y.length;
  const W = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) W[i][w.neighbours[t]] = w.weights[t];
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const z = y.map((v) => v - mean);
  let S0 = 0, S1 = 0, S2 = 0, num = 0;
  for (let i = 0; i < n; i++) {
    let ri = 0, ci = 0;
    for (let j = 0; j < n; j++) {
      S0 += W[i][j];
      S1 += (W[i][j] + W[j][i]) ** 2 / 2;
      ri += W[i][j];
      ci += W[j][i];
      num += W[i][j] * z[i] * z[j];
    }
    S2 += (ri + ci) ** 2;
  }
  const m2 = z.reduce((a, b) => a + b * b, 0) / n;
  const m4 = z.reduce((a, b) => a + b ** 4, 0) / n;
  const I = (n / S0) * (num / (m2 * n));
  const EI = -1 / (n - 1);
  const VI_norm = (n * n * S1 - n * S2 + 3 * S0 * S0) / ((n * n - 1) * S0 * S0) - EI * EI;
  const k = m4 / (m2 * m2);
  const VI_rand =
    (n * ((n * n - 3 * n + 3) * S1 - n * S2 + 3 * S0 * S0) - k * ((n * n - n) * S1 - 2 * n * S2 + 6 * S0 * S0)) /
      ((n - 1) * (n - 2) * (n - 3) * S0 * S0) - EI * EI;
  return { I, S0, S1, S2, VI_norm, VI_rand };
}

describe('moranGlobal reproduces esda', () => {
  it('3×3 lattice, rook binary weights: I = 0.5, EI = −0.125, VI_norm, VI_rand (esda test_moran)', () => {
    const v = vec.lattice_3x3;
    const w = weightsFromLists(latticeIds(3, 3), latticeLists(3, 3, false));
    const m = moranGlobal(v.y, w, { permutations: 0 });
    expect(m.I).toBeCloseTo(v.I, 12);
    expect(m.EI).toBeCloseTo(v.EI, 12);
    expect(m.VI_norm).toBeCloseTo(v.VI_norm, 12);
    expect(m.VI_rand).toBeCloseTo(v.VI_rand, 12);
    expect(m.z_norm).toBeCloseTo((0.5 + 0.125) / Math.sqrt(v.VI_norm), 12);
    expect(m.S0).toBe(24);
    expect(Number.isNaN(m.p_sim)).toBe(true);
  });

  it('matches an independent dense O(n²) computation on a random lattice, row-standardised and asymmetric kNN', () => {
    const rng = createRng(7);
    const rows = 5, cols = 6, n = rows * cols;
    const y = Array.from({ length: n }, () => rng.nextFloat() * 10 + (rng.nextFloat() < 0.2 ? 20 : 0));
    const ids = latticeIds(rows, cols);
    const xs = ids.map((_, i) => (i % cols) + rng.nextFloat() * 0.3);
    const ys = ids.map((_, i) => Math.floor(i / cols) + rng.nextFloat() * 0.3);
    for (const w of [
      weightsFromLists(ids, latticeLists(rows, cols, true)),
      rowStandardise(weightsFromLists(ids, latticeLists(rows, cols, false))),
      rowStandardise(knnWeights(ids, xs, ys, 3, { geographic: false })),
    ]) {
      const m = moranGlobal(y, w, { permutations: 0 });
      const b = bruteForce(y, w);
      expect(m.S0).toBeCloseTo(b.S0, 10);
      expect(m.S1).toBeCloseTo(b.S1, 10);
      expect(m.S2).toBeCloseTo(b.S2, 10);
      expect(m.I).toBeCloseTo(b.I, 12);
      expect(m.VI_norm).toBeCloseTo(b.VI_norm, 12);
      expect(m.VI_rand).toBeCloseTo(b.VI_rand, 12);
    }
  });

  it('weightSums on a hand-worked asymmetric matrix', () => {
    // w01 = 1, w10 = 0.5, w12 = 2 (no w21): S0 = 3.5; S1 = ½[2·1.5² + 2·2²] = 6.25;
    // rows (1, 2.5, 0) + cols (0.5, 1, 2) → S2 = 1.5² + 3.5² + 2² = 18.5
    const w: SpatialWeights = {
      ids: ['a', 'b', 'c'], offsets: Int32Array.from([0, 1, 3, 3]), neighbours: Int32Array.from([1, 0, 2]),
      weights: Float64Array.from([1, 0.5, 2]), transform: 'B',
    };
    expect(weightSums(w)).toEqual({ S0: 3.5, S1: 6.25, S2: 18.5 });
  });
});

describe('moranGlobal permutation test', () => {
  const rows = 8, cols = 8;
  const w = rowStandardise(weightsFromLists(latticeIds(rows, cols), latticeLists(rows, cols, false)));
  const trend = latticeIds(rows, cols).map((_, i) => Math.floor(i / cols) + (i % cols));

  it('is reproducible with the same seed and differs with another', () => {
    const rng = createRng(3);
    const y = trend.map((v) => v * 0.1 + rng.nextFloat());
    const a = moranGlobal(y, w, { permutations: 199, seed: 1 });
    const b = moranGlobal(y, w, { permutations: 199, seed: 1 });
    const c = moranGlobal(y, w, { permutations: 199, seed: 2 });
    expect(b).toEqual(a);
    expect(c.EI_sim).not.toBe(a.EI_sim);
    expect(c.I).toBe(a.I);
  });

  it('a planted gradient is more clustered than every permutation: p_sim = 1/(N+1)', () => {
    const m = moranGlobal(trend, w, { permutations: 499, seed: 5 });
    expect(m.I).toBeGreaterThan(0.8);
    expect(m.p_sim).toBe(1 / 500);
    expect(m.p_norm).toBeLessThan(1e-10);
  });

  it('a planted checkerboard (perfect negative autocorrelation) has I = −1 and p_sim = 1/(N+1)', () => {
    const y = latticeIds(rows, cols).map((_, i) => (Math.floor(i / cols) + (i % cols)) % 2);
    const m = moranGlobal(y, w, { permutations: 99, seed: 5 });
    expect(m.I).toBeCloseTo(-1, 12);
    expect(m.p_sim).toBe(1 / 100);
  });

  it('under the null the permutation mean is close to E[I] and the variance to VI_rand', () => {
    const rng = createRng(11);
    const y = trend.map(() => rng.nextFloat());
    const m = moranGlobal(y, w, { permutations: 4000, seed: 9 });
    expect(Math.abs(m.EI_sim - m.EI)).toBeLessThan(4 * Math.sqrt(m.VI_rand / 4000));
    expect(m.VI_sim / m.VI_rand).toBeGreaterThan(0.9);
    expect(m.VI_sim / m.VI_rand).toBeLessThan(1.1);
  });
});

describe('moranGlobal input errors', () => {
  const w = weightsFromLists(latticeIds(3, 3), latticeLists(3, 3, false));
  it('refuses a missing value, naming the region', () => {
    expect(() => moranGlobal([1, 2, NaN, 4, 5, 6, 7, 8, 9], w)).toThrow(/BU99990002.*missing value/);
    expect(() => moranGlobal([1, 2, NaN, 4, 5, 6, 7, 8, 9], w)).toThrow(VeerkrachtError);
  });
  it('refuses a constant variable and weights without neighbours', () => {
    expect(() => moranGlobal(new Array(9).fill(3), w)).toThrow(/constant/);
    const empty = weightsFromLists(['a', 'b', 'c'], [[], [], []]);
    expect(() => moranGlobal([1, 2, 3], empty)).toThrow(/neighbours/);
  });
});
