/**
 * describe(): per column and per group the summary researchers expect from pandas —
 * count, missing, mean, sd (ddof = 1), min, quartiles (type 7), max — optionally weighted by a
 * column such as inwoners.
 *
 * Weighted statistics treat weights as frequency weights: mean Σwx/Σw, sd √(Σw(x−m)²/(Σw−1)),
 * quartiles by the inverse weighted ECDF ({@link weightedQuantileSorted}). A row whose weight is
 * missing is left out of the weighted statistics and counted in `missing_weight`.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { VeerkrachtError } from '../util/errors.js';
import { quantileSorted, weightedQuantileSorted } from './quantile.js';
import { isMissing } from './values.js';

/** Options of {@link describe}. */
export interface DescribeOptions {
  /** Columns to describe (default: every numeric column that is not a group or weight column). */
  columns?: string[];
  /** Group columns (e.g. `gemeente`, `corporatieklasse`, `categorie`). */
  groupBy?: string | string[];
  /** Weight column (e.g. `inwoners`). */
  weights?: string;
}

/** The statistics of one set of values (unweighted or weighted). */
export interface Summary {
  count: number;
  missing: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
}

/**
 * Summary of values; null/NaN are missing. With weights, rows with a missing weight are
 * missing as well.
 *
 * @example summarize([1, 2, 3, 4, null]) // count 4, missing 1, mean 2.5, sd 1.29…, q1 1.75
 */
export function summarize(
  values: ArrayLike<number | null | undefined>,
  weights?: ArrayLike<number | null | undefined>,
): Summary {
  const xs: number[] = [];
  const ws: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isMissing(v)) continue;
    if (weights) {
      const w = weights[i];
      if (isMissing(w)) continue;
      ws.push(Number(w));
    }
    xs.push(Number(v));
  }
  const n = xs.length;
  const empty: Summary = { count: 0, missing: values.length, mean: null, sd: null, min: null, q1: null, median: null, q3: null, max: null };
  if (n === 0) return empty;
  const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const sorted = order.map((i) => xs[i]);
  let mean: number;
  let sd: number | null;
  let q: (p: number) => number;
  if (weights) {
    const sw = order.map((i) => ws[i]);
    let W = 0;
    let S = 0;
    for (let i = 0; i < n; i++) {
      W += ws[i];
      S += ws[i] * xs[i];
    }
    mean = S / W;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += ws[i] * (xs[i] - mean) ** 2;
    sd = W > 1 ? Math.sqrt(ss / (W - 1)) : null;
    q = (p) => weightedQuantileSorted(sorted, sw, p);
  } else {
    let s = 0;
    for (const x of xs) s += x;
    mean = s / n;
    let ss = 0;
    for (const x of xs) ss += (x - mean) ** 2;
    sd = n > 1 ? Math.sqrt(ss / (n - 1)) : null;
    q = (p) => quantileSorted(sorted, p);
  }
  return {
    count: n,
    missing: values.length - n,
    mean,
    sd,
    min: sorted[0],
    q1: q(0.25),
    median: q(0.5),
    q3: q(0.75),
    max: sorted[n - 1],
  };
}

/**
 * describe() on an arquero table: one row per group × column with the group values, `column`,
 * count, missing, mean, sd, min, q1, median, q3, max (and `missing_weight` when weighted).
 *
 * @throws VeerkrachtError when a named column does not exist
 * @example describe(kwb, { columns: ['corporatie_pct'], groupBy: 'gemeente', weights: 'inwoners' })
 */
export function describe(table: ColumnTable, options: DescribeOptions = {}): ColumnTable {
  const groups = options.groupBy === undefined ? [] : Array.isArray(options.groupBy) ? options.groupBy : [options.groupBy];
  const names = table.columnNames();
  for (const c of [...groups, ...(options.columns ?? []), ...(options.weights ? [options.weights] : [])]) {
    if (!names.includes(c)) throw new VeerkrachtError('column not found', { column: c, expected: `one of ${names.join(', ')}` });
  }
  const columns =
    options.columns ??
    names.filter((c) => {
      if (groups.includes(c) || c === options.weights) return false;
      const arr = table.array(c) as ArrayLike<unknown>;
      let numeric = false;
      for (let i = 0; i < arr.length; i++) {
        const v = arr[i];
        if (isMissing(v)) continue;
        if (typeof v !== 'number') return false;
        numeric = true;
      }
      return numeric;
    });
  // group row indices, in order of first appearance
  const n = table.numRows();
  const keyArrays = groups.map((g) => table.array(g) as ArrayLike<unknown>);
  const groupRows = new Map<string, { values: unknown[]; rows: number[] }>();
  for (let i = 0; i < n; i++) {
    const vals = keyArrays.map((a) => (a[i] === undefined ? null : a[i]));
    const key = JSON.stringify(vals);
    let g = groupRows.get(key);
    if (!g) {
      g = { values: vals, rows: [] };
      groupRows.set(key, g);
    }
    g.rows.push(i);
  }
  if (n === 0) groupRows.set('[]', { values: groups.map(() => null), rows: [] });
  const wAll = options.weights ? (table.array(options.weights) as ArrayLike<number | null>) : undefined;
  const out: Record<string, unknown>[] = [];
  for (const g of groupRows.values()) {
    for (const col of columns) {
      const all = table.array(col) as ArrayLike<number | null>;
      const vals = g.rows.map((i) => all[i]);
      const ws = wAll ? g.rows.map((i) => wAll[i]) : undefined;
      const s = summarize(vals, ws);
      const row: Record<string, unknown> = {};
      groups.forEach((name, j) => (row[name] = g.values[j]));
      row.column = col;
      Object.assign(row, s);
      if (ws) {
        const valuesMissing = vals.filter((v) => isMissing(v)).length;
        row.missing = valuesMissing;
        row.missing_weight = s.missing - valuesMissing;
      }
      out.push(row);
    }
  }
  return aq.from(out);
}
