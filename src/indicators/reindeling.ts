/**
 * Bring one year's indicators onto another indeling (boundary set) through a crosswalk, so a
 * trend compares like with like, or sum them up to coarser regions through the code hierarchy.
 * Counts are re-aggregated with the link weights; shares are recomputed from re-aggregated
 * numerators and denominators; scores are averaged weighted by the residents that move with each
 * piece. Both are the one re-aggregation core, `reaggregate` (regions/reaggregate.ts).
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { IndicatorYear } from './types.js';
import { flags, nullable, numbers, strings } from './columns.js';
import { gemeenteOf } from '../regions/codes.js';
import { reaggregate, type Completeness, type ReaggregationLink } from '../regions/reaggregate.js';

/** One crosswalk link: `weight` is the share of source buurt `from` that lies in target `to`. */
export interface CrosswalkLink {
  from: string;
  to: string;
  weight: number;
}

/** What could not be carried across. */
export interface ReindelingReport {
  /** Source buurten without any crosswalk link (their residents are not carried over). */
  sourceNotInCrosswalk: string[];
  /** Target buurten that receive nothing from the source year. */
  targetWithoutSource: string[];
  /** Target buurten whose value is missing because a contributing piece was missing. */
  targetIncomplete: string[];
}

/**
 * Re-aggregate `year` onto the target indeling. `targets` lists the target buurten with their
 * gemeente and name (from the target year's boundaries or KWB). A target value is missing when
 * any contributing piece with a positive weight is missing: no partial sums pass as complete.
 * `targetIncomplete` lists targets whose residents or K are incomplete.
 */
export function reindel(
  year: IndicatorYear,
  links: readonly CrosswalkLink[],
  targets: readonly { code: string; naam: string | null; gemeente: string }[],
): { year: IndicatorYear; report: ReindelingReport } {
  const t = year.table;
  const code = strings(t, 'code');
  const inw = numbers(t, 'inwoners');
  const K = numbers(t, 'K');
  const index = new Map<string, number>();
  code.forEach((c, i) => c !== null && index.set(c, i));
  // a target code listed twice receives the same pieces twice
  const rows = new Map<string, number[]>();
  targets.forEach((x, j) => {
    const list = rows.get(x.code);
    if (list) list.push(j);
    else rows.set(x.code, [j]);
  });

  const pieces: ReaggregationLink[] = [];
  const linked = new Set<string>();
  for (const l of links) {
    const i = index.get(l.from);
    if (i === undefined || !(l.weight > 0)) continue;
    linked.add(l.from);
    for (const j of rows.get(l.to) ?? []) pieces.push({ from: i, to: j, weight: l.weight });
  }
  // O and C are averaged where the piece has residents (the corporation share is a share of
  // dwellings; residents are the best weight we carry); a missing one spoils the target
  const r = reaggregate(pieces, targets.length, {
    inwoners: { kind: 'sum', values: inw },
    K: { kind: 'mean', values: K, weights: kDenominator(t, inw) },
    O: { kind: 'mean', values: numbers(t, 'O'), weights: inw },
    C: { kind: 'mean', values: numbers(t, 'C'), weights: inw },
    K_geheim: { kind: 'any', values: flags(t, 'K_geheim') },
  });
  const { inwoners, K: k, O, C, K_geheim } = r.columns;
  const incomplete = new Set([...r.report.withMissingPiece.inwoners, ...r.report.withMissingPiece.K]);
  const report: ReindelingReport = {
    sourceNotInCrosswalk: code.filter((c): c is string => c !== null && !linked.has(c)).sort(),
    targetWithoutSource: r.report.targetsWithoutSource.map((j) => targets[j].code).sort(),
    targetIncomplete: targets.filter((_x, j) => incomplete.has(j)).map((x) => x.code).sort(),
  };

  const table = aq.table({
    code: targets.map((x) => x.code),
    naam: targets.map((x) => x.naam),
    gemeente: targets.map((x) => x.gemeente),
    inwoners: nullable(inwoners.value),
    K: nullable(k.value),
    K_noemer: nullable(k.weight),
    K_geheim: K_geheim.value,
    O: nullable(O.value),
    C: nullable(C.value),
  });
  return { year: { year: year.year, table, sources: year.sources }, report };
}

