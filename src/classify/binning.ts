/**
 * Place values into classes given upper bounds (mapclassify `bin1d` / `find_bin`): class i holds
 * bins[i-1] < x ≤ bins[i]; x ≤ bins[0] goes to class 0 and x > the last bin to the last class.
 */
import { isMissing } from './values.js';
import { MISSING_CLASS } from './types.js';

/**
 * Class index of one value (binary search): the first i with x ≤ bins[i], clamped to the last
 * class; −1 for a missing value.
 *
 * @example findBin([75.29, 192.05, 4111.45], 101) // 1
 */
export function findBin(bins: ArrayLike<number>, x: number | null | undefined): number {
  if (isMissing(x)) return MISSING_CLASS;
  const v = x as number;
  let lo = 0;
  let hi = bins.length - 1;
  if (v > bins[hi]) return hi;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= bins[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Class index per value and the count per class; missing values get −1 and are counted apart.
 *
 * @example binValues([1, 5, null, 9], [4, 8]) // classOf [0, 1, -1, 1], counts [1, 2], missing 1
 */
export function binValues(
  values: ArrayLike<number | null | undefined>,
  bins: ArrayLike<number>,
): { classOf: Int32Array; counts: number[]; missing: number } {
  const classOf = new Int32Array(values.length);
  const counts = new Array<number>(bins.length).fill(0);
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const c = findBin(bins, values[i]);
    classOf[i] = c;
    if (c < 0) missing++;
    else counts[c]++;
  }
  return { classOf, counts, missing };
}
