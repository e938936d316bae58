/**
 * Bring one year's indicators onto another indeling (boundary set) through a crosswalk, so a
 * trend compares like with like. Counts are re-aggregated with the crosswalk weights; shares are
 * recomputed from re-aggregated numerators and denominators; scores are averaged weighted by
 * the residents that move with each piece.
 */
import * as aq from 'arquero';
import type { IndicatorYear } from './types.js';
import { flags, nullable, numbers, strings } from './columns.js';

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
  const Kn = numbers(t, 'K_noemer');
  const Kg = flags(t, 'K_geheim');
  const O = numbers(t, 'O');
  const C = numbers(t, 'C');
  const index = new Map<string, number>();
  code.forEach((c, i) => c !== null && index.set(c, i));

  const byTarget = new Map<string, { i: number; w: number }[]>();
  const linked = new Set<string>();
  for (const l of links) {
    const i = index.get(l.from);
    if (i === undefined || !(l.weight > 0)) continue;
    linked.add(l.from);
    const list = byTarget.get(l.to) ?? [];
    list.push({ i, w: l.weight });
    byTarget.set(l.to, list);
  }

  const n = targets.length;
  const out = {
    inwoners: new Float64Array(n).fill(NaN),
    K: new Float64Array(n).fill(NaN),
    K_noemer: new Float64Array(n).fill(NaN),
    K_geheim: new Array<boolean>(n).fill(false),
    O: new Float64Array(n).fill(NaN),
    C: new Float64Array(n).fill(NaN),
  };
  const report: ReindelingReport = {
    sourceNotInCrosswalk: code.filter((c): c is string => c !== null && !linked.has(c)).sort(),
    targetWithoutSource: [],
    targetIncomplete: [],
  };
  targets.forEach((target, j) => {
    const parts = byTarget.get(target.code);
    if (!parts || parts.length === 0) {
      report.targetWithoutSource.push(target.code);
      return;
    }
    let inwSum = 0;
    let kNum = 0;
    let kDen = 0;
    let oNum = 0;
    let oDen = 0;
    let oMissing = false;
    let cNum = 0;
    let cDen = 0;
    let cMissing = false;
    let incomplete = false;
    for (const { i, w } of parts) {
      if (Number.isNaN(inw[i]) || Number.isNaN(K[i])) incomplete = true;
      if (Kg[i]) out.K_geheim[j] = true;
      inwSum += w * inw[i];
      const den = Number.isNaN(Kn[i]) ? inw[i] : Kn[i];
      if (w * den > 0) {
        kNum += w * den * K[i];
        kDen += w * den;
      }
      // O and C are averaged where the piece has residents; a missing one spoils the target
      const wi = w * inw[i];
      if (wi > 0) {
        if (Number.isNaN(O[i])) oMissing = true;
        else {
          oNum += wi * O[i];
          oDen += wi;
        }
        // corporation share is a share of dwellings; residents are the best weight we carry
        if (Number.isNaN(C[i])) cMissing = true;
        else {
          cNum += wi * C[i];
          cDen += wi;
        }
      }
    }
    out.inwoners[j] = inwSum;
    out.K[j] = kDen > 0 ? kNum / kDen : NaN;
    out.K_noemer[j] = kDen;
    out.O[j] = oDen > 0 && !oMissing ? oNum / oDen : NaN;
    out.C[j] = cDen > 0 && !cMissing ? cNum / cDen : NaN;
    if (incomplete) report.targetIncomplete.push(target.code);
  });
  report.targetWithoutSource.sort();
  report.targetIncomplete.sort();

  const table = aq.table({
    code: targets.map((x) => x.code),
    naam: targets.map((x) => x.naam),
    gemeente: targets.map((x) => x.gemeente),
    inwoners: nullable(out.inwoners),
    K: nullable(out.K),
    K_noemer: nullable(out.K_noemer),
    K_geheim: out.K_geheim,
    O: nullable(out.O),
    C: nullable(out.C),
  });
  return { year: { year: year.year, table, sources: year.sources }, report };
}
