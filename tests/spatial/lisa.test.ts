import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedVector } from '../helpers/shared.js';
import { lisaCluster, moranLocal } from '../../src/spatial/lisa.js';
import { moranGlobal } from '../../src/spatial/moran.js';
import { createRng } from '../../src/spatial/random.js';
import { rowStandardise, weightsFromLists } from '../../src/spatial/weights.js';
import { latticeIds, latticeLists } from './fixtures.js';

const vec = JSON.parse(readFileSync(sharedVector('esda_moran.json'), 'utf8'));

function desmith() {
  const d = vec.desmith;
  const ids = d.y.map((_: number, i: number) => `R${i + 1}`);
  const lists = ids.map((_: string, i: number) => (d.neighbours_1based[String(i + 1)] as number[]).map((j) => j - 1));
  return { y: d.y as number[], w: rowStandardise(weightsFromLists(ids, lists)) };
}

describe('moranLocal reproduces esda Moran_Local on desmith (row-standardised)', () => {
  it('quadrants 1 HH, 2 LH, 3 LL, 4 HL', () => {
    const { y, w } = desmith();
    const l = moranLocal(y, w, { permutations: 0 });
    expect(Array.from(l.quadrant)).toEqual(vec.desmith.local_quadrants_row_standardised.q);
  });

  it('analytical expectation −w_i/(n−1) and total-randomisation variance (Sokal et al. 1998)', () => {
    const { y, w } = desmith();
    const l = moranLocal(y, w, { permutations: 0 });
    for (let i = 0; i < 10; i++) {
      expect(l.EI[i]).toBeCloseTo(vec.desmith.local_EI, 12);
      expect(l.VI[i]).toBeCloseTo(vec.desmith.local_VI_analytical[i], 6);
    }
  });

  it('I_i = (n−1)·z_i·lag_i/Σz², computed by hand for region 4, and Σ I_i = (n−1)·I (row-standardised, no islands)', () => {
    const { y, w } = desmith();
    const l = moranLocal(y, w, { permutations: 0 });
    const n = y.length;
    const mean = y.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(y.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    const z = y.map((v) => (v - mean) / sd);
    const lag4 = (z[0] + z[2] + z[4] + z[7]) / 4; // neighbours 1, 3, 5, 8 (1-based)
    expect(l.Ii[3]).toBeCloseTo(((n - 1) * z[3] * lag4) / n, 12);
    const sum = l.Ii.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo((n - 1) * moranGlobal(y, w, { permutations: 0 }).I, 12);
  });
});

describe('moranLocal conditional permutation', () => {
  const rows = 9, cols = 9, n = rows * cols;
  const ids = latticeIds(rows, cols);
  const w = rowStandardise(weightsFromLists(ids, latticeLists(rows, cols, true)));

  it('is reproducible with the same seed and differs with another', () => {
    const rng = createRng(1);
    const y = ids.map(() => rng.nextFloat());
    const a = moranLocal(y, w, { permutations: 99, seed: 4 });
    const b = moranLocal(y, w, { permutations: 99, seed: 4 });
    const c = moranLocal(y, w, { permutations: 99, seed: 5 });
    expect(Array.from(b.p_sim)).toEqual(Array.from(a.p_sim));
    expect(Array.from(c.EI_sim)).not.toEqual(Array.from(a.EI_sim));
    expect(Array.from(c.Ii)).toEqual(Array.from(a.Ii));
  });

  it('simulated moments match the analytical conditional moments EIc, VIc (scaled by n/(n−1), as esda)', () => {
    const rng = createRng(2);
    const y = ids.map(() => rng.nextFloat() ** 2);
    const perms = 4000;
    const l = moranLocal(y, w, { permutations: perms, seed: 8 });
    const s = n / (n - 1);
    for (const i of [0, 4, 40, 80]) {
      const sd = Math.sqrt(l.VIc[i]);
      expect(Math.abs(l.EI_sim[i] * s - l.EIc[i])).toBeLessThan((5 * sd) / Math.sqrt(perms));
      expect((l.VI_sim[i] * s * s) / l.VIc[i]).toBeGreaterThan(0.9);
      expect((l.VI_sim[i] * s * s) / l.VIc[i]).toBeLessThan(1.1);
    }
  });

  it('finds a planted hot spot (HH) and cold spot (LL) as significant, noise elsewhere mostly not', () => {
    const rng = createRng(3);
    const y = ids.map((_, i) => {
      const r = Math.floor(i / cols), c = i % cols;
      if (r <= 2 && c <= 2) return 10 + rng.nextFloat();
      if (r >= 6 && c >= 6) return -10 + rng.nextFloat();
      return rng.nextFloat();
    });
    const l = moranLocal(y, w, { permutations: 999, seed: 3 });
    const centreHot = 1 * cols + 1;
    const centreCold = 7 * cols + 7;
    expect(l.quadrant[centreHot]).toBe(1);
    expect(l.cluster[centreHot]).toBe('HH');
    expect(l.cluster[centreCold]).toBe('LL');
    expect(l.p_sim[centreHot]).toBeLessThanOrEqual(0.01);
    const middle = ids.map((_, i) => i).filter((i) => {
      const r = Math.floor(i / cols), c = i % cols;
      return r >= 4 && r <= 4 && c >= 3 && c <= 5;
    });
    for (const i of middle) expect(l.cluster[i]).toBe('niet significant');
  });

  it('islands get NaN, quadrant 0 and cluster "geen buren" without breaking the rest', () => {
    const lists = latticeLists(3, 3, false);
    lists[4] = [];
    for (const l of lists) {
      const k = l.indexOf(4);
      if (k >= 0) l.splice(k, 1);
    }
    const wi = rowStandardise(weightsFromLists(latticeIds(3, 3), lists));
    const l = moranLocal([1, 2, 3, 4, 5, 6, 7, 8, 9], wi, { permutations: 19, seed: 1 });
    expect(Number.isNaN(l.Ii[4])).toBe(true);
    expect(l.quadrant[4]).toBe(0);
    expect(l.cluster[4]).toBe('geen buren');
    expect(Number.isNaN(l.p_sim[4])).toBe(true);
    expect(l.Ii.filter((x, i) => i !== 4).every(Number.isFinite)).toBe(true);
  });

  it('p_sim lies in [1/(N+1), 0.5 + 1/(N+1)] (folded to the smaller tail)', () => {
    const rng = createRng(6);
    const y = ids.map(() => rng.nextFloat());
    const l = moranLocal(y, w, { permutations: 99, seed: 6 });
    for (const p of l.p_sim) {
      expect(p).toBeGreaterThanOrEqual(1 / 100);
      expect(p).toBeLessThanOrEqual(51 / 100);
    }
  });
});

describe('lisaCluster', () => {
  it('maps quadrants to labels only when significant', () => {
    expect(lisaCluster(1, 0.01, 0.05)).toBe('HH');
    expect(lisaCluster(2, 0.05, 0.05)).toBe('LH');
    expect(lisaCluster(3, 0.001, 0.05)).toBe('LL');
    expect(lisaCluster(4, 0.02, 0.05)).toBe('HL');
    expect(lisaCluster(1, 0.2, 0.05)).toBe('niet significant');
    expect(lisaCluster(1, NaN, 0.05)).toBe('niet significant');
    expect(lisaCluster(0, 0.001, 0.05)).toBe('geen buren');
  });
});
