/**
 * The one re-aggregation core: carry values from one set of areas (the source rows) onto another
 * (the target rows) through weighted links. `reaggregateCounts` / `reaggregateShares` (values by
 * code through a crosswalk), `reindel` (an indicator year through a crosswalk) and `sumUp`
 * (buurten summed up to wijken or gemeenten) are this function with their own columns and rules.
 *
 * Per target, its pieces (the links to it) are taken in link order, and every sum starts at 0
 * and adds one piece at a time: a caller that feeds the same links in the same order gets the
 * same floating-point results, bit for bit.
 */

/** One piece: the share `weight` of source row `from` carried to target row `to` (row indices). */
export interface ReaggregationLink {
  from: number;
  to: number;
  weight: number;
}

/**
 * When a target with missing pieces still gets a value.
 * - `strict`: never — a partial sum never passes as complete;
 * - `tolerated`: missing pieces are left out while together they hold at most `share` of the
 *   target's total of the sum column named `of` (e.g. the inwoners), each piece holding
 *   link weight × its `of` value; beyond that the target is missing.
 */
export type Completeness = { rule: 'strict' } | { rule: 'tolerated'; share: number; of: string };

/**
 * A source column and how it is carried over. Missing values are NaN.
 * - `sum`: Σ link weight × value (counts: inwoners, households); strict — missing as soon as
 *   any piece is missing, whatever its weight;
 * - `mean`: Σ p × value / Σ p over the pieces with p > 0, where p = link weight × `weights`
 *   (or the link weight alone): a share recomputed from numerator and denominator, or a score
 *   weighted by the residents moving with each piece. Under the strict rule only a piece with
 *   p > 0 can spoil the target, and its p still counts in the target's weight; under the
 *   tolerated rule a missing piece is left out of value and weight;
 * - `any`: true when any piece's flag is true.
 */
export type ReaggregationColumn =
  | { kind: 'sum'; values: ArrayLike<number> }
  | { kind: 'mean'; values: ArrayLike<number>; weights?: ArrayLike<number>; completeness?: Completeness }
  | { kind: 'any'; values: ArrayLike<boolean> };

/** A re-aggregated `sum` column: `value` is NaN where a piece is missing; `present` sums the pieces that are not. */
export interface ReaggregatedSum {
  value: Float64Array;
  present: Float64Array;
}

/** A re-aggregated `mean` column: `kept` is 1 where the value was computed (rule met, weight > 0), else `value` is NaN. */
export interface ReaggregatedMean {
  value: Float64Array;
  weight: Float64Array;
  kept: Uint8Array;
}

/** A re-aggregated `any` column. */
export interface ReaggregatedAny {
  value: boolean[];
}

/** The result type of one column kind. */
export type Reaggregated<C extends ReaggregationColumn> = C extends { kind: 'sum' }
  ? ReaggregatedSum
  : C extends { kind: 'mean' }
    ? ReaggregatedMean
    : ReaggregatedAny;

/** What re-aggregation could not carry over completely (target row indices, ascending). */
export interface ReaggregationReport {
  /** Targets that no link reaches: missing in every column. */
  targetsWithoutSource: number[];
  /** Per `sum` and `mean` column: targets with at least one missing piece (whatever its weight). */
  withMissingPiece: Record<string, number[]>;
  /** Per tolerated `mean` column: targets that kept a value although missing pieces holding some of `of` were left out. */
  leftOut: Record<string, number[]>;
}

/**
 * Re-aggregate source columns onto `targets` target rows through `links`. A target without any
 * link is missing in every column (NaN, `kept` 0, `any` false).
 *
 * @param links the pieces; their order is the order of summation within each target
 * @param targets the number of target rows (every link's `to` lies in 0 … targets − 1)
 * @param columns the source columns by name, each as long as the source rows
 * @returns the target columns by the same names, and the report
 * @throws Error when a tolerated column's `of` names no `sum` column (a programming error)
 * @example
 * // source 0 (100 inh.) splits 60/40 over targets 0 and 1
 * reaggregate([{ from: 0, to: 0, weight: 0.6 }, { from: 0, to: 1, weight: 0.4 }], 2,
 *   { inwoners: { kind: 'sum', values: [100] } }).columns.inwoners.value // Float64Array [60, 40]
 */
