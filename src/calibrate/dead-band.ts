/**
 * Dead bands from the data: ±c·sd of the changes (ddof = 1), or the changes' own quantiles (the
 * band that leaves a chosen share of buurten outside). Missing values are left out and counted.
 */
import { quantileSorted } from '../classify/quantile.js';
import { VeerkrachtError } from '../util/errors.js';

/** A data-driven dead band. */
export interface DeadBand {
  /** Half-width of the band (the threshold t ≥ 0). */
  threshold: number;
  /** Centre of the band the threshold was measured from. */
  center: number;
  /** Band edges center ± threshold (or the two quantiles). */
  lower: number;
  upper: number;
  /** Valid and missing values. */
  n: number;
  missing: number;
  method: string;
}

function valid(values: ArrayLike<number | null>): { xs: number[]; missing: number } {
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && !Number.isNaN(v)) xs.push(v);
  }
  if (xs.length < 2) throw new VeerkrachtError('too few values for a dead band', { expected: 'at least 2 known changes', found: `${xs.length}` });
  return { xs, missing: values.length - xs.length };
}

/**
 * Dead band ±c·sd around the reference (default 0) or the mean.
 *
 * @param values changes (or deviations from the reference)
 * @param c multiple of the standard deviation
 * @param center 'zero' (default: the band around the reference) or 'mean'
 * @example deadBandSd([1, -1, 2, -2], 1).threshold // sd = 1.826…
 */
export function deadBandSd(values: ArrayLike<number | null>, c: number, center: 'zero' | 'mean' = 'zero'): DeadBand {
  const { xs, missing } = valid(values);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
  const m = center === 'mean' ? mean : 0;
  const t = c * sd;
  return { threshold: t, center: m, lower: m - t, upper: m + t, n: xs.length, missing, method: `${c}·sd` };
}

/**
 * Dead band from the changes' own quantiles: the threshold such that a share `outside` of the
 * buurten lies outside center ± t (type-7 quantile of |x − center| at 1 − outside). Also reports
 * the asymmetric band [q(outside/2), q(1 − outside/2)] as lower/upper.
 *
 * @example deadBandQuantile(changes, 0.2) // 20 % of buurten get a signal on this indicator
 */
export function deadBandQuantile(values: ArrayLike<number | null>, outside: number, center = 0): DeadBand {
  if (!(outside > 0 && outside < 1)) throw new VeerkrachtError('share outside the band must lie in (0, 1)', { found: String(outside) });
  const { xs, missing } = valid(values);
  const abs = xs.map((x) => Math.abs(x - center)).sort((x, y) => x - y);
  const sorted = xs.slice().sort((x, y) => x - y);
  return {
    threshold: quantileSorted(abs, 1 - outside),
    center,
    lower: quantileSorted(sorted, outside / 2),
    upper: quantileSorted(sorted, 1 - outside / 2),
    n: xs.length,
    missing,
    method: `quantile ${1 - outside}`,
  };
}
