/**
 * Separate valid values from missing ones before classifying: null, undefined and NaN are missing
 * (counted, never 0); an infinite value is a user error.
 */
import { VeerkrachtError } from '../util/errors.js';

/** Valid values of an input, in input order, with where they came from. */
export interface ValidValues {
  /** The valid values in input order. */
  values: Float64Array;
  /** Position in the input of each valid value. */
  index: Int32Array;
  /** Weights of the valid values (1 when no weights were given). */
  weights: Float64Array;
  /** Length of the input. */
  length: number;
  /** Number of missing values in the input. */
  missing: number;
  /** Valid values sorted ascending. */
  sorted: Float64Array;
  /** Weights in the order of `sorted`. */
  sortedWeights: Float64Array;
}

/** True for null, undefined and NaN. */
export function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/**
 * Split an input into valid values and missing ones. With weights, a value whose weight is
 * missing also counts as missing (it cannot enter a weighted computation).
 *
 * @param input values (null/NaN = missing)
 * @param weights optional non-negative weights (e.g. inwoners), same length
 * @throws VeerkrachtError for an infinite value, a negative weight or a length mismatch
 * @example validValues([3, null, 1]).sorted // Float64Array [1, 3]
 */
export function validValues(
  input: ArrayLike<number | null | undefined>,
  weights?: ArrayLike<number | null | undefined>,
): ValidValues {
  const len = input.length;
  if (weights !== undefined && weights.length !== len) {
    throw new VeerkrachtError('weights and values differ in length', {
      expected: `${len} weights`,
      found: `${weights.length}`,
    });
  }
  const vals: number[] = [];
  const idx: number[] = [];
  const ws: number[] = [];
  for (let i = 0; i < len; i++) {
    const v = input[i];
    if (isMissing(v)) continue;
    const x = Number(v);
    if (!Number.isFinite(x)) {
      throw new VeerkrachtError('value is not finite', { feature: i, expected: 'a finite number or missing', found: String(v) });
    }
    let w = 1;
    if (weights !== undefined) {
      const wv = weights[i];
      if (isMissing(wv)) continue;
      w = Number(wv);
      if (!(w >= 0) || !Number.isFinite(w)) {
        throw new VeerkrachtError('weight is negative or not finite', { feature: i, expected: 'a weight ≥ 0', found: String(wv) });
      }
    }
    vals.push(x);
    idx.push(i);
    ws.push(w);
  }
  const order = vals.map((_, i) => i).sort((a, b) => vals[a] - vals[b]);
  const sorted = new Float64Array(order.length);
  const sortedWeights = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) {
    sorted[i] = vals[order[i]];
    sortedWeights[i] = ws[order[i]];
  }
  return {
    values: Float64Array.from(vals),
    index: Int32Array.from(idx),
    weights: Float64Array.from(ws),
    length: len,
    missing: len - vals.length,
    sorted,
    sortedWeights,
  };
}

/** Number of distinct values in an ascending array. */
export function distinctCount(sorted: ArrayLike<number>): number {
  let u = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) u++;
  return u;
}

/** The distinct values of an ascending array, with their multiplicity (or summed weights). */
export function distinctWithWeights(
  sorted: ArrayLike<number>,
  weights?: ArrayLike<number>,
): { values: Float64Array; weights: Float64Array } {
  const v: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const wi = weights ? weights[i] : 1;
    if (i > 0 && sorted[i] === sorted[i - 1]) w[w.length - 1] += wi;
    else {
      v.push(sorted[i]);
      w.push(wi);
    }
  }
  return { values: Float64Array.from(v), weights: Float64Array.from(w) };
}

/**
 * The error mapclassify raises when the data cannot form k classes
 * ("Not enough unique values in array to form k classes.").
 */
export function notEnoughUnique(k: number, distinct: number, scheme: string): VeerkrachtError {
  return new VeerkrachtError(`Not enough unique values in array to form ${k} classes (${scheme})`, {
    expected: `at least ${k} distinct values`,
    found: `${distinct}`,
  });
}
