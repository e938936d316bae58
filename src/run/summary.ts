/**
 * The tables a run exports: the per-buurt rows of signalen.csv / signalen.geojson and the content
 * of samenvatting.json. Pure functions of a {@link SignalResult}; writing is ./write.ts's job.
 */
import type { ColumnTable } from 'arquero';
import type { MatchReport } from '../regions/match.js';
import { VERSION } from '../version.js';
import { SIGNAL_CATEGORIES, SIGNAL_LABELS, type SignalCategory } from '../signal/categories.js';
import { FOCUS_CATEGORIES, FOCUS_LABELS, type FocusCategory } from '../signal/focus.js';
import { countByCategory, countByFocus, countReasons, summariseCorporatie, summariseGemeenten } from '../signal/summary.js';
import type { SignalResult } from './compute.js';

/** Columns of signalen.csv / the GeoJSON properties, in order. */
export const SIGNAL_COLUMNS = [
  'code', 'naam', 'gemeente', 'gemeentenaam', 'inwoners', 'K0', 'K1', 'dK', 'O0', 'O1', 'dO', 'O_niveau', 'C', 'corporatie_klasse',
  'refK', 'refO', 'richting_K', 'richting_O', 'categorie', 'signaal', 'reden', 'focus', 'focus_label', 'handelingskader',
  'categorie_absoluut', 'categorie_relatief',
] as const;

/** Round to 6 decimals so outputs do not carry float noise (5.299999999999999 → 5.3). */
function round6(v: unknown): unknown {
  return typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 1e6) / 1e6 : v;
}

/** The per-buurt rows written to CSV and GeoJSON. */
export function signalRows(signalen: ColumnTable): Record<string, unknown>[] {
  const cat = signalen.array('categorie') as SignalCategory[];
  const foc = signalen.array('focus') as FocusCategory[];
  const rows = signalen.objects() as Record<string, unknown>[];
  return rows.map((r, i) => {
    const out: Record<string, unknown> = {};
    for (const c of SIGNAL_COLUMNS) {
      if (c === 'signaal') out[c] = SIGNAL_LABELS[cat[i]];
      else if (c === 'focus_label') out[c] = FOCUS_LABELS[foc[i]];
      else out[c] = round6(r[c] ?? null);
    }
    return out;
  });
}

function joinSummary(j: MatchReport) {
  const few = (xs: string[]) => xs.slice(0, 20);
  return {
    left: j.left,
    right: j.right,
    matched: j.matched,
    only_left: j.onlyLeft.length,
    only_right: j.onlyRight.length,
    duplicates_left: j.duplicatesLeft.length,
    duplicates_right: j.duplicatesRight.length,
    examples_only_left: few(j.onlyLeft),
    examples_only_right: few(j.onlyRight),
  };
}

/** The content of samenvatting.json (see README: "samenvatting.json"). */
export function buildSummary(r: SignalResult, outputs: string[]): Record<string, unknown> {
  const s = r.signalen;
  const cfg = r.config;
  const gemeenten = summariseGemeenten(s);
  const cat = s.array('categorie') as SignalCategory[];
  const foc = s.array('focus') as FocusCategory[];
  const matrixCounts: Record<string, Record<string, number>> = {};
  for (const c of SIGNAL_CATEGORIES) matrixCounts[c] = Object.fromEntries(FOCUS_CATEGORIES.map((f) => [f, 0]));
  cat.forEach((c, i) => (matrixCounts[c][foc[i]] += 1));
  const round = (x: number) => round6(x) as number;
  return {
    title: cfg.title,
    synthetic: cfg.synthetic,
    version: VERSION,
    period: { t0: cfg.period.t0, t1: cfg.period.t1, K: cfg.period.K, O: cfg.period.O },
    level: cfg.level,
    area: cfg.area,
    buurten: s.numRows(),
    categories: countByCategory(s),
    variants: { absoluut: countByCategory(s, 'categorie_absoluut'), relatief: countByCategory(s, 'categorie_relatief') },
    gemeenten,
    gemeenten_met_veerkracht_onder_druk: gemeenten.filter((g) => g.onder_druk).length,
    gemeenten_totaal: gemeenten.length,
    focus: countByFocus(s),
    corporatie: summariseCorporatie(s),
    onvoldoende_gegevens: countReasons(s),
    matrix: { titel: r.matrix.titel, toelichting: r.matrix.toelichting, buurten_per_cel: matrixCounts },
    parameters: {
      variant: cfg.reference.variant,
      reference: { absoluut: cfg.reference.absoluut, relatief: 'gemeente zonder de buurt zelf, gewogen naar inwoners' },
      thresholds: {
        K: { value: round(r.thresholds.K.value), rule: r.thresholds.K.rule, spec: cfg.thresholds.K },
        O: { value: round(r.thresholds.O.value), rule: r.thresholds.O.rule, spec: cfg.thresholds.O },
        absoluut: {
          K: { value: round(r.thresholds.absoluut.K.value), rule: r.thresholds.absoluut.K.rule, spec: cfg.thresholds.K },
          O: { value: round(r.thresholds.absoluut.O.value), rule: r.thresholds.absoluut.O.rule, spec: cfg.thresholds.O },
        },
        relatief: {
          K: { value: round(r.thresholds.relatief.K.value), rule: r.thresholds.relatief.K.rule, spec: cfg.thresholds.K },
          O: { value: round(r.thresholds.relatief.O.value), rule: r.thresholds.relatief.O.rule, spec: cfg.thresholds.O },
        },
      },
      focus: {
        marginK: { value: round(r.thresholds.marginK.value), rule: r.thresholds.marginK.rule, spec: cfg.focus.marginK },
        marginO: { value: round(r.thresholds.marginO.value), rule: r.thresholds.marginO.rule, spec: cfg.focus.marginO },
      },
      indicators: { K: r.sources.K, K_spec: cfg.indicators.K, O: r.sources.O, O_dimensie: cfg.indicators.O.dimension, O_niveau: cfg.indicators.O.level, C: r.sources.C, minInwoners: cfg.indicators.minInwoners },
      gebied: { dK: round(r.gebied.dK), dO: round(r.gebied.dO) },
    },
    inputs: r.inputs,
    reports: {
      joins: r.reports.joins.map(joinSummary),
      crosswalk: r.reports.crosswalk,
      reindeling: r.reports.reindeling,
      loads: r.reports.loads,
      warnings: r.reports.warnings,
      studiegebied: r.reports.studiegebied,
    },
    outputs,
  };
}
