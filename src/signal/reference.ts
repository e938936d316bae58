/**
 * References that a buurt's change is compared with.
 * - absoluut: a fixed number (usually 0) or the change of the whole input area ("landelijk"
 *   when the input is the whole country), weighted by residents;
 * - relatief: the change of the rest of the buurt's gemeente, i.e. the resident-weighted mean
 *   change of all other usable buurten in that gemeente (leave-one-out). [I] We use the mean of
 *   changes, not the change of the rest's aggregate share, so a buurt is compared with how its
 *   neighbours' buurten moved; with one usable buurt in a gemeente there is no reference.
 */

/** `0`-style fixed reference, or `landelijk` = weighted mean change over all usable buurten. */
export type AbsoluteReference = number | 'landelijk';

/**
 * Resident-weighted mean of `delta` over the usable entries (finite delta and weight > 0).
 * NaN when nothing is usable.
 */
export function weightedMean(delta: ArrayLike<number>, weight: ArrayLike<number>, usable?: ArrayLike<boolean>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < delta.length; i++) {
    if (usable && !usable[i]) continue;
    const d = delta[i];
    const w = weight[i];
    if (Number.isFinite(d) && w > 0) {
      num += w * d;
      den += w;
    }
  }
  return den > 0 ? num / den : NaN;
}

/**
 * Leave-one-out reference per buurt within its group (gemeente): the weighted mean of the
 * other usable buurten's deltas. NaN where the group has no other usable buurt.
 */
export function leaveOneOutReference(
  delta: ArrayLike<number>,
  weight: ArrayLike<number>,
  group: ArrayLike<string | null>,
  usable?: ArrayLike<boolean>,
): Float64Array {
  const sums = new Map<string, { num: number; den: number }>();
  const ok = (i: number) => (!usable || usable[i]) && Number.isFinite(delta[i]) && weight[i] > 0;
  for (let i = 0; i < delta.length; i++) {
    const g = group[i];
    if (g === null || !ok(i)) continue;
    const s = sums.get(g) ?? { num: 0, den: 0 };
    s.num += weight[i] * delta[i];
    s.den += weight[i];
    sums.set(g, s);
  }
  const out = new Float64Array(delta.length).fill(NaN);
  for (let i = 0; i < delta.length; i++) {
    const g = group[i];
    if (g === null) continue;
    const s = sums.get(g);
    if (!s) continue;
    let num = s.num;
    let den = s.den;
    if (ok(i)) {
      num -= weight[i] * delta[i];
      den -= weight[i];
    }
    // guard against float residue when the buurt was the only contributor
    out[i] = den > 1e-9 * s.den ? num / den : NaN;
  }
  return out;
}
