/**
 * The tables a run exports: the per-buurt rows of signalen.csv / signalen.geojson and the content
 * of samenvatting.json. Pure functions of a {@link SignalResult}; writing is ./write.ts's job.
 */
import type { ColumnTable } from 'arquero';
import type { MatchReport } from '../regions/match.js';
import { VERSION } from '../version.js';
import { SIGNAL_CATEGORIES, SIGNAL_LABELS, type SignalCategory } from '../signal/categories.js';
import { FOCUS_CATEGORIES, FOCUS_COLUMN, FOCUS_LABELS, type FocusCategory } from '../signal/focus.js';
import { SIGNAL_COLUMN } from '../signal/assign.js';
import { countByCategory, countByFocus, countReasons, summariseCorporatie, summariseGemeenten } from '../signal/summary.js';
import type { CorporatieResult, SignalResult } from './compute.js';
import { newcombeDifference, wilsonInterval } from '../indicators/binomial.js';

/** Columns of signalen.csv / the GeoJSON properties, in order. */
export const SIGNAL_COLUMNS = [
  'code', 'naam', 'wijk', 'wijknaam', 'gemeente', 'gemeentenaam', 'inwoners', 'K0', 'K1', 'dK', 'O0', 'O1', 'dO', 'O_niveau', 'C', 'corporatie_klasse',
  'refK', 'refO', 'richting_K', 'richting_O', 'categorie', 'signaal', 'reden', 'focus', 'focus_label', 'handelingskader',
  'categorie_absoluut', 'categorie_relatief',
] as const;

/**
 * Columns added after {@link SIGNAL_COLUMNS} when a run uses corporation data (only those the
 * table has): C of KWB and of the own stock, own dwellings, KWB dwellings, and with K from
 * lettings the counts per window and the 90 % bounds of K0, K1 (Wilson) and ΔK (Newcombe).
 */
export const CORPORATIE_COLUMNS = [
  'C_kwb', 'C_eigen', 'eigen_bezit', 'woningen',
  'verhuringen_t0', 'kwetsbaar_t0', 'K0_ci_laag', 'K0_ci_hoog',
  'verhuringen_t1', 'kwetsbaar_t1', 'K1_ci_laag', 'K1_ci_hoog',
  'dK_ci_laag', 'dK_ci_hoog',
] as const;

/** Round to 6 decimals so outputs do not carry float noise (5.299999999999999 → 5.3). */
function round6(v: unknown): unknown {
  return typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 1e6) / 1e6 : v;
}