export function reaggregate<C extends Record<string, ReaggregationColumn>>(
  links: readonly ReaggregationLink[],
  targets: number,
  columns: C,
): { columns: { [K in keyof C]: Reaggregated<C[K]> }; report: ReaggregationReport } {
  // the pieces of each target, in link order (a stable counting sort on `to`)
  const start = new Int32Array(targets + 1);
  for (const l of links) {
    if (!(l.to >= 0 && l.to < targets)) throw new Error(`reaggregate: link to target ${l.to}, outside 0 … ${targets - 1}`);
    start[l.to + 1]++;
  }
  for (let j = 0; j < targets; j++) start[j + 1] += start[j];
  const next = start.slice(0, targets);
  const from = new Int32Array(links.length);
  const weight = new Float64Array(links.length);
  for (const l of links) {
    const k = next[l.to]++;
    from[k] = l.from;
    weight[k] = l.weight;
  }

  const report: ReaggregationReport = { targetsWithoutSource: [], withMissingPiece: {}, leftOut: {} };
  for (let j = 0; j < targets; j++) if (start[j] === start[j + 1]) report.targetsWithoutSource.push(j);
  const out: Record<string, ReaggregatedSum | ReaggregatedMean | ReaggregatedAny> = {};

  // sums first: a tolerated mean measures its missing pieces against a sum column's total
  for (const [name, col] of Object.entries(columns)) {
    if (col.kind !== 'sum') continue;
    const values = col.values;
    const value = new Float64Array(targets).fill(NaN);
    const present = new Float64Array(targets).fill(NaN);
    const missingAt: number[] = [];
    for (let j = 0; j < targets; j++) {
      if (start[j] === start[j + 1]) continue;
      let sum = 0;
      let missing = false;
      for (let k = start[j]; k < start[j + 1]; k++) {
        const v = values[from[k]];
        if (Number.isNaN(v)) missing = true;
        else sum += weight[k] * v;
      }
      present[j] = sum;
      value[j] = missing ? NaN : sum;
      if (missing) missingAt.push(j);
    }
    out[name] = { value, present };
    report.withMissingPiece[name] = missingAt;
  }

  for (const [name, col] of Object.entries(columns)) {
    if (col.kind === 'sum') continue;
    if (col.kind === 'any') {
      const value = new Array<boolean>(targets).fill(false);
      for (let j = 0; j < targets; j++) {
        for (let k = start[j]; k < start[j + 1]; k++) if (col.values[from[k]]) value[j] = true;
      }
      out[name] = { value };
      continue;
    }
    const { values, weights } = col;
    const rule = col.completeness ?? { rule: 'strict' };
    // tolerated: the `of` values of the sources and each target's total of them
    let of: ArrayLike<number> | undefined;
    let allowed: Float64Array | undefined;
    if (rule.rule === 'tolerated') {
      const base = columns[rule.of];
      if (base === undefined || base.kind !== 'sum') throw new Error(`reaggregate: column ${name} is tolerated against ${rule.of}, which is no sum column`);
      of = base.values;
      const total = (out[rule.of] as ReaggregatedSum).present;
      const share = rule.share;
      allowed = total.map((t) => share * t);
    }
    const value = new Float64Array(targets).fill(NaN);
    const den = new Float64Array(targets).fill(NaN);
    const kept = new Uint8Array(targets);
    const missingAt: number[] = [];
    const leftOut: number[] = [];
    for (let j = 0; j < targets; j++) {
      if (start[j] === start[j + 1]) continue;
      let num = 0;
      let sum = 0;
      let lost = 0;
      let spoilt = false;
      let anyMissing = false;
      for (let k = start[j]; k < start[j + 1]; k++) {
        const i = from[k];
        const w = weight[k];
        const p = weights === undefined ? w : w * weights[i];
        const v = values[i];
        if (Number.isNaN(v)) {
          anyMissing = true;
          if (of !== undefined) lost += Number.isNaN(of[i]) ? 0 : w * of[i];
          else if (p > 0) {
            spoilt = true;
            sum += p;
          }
        } else if (p > 0) {
          num += p * v;
          sum += p;
        }
      }
      const ok = sum > 0 && (allowed === undefined ? !spoilt : lost <= allowed[j]);
      value[j] = ok ? num / sum : NaN;
      den[j] = sum;
      kept[j] = ok ? 1 : 0;
      if (anyMissing) missingAt.push(j);
      if (ok && lost > 0) leftOut.push(j);
    }
    out[name] = { value, weight: den, kept };
    report.withMissingPiece[name] = missingAt;
    if (rule.rule === 'tolerated') report.leftOut[name] = leftOut;
  }
  return { columns: out as { [K in keyof C]: Reaggregated<C[K]> }, report };
}
