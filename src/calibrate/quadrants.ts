/**
 * The counting trick behind fast sweeps: each buurt falls in one cell of the threshold grid
 * (ia = #tK below a, ib = #tO below b); at grid point (i, j) "K up" ⇔ ia > i and "O worse" ⇔
 * ib > j. A 2-D suffix sum over the cell histogram then gives every category count at every
 * grid point in O(n·log g + g²) instead of O(n·g²).
 */

/** Suffix sums S[x][y] = Σ_{ia ≥ x, ib ≥ y} H, size (nK + 2) × (nO + 2). */
export interface QuadrantSums {
  nK: number;
  nO: number;
  S: Float64Array;
}

/**
 * Build quadrant sums from cell indices and weights (only where `include` is 1).
 *
 * @param ia cell index per buurt along tK (0..nK)
 * @param ib cell index per buurt along tO (0..nO)
 */
export function quadrantSums(
  ia: Int32Array,
  ib: Int32Array,
  weight: ArrayLike<number> | null,
  include: ArrayLike<number>,
  nK: number,
  nO: number,
): QuadrantSums {
  const W = nO + 2;
  const S = new Float64Array((nK + 2) * W);
  for (let i = 0; i < ia.length; i++) {
    if (!include[i]) continue;
    S[ia[i] * W + ib[i]] += weight ? weight[i] : 1;
  }
  for (let x = nK; x >= 0; x--) {
    for (let y = nO; y >= 0; y--) {
      S[x * W + y] += S[(x + 1) * W + y] + S[x * W + y + 1] - S[(x + 1) * W + y + 1];
    }
  }
  return { nK, nO, S };
}

/** Σ over buurten with ia ≥ x and ib ≥ y. */
export function suffix(q: QuadrantSums, x: number, y: number): number {
  return q.S[x * (q.nO + 2) + y];
}

/**
 * Counts of the four data categories at grid point (i, j) in SIGNAL_CATEGORIES order
 * (onder druk, kwetsbaarheid, leefbaarheid, geen signaal).
 */
export function categoryCountsAt(q: QuadrantSums, i: number, j: number): [number, number, number, number] {
  const both = suffix(q, i + 1, j + 1);
  const up = suffix(q, i + 1, 0);
  const worse = suffix(q, 0, j + 1);
  const all = suffix(q, 0, 0);
  return [both, up - both, worse - both, all - up - worse + both];
}
