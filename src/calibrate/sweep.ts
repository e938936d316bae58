/**
 * Sensitivity sweep: for every pair (tK, tO) of a threshold grid, the number of buurten and of
 * residents per signal category (rules of `categorize`, src/signal/categories.ts). One
 * indicator: give a one-value grid for the other. Fast: cells + 2-D suffix sums
 * ({@link quadrantSums}); verified against the `categorize` loop in the tests.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { SIGNAL_CATEGORIES } from '../signal/categories.js';
import { countBelow, deviations, normaliseGrid, type CalibrationInput } from './input.js';
import { categoryCountsAt, quadrantSums } from './quadrants.js';

/** Result of {@link sweepThresholds}. */
export interface Sweep {
  /** Sorted, de-duplicated grids. */
  gridK: Float64Array;
  gridO: Float64Array;
  /**
   * Table with one row per grid point (tK outer, tO inner): `tK`, `tO`, `buurten_<category>` for
   * the five categories and, with weights, `inwoners_<category>`.
   */
  table: ColumnTable;
  /** Buurten per category, [point][category] flattened: index (i·|gridO| + j)·5 + c. */
  buurten: Float64Array;
  /** Residents per category, same layout (null without weights). */
  inwoners: Float64Array | null;
  /** Number of buurten, and of buurten whose weight is missing. */
  n: number;
  weightsMissing: number;
}

/**
 * Sweep a grid of dead bands.
 *
 * @param input changes, references, weights
 * @param gridK dead bands tK (≥ 0)
 * @param gridO dead bands tO (≥ 0)
 * @example sweepThresholds({ dK, dO, weights: inwoners }, gridRange(0, 5, 0.05), gridRange(0, 5, 0.05)).table
 */
export function sweepThresholds(input: CalibrationInput, gridK: readonly number[], gridO: readonly number[]): Sweep {
  const d = deviations(input);
  const gK = normaliseGrid(gridK, 'tK');
  const gO = normaliseGrid(gridO, 'tO');
  const nK = gK.length;
  const nO = gO.length;
  const ia = new Int32Array(d.n);
  const ib = new Int32Array(d.n);
  let invalid = 0;
  let invalidW = 0;
  for (let i = 0; i < d.n; i++) {
    if (!d.valid[i]) {
      invalid++;
      invalidW += d.w[i];
      continue;
    }
    ia[i] = countBelow(gK, d.a[i]);
    ib[i] = countBelow(gO, d.b[i]);
  }
  const qn = quadrantSums(ia, ib, null, d.valid, nK, nO);
  const weighted = input.weights !== undefined;
  const qw = weighted ? quadrantSums(ia, ib, d.w, d.valid, nK, nO) : null;
  const points = nK * nO;
  const buurten = new Float64Array(points * 5);
  const inwoners = weighted ? new Float64Array(points * 5) : null;
  const tK = new Float64Array(points);
  const tO = new Float64Array(points);
  const cols: Record<string, Float64Array> = { tK, tO };
  const bc = SIGNAL_CATEGORIES.map((c) => (cols[`buurten_${c}`] = new Float64Array(points)));
  const wc = weighted ? SIGNAL_CATEGORIES.map((c) => (cols[`inwoners_${c}`] = new Float64Array(points))) : null;
  for (let i = 0; i < nK; i++) {
    for (let j = 0; j < nO; j++) {
      const p = i * nO + j;
      tK[p] = gK[i];
      tO[p] = gO[j];
      const cn = categoryCountsAt(qn, i, j);
      for (let c = 0; c < 4; c++) {
        buurten[p * 5 + c] = cn[c];
        bc[c][p] = cn[c];
      }
      buurten[p * 5 + 4] = invalid;
      bc[4][p] = invalid;
      if (qw && inwoners && wc) {
        const cw = categoryCountsAt(qw, i, j);
        for (let c = 0; c < 4; c++) {
          inwoners[p * 5 + c] = cw[c];
          wc[c][p] = cw[c];
        }
        inwoners[p * 5 + 4] = invalidW;
        wc[4][p] = invalidW;
      }
    }
  }
  return { gridK: gK, gridO: gO, table: aq.table(cols), buurten, inwoners, n: d.n, weightsMissing: d.weightsMissing };
}
