/**
 * Sparse spatial weights in compressed sparse row (CSR) form with typed arrays, fit for the
 * ~14,000 buurten of the Netherlands: row i's neighbours are
 * `neighbours[offsets[i] .. offsets[i+1])`, sorted ascending, with their `weights`.
 * Forms follow PySAL/libpysal: binary ('B') and row-standardised ('R').
 */

/** Weights transformation: binary (0/1) or row-standardised (rows sum to 1; islands stay 0). */
export type WeightsTransform = 'B' | 'R';

/** Spatial weights over `ids.length` regions in CSR form. */
export interface SpatialWeights {
  /** Region codes, one per row, in the order of the value arrays they go with. */
  readonly ids: readonly string[];
  /** Row offsets, length n + 1. */
  readonly offsets: Int32Array;
  /** Column indices (neighbours), sorted ascending within each row, no self-neighbours. */
  readonly neighbours: Int32Array;
  /** Weight of each stored neighbour, aligned with `neighbours`. */
  readonly weights: Float64Array;
  /** Which form `weights` is in. */
  readonly transform: WeightsTransform;
}

/**
 * Binary weights from neighbour lists (indices into `ids`). Duplicates and self-references
 * are dropped; lists need not be symmetric (k-nearest neighbours are not).
 *
 * @param ids - region codes.
 * @param lists - for each region, the indices of its neighbours.
 * @returns binary CSR weights.
 * @throws RangeError when a list refers outside `ids` (a programming error, not user input).
 * @example
 * const w = weightsFromLists(['a', 'b', 'c'], [[1], [0, 2], [1]]);
 * neighboursOf(w, 1); // [0, 2]
 */
export function weightsFromLists(ids: readonly string[], lists: ReadonlyArray<ArrayLike<number>>): SpatialWeights {
  const n = ids.length;
  if (lists.length !== n) throw new RangeError(`expected ${n} neighbour lists, got ${lists.length}`);
  const offsets = new Int32Array(n + 1);
  const rows: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const sorted = Int32Array.from(lists[i]).sort();
    let k = 0;
    for (let t = 0; t < sorted.length; t++) {
      const j = sorted[t];
      if (j < 0 || j >= n) throw new RangeError(`neighbour index ${j} of row ${i} outside 0..${n - 1}`);
      if (j === i || (k > 0 && sorted[k - 1] === j)) continue;
      sorted[k++] = j;
    }
    rows.push(sorted.subarray(0, k));
    offsets[i + 1] = offsets[i] + k;
  }
  const neighbours = new Int32Array(offsets[n]);
  for (let i = 0; i < n; i++) neighbours.set(rows[i], offsets[i]);
  return { ids: ids.slice(), offsets, neighbours, weights: new Float64Array(neighbours.length).fill(1), transform: 'B' };
}

/**
 * Binary weights from a symmetric list of unordered neighbour pairs.
 *
 * @param ids - region codes.
 * @param pairs - flat array `[i0, j0, i1, j1, …]`; each pair makes i and j neighbours of each other.
 * @returns symmetric binary CSR weights.
 * @example weightsFromPairs(['a', 'b', 'c'], [0, 1, 1, 2]).neighbours // Int32Array [1, 0, 2, 1]
 */
export function weightsFromPairs(ids: readonly string[], pairs: ArrayLike<number>): SpatialWeights {
  const lists: number[][] = ids.map(() => []);
  for (let t = 0; t + 1 < pairs.length; t += 2) {
    lists[pairs[t]].push(pairs[t + 1]);
    lists[pairs[t + 1]].push(pairs[t]);
  }
  return weightsFromLists(ids, lists);
}

/**
 * Neighbour indices of region i (a copy).
 *
 * @param w - weights.
 * @param i - row index.
 * @returns the neighbour indices, ascending.
 * @example neighboursOf(w, 0)
 */
export function neighboursOf(w: SpatialWeights, i: number): number[] {
  return Array.from(w.neighbours.subarray(w.offsets[i], w.offsets[i + 1]));
}

/**
 * Codes of regions without any neighbour (islands), in row order.
 *
 * @param w - weights.
 * @returns the island codes (empty when there are none).
 * @example islands(weightsFromLists(['a', 'b'], [[], []])) // ['a', 'b']
 */
export function islands(w: SpatialWeights): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.ids.length; i++) if (w.offsets[i + 1] === w.offsets[i]) out.push(w.ids[i]);
  return out;
}

/**
 * Row-standardised copy: each row divided by its sum (libpysal transform 'R'). Island rows stay
 * empty (all zero), as in libpysal.
 *
 * @param w - weights in any form.
 * @returns weights whose non-empty rows sum to 1.
 * @example rowStandardise(weightsFromLists(['a', 'b', 'c'], [[1, 2], [0], [0]])).weights // [0.5, 0.5, 1, 1]
 */
