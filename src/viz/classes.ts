/**
 * Class membership and legend labels for given class breaks, with mapclassify's semantics
 * (PySAL): bins are upper bounds, x is in class i when bins[i-1] < x ≤ bins[i], the first class
 * holds the minimum; labels say so in Dutch ("meer dan 2 tot en met 5"). Vega's own `threshold` scale puts a value equal to a break in the upper
 * class, so maps classify here and hand Vega a fixed ordinal domain instead.
 */
import * as vega from 'vega';

/** Label of the explicit no-data class on choropleths. */
export const NO_DATA_LABEL = 'geen gegevens';

/**
 * Fill of the no-data class: mid grey, the same as "onvoldoende gegevens" on the signal map;
 * visibly distinct from the white page and from every sequential colour (CIEDE2000 ≥ 10,
 * tests/viz/palette.test.ts).
 */
export const NO_DATA_COLOUR = '#999999';

/**
 * The class index of `x` for upper-bound `bins` (ascending): the first i with x ≤ bins[i];
 * values above the last bin fall in the last class. Returns -1 for a missing value.
 *
 * @example classIndex(5, [2, 5, 9]) // 1
 */
export function classIndex(x: number | null, bins: readonly number[]): number {
  if (x === null || !Number.isFinite(x)) return -1;
  for (let i = 0; i < bins.length; i++) if (x <= bins[i]) return i;
  return bins.length - 1;
}

/**
 * Format a number for a legend in Dutch notation: decimal comma, thousands with a dot, the
 * minus sign U+2212, at most `digits` decimals (no trailing zeros).
 *
 * @example formatNumberNl(-4111.5) // '−4.111,5'
 */
export function formatNumberNl(x: number, digits = 2): string {
  const fixed = (Math.round(Math.abs(x) * 10 ** digits) / 10 ** digits).toFixed(digits);
  // trailing zeros only after a decimal point: 130 stays 130, 1.50 becomes 1.5
  const s = digits > 0 ? fixed.replace(/\.?0+$/, '') : fixed;
  const [int, frac] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const neg = x < 0 && Number(s) !== 0 ? '\u2212' : '';
  return neg + grouped + (frac !== undefined ? `,${frac}` : '');
}

/**
 * Dutch legend labels with mapclassify's class semantics (bins are inclusive upper bounds, the
 * first class holds its minimum): `0,13 tot en met 0,5`, `meer dan 0,5 tot en met 1,25`, … —
 * words instead of `[a, b]` / `(a, b]`, whose commas clash with the decimal comma. The last
 * upper bound is the larger of the last bin and the data maximum. Without data (min not
 * finite) the first class reads `tot en met b1`.
 *
 * @param bins Upper bounds, ascending.
 * @param min Smallest observed value (the first class's lower bound).
 * @param max Largest observed value (NaN when unknown).
 * @throws RangeError when bins are empty or not ascending.
 * @example classLabels([2, 5], 0, 5) // ['0 tot en met 2', 'meer dan 2 tot en met 5']
 */
export function classLabels(bins: readonly number[], min: number, max = Number.NaN, digits = 2): string[] {
  if (bins.length === 0) throw new RangeError('classLabels: no bins');
  for (let i = 1; i < bins.length; i++) {
    if (!(bins[i] > bins[i - 1])) throw new RangeError(`classLabels: bins not ascending at ${i}: ${bins[i - 1]}, ${bins[i]}`);
  }
  const f = (x: number): string => formatNumberNl(x, digits);
  return bins.map((b, i) => {
    const upper = i === bins.length - 1 && Number.isFinite(max) && max > b ? max : b;
    if (i === 0) return Number.isFinite(min) ? `${f(Math.min(min, b))} tot en met ${f(upper)}` : `tot en met ${f(upper)}`;
    return `meer dan ${f(bins[i - 1])} tot en met ${f(upper)}`;
  });
}

/**
 * `k` colours sampled from a Vega colour scheme (default `blues`), at class midpoints and
 * skipping the palest 15 % so the lowest class stays distinct from the white page.
 *
 * @example sequentialColours(3).length // 3
 */
export function sequentialColours(k: number, scheme = 'blues'): string[] {
  const interp = vega.scheme(scheme) as unknown;
  if (typeof interp !== 'function') {
    const list = interp as string[] | undefined;
    if (!Array.isArray(list)) throw new RangeError(`sequentialColours: unknown scheme ${scheme}`);
    return list.slice(0, k);
  }
  const out: string[] = [];
  for (let i = 0; i < k; i++) out.push(toHex(String((interp as (t: number) => unknown)(0.15 + (0.85 * (i + 0.5)) / k))));
  return out;
}

function toHex(c: string): string {
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(c);
  if (!m) return c;
  return `#${[m[1], m[2], m[3]].map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;
}
