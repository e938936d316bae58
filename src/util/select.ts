/**
 * Selection of the k-th smallest number without sorting (the median split of src/geo/segments.ts).
 */

/**
 * The k-th smallest of `a` (0-based; `a` reordered in place): the value `a.sort()[k]` gives
 * (Hoare's selection, median of three as pivot; linear on average). With a NaN in `a`, which a
 * sort puts last and comparisons cannot place, `a` is sorted.
 */
export function kthSmallest(a: Float64Array, k: number): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== a[i]) return a.sort()[k];
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    // the median of a[lo], a[m], a[hi] (sorted into those places) as pivot
    const m = (lo + hi) >> 1;
    if (a[m] < a[lo]) swapIn(a, m, lo);
    if (a[hi] < a[lo]) swapIn(a, hi, lo);
    if (a[hi] < a[m]) swapIn(a, hi, m);
    const pivot = a[m];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swapIn(a, i, j);
        i++;
        j--;
      }
    }
    // now a[lo..j] ≤ pivot ≤ a[i..hi], and a[j+1..i-1] = pivot
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    // (one exit: a return here, never taken before the function is optimised, dropped the
    // optimised code on every call that took it — hundreds of times in a full-resolution run)
    else break;
  }
  return a[k];
}

function swapIn(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
