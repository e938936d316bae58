/**
 * The pure step of `veerkracht run`: from tables in memory ({@link RunTables}) to the signal
 * table. Builds the indicators of t0 and t1 on the t1 indeling (crosswalk when boundaries
 * changed), computes ΔK and ΔO, resolves the dead bands, assigns the signals (both variants),
 * the focuskaart and the handelingskader per buurt. No file is read or written here.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Boundaries } from '../sources/boundaries/types.js';
import { buildCrosswalk, type CrosswalkReport } from '../regions/crosswalk.js';
import { matchCodes, type MatchReport } from '../regions/match.js';
import { attachLivability, gemeenteNamen, kwbIndicatorYear, regionNamen } from '../indicators/build.js';
import { reindel, sumUp, type ReindelingReport } from '../indicators/reindeling.js';
import { REDENEN_ONVOLDOENDE, buurtChanges } from '../indicators/change.js';
import { gemeenteOf, wijkOf } from '../regions/codes.js';
import { corporatieKlasse } from '../indicators/corporation.js';
import { numbers, strings } from '../indicators/columns.js';
import type { IndicatorSources, IndicatorYear } from '../indicators/types.js';
import { deadBandQuantile, deadBandSd } from '../calibrate/dead-band.js';
import { VeerkrachtError } from '../util/errors.js';
import { assignSignals, type Variant } from '../signal/assign.js';
import { assignFocus } from '../signal/focus.js';
import type { HandelingsMatrix } from '../signal/matrix.js';
import { weightedMean } from '../signal/reference.js';
import type { SignalCategory } from '../signal/categories.js';
import type { FocusCategory } from '../signal/focus.js';
import { MAP_LEVELS, type RunConfig, type ThresholdSpec } from './config.js';
import type { LoadedTable } from '../sources/types.js';
import type { InputRecord, LoadSummary, RunTables } from './load.js';
import type { KSpec } from '../indicators/build.js';
import { conceptValues, resolveConcept } from '../sources/statline/concepts.js';
import { corporatieSignaal, type CorporatieTotalen } from '../indicators/corporatie-signaal.js';
import { DEFAULT_KWETSBAAR, describeKwetsbaar } from '../indicators/kwetsbaar.js';
import { REDEN_TE_WEINIG_VERHURINGEN, type VerhuringenKReport } from '../indicators/verhuringen.js';

/** The settings computeSignals uses: a run configuration without its file names. */
export type RunSettings = Omit<RunConfig, 'inputs'>;

/** The study area of a run and the rows of each input that lay outside it. */
export interface StudyAreaReport {
  /** The map level. */
  niveau: string;
  /** The gemeente/wijk codes of `area`, or null: what the t1 boundaries cover. */
  area: string[] | null;
  /** Regions on the map. */
  eenheden: number;
  /** Per input: how many of its rows (of the map level) lay outside, with a few examples. */
  buiten: { invoer: string; eenheden: string; aantal: number; voorbeelden: string[] }[];
  /**
   * The `filter` of the config (map and summary restricted to the corporation stock): the regions
   * left out, their inwoners and their categories (computed before the filter, never drawn).
   */
  filter?: { spec: { corporatieklasse?: string[]; eigenBezitMin?: number }; binnen: number; buiten: number; inwoners_buiten: number; categorieen_buiten: Record<string, number> };
}

/** The corporation part of a run: the rule used, and per corporation and combined what was read and counted. */
export interface CorporatieResult {
  /** K from lettings: the kwetsbaar rule in words, and whether it is the default (ours). */
  regel: string | null;
  standaardRegel: boolean | null;
  /** Where C (and so corporatie_klasse) comes from. */
  C: 'kwb' | 'bezit';
  corporaties: (CorporatieTotalen & { signalen: Record<string, number> })[];
  /** K from lettings: what the windows counted and what they did not (outside both windows, unknown, off the map). */
  telling: VerhuringenKReport | null;
}

/** A resolved dead band or margin: the number used and how it was obtained. */
export interface ResolvedThreshold {
  value: number;
  rule: string;
}

