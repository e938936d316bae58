/**
 * Target calibration: the dead band on one indicator (the other fixed) that makes a category
 * hold a target number of buurten or residents ("1,7 miljoen inwoners in veerkracht onder druk").
 *
 * Counts change only where the threshold passes a buurt's deviation, so the candidates are the
 * lower limit and every distinct deviation above it; each is evaluated exactly with sorted
 * deviations and prefix sums, and the candidate closest to the target wins (ties: the smallest
 * threshold). The same counts hold for every threshold in [threshold, nextThreshold).
 */
import { SIGNAL_CATEGORIES, type SignalCategory } from '../signal/categories.js';
import { VeerkrachtError } from '../util/errors.js';
import { countsAt, type CountsAt } from './counts.js';
import { deviations, type CalibrationInput } from './input.js';

/** What to aim for. */
export interface TargetSpec {
  category: SignalCategory;
  /** Target count. */
  target: number;
  /** Count buurten or residents (default buurten). */
  measure?: 'buurten' | 'inwoners';
  /** Which dead band to vary (default tK). */
  vary?: 'tK' | 'tO';
  /** The other dead band, fixed (default 0). */
  fixed?: number;
  /** Smallest threshold allowed (default 0). */
  min?: number;
}

/** Result of {@link calibrateTarget}. */
export interface TargetResult {
  tK: number;
  tO: number;
  /** Count reached in the target category. */
  achieved: number;
  target: number;
  measure: 'buurten' | 'inwoners';
  category: SignalCategory;
  /** The same counts hold up to (not including) this threshold; Infinity when unbounded. */
  nextThreshold: number;
  /** All counts at the chosen thresholds (from `categorize`). */
  counts: CountsAt;
}

/**
 * Find the dead band that brings a category closest to a target count.
 *
 * @throws VeerkrachtError for `onvoldoende_gegevens` (does not depend on thresholds) or
 *   inwoners without weights
 * @example calibrateTarget({ dK, dO, weights }, { category: 'veerkracht_onder_druk', target: 1.7e6, measure: 'inwoners' })
 */
export function calibrateTarget(input: CalibrationInput, spec: TargetSpec): TargetResult {
  const measure = spec.measure ?? 'buurten';
  const vary = spec.vary ?? 'tK';
  const fixed = spec.fixed ?? 0;
  const min = spec.min ?? 0;
  const ci = SIGNAL_CATEGORIES.indexOf(spec.category);
  if (ci < 0 || ci === 4) {
    throw new VeerkrachtError('target category must depend on the thresholds', {
      expected: SIGNAL_CATEGORIES.slice(0, 4).join(', '),
      found: spec.category,
    });
  }
  if (measure === 'inwoners' && !input.weights) throw new VeerkrachtError('a target in inwoners needs weights', { expected: 'a weights column' });
  const d = deviations(input);
  const varied = vary === 'tK' ? d.a : d.b;
  const other = vary === 'tK' ? d.b : d.a;
  // category as (flag of varied indicator, flag of fixed indicator)
  const upFlag = ci === 0 || ci === 1; // K up
  const worseFlag = ci === 0 || ci === 2; // O worse
  const wantVaried = vary === 'tK' ? upFlag : worseFlag;
  const wantFixed = vary === 'tK' ? worseFlag : upFlag;
  const vs: number[] = [];
  const ws: number[] = [];
  const cand = new Set<number>([min]);
  for (let i = 0; i < d.n; i++) {
    if (!d.valid[i]) continue;
    if (varied[i] >= min) cand.add(varied[i]);
    if (other[i] > fixed !== wantFixed) continue;
    vs.push(varied[i]);
    ws.push(measure === 'inwoners' ? d.w[i] : 1);
  }
  const order = vs.map((_, i) => i).sort((x, y) => vs[x] - vs[y]);
  const sv = order.map((i) => vs[i]);
  const pre = new Float64Array(sv.length + 1);
  order.forEach((i, r) => (pre[r + 1] = pre[r] + ws[i]));
  const total = pre[sv.length];
  const candidates = Array.from(cand).sort((x, y) => x - y);
  let best = candidates[0];
  let bestCount = NaN;
  let bestIdx = 0;
  candidates.forEach((t, idx) => {
    // number of sorted values ≤ t
    let lo = 0;
    let hi = sv.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sv[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    const count = wantVaried ? total - pre[lo] : pre[lo];
    if (Number.isNaN(bestCount) || Math.abs(count - spec.target) < Math.abs(bestCount - spec.target)) {
      best = t;
      bestCount = count;
      bestIdx = idx;
    }
  });
  const tK = vary === 'tK' ? best : fixed;
  const tO = vary === 'tK' ? fixed : best;
  return {
    tK,
    tO,
    achieved: bestCount,
    target: spec.target,
    measure,
    category: spec.category,
    nextThreshold: bestIdx + 1 < candidates.length ? candidates[bestIdx + 1] : Infinity,
    counts: countsAt(input, tK, tO),
  };
}
