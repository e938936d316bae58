/**
 * The pure step of `veerkracht run`: from tables in memory ({@link RunTables}) to the signal
 * table. Builds the indicators of t0 and t1 on the t1 indeling (crosswalk when boundaries
 * changed), computes ΔK and ΔO, resolves the dead bands, assigns the signals (both variants),
 * the focuskaart and the handelingskader per buurt. No file is read or written here.
 */
import type { ColumnTable } from 'arquero';
import type { Boundaries } from '../sources/boundaries/types.js';
import { buildCrosswalk, type CrosswalkReport } from '../regions/crosswalk.js';
import { matchCodes, type MatchReport } from '../regions/match.js';
import { attachLivability, kwbIndicatorYear } from '../indicators/build.js';
import { reindel, type ReindelingReport } from '../indicators/reindeling.js';
import { buurtChanges } from '../indicators/change.js';
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
import type { RunConfig, ThresholdSpec } from './config.js';
import type { InputRecord, LoadSummary, RunTables } from './load.js';

/** The settings computeSignals uses: a run configuration without its file names. */
export type RunSettings = Omit<RunConfig, 'inputs'>;

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
  thresholds: { K: ResolvedThreshold; O: ResolvedThreshold; marginK: ResolvedThreshold; marginO: ResolvedThreshold };
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
  };
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
  const warnings: string[] = [...tables.warnings];
  const joins: MatchReport[] = [];
  const b1 = tables.boundaries.t1;
  const b0 = tables.boundaries.t0;
  const lbm = tables.leefbaarometer;
  const matrix = tables.matrix;

  const built0 = kwbIndicatorYear(tables.kwb[String(t0)], t0, config.indicators.K, tables.microdata);
  const built1 = kwbIndicatorYear(tables.kwb[String(t1)], t1, config.indicators.K, tables.microdata);
  warnings.push(...built0.warnings, ...built1.warnings);
  if (built0.kMatch) joins.push(built0.kMatch);
  if (built1.kMatch) joins.push(built1.kMatch);
  const targetCodes = b1.features.map((f) => f.properties.code);
  // the t1 KWB and the t1 boundaries must describe the same buurten
  joins.push(matchCodes(strings(built1.year.table, 'code') as string[], targetCodes, { left: `KWB ${t1} buurten`, right: `grenzen ${t1}` }));
  stage('indicatoren');

  let year0: IndicatorYear = built0.year;
  let crosswalkReport: CrosswalkReport | null = null;
  let reindelingReport: ReindelingReport | null = null;
  if (b0 !== null) {
    const cw = buildCrosswalk(b0, b1, { labels: { from: `grenzen ${t0}`, to: `grenzen ${t1}` } });
    crosswalkReport = cw.report;
    joins.push(matchCodes(strings(built0.year.table, 'code') as string[], b0.features.map((f) => f.properties.code), { left: `KWB ${t0} buurten`, right: `grenzen ${t0}` }));
    const t1Table = built1.year.table;
    const t1Code = strings(t1Table, 'code') as string[];
    const t1Gm = strings(t1Table, 'gemeente');
    const gmOf = new Map(t1Code.map((c, i) => [c, t1Gm[i]]));
    const targets = b1.features.map((f) => ({
      code: f.properties.code,
      naam: f.properties.name,
      gemeente: gmOf.get(f.properties.code) ?? `GM${f.properties.code.slice(2, 6)}`,
    }));
    const r = reindel(built0.year, cw.links, targets);
    year0 = r.year;
    reindelingReport = r.report;
  }
  stage('crosswalk');

  const withO0 = attachLivability(year0, lbm.table, t0, config.indicators.O);
  const withO1 = attachLivability(built1.year, lbm.table, t1, config.indicators.O);
  joins.push(withO0.match, withO1.match);
  const changes = buurtChanges(withO0.year, withO1.year, { minInwoners: config.indicators.minInwoners });
  if (changes.onlyT0.length > 0) warnings.push(`${changes.onlyT0.length} buurten van ${t0} komen in ${t1} niet voor: ${changes.onlyT0.slice(0, 10).join(', ')}`);

  // names from the t1 boundaries where KWB has none
  const nameOf = new Map(b1.features.map((f) => [f.properties.code, f.properties.name]));
  const codes = strings(changes.table, 'code') as string[];
  const kwbNames = strings(changes.table, 'naam');
  let table = changes.table.assign({ naam: codes.map((c, i) => kwbNames[i] ?? nameOf.get(c) ?? null) });

  const variant = config.reference.variant;
  const probe = assignSignals(table, { variant, tK: 0, tO: 0, absoluut: config.reference.absoluut });
  const tK = resolveThreshold(config.thresholds.K, deviations(probe, 'dK', 'refK', 'categorie'), 'ΔK');
  const tO = resolveThreshold(config.thresholds.O, deviations(probe, 'dO', 'refO', 'categorie'), 'ΔO');
  const both: Record<Variant, ColumnTable> = {
    absoluut: assignSignals(table, { variant: 'absoluut', tK: tK.value, tO: tO.value, absoluut: config.reference.absoluut }),
    relatief: assignSignals(table, { variant: 'relatief', tK: tK.value, tO: tO.value }),
  };
  table = both[variant];
  const other: Variant = variant === 'absoluut' ? 'relatief' : 'absoluut';
  table = table.assign({
    variant: codes.map(() => variant),
    [`categorie_${variant}`]: both[variant].array('categorie') as string[],
    [`categorie_${other}`]: both[other].array('categorie') as string[],
    refK_absoluut: both.absoluut.array('refK') as (number | null)[],
    refO_absoluut: both.absoluut.array('refO') as (number | null)[],
    refK_relatief: both.relatief.array('refK') as (number | null)[],
    refO_relatief: both.relatief.array('refO') as (number | null)[],
  });

  const focusProbe = assignFocus(table, { variant, marginK: 0, marginO: 0 });
  const marginK = resolveThreshold(config.focus.marginK, deviations(focusProbe, 'K1', 'focus_refK', 'focus'), 'K');
  const marginO = resolveThreshold(config.focus.marginO, deviations(focusProbe, 'O1', 'focus_refO', 'focus'), 'O');
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
  stage('signalen');

  return {
    config,
    signalen: table,
    boundaries: b1,
    sources: { K: built1.year.sources.K, O: withO1.year.sources.O, C: built1.year.sources.C },
    thresholds: { K: tK, O: tO, marginK, marginO },
    gebied,
    matrix,
    inputs: tables.inputs,
    reports: { joins, crosswalk: crosswalkReport, reindeling: reindelingReport, loads: tables.loads, warnings },
    timings,
  };
}