/** What {@link computeSignals} returns: the signal table and everything it decided. */
export interface SignalResult {
  config: RunSettings;
  /** One row per buurt of the t1 indeling (see README for the columns). */
  signalen: ColumnTable;
  boundaries: Boundaries;
  sources: IndicatorSources;
  /**
   * The dead bands of the configured variant (K, O), of each variant (each resolved from its own
   * deviations, so a variant's counts never depend on which one was configured), and the focus
   * margins.
   */
  thresholds: {
    K: ResolvedThreshold;
    O: ResolvedThreshold;
    absoluut: { K: ResolvedThreshold; O: ResolvedThreshold };
    relatief: { K: ResolvedThreshold; O: ResolvedThreshold };
    marginK: ResolvedThreshold;
    marginO: ResolvedThreshold;
  };
  /** Resident-weighted change of the whole input area (the `landelijk` reference when the input is national). */
  gebied: { dK: number; dO: number };
  matrix: HandelingsMatrix;
  inputs: InputRecord[];
  reports: {
    joins: MatchReport[];
    crosswalk: CrosswalkReport | null;
    reindeling: ReindelingReport | null;
    loads: LoadSummary[];
    warnings: string[];
    /** The study area and what each input had outside it (counted, never drawn, never summarised). */
    studiegebied: StudyAreaReport;
  };
  /** The corporations' data (null when the config names none). */
  corporatie: CorporatieResult | null;
  /** Milliseconds per stage (not written into the summary: outputs stay byte-identical). */
  timings: Record<string, number>;
}

function resolveThreshold(spec: ThresholdSpec, deviations: number[], what: string): ResolvedThreshold {
  if (typeof spec === 'number') return { value: spec, rule: 'vast' };
  if (deviations.length < 2) {
    throw new VeerkrachtError(`too few buurten with a usable ${what} to derive the dead band from the data`, {
      column: what,
      expected: 'at least 2 buurten with data, or a fixed number in the config',
      found: String(deviations.length),
    });
  }
  const band = spec.rule === 'sd' ? deadBandSd(deviations, spec.c) : deadBandQuantile(deviations, spec.outside);
  return { value: band.threshold, rule: spec.rule === 'sd' ? `${spec.c}·sd van de afwijkingen` : `kwantielband, ${spec.outside} erbuiten` };
}

/** value − reference for the buurten whose `category` column is not `onvoldoende_gegevens`. */
function deviations(tab: ColumnTable, value: string, ref: string, category: string): number[] {
  const v = numbers(tab, value);
  const r = numbers(tab, ref);
  const cat = tab.array(category) as string[];
  const out: number[] = [];
  for (let i = 0; i < v.length; i++) if (cat[i] !== 'onvoldoende_gegevens') out.push(v[i] - r[i]);
  return out;
}

/** Parts whose K is missing may hold at most this share of a region's inwoners when summing up. */
const MISSING_SHARE_TOLERATED = 0.05;

const plural: Record<string, string> = { buurt: 'buurten', wijk: 'wijken', gemeente: 'gemeenten' };

/** Keep the rows of a table whose code passes `keep`; the others' codes are returned. */
function splitByCode(tab: ColumnTable, keep: (code: string) => boolean): { table: ColumnTable; outside: string[] } {
  const codes = strings(tab, 'code');
  const idx: number[] = [];
  const outside: string[] = [];
  codes.forEach((c, i) => (c !== null && keep(c) ? idx.push(i) : outside.push(String(c))));
  if (outside.length === 0) return { table: tab, outside };
  const cols: Record<string, unknown[]> = {};
  for (const name of tab.columnNames()) {
    const a = tab.array(name) as ArrayLike<unknown>;
    cols[name] = idx.map((i) => a[i]);
  }
  return { table: aq.table(cols), outside };
}

/** Append rows (all values missing) for regions of the boundaries that a KWB table lacks. */
function addMissingRegions(year: IndicatorYear, regions: { code: string; naam: string | null }[]): IndicatorYear {
  if (regions.length === 0) return year;
  const extra: Record<string, unknown[]> = {};
  for (const name of year.table.columnNames()) {
    extra[name] = regions.map((r) => (name === 'code' ? r.code : name === 'naam' ? r.naam : name === 'gemeente' ? gemeenteOf(r.code) : name === 'K_geheim' ? false : null));
  }
  return { ...year, table: year.table.concat(aq.table(extra)) };
}

