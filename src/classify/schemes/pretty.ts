/**
 * Pretty breaks (mapclassify `PrettyBreaks`, after R `pretty`/Heckbert 1990): equally spaced
 * round bounds (1, 2 or 5 × 10^e) covering the range; k is a wish, the rounding decides. The
 * last bin may exceed the maximum and the number of classes may differ from k.
 */
import type { SchemeBins } from '../types.js';
import { notEnoughUnique, type ValidValues } from '../values.js';
import { VeerkrachtError } from '../../util/errors.js';

/** A "nice" number near x (Heckbert 1990), rounded or ceiling-like. */
export function prettyNumber(x: number, rounded: boolean): number {
  const exp = Math.floor(Math.log10(x));
  const f = x / 10 ** exp;
  let nf: number;
  if (rounded) nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
  else nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return nf * 10 ** exp;
}

/**
 * Pretty bins.
 *
 * @throws VeerkrachtError for constant data
 * @example prettyBins(validValues([0.13, 4111.45]), 5).bins // [1000, 2000, 3000, 4000, 5000]
 */
export function prettyBins(v: ValidValues, k = 5): SchemeBins {
  const y = v.sorted;
  const low = y[0];
  const high = y[y.length - 1];
  if (!(high > low)) throw notEnoughUnique(k, 1, 'pretty');
  const rg = prettyNumber(high - low, false);
  const d = prettyNumber(rg / Math.max(k - 1, 1), true);
  // a range near the smallest doubles (e.g. [0, 5e-324]) has no round step: 10^e underflows to 0
  if (!(d > 0 && Number.isFinite(d) && Number.isFinite(rg))) {
    throw new VeerkrachtError('the range of the values is too small for pretty breaks', {
      expected: 'values whose range is a normal floating-point number',
      found: `range ${high - low}`,
    });
  }
  const miny = Math.floor(low / d) * d;
  const maxy = Math.ceil(high / d) * d;
  const len = Math.ceil((maxy + 0.5 * d - miny) / d); // numpy arange(miny, maxy + d/2, d)
  const bins: number[] = [];
  for (let i = 1; i < len; i++) bins.push(miny + i * d);
  const warnings = bins.length !== k ? [`pretty rounding gives ${bins.length} classes instead of ${k}`] : [];
  return { bins, requestedK: k, warnings, params: { k, step: d } };
}
