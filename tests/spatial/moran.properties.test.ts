import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { moranGlobal } from '../../src/spatial/moran.js';
import { moranLocal } from '../../src/spatial/lisa.js';
import { rowStandardise, weightsFromLists } from '../../src/spatial/weights.js';
import { latticeIds, latticeLists } from './fixtures.js';

const rows = 4, cols = 5, n = rows * cols;
const ids = latticeIds(rows, cols);
const lists = latticeLists(rows, cols, true);
const w = rowStandardise(weightsFromLists(ids, lists));
const values = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: n, maxLength: n })
  .filter((y) => Math.max(...y) - Math.min(...y) > 1e-3);

describe('Moran invariants (fast-check)', () => {
  it('I, VI and every I_i are invariant under y → a·y + b (a > 0); I_i keeps its sign and quadrants under a < 0 swap H and L', () => {
    fc.assert(fc.property(values, fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true }), (y, a, b) => {
      const g = moranGlobal(y, w, { permutations: 0 });
      const g2 = moranGlobal(y.map((v) => a * v + b), w, { permutations: 0 });
      expect(g2.I).toBeCloseTo(g.I, 9);
      expect(g2.VI_rand).toBeCloseTo(g.VI_rand, 9);
      const l = moranLocal(y, w, { permutations: 0 });
      const neg = moranLocal(y.map((v) => -a * v + b), w, { permutations: 0 });
      const swap = [0, 3, 4, 1, 2]; // HH↔LL, LH↔HL
      for (let i = 0; i < n; i++) {
        expect(neg.Ii[i]).toBeCloseTo(l.Ii[i], 9);
        const z = l.Ii[i];
        if (Math.abs(z) > 1e-9) expect(neg.quadrant[i]).toBe(swap[l.quadrant[i]]);
      }
    }), { numRuns: 50 });
  });

  it('relabelling the regions permutes the local results and leaves I unchanged', () => {
    fc.assert(fc.property(values, fc.integer({ min: 1, max: 1e6 }), (y, s) => {
      const order = ids.map((_, i) => i).sort((p, q) => ((p * 7919 + s) % 101) - ((q * 7919 + s) % 101) || p - q);
      const pos = new Array<number>(n);
      order.forEach((old, k) => (pos[old] = k));
      const w2 = rowStandardise(weightsFromLists(order.map((o) => ids[o]), order.map((o) => lists[o].map((j) => pos[j]))));
      const y2 = order.map((o) => y[o]);
      expect(moranGlobal(y2, w2, { permutations: 0 }).I).toBeCloseTo(moranGlobal(y, w, { permutations: 0 }).I, 10);
      const l = moranLocal(y, w, { permutations: 0 });
      const l2 = moranLocal(y2, w2, { permutations: 0 });
      for (let k = 0; k < n; k++) expect(l2.Ii[k]).toBeCloseTo(l.Ii[order[k]], 10);
    }), { numRuns: 50 });
  });
});