/**
 * One KWB edition's indicators at the map level. An edition without rows of that level but with
 * finer ones (a buurt table for a wijk map) is summed up through the code hierarchy (`sumUp`):
 * counts added, shares recomputed from numerator and denominator. Parts without K are left out
 * while they hold at most {@link MISSING_SHARE_TOLERATED} of the region's inwoners (beyond that
 * the region's K is missing: no partial sum passes as complete), and the warning says how many.
 */
function kwbYearAtLevel(kwb: LoadedTable, year: number, config: RunSettings, microdata: ColumnTable | undefined): ReturnType<typeof kwbIndicatorYear> {
  const level = config.level;
  // K from lettings is attached later: KWB gives the inwoners and C
  const spec: KSpec = config.indicators.K.source === 'verhuringen' ? { source: 'geen' } : config.indicators.K;
  const levels = new Set(kwb.table.columnNames().includes('level') ? (kwb.table.array('level') as unknown[]) : []);
  const finer = (['buurt', 'wijk'] as const).filter((l) => MAP_LEVELS.indexOf(l) < MAP_LEVELS.indexOf(level) && levels.has(l));
  if (levels.has(level) || finer.length === 0) return kwbIndicatorYear(kwb, year, spec, microdata, level);
  const from = finer[finer.length - 1];
  const parts = kwbIndicatorYear(kwb, year, spec, microdata, from);
  const parent = (c: string) => (level === 'wijk' ? wijkOf(c) : gemeenteOf(c)) as string;
  const agg = sumUp(parts.year, parent, MISSING_SHARE_TOLERATED);
  const name = kwb.provenance.edition ?? kwb.provenance.file ?? `KWB ${year}`;
  const warnings = [
    ...parts.warnings,
    `${name}: geen ${plural[level]}; ${agg.parts} ${plural[from]} opgeteld tot ${agg.year.table.numRows()} ${plural[level]}` +
      (agg.partial > 0 ? `; bij ${agg.partial} ontbreekt K van kleine delen (≤ ${MISSING_SHARE_TOLERATED * 100} % van de inwoners, weggelaten)` : '') +
      (agg.incomplete > 0 ? `; bij ${agg.incomplete} ontbreekt K van meer dan dat, dus K ontbreekt` : ''),
  ];
  return { year: agg.year, warnings, ...(parts.kMatch ? { kMatch: parts.kMatch } : {}) };
}

/**
 * All dwellings (KWB woningvoorraad) per region of the map level: the rows of that level, or
 * (an edition with only finer rows) the buurten summed up; a region with a missing part is
 * missing. Empty when the edition lacks the topic (then C from own stock is missing, and said).
 */
function woningvoorraad(kwb: LoadedTable, level: string): Map<string, number | null> {
  const out = new Map<string, number | null>();
  if (resolveConcept(kwb, 'woningvoorraad').status === 'absent') return out;
  const v = conceptValues(kwb, 'woningvoorraad');
  const code = kwb.table.array('code') as unknown[];
  const lv = kwb.table.array('level') as unknown[];
  const has = lv.some((l) => l === level);
  const parent = (c: string) => (level === 'wijk' ? wijkOf(c) : level === 'gemeente' ? gemeenteOf(c) : c);
  for (let i = 0; i < v.length; i++) {
    if (code[i] === null || code[i] === undefined) continue;
    if (has ? lv[i] !== level : lv[i] !== 'buurt') continue;
    const k = has ? String(code[i]) : parent(String(code[i]));
    if (k === null) continue;
    const prev = out.has(k) ? out.get(k)! : 0;
    out.set(k, prev === null || v[i] === null ? null : prev + (v[i] as number));
  }
  return out;
}

/**
 * Compute the signals of a run from tables in memory. Pure: the same tables and settings give
 * the same result, and nothing outside the arguments is read.
 *
 * @param tables what {@link loadRunTables} returns, or the same built in memory
 * @param config the run settings (a RunConfig will do; its `inputs` are not used)
 * @throws VeerkrachtError when the inputs cannot give a signal (e.g. too few usable buurten)
 */