/** The per-buurt rows written to CSV and GeoJSON. */
export function signalRows(signalen: ColumnTable): Record<string, unknown>[] {
  const cat = signalen.array(SIGNAL_COLUMN.categorie) as SignalCategory[];
  const foc = signalen.array(FOCUS_COLUMN.focus) as FocusCategory[];
  const names = new Set(signalen.columnNames());
  const columns = [...SIGNAL_COLUMNS, ...CORPORATIE_COLUMNS.filter((c) => names.has(c))];
  // column by column (no row objects of the whole table first), into copies of one row that
  // already has every column: an object given its ~30 properties one by one under computed names
  // turns into a hash table (V8 gives up fast properties after 16 such additions), which the
  // writers then walk 3–5× slower (national: 200 ms of the main thread's JSON.stringify)
  const n = signalen.numRows();
  const template = JSON.parse(JSON.stringify(Object.fromEntries(columns.map((c) => [c, null])))) as Record<string, unknown>;
  const rows: Record<string, unknown>[] = Array.from({ length: n }, () => ({ ...template }));
  for (const c of columns) {
    if (c === 'signaal') for (let i = 0; i < n; i++) rows[i][c] = SIGNAL_LABELS[cat[i]];
    else if (c === 'focus_label') for (let i = 0; i < n; i++) rows[i][c] = FOCUS_LABELS[foc[i]];
    else if (!names.has(c)) for (let i = 0; i < n; i++) rows[i][c] = null;
    else {
      const v = signalen.array(c) as ArrayLike<unknown>;
      for (let i = 0; i < n; i++) rows[i][c] = round6(v[i] ?? null);
    }
  }
  return rows;
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

/** Per corporation and combined (samenvatting.json `corporaties`), rounded. */
function corporatieSummary(c: CorporatieResult) {
  const r = (x: number | null) => (x === null ? null : (round6(x) as number));
  const pair = (x: [number, number] | null) => (x === null ? null : [r(x[0]), r(x[1])]);
  const venster = (v: { jaren: [number, number]; verhuringen: number; kwetsbaar: number; K: number | null; K_ci: [number, number] | null } | null) =>
    v === null ? null : { jaren: v.jaren, verhuringen: v.verhuringen, kwetsbaar: v.kwetsbaar, K: r(v.K), K_ci90: pair(v.K_ci) };
  const per = c.corporaties.map((t) => {
    let verhuringen = null;
    if (t.verhuringen !== null) {
      const { dK_ci, ...rest } = t.verhuringen;
      verhuringen = { ...rest, t0: venster(rest.t0), t1: venster(rest.t1), dK: r(rest.dK), dK_ci90: pair(dK_ci) };
    }
    return { naam: t.naam, bezit: t.bezit, verhuringen, signalen_in_buurten_met_bezit: t.signalen };
  });
  // combined: the corporations' counts added (the map is combined the same way)
  const sum = (f: (t: CorporatieResult['corporaties'][number]) => number) => c.corporaties.reduce((s, t) => s + f(t), 0);
  const win = (w: 't0' | 't1') => {
    const first = c.corporaties.find((t) => t.verhuringen?.[w])?.verhuringen?.[w];
    if (!first) return null;
    const n = sum((t) => t.verhuringen?.[w]?.verhuringen ?? 0);
    const k = sum((t) => t.verhuringen?.[w]?.kwetsbaar ?? 0);
    const ci = wilsonInterval(k, n);
    return { jaren: first.jaren, verhuringen: n, kwetsbaar: k, K: n > 0 ? r((100 * k) / n) : null, K_ci90: n > 0 ? [r(100 * ci.laag), r(100 * ci.hoog)] : null };
  };
  const w0 = win('t0');
  const w1 = win('t1');
  const d = w0 && w1 ? newcombeDifference(w0.kwetsbaar, w0.verhuringen, w1.kwetsbaar, w1.verhuringen) : null;
  const gecombineerd = {
    corporaties: c.corporaties.length,
    bezit: { vhe: sum((t) => t.bezit.vhe), geplaatst: sum((t) => t.bezit.geplaatst), woningen: sum((t) => t.bezit.woningen), woningen_op_kaart: sum((t) => t.bezit.woningen_op_kaart) },
    verhuringen: c.corporaties.some((t) => t.verhuringen)
      ? {
          gelezen: sum((t) => t.verhuringen?.gelezen ?? 0),
          geplaatst: sum((t) => t.verhuringen?.geplaatst ?? 0),
          kwetsbaar: sum((t) => t.verhuringen?.kwetsbaar ?? 0),
          niet_kwetsbaar: sum((t) => t.verhuringen?.niet_kwetsbaar ?? 0),
          onbekend: sum((t) => t.verhuringen?.onbekend ?? 0),
          t0: w0,
          t1: w1,
          dK: w0 && w1 && w0.K !== null && w1.K !== null ? r(w1.K - w0.K) : null,
          dK_ci90: d && !Number.isNaN(d.laag) ? [r(100 * d.laag), r(100 * d.hoog)] : null,
        }
      : null,
  };
  return {
    C: c.C,
    kwetsbaar_regel: c.regel,
    standaardregel: c.standaardRegel,
    ...(c.standaardRegel ? { toelichting: 'standaardregel is onze eigen operationalisatie (niet die van de studie): inkomensklasse Primaire doelgroep, urgentie/voorrang of statushouder' } : {}),
    interval: '90 %: Wilson (aandelen), Newcombe hybrid score (verschil ΔK)',
    ...(c.telling
      ? {
          verhuringen_telling: {
            geteld: c.telling.geteld,
            buiten_vensters: c.telling.buitenVensters,
            onbekend_in_venster: c.telling.onbekend,
            buiten_kaart: c.telling.buitenKaart.aantal,
            gebieden_te_weinig: c.telling.teWeinig,
          },
        }
      : {}),
    corporaties: per,
    gecombineerd,
  };
}

/** The content of samenvatting.json (see README: "samenvatting.json"). */
export function buildSummary(r: SignalResult, outputs: string[]): Record<string, unknown> {
  const s = r.signalen;
  const cfg = r.config;
  const gemeenten = summariseGemeenten(s);
  const cat = s.array(SIGNAL_COLUMN.categorie) as SignalCategory[];
  const foc = s.array(FOCUS_COLUMN.focus) as FocusCategory[];
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
      indicators: {
        K: r.sources.K,
        K_spec: cfg.indicators.K,
        O: r.sources.O,
        O_dimensie: cfg.indicators.O.dimension,
        O_niveau: cfg.indicators.O.level,
        C: r.sources.C,
        // only when not the default, so a run without corporation data keeps its summary
        ...(cfg.indicators.C.source !== 'kwb' ? { C_bron: cfg.indicators.C.source } : {}),
        minInwoners: cfg.indicators.minInwoners,
      },
      ...(cfg.filter ? { filter: cfg.filter } : {}),
      gebied: { dK: round(r.gebied.dK), dO: round(r.gebied.dO) },
    },
    ...(r.corporatie ? { corporatie: corporatieSummary(r.corporatie) } : {}),
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