/** The weight of K per row: its denominator `K_noemer` (households), or the inwoners where that is missing. */
function kDenominator(t: ColumnTable, inw: Float64Array): Float64Array {
  const Kn = numbers(t, 'K_noemer');
  return Kn.map((n, i) => (Number.isNaN(n) ? inw[i] : n));
}

/**
 * Sum one year's indicators up to coarser regions (`parent` of each code; the regions come out
 * sorted by code): inwoners and the K denominator added, K recomputed from numerator and
 * denominator. Parts without K (suppressed or missing) are left out of K when together they hold
 * at most `tolerated` of the region's inwoners; beyond that K is missing (never a partial sum
 * passed as complete). C likewise; O is missing (it comes from the Leefbaarometer, per region).
 *
 * @param year the indicators of the finer regions (buurten)
 * @param parent the coarser region of a code (`wijkOf`, `gemeenteOf`)
 * @param tolerated the share of a region's inwoners that parts without K may hold (0.05)
 * @returns the summed-up year; `parts` rows read, regions where K left small parts out
 *   (`partial`) and regions with inwoners whose K is missing (`incomplete`)
 * @example sumUp(buurten2021, (c) => wijkOf(c)!, 0.05).year.table // one row per wijk
 */
export function sumUp(year: IndicatorYear, parent: (code: string) => string, tolerated: number): { year: IndicatorYear; parts: number; partial: number; incomplete: number } {
  const t = year.table;
  const code = strings(t, 'code') as string[];
  const inw = numbers(t, 'inwoners');
  const K = numbers(t, 'K');
  const Kg = t.array('K_geheim') as ArrayLike<boolean>;
  const to = code.map((c) => parent(c));
  const keys = [...new Set(to)].sort();
  const row = new Map(keys.map((k, j) => [k, j] as const));
  const pieces = to.map((p, i) => ({ from: i, to: row.get(p)!, weight: 1 }));
  const tolerance: Completeness = { rule: 'tolerated', share: tolerated, of: 'inwoners' };
  const r = reaggregate(pieces, keys.length, {
    inwoners: { kind: 'sum', values: inw },
    K: { kind: 'mean', values: K, weights: kDenominator(t, inw), completeness: tolerance },
    C: { kind: 'mean', values: numbers(t, 'C'), weights: inw, completeness: tolerance },
    K_geheim_missing: { kind: 'any', values: Array.from({ length: code.length }, (_x, i) => Kg[i] && Number.isNaN(K[i])) },
  });
  const { inwoners, K: k, C, K_geheim_missing } = r.columns;
  const inwMissing = new Set(r.report.withMissingPiece.inwoners);
  let incomplete = 0;
  keys.forEach((_k, j) => {
    if (!k.kept[j] && inwoners.present[j] > 0) incomplete += 1;
  });
  const out = {
    code: keys,
    naam: keys.map(() => null),
    gemeente: keys.map((x) => gemeenteOf(x)),
    inwoners: keys.map((_x, j) => (inwMissing.has(j) ? null : inwoners.present[j])),
    K: keys.map((_x, j) => (k.kept[j] ? k.value[j] : null)),
    K_noemer: keys.map((_x, j) => (k.kept[j] ? k.weight[j] : null)),
    K_geheim: keys.map((_x, j) => !k.kept[j] && K_geheim_missing.value[j]),
    O: keys.map(() => null),
    C: keys.map((_x, j) => (C.kept[j] ? C.value[j] : null)),
  };
  return { year: { ...year, table: aq.table(out) }, parts: code.length, partial: r.report.leftOut.K.length, incomplete };
}