export function computeSignals(tables: RunTables, config: RunSettings): SignalResult {
  const timings: Record<string, number> = {};
  let t = Date.now();
  const stage = (name: string) => {
    const now = Date.now();
    timings[name] = now - t;
    t = now;
  };
  const { t0, t1 } = config.period;
  const pK = config.period.K;
  const pO = config.period.O;
  const level = config.level;
  const units = plural[level];
  const warnings: string[] = [...tables.warnings];
  const joins: MatchReport[] = [];
  const lbm = tables.leefbaarometer;
  const matrix = tables.matrix;
  const buiten: StudyAreaReport['buiten'] = [];
  const report = (invoer: string, outside: string[], eenheden = units) => {
    if (outside.length > 0) buiten.push({ invoer, eenheden, aantal: outside.length, voorbeelden: outside.slice(0, 5) });
  };

  // the study area: the area codes, else what the t1 boundaries cover
  const area = config.area;
  const inArea = area === null ? null : (code: string) => area.some((a) => (a.startsWith('GM') ? gemeenteOf(code) === a : wijkOf(code) === a || code === a));
  const restrictBoundaries = (b: Boundaries | null, label: string): Boundaries | null => {
    if (b === null || inArea === null) return b;
    const keep: typeof b.features = [];
    const outside: string[] = [];
    for (const f of b.features) (inArea(f.properties.code) ? keep.push(f) : outside.push(f.properties.code));
    report(label, outside);
    if (keep.length === 0) {
      throw new VeerkrachtError(`no ${units} of the study area in the boundaries`, { file: b.provenance.file, expected: `${units} of ${area!.join(', ')}`, found: `${b.features.length} ${units} elsewhere` });
    }
    return { ...b, features: keep };
  };
  const b1 = restrictBoundaries(tables.boundaries.t1, `grenzen ${t1}`) as Boundaries;
  const b0 = restrictBoundaries(tables.boundaries.t0, `grenzen ${t0}`);
  const codes1 = new Set(b1.features.map((f) => f.properties.code));
  const codes0 = b0 === null ? codes1 : new Set(b0.features.map((f) => f.properties.code));

  const kwb0 = tables.kwb[String(pK.t0)];
  const kwb1 = tables.kwb[String(pK.t1)];
  if (!kwb0 || !kwb1) {
    throw new VeerkrachtError(`no KWB table for ${!kwb0 ? pK.t0 : pK.t1}`, { column: `inputs.kwb.${!kwb0 ? pK.t0 : pK.t1}`, expected: 'a KWB input for each K year' });
  }
  const built1 = kwbYearAtLevel(kwb1, pK.t1, config, tables.microdata);
  // one edition for both years (possible when K is not used): read and reported once
  const oneEdition = pK.t0 === pK.t1;
  const built0 = oneEdition ? built1 : kwbYearAtLevel(kwb0, pK.t0, config, tables.microdata);
  warnings.push(...(oneEdition ? [] : built0.warnings), ...built1.warnings);
  if (built0.kMatch) joins.push(built0.kMatch);
  if (built1.kMatch) joins.push(built1.kMatch);
  // rows outside the study area are counted, then left out
  const s0 = splitByCode(built0.year.table, (c) => codes0.has(c));
  const s1 = splitByCode(built1.year.table, (c) => codes1.has(c));
  if (!oneEdition) report(`KWB ${pK.t0}`, s0.outside);
  report(`KWB ${pK.t1}`, s1.outside);
  const kwbYear1 = { ...built1.year, table: s1.table };
  const kwbYear0 = { ...built0.year, table: s0.table };
  // the t1 KWB and the t1 boundaries must describe the same regions
  const kwbCodes1 = strings(kwbYear1.table, 'code') as string[];
  joins.push(matchCodes(kwbCodes1, [...codes1], { left: `KWB ${pK.t1} ${units}`, right: `grenzen ${t1}` }));
  const inKwb1 = new Set(kwbCodes1);
  const missing1 = b1.features.filter((f) => !inKwb1.has(f.properties.code)).map((f) => ({ code: f.properties.code, naam: f.properties.name }));
  let year1 = addMissingRegions(kwbYear1, missing1);
  stage('indicatoren');

  let year0: IndicatorYear = kwbYear0;
  let crosswalkReport: CrosswalkReport | null = null;
  let reindelingReport: ReindelingReport | null = null;
  if (b0 !== null) {
    const cw = buildCrosswalk(b0, b1, { labels: { from: `grenzen ${t0}`, to: `grenzen ${t1}` } });
    crosswalkReport = cw.report;
    joins.push(matchCodes(strings(kwbYear0.table, 'code') as string[], [...codes0], { left: `KWB ${pK.t0} ${units}`, right: `grenzen ${t0}` }));
    const t1Code = strings(year1.table, 'code') as string[];
    const t1Gm = strings(year1.table, 'gemeente');
    const gmOf = new Map(t1Code.map((c, i) => [c, t1Gm[i]]));
    const targets = b1.features.map((f) => ({
      code: f.properties.code,
      naam: f.properties.name,
      gemeente: gmOf.get(f.properties.code) ?? `GM${f.properties.code.slice(2, 6)}`,
    }));
    const r = reindel(kwbYear0, cw.links, targets);
    year0 = r.year;
    reindelingReport = r.report;
  }
  stage('crosswalk');

  // the corporations' data: placed on the map's regions (t1 indeling, as the postcode table of
  // the stock's year is), K from lettings replaces K of both years, C from own stock sits beside
  const kSpec = config.indicators.K;
  const corp = tables.corporatie;
  const mapCodes = strings(year1.table, 'code') as string[];
  const regionOf = (b: string): string | null => (level === 'buurt' ? b : level === 'wijk' ? wijkOf(b) : gemeenteOf(b));
  const cs = corp
    ? corporatieSignaal(
        corp.corporaties,
        corp.pc6,
        mapCodes,
        woningvoorraad(kwb1, level),
        regionOf,
        kSpec.source === 'verhuringen' ? { t0: pK.t0, t1: pK.t1, venster: kSpec.venster, minVerhuringen: kSpec.minVerhuringen, kwetsbaar: kSpec.kwetsbaar ?? DEFAULT_KWETSBAAR } : null,
      )
    : null;
  if (kSpec.source === 'verhuringen' && (cs === null || cs.K === null)) {
    throw new VeerkrachtError('K from lettings needs the corporation lettings lists', { column: 'inputs.corporatie.verhuringen', expected: 'one lettings list per stock list' });
  }
  if (cs) {
    warnings.push(...cs.warnings);
    // own dwellings and lettings placed in buurten off the map: counted, never drawn
    const b = cs.bezit.buitenKaart;
    if (b.aantal > 0) buiten.push({ invoer: 'corporatiebezit', eenheden: 'woningen', aantal: b.aantal, voorbeelden: b.voorbeelden });
    const v = cs.K?.report.buitenKaart;
    if (v && v.aantal > 0) buiten.push({ invoer: 'verhuringen', eenheden: 'verhuringen', aantal: v.aantal, voorbeelden: v.voorbeelden });
    if (woningvoorraad(kwb1, level).size === 0) warnings.push(`KWB ${pK.t1}: geen woningvoorraad; het aandeel eigen bezit (C_eigen) ontbreekt`);
  }
  if (cs && cs.K) {
    // K of both years from the lettings windows, on the map's own codes
    const kt = cs.K.table;
    const at = new Map((kt.array('code') as string[]).map((c, i) => [c, i]));
    const K0 = kt.array('K0') as (number | null)[];
    const K1 = kt.array('K1') as (number | null)[];
    const n0 = kt.array('verhuringen_t0') as number[];
    const n1 = kt.array('verhuringen_t1') as number[];
    const setK = (y: IndicatorYear, K: (number | null)[], n: number[]): IndicatorYear => {
      const codesY = strings(y.table, 'code') as string[];
      return {
        ...y,
        table: y.table.assign({
          K: codesY.map((c) => (at.has(c) ? K[at.get(c)!] : null)),
          K_noemer: codesY.map((c) => (at.has(c) ? n[at.get(c)!] : null)),
          K_geheim: codesY.map(() => false),
        }),
      };
    };
    year0 = setK(year0, K0, n0);
    year1 = setK(year1, K1, n1);
  }

  // O: the Leefbaarometer at the map level, or a coarser one through the code hierarchy
  const oLevel = config.indicators.O.level;
  const codeOf = oLevel === level ? undefined : oLevel === 'wijk' ? wijkOf : gemeenteOf;
  const oOptions = { file: lbm.provenance.file, label: units, ...(codeOf ? { codeOf } : {}) };
  const dimension = config.indicators.O.dimension;
  const withO0 = attachLivability(year0, lbm.table, pO.t0, dimension, oOptions);
  const withO1 = attachLivability(year1, lbm.table, pO.t1, dimension, oOptions);
  joins.push(withO0.match, withO1.match);
  report(`Leefbaarometer ${pO.t1}`, withO1.match.onlyRight, plural[oLevel]);
  const withoutK = config.indicators.K.source === 'geen';
  const changes = buurtChanges(withO0.year, withO1.year, { minInwoners: config.indicators.minInwoners, withoutK });
  const kRow = cs && cs.K ? new Map((cs.K.table.array('code') as string[]).map((c, i) => [c, i])) : null;
  if (changes.onlyT0.length > 0) warnings.push(`${changes.onlyT0.length} ${units} van ${t0} komen in ${t1} niet voor: ${changes.onlyT0.slice(0, 10).join(', ')}`);

  // names from the t1 boundaries where KWB has none; the reason for regions KWB lacks
  const nameOf = new Map(b1.features.map((f) => [f.properties.code, f.properties.name]));
  const codes = strings(changes.table, 'code') as string[];
  const kwbNames = strings(changes.table, 'naam');
  const lacking = new Set(missing1.map((m) => m.code));
  const reden0 = strings(changes.table, 'reden');
  const gmNames = new Map([...gemeenteNamen(kwb0), ...gemeenteNamen(kwb1)]);
  const wijkNames = new Map([...regionNamen(kwb0, 'wijk'), ...regionNamen(kwb1, 'wijk')]);
  if (lbm.level === 'wijk' && lbm.table.columnNames().includes('naam')) {
    // the Leefbaarometer wijk file names its wijken (wk_naam) where KWB has only codes
    const lc = strings(lbm.table, 'code');
    const ln = strings(lbm.table, 'naam');
    lc.forEach((c, i) => c !== null && ln[i] !== null && ln[i] !== '' && !wijkNames.has(c) && wijkNames.set(c, ln[i] as string));
  }
  const gm = strings(changes.table, 'gemeente');
  const kReden = cs && cs.K ? (cs.K.table.array('reden') as (string | null)[]) : null;
  let table = changes.table.assign({
    naam: codes.map((c, i) => kwbNames[i] ?? nameOf.get(c) ?? null),
    gemeentenaam: gm.map((g) => (g === null ? null : gmNames.get(g) ?? null)),
    // on a buurt map the wijk each buurt lies in, with its name (KWB wijk rows)
    wijk: codes.map((c) => (level === 'buurt' ? wijkOf(c) : null)),
    wijknaam: codes.map((c) => {
      const w = level === 'buurt' ? wijkOf(c) : null;
      return w === null ? null : wijkNames.get(w) ?? null;
    }),
    // K from lettings missing because a window held too few: that reason, not "kwetsbaarheid ontbreekt"
    reden: codes.map((c, i) =>
      lacking.has(c) ? REDENEN_ONVOLDOENDE.kwb : reden0[i] === REDENEN_ONVOLDOENDE.K && kRow && kReden && kRow.has(c) && kReden[kRow.get(c)!] !== null ? REDEN_TE_WEINIG_VERHURINGEN : reden0[i],
    ),
    O_niveau: codes.map(() => oLevel),
  });
  if (cs) {
    // C of KWB (all corporations) and of the own stock side by side; C drives corporatie_klasse
    const at = new Map(mapCodes.map((c, i) => [c, i]));
    const pick = <T>(arr: readonly T[], fill: T) => codes.map((c) => (at.has(c) ? arr[at.get(c)!] : fill));
    const Ckwb = table.array('C') as (number | null)[];
    const Ceigen = pick(cs.bezit.C_eigen, null);
    const extra: Record<string, unknown[]> = {
      C_kwb: Array.from(Ckwb),
      C_eigen: Ceigen,
      eigen_bezit: pick(cs.bezit.eigen_bezit, 0),
      woningen: pick(cs.bezit.woningen, null),
    };
    if (config.indicators.C.source === 'bezit') extra.C = Ceigen;
    if (cs.K && kRow) {
      const kt = cs.K.table;
      for (const name of ['verhuringen_t0', 'kwetsbaar_t0', 'K0_ci_laag', 'K0_ci_hoog', 'verhuringen_t1', 'kwetsbaar_t1', 'K1_ci_laag', 'K1_ci_hoog', 'dK_ci_laag', 'dK_ci_hoog']) {
        const col = kt.array(name) as unknown[];
        extra[name] = codes.map((c) => (kRow.has(c) ? col[kRow.get(c)!] : null));
      }
    }
    table = table.assign(extra);
  }
  if (missing1.length > 0) warnings.push(`${missing1.length} ${units} van de grenzen ${t1} ontbreken in KWB ${pK.t1}: ${missing1.slice(0, 10).map((m) => m.code).join(', ')}`);

  // the relatief reference: the other regions of the gemeente; a gemeente map: the rest of the area
  const groups = level === 'gemeente' ? codes.map(() => 'studiegebied') : undefined;
  const variant = config.reference.variant;
  const other: Variant = variant === 'absoluut' ? 'relatief' : 'absoluut';
  const signalParams = (v: Variant, tK: number, tO: number) =>
    v === 'absoluut' ? { variant: v, tK, tO, withoutK, absoluut: config.reference.absoluut } : { variant: v, tK, tO, withoutK, ...(groups ? { groups } : {}) };
  const unused: ResolvedThreshold = { value: 0, rule: 'K niet gebruikt' };
  const bands = {} as Record<Variant, { K: ResolvedThreshold; O: ResolvedThreshold }>;
  const both = {} as Record<Variant, ColumnTable>;
  for (const v of [variant, other]) {
    // each variant resolves its dead bands from its own deviations
    const probe = assignSignals(table, signalParams(v, 0, 0));
    bands[v] = {
      K: withoutK ? unused : resolveThreshold(config.thresholds.K, deviations(probe, 'dK', 'refK', 'categorie'), 'ΔK'),
      O: resolveThreshold(config.thresholds.O, deviations(probe, 'dO', 'refO', 'categorie'), 'ΔO'),
    };
    both[v] = assignSignals(table, signalParams(v, bands[v].K.value, bands[v].O.value));
  }
  table = both[variant];
  table = table.assign({
    variant: codes.map(() => variant),
    [`categorie_${variant}`]: both[variant].array('categorie') as string[],
    [`categorie_${other}`]: both[other].array('categorie') as string[],
    refK_absoluut: both.absoluut.array('refK') as (number | null)[],
    refO_absoluut: both.absoluut.array('refO') as (number | null)[],
    refK_relatief: both.relatief.array('refK') as (number | null)[],
    refO_relatief: both.relatief.array('refO') as (number | null)[],
  });

  // the focuskaart needs the level of K: without K every region is "onvoldoende gegevens" there
  const focusProbe = assignFocus(table, { variant, marginK: 0, marginO: 0 });
  const marginK = withoutK ? unused : resolveThreshold(config.focus.marginK, deviations(focusProbe, 'K1', 'focus_refK', 'focus'), 'K');
  const marginO = withoutK ? unused : resolveThreshold(config.focus.marginO, deviations(focusProbe, 'O1', 'focus_refO', 'focus'), 'O');
  table = assignFocus(table, { variant, marginK: marginK.value, marginO: marginO.value });

  const cat = table.array('categorie') as SignalCategory[];
  const foc = table.array('focus') as FocusCategory[];
  const C = numbers(table, 'C');
  table = table.assign({
    corporatie_klasse: Array.from(C, (c) => corporatieKlasse(Number.isNaN(c) ? null : c)),
    handelingskader: cat.map((c, i) => matrix.cellen[c][foc[i]].kader),
  });
  const usable = (table.array('reden') as (string | null)[]).map((r) => r === null);
  const inw = numbers(table, 'inwoners');
  const gebied = { dK: weightedMean(numbers(table, 'dK'), inw, usable), dO: weightedMean(numbers(table, 'dO'), inw, usable) };
  // focus on the stock: map and summary restricted, everything outside counted and reported
  let boundaries = b1;
  let filterReport: StudyAreaReport['filter'];
  const f = config.filter;
  if (f) {
    const klasse = table.array('corporatie_klasse') as (string | null)[];
    const own = table.columnNames().includes('eigen_bezit') ? numbers(table, 'eigen_bezit') : null;
    const keep = codes.map((_, i) => {
      if (f.corporatieklasse && !(klasse[i] !== null && (f.corporatieklasse as string[]).includes(klasse[i] as string))) return false;
      if (f.eigenBezitMin !== undefined && !(own !== null && own[i] >= f.eigenBezitMin)) return false;
      return true;
    });
    const outside = codes.filter((_, i) => !keep[i]);
    const label = [f.corporatieklasse ? `corporatieklasse ${f.corporatieklasse.join(' of ')}${config.indicators.C.source === 'bezit' ? ' (eigen bezit)' : ''}` : '', f.eigenBezitMin !== undefined ? `eigen bezit ≥ ${f.eigenBezitMin} woningen` : ''].filter((x) => x !== '').join(' en ');
    report(`de kaart (filter: ${label})`, outside);
    const catOut: Record<string, number> = {};
    let inwOut = 0;
    codes.forEach((_, i) => {
      if (keep[i]) return;
      catOut[cat[i]] = (catOut[cat[i]] ?? 0) + 1;
      if (Number.isFinite(inw[i])) inwOut += inw[i];
    });
    const keepSet = new Set(codes.filter((_, i) => keep[i]));
    if (keepSet.size === 0) {
      throw new VeerkrachtError(`no ${units} pass the filter`, { column: 'filter', expected: `${units} with ${label}`, found: `${codes.length} ${units}, none of them` });
    }
    table = splitByCode(table, (c) => keepSet.has(c)).table;
    boundaries = { ...b1, features: b1.features.filter((x) => keepSet.has(x.properties.code)) };
    filterReport = {
      spec: { ...(f.corporatieklasse ? { corporatieklasse: [...f.corporatieklasse] } : {}), ...(f.eigenBezitMin !== undefined ? { eigenBezitMin: f.eigenBezitMin } : {}) },
      binnen: keepSet.size,
      buiten: outside.length,
      inwoners_buiten: inwOut,
      categorieen_buiten: Object.fromEntries(Object.entries(catOut).sort(([a], [b]) => (a < b ? -1 : 1))),
    };
  }

  let corporatie: CorporatieResult | null = null;
  if (cs) {
    const finalCodes = strings(table, 'code') as string[];
    const finalCat = table.array('categorie') as string[];
    const rowOf = new Map(finalCodes.map((c, i) => [c, i]));
    corporatie = {
      regel: kSpec.source === 'verhuringen' ? describeKwetsbaar(kSpec.kwetsbaar ?? DEFAULT_KWETSBAAR) : null,
      standaardRegel: kSpec.source === 'verhuringen' ? kSpec.kwetsbaar === undefined : null,
      C: config.indicators.C.source,
      telling: cs.K ? cs.K.report : null,
      corporaties: cs.corporaties.map((t) => {
        const signalen: Record<string, number> = {};
        for (const i of cs.bezitPerCorporatie[t.naam] ?? []) {
          const r = rowOf.get(mapCodes[i]);
          if (r !== undefined) signalen[finalCat[r]] = (signalen[finalCat[r]] ?? 0) + 1;
        }
        return { ...t, signalen: Object.fromEntries(Object.entries(signalen).sort(([a], [b]) => (a < b ? -1 : 1))) };
      }),
    };
  }
  stage('signalen');

  const sourceC = config.indicators.C.source === 'bezit' ? `eigen bezit: % woningen van de corporatie${(corp?.corporaties.length ?? 0) > 1 ? 's' : ''} (bezitslijst / KWB ${pK.t1} woningvoorraad)` : built1.year.sources.C;
  const sourceK = kSpec.source === 'verhuringen'
    ? `verhuringen: % kwetsbare huishoudens onder nieuwe verhuringen (${kSpec.venster} jaar tot ${pK.t0} en tot ${pK.t1}; ${kSpec.kwetsbaar ? '' : 'standaardregel (onze keuze): '}${describeKwetsbaar(kSpec.kwetsbaar ?? DEFAULT_KWETSBAAR)})`
    : built1.year.sources.K;
  return {
    config,
    signalen: table,
    boundaries,
    sources: { K: sourceK, O: withO1.year.sources.O + (codeOf ? ` per ${oLevel}` : ''), C: sourceC },
    thresholds: { K: bands[variant].K, O: bands[variant].O, absoluut: bands.absoluut, relatief: bands.relatief, marginK, marginO },
    gebied,
    matrix,
    inputs: tables.inputs,
    reports: {
      joins,
      crosswalk: crosswalkReport,
      reindeling: reindelingReport,
      loads: tables.loads,
      warnings,
      studiegebied: { niveau: level, area, eenheden: boundaries.features.length, buiten, ...(filterReport ? { filter: filterReport } : {}) },
    },
    corporatie,
    timings,
  };
}
