/**
 * Match a reference labelling (e.g. an earlier, expert-made signaleringskaart): for every grid
 * point the agreement with the reference and, for one category, precision, recall and F1. Same
 * counting trick as the sweep (per reference category a 2-D suffix sum).
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { SIGNAL_CATEGORIES, type SignalCategory } from '../signal/categories.js';
import { VeerkrachtError } from '../util/errors.js';
import { countBelow, deviations, normaliseGrid, type CalibrationInput } from './input.js';
import { categoryCountsAt, quadrantSums, type QuadrantSums } from './quadrants.js';

/** Result of {@link matchReference}. */
export interface ReferenceMatch {
  /** Rows per grid point: tK, tO, agreement, and with a positive category precision, recall, f1. */
  table: ColumnTable;
  /** The best grid point: highest F1 with a positive category, else highest agreement (ties: first). */
  best: { tK: number; tO: number; agreement: number; precision: number | null; recall: number | null; f1: number | null };
  /** Buurten with a reference label (the denominator of agreement). */
  labelled: number;
  /** Buurten without a reference label (not used). */
  unlabelled: number;
}

/** Category index of a reference label (name, index, or null = no label). */
function refIndex(v: unknown, i: number): number {
  if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return -1;
  const idx = typeof v === 'number' ? v : SIGNAL_CATEGORIES.indexOf(v as SignalCategory);
  if (!Number.isInteger(idx) || idx < 0 || idx > 4) {
    throw new VeerkrachtError('unknown signal category in the reference', { feature: i, expected: SIGNAL_CATEGORIES.join(', '), found: String(v) });
  }
  return idx;
}

/**
 * Agreement of the categorisation with a reference labelling over a grid.
 *
 * @param reference category name or index per buurt (null = unlabelled)
 * @param positive category for precision/recall/F1 (optional)
 */
export function matchReference(
  input: CalibrationInput,
  reference: ArrayLike<SignalCategory | number | null>,
  gridK: readonly number[],
  gridO: readonly number[],
  positive?: SignalCategory,
): ReferenceMatch {
  const d = deviations(input);
  if (reference.length !== d.n) throw new VeerkrachtError('reference differs in length', { expected: `${d.n} labels`, found: `${reference.length}` });
  const gK = normaliseGrid(gridK, 'tK');
  const gO = normaliseGrid(gridO, 'tO');
  const nK = gK.length;
  const nO = gO.length;
  const ref = new Int32Array(d.n);
  const ia = new Int32Array(d.n);
  const ib = new Int32Array(d.n);
  let labelled = 0;
  let invalidAgree = 0; // invalid buurten are always onvoldoende_gegevens
  const refTotal = new Float64Array(5);
  for (let i = 0; i < d.n; i++) {
    ref[i] = refIndex(reference[i], i);
    if (ref[i] < 0) continue;
    labelled++;
    refTotal[ref[i]]++;
    if (!d.valid[i]) {
      if (ref[i] === 4) invalidAgree++;
      continue;
    }
    ia[i] = countBelow(gK, d.a[i]);
    ib[i] = countBelow(gO, d.b[i]);
  }
  const per: QuadrantSums[] = [];
  for (let r = 0; r < 4; r++) {
    const inc = new Uint8Array(d.n);
    for (let i = 0; i < d.n; i++) inc[i] = d.valid[i] && ref[i] === r ? 1 : 0;
    per.push(quadrantSums(ia, ib, null, inc, nK, nO));
  }
  const incAll = new Uint8Array(d.n);
  for (let i = 0; i < d.n; i++) incAll[i] = d.valid[i] && ref[i] >= 0 ? 1 : 0;
  const all = quadrantSums(ia, ib, null, incAll, nK, nO);
  const pi = positive === undefined ? -1 : SIGNAL_CATEGORIES.indexOf(positive);
  const points = nK * nO;
  const cols: Record<string, Float64Array> = {
    tK: new Float64Array(points),
    tO: new Float64Array(points),
    agreement: new Float64Array(points),
  };
  if (pi >= 0) for (const c of ['precision', 'recall', 'f1']) cols[c] = new Float64Array(points);
  let bestP = 0;
  for (let i = 0; i < nK; i++) {
    for (let j = 0; j < nO; j++) {
      const p = i * nO + j;
      let agree = invalidAgree;
      for (let r = 0; r < 4; r++) agree += categoryCountsAt(per[r], i, j)[r];
      cols.tK[p] = gK[i];
      cols.tO[p] = gO[j];
      cols.agreement[p] = labelled > 0 ? agree / labelled : NaN;
      if (pi >= 0) {
        const tp = pi === 4 ? invalidAgree : categoryCountsAt(per[pi], i, j)[pi];
        const predicted = pi === 4 ? labelled - Array.from(categoryCountsAt(all, i, j)).reduce((x, y) => x + y, 0) : categoryCountsAt(all, i, j)[pi];
        const precision = predicted > 0 ? tp / predicted : NaN;
        const recall = refTotal[pi] > 0 ? tp / refTotal[pi] : NaN;
        cols.precision[p] = precision;
        cols.recall[p] = recall;
        cols.f1[p] = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
      }
      const score = pi >= 0 ? cols.f1 : cols.agreement;
      if (score[p] > score[bestP]) bestP = p;
    }
  }
  const val = (c: string): number | null => (cols[c] ? cols[c][bestP] : null);
  return {
    table: aq.table(cols),
    best: {
      tK: cols.tK[bestP],
      tO: cols.tO[bestP],
      agreement: cols.agreement[bestP],
      precision: val('precision'),
      recall: val('recall'),
      f1: val('f1'),
    },
    labelled,
    unlabelled: d.n - labelled,
  };
}
