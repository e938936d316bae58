/**
 * Leaving regions without a value out of a spatial computation, explicitly: their rows and
 * columns are removed from the weights (for contiguity this is the same as rebuilding the
 * weights on the remaining polygons) and row-standardised weights are re-standardised over the
 * remaining neighbours. Regions that thereby lose all neighbours become islands.
 */
import { subsetWeights, type SpatialWeights } from './weights.js';

/** Result of {@link dropMissing}. */
export interface WithoutMissing {
  /** The values of the kept regions, in order. */
  values: Float64Array;
  /** Weights over the kept regions. */
  weights: SpatialWeights;
  /** Original row index of each kept region. */
  kept: Int32Array;
  /** Codes of the regions left out because their value is missing (null, undefined or NaN). */
  missing: string[];
}

/**
 * Leave out the regions whose value is missing and subset the weights to match.
 *
 * @param values - one value per region in `w.ids` order; null, undefined, NaN (and ±Infinity) are missing.
 * @param w - weights.
 * @returns the remaining values and weights, and the codes left out.
 * @throws RangeError when the lengths differ.
 * @example dropMissing([1, null, 3], w).missing // ['BU…'] (the code of row 1)
 */
export function dropMissing(values: ArrayLike<number | null | undefined>, w: SpatialWeights): WithoutMissing {
  const n = w.ids.length;
  if (values.length !== n) throw new RangeError(`expected ${n} values (one per region), got ${values.length}`);
  const keep: boolean[] = [];
  const kept: number[] = [];
  const vals: number[] = [];
  const missing: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const ok = typeof v === 'number' && Number.isFinite(v);
    keep.push(ok);
    if (ok) {
      kept.push(i);
      vals.push(v);
    } else {
      missing.push(w.ids[i]);
    }
  }
  return {
    values: Float64Array.from(vals),
    weights: missing.length === 0 ? w : subsetWeights(w, keep),
    kept: Int32Array.from(kept),
    missing,
  };
}
