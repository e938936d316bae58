/**
 * Stability of data-driven thresholds: recompute the thresholds on bootstrap samples of buurten
 * (seeded) or leaving one gemeente out, categorise all buurten with them, and count how many
 * buurten change category compared with the thresholds from all data.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { quantileSorted } from '../classify/quantile.js';
import { seededRandom } from '../classify/rng.js';
import { categorize } from '../signal/categories.js';
import { deadBandQuantile, deadBandSd } from './dead-band.js';
import { deviations, type CalibrationInput } from './input.js';

/** A rule that derives dead bands from (a subset of) the data. */
export type ThresholdRule = (input: CalibrationInput) => { tK: number; tO: number };

/** Subset of an input by buurt indices (references per buurt follow). */
export function subsetInput(input: CalibrationInput, idx: ArrayLike<number>): CalibrationInput {
  const pick = (arr: ArrayLike<number>): Float64Array => Float64Array.from({ length: idx.length }, (_, i) => arr[idx[i]]);
  const out: CalibrationInput = { dK: pick(input.dK), dO: pick(input.dO) };
  if (input.refK !== undefined) out.refK = typeof input.refK === 'number' ? input.refK : pick(input.refK);
  if (input.refO !== undefined) out.refO = typeof input.refO === 'number' ? input.refO : pick(input.refO);
  if (input.weights !== undefined) out.weights = pick(input.weights);
  return out;
}

/**
 * Rule: tK = c·sd of the ΔK deviations, tO = c·sd of the ΔO deviations ({@link deadBandSd}).
 *
 * @example sdRule(1)({ dK, dO }) // { tK: sd(ΔK), tO: sd(ΔO) }
 */
export function sdRule(c: number): ThresholdRule {
  return (input) => {
    const d = deviations(input);
    return { tK: deadBandSd(d.a, c).threshold, tO: deadBandSd(d.b, c).threshold };
  };
}

/** Rule: the band that leaves a share `outside` of buurten outside on each indicator ({@link deadBandQuantile}). */
export function quantileRule(outside: number): ThresholdRule {
  return (input) => {
    const d = deviations(input);
    return { tK: deadBandQuantile(d.a, outside).threshold, tO: deadBandQuantile(d.b, outside).threshold };
  };
}

function changed(base: Uint8Array, input: CalibrationInput, t: { tK: number; tO: number }, count: Float64Array | null): number {
  const cats = categorize(input.dK, input.dO, { ...t, refK: input.refK ?? 0, refO: input.refO ?? 0 });
  let c = 0;
  for (let i = 0; i < cats.length; i++) {
    if (cats[i] !== base[i]) {
      c++;
      if (count) count[i]++;
    }
  }
  return c;
}

/** Result of {@link bootstrapStability}. */
export interface BootstrapStability {
  /** Thresholds from all data. */
  baseline: { tK: number; tO: number };
  /** Per replicate: tK, tO, changed (buurten that change category). */
  replicates: ColumnTable;
  /** Per buurt, the share of replicates in which it changes category. */
  changeShare: Float64Array;
  /** Mean and 5/50/95 % quantiles of `changed`. */
  summary: { mean: number; p05: number; p50: number; p95: number };
  /** 5 % and 95 % quantiles of the replicate thresholds (a percentile bootstrap interval). */
  thresholdInterval: { tK: [number, number]; tO: [number, number] };
}

/**
 * Bootstrap the threshold rule (resampling buurten with replacement) and count category changes.
 *
 * @param replicates number of bootstrap samples (default 200)
 * @param seed seed of the resampling (default 1)
 */
export function bootstrapStability(input: CalibrationInput, rule: ThresholdRule, replicates = 200, seed = 1): BootstrapStability {
  const n = input.dK.length;
  const baseline = rule(input);
  const base = categorize(input.dK, input.dO, { ...baseline, refK: input.refK ?? 0, refO: input.refO ?? 0 });
  const rand = seededRandom(seed);
  const tK = new Float64Array(replicates);
  const tO = new Float64Array(replicates);
  const ch = new Float64Array(replicates);
  const count = new Float64Array(n);
  const idx = new Int32Array(n);
  for (let r = 0; r < replicates; r++) {
    for (let i = 0; i < n; i++) idx[i] = Math.floor(rand() * n);
    const t = rule(subsetInput(input, idx));
    tK[r] = t.tK;
    tO[r] = t.tO;
    ch[r] = changed(base, input, t, count);
  }
  const sorted = Float64Array.from(ch).sort();
  const sk = Float64Array.from(tK).sort();
  const so = Float64Array.from(tO).sort();
  return {
    thresholdInterval: {
      tK: [quantileSorted(sk, 0.05), quantileSorted(sk, 0.95)],
      tO: [quantileSorted(so, 0.05), quantileSorted(so, 0.95)],
    },
    baseline,
    replicates: aq.table({ replicate: Float64Array.from({ length: replicates }, (_, i) => i), tK, tO, changed: ch }),
    changeShare: count.map((c) => c / replicates),
    summary: {
      mean: ch.reduce((s, x) => s + x, 0) / Math.max(replicates, 1),
      p05: quantileSorted(sorted, 0.05),
      p50: quantileSorted(sorted, 0.5),
      p95: quantileSorted(sorted, 0.95),
    },
  };
}

/**
 * Leave one gemeente out: thresholds from all other gemeenten, all buurten categorised with
 * them. Rows: gemeente, buurten (in that gemeente), tK, tO, changed (all buurten),
 * changed_elsewhere (buurten outside the left-out gemeente).
 *
 * @param gemeente gemeente code per buurt (null = unknown: never left out, always used)
 */
export function leaveOneGemeenteOut(input: CalibrationInput, gemeente: ArrayLike<string | null>, rule: ThresholdRule): ColumnTable {
  const n = input.dK.length;
  const baseline = rule(input);
  const base = categorize(input.dK, input.dO, { ...baseline, refK: input.refK ?? 0, refO: input.refO ?? 0 });
  const members = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const g = gemeente[i];
    if (g === null || g === undefined) continue;
    const list = members.get(g) ?? [];
    list.push(i);
    members.set(g, list);
  }
  const rows: Record<string, unknown>[] = [];
  for (const [g, inG] of members) {
    const set = new Set(inG);
    const keep: number[] = [];
    for (let i = 0; i < n; i++) if (!set.has(i)) keep.push(i);
    const t = rule(subsetInput(input, keep));
    const cats = categorize(input.dK, input.dO, { ...t, refK: input.refK ?? 0, refO: input.refO ?? 0 });
    let all = 0;
    let elsewhere = 0;
    for (let i = 0; i < n; i++) {
      if (cats[i] !== base[i]) {
        all++;
        if (!set.has(i)) elsewhere++;
      }
    }
    rows.push({ gemeente: g, buurten: inG.length, tK: t.tK, tO: t.tO, changed: all, changed_elsewhere: elsewhere });
  }
  return aq.from(rows);
}