export function rowStandardise(w: SpatialWeights): SpatialWeights {
  const weights = new Float64Array(w.weights.length);
  for (let i = 0; i < w.ids.length; i++) {
    let s = 0;
    for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) s += w.weights[t];
    for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) weights[t] = s === 0 ? 0 : w.weights[t] / s;
  }
  return { ...w, weights, transform: 'R' };
}

/**
 * Binary copy (libpysal transform 'B'): every stored neighbour gets weight 1.
 *
 * @param w - weights in any form.
 * @returns binary weights with the same neighbour structure.
 * @example toBinary(rowStandardise(w)).weights.every((x) => x === 1) // true
 */
export function toBinary(w: SpatialWeights): SpatialWeights {
  return { ...w, weights: new Float64Array(w.weights.length).fill(1), transform: 'B' };
}

/**
 * The weights restricted to the regions with `keep[i]` true: rows and columns of the others are
 * removed, the remaining rows renumbered in order. For contiguity this equals rebuilding the
 * weights on the remaining polygons (whether two polygons touch does not depend on the others).
 * A row-standardised input is re-standardised over the remaining neighbours.
 *
 * @param w - weights.
 * @param keep - one flag per region.
 * @returns the sub-weights, in the transform of `w`.
 * @example subsetWeights(w, [true, false, true])
 */
export function subsetWeights(w: SpatialWeights, keep: ArrayLike<boolean>): SpatialWeights {
  const n = w.ids.length;
  const newIndex = new Int32Array(n).fill(-1);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) newIndex[i] = ids.push(w.ids[i]) - 1;
  const offsets = new Int32Array(ids.length + 1);
  const nb: number[] = [];
  const wt: number[] = [];
  let r = 0;
  for (let i = 0; i < n; i++) {
    if (newIndex[i] < 0) continue;
    for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) {
      const j = newIndex[w.neighbours[t]];
      if (j < 0) continue;
      nb.push(j);
      wt.push(w.transform === 'R' ? 1 : w.weights[t]);
    }
    offsets[++r] = nb.length;
  }
  const sub: SpatialWeights = { ids, offsets, neighbours: Int32Array.from(nb), weights: Float64Array.from(wt), transform: 'B' };
  return w.transform === 'R' ? rowStandardise(sub) : sub;
}

/**
 * Spatial lag Σ_j w_ij z_j for every row.
 *
 * @param w - weights.
 * @param z - one value per region.
 * @param out - optional output array to fill (avoids allocation in loops).
 * @returns the lag per region.
 * @example spatialLag(rowStandardise(w), [1, 2, 3])
 */
export function spatialLag(w: SpatialWeights, z: ArrayLike<number>, out?: Float64Array): Float64Array {
  const n = w.ids.length;
  const lag = out ?? new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) s += w.weights[t] * z[w.neighbours[t]];
    lag[i] = s;
  }
  return lag;
}

/**
 * Weight w_ij, 0 when j is not a neighbour of i (binary search in the sorted row).
 *
 * @param w - weights.
 * @param i - row.
 * @param j - column.
 * @returns w_ij.
 * @example weightOf(w, 0, 1)
 */
export function weightOf(w: SpatialWeights, i: number, j: number): number {
  const t = entryIndex(w, i, j);
  return t < 0 ? 0 : w.weights[t];
}

/**
 * Position of w_ij in `neighbours`/`weights`, or −1 when j is not stored in row i.
 *
 * @param w - weights.
 * @param i - row.
 * @param j - column.
 * @returns the index into the CSR arrays, or −1.
 * @example entryIndex(w, 0, 1)
 */
export function entryIndex(w: SpatialWeights, i: number, j: number): number {
  let lo = w.offsets[i];
  let hi = w.offsets[i + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = w.neighbours[mid];
    if (v === j) return mid;
    if (v < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * True when the neighbour relation is symmetric (j ∈ N(i) ⇔ i ∈ N(j)); weights may differ
 * (row-standardised weights of symmetric contiguity are not symmetric as numbers).
 *
 * @param w - weights.
 * @returns whether the neighbour structure is symmetric.
 * @example isSymmetric(weightsFromPairs(['a', 'b'], [0, 1])) // true
 */
export function isSymmetric(w: SpatialWeights): boolean {
  for (let i = 0; i < w.ids.length; i++) {
    for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) {
      if (entryIndex(w, w.neighbours[t], i) < 0) return false;
    }
  }
  return true;
}

/**
 * Union of two neighbour structures over the same ids (binary result).
 *
 * @param a - weights.
 * @param b - weights over the same ids in the same order.
 * @returns binary weights with j ∈ N(i) when it is in either.
 * @throws RangeError when the ids differ.
 * @example unionWeights(contiguity, knn)
 */
export function unionWeights(a: SpatialWeights, b: SpatialWeights): SpatialWeights {
  if (a.ids.length !== b.ids.length || a.ids.some((id, i) => id !== b.ids[i])) {
    throw new RangeError('unionWeights: the weights cover different regions');
  }
  const lists = a.ids.map((_, i) => [...neighboursOf(a, i), ...neighboursOf(b, i)]);
  return weightsFromLists(a.ids, lists);
}
