/**
 * The main job, from raw files to a signal table: load the inputs named in a RunConfig, build
 * the indicators of t0 and t1 on the t1 indeling (crosswalk when boundaries changed), compute
 * ΔK and ΔO, resolve the dead bands, assign signals (both variants), the focuskaart and the
 * handelingskader per buurt, and summarise. Writing files is ./outputs.ts's job.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ColumnTable } from 'arquero';
import type { LoadedTable, Provenance } from '../sources/types.js';
import type { Boundaries } from '../sources/boundaries/types.js';
import { readBoundaries } from '../sources/boundaries/read.js';
import { readAnyTable } from '../sources/registry.js';
import { loadStatlineJson } from '../sources/statline/reader.js';
import { loadLeefbaarometer } from '../sources/leefbaarometer/load.js';
import { loadMicrodata } from '../sources/microdata/load.js';
import { deriveMicrodataShares } from '../sources/microdata/shares.js';
import { sha256Hex } from '../sources/csv/checksum.js';
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
import { assignSignals, type Variant } from './assign.js';
import { assignFocus } from './focus.js';
import { DEFAULT_MATRIX, parseMatrix, type HandelingsMatrix } from './matrix.js';
import type { RunConfig, ThresholdSpec } from './config.js';
import { weightedMean } from './reference.js';
import type { SignalCategory } from './categories.js';
import type { FocusCategory } from './focus.js';

/** One input file as it goes into the provenance of every output. */
export interface InputRecord {
  role: string;
  file: string;
  kind: string;
  edition?: string;
  year?: number;
  tableId?: string;
  checksum: string;
}

/** A resolved dead band or margin: the number used and how it was obtained. */
export interface ResolvedThreshold {
  value: number;
  rule: string;
}

export interface PipelineResult {
  config: RunConfig;
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
    loads: { file: string; rowsRead: number; rowsKept: number; dropped: { reason: string; count: number }[]; warnings: string[] }[];
    warnings: string[];
  };
  /** Milliseconds per stage (not written into the summary: outputs stay byte-identical). */
  timings: Record<string, number>;
}

export type Progress = (message: string) => void;

function checksumOf(path: string, provenance?: Provenance): string {
  if (provenance?.checksum) return provenance.checksum;
  const p = statSync(path).isDirectory() ? join(path, 'TypedDataSet.json') : path;
  return sha256Hex(readFileSync(p));
}

/** A KWB edition: a StatLine CSV export, a TypedDataSet.json, or a folder holding one. */
async function loadKwb(path: string): Promise<LoadedTable> {
  if (statSync(path).isDirectory()) return loadStatlineJson(join(path, 'TypedDataSet.json'));
  return readAnyTable(path);
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

function loadSummary(file: string, r: LoadedTable['report']) {
  return {
    file,
    rowsRead: r.rowsRead,
    rowsKept: r.rowsKept,
    dropped: r.dropped.map((d) => ({ reason: d.reason, count: d.count })),
    warnings: r.warnings,
  };
}

/**
 * Run the pipeline on a validated config. Progress messages go to `progress` (the CLI prints
 * them on stderr).
 */
export async function runPipeline(config: RunConfig, progress: Progress = () => {}): Promise<PipelineResult> {
  const timings: Record<string, number> = {};
  let t = Date.now();
  const stage = (name: string) => {
    const now = Date.now();
    timings[name] = now - t;
    t = now;
  };
  const { t0, t1 } = config.period;
  const inputs: InputRecord[] = [];
  const loads: PipelineResult['reports']['loads'] = [];
  const warnings: string[] = [];
  const joins: MatchReport[] = [];

  progress(`invoer laden (KWB ${t0} en ${t1}, Leefbaarometer, grenzen)`);
  const kwb: Record<number, LoadedTable> = {};
  for (const year of [t0, t1]) {
    const file = config.inputs.kwb[String(year)];
    const loaded = await loadKwb(file);
    kwb[year] = loaded;
    loads.push(loadSummary(file, loaded.report));
    const p = loaded.provenance;
    inputs.push({ role: `kwb ${year}`, file, kind: p.kind, ...(p.edition ? { edition: p.edition } : {}), ...(p.year ? { year: p.year } : {}), ...(p.tableId ? { tableId: p.tableId } : {}), checksum: checksumOf(file, p) });
    if (p.year !== undefined && p.year !== year) warnings.push(`${file}: KWB-editie ${p.year} gebruikt als jaar ${year}`);
  }
  const lbm = loadLeefbaarometer(config.inputs.leefbaarometer);
  loads.push(loadSummary(config.inputs.leefbaarometer, lbm.report));
  warnings.push(...lbm.report.warnings.map((w) => `Leefbaarometer: ${w}`));
  inputs.push({ role: 'leefbaarometer', file: config.inputs.leefbaarometer, kind: lbm.provenance.kind, edition: lbm.provenance.edition ?? 'Leefbaarometer 3.0', checksum: checksumOf(config.inputs.leefbaarometer, lbm.provenance) });
  if (lbm.level !== 'buurt') {
    throw new VeerkrachtError('Leefbaarometer file is not at buurt level', { file: config.inputs.leefbaarometer, expected: 'bu_code scores', found: lbm.level });
  }
  const b1 = await readBoundaries(config.inputs.boundaries.t1, { level: 'buurt' });
  inputs.push({ role: `grenzen ${t1}`, file: config.inputs.boundaries.t1, kind: b1.provenance.kind, checksum: checksumOf(config.inputs.boundaries.t1, b1.provenance) });
  loads.push(loadSummary(config.inputs.boundaries.t1, b1.report));
  let b0: Boundaries | null = null;
  if (config.inputs.boundaries.t0 !== undefined) {
    b0 = await readBoundaries(config.inputs.boundaries.t0, { level: 'buurt' });
    inputs.push({ role: `grenzen ${t0}`, file: config.inputs.boundaries.t0, kind: b0.provenance.kind, checksum: checksumOf(config.inputs.boundaries.t0, b0.provenance) });
    loads.push(loadSummary(config.inputs.boundaries.t0, b0.report));
  }
  let microShares: ColumnTable | undefined;
  if (config.indicators.K.source === 'microdata' && config.inputs.microdata) {
    const m = loadMicrodata(config.inputs.microdata);
    loads.push(loadSummary(config.inputs.microdata, m.report));
    inputs.push({ role: 'microdata', file: config.inputs.microdata, kind: m.provenance.kind, checksum: checksumOf(config.inputs.microdata, m.provenance) });
    microShares = deriveMicrodataShares(m.table).table;
  }
  let matrix = DEFAULT_MATRIX;
  if (config.inputs.matrix) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(config.inputs.matrix, 'utf8'));
    } catch (e) {
      throw new VeerkrachtError(`not valid JSON (${(e as Error).message})`, { file: config.inputs.matrix, expected: 'a Matrix handelingskaders in JSON' });
    }
    matrix = parseMatrix(json, config.inputs.matrix);
    inputs.push({ role: 'matrix', file: config.inputs.matrix, kind: 'matrix-json', checksum: checksumOf(config.inputs.matrix) });
  }
  stage('laden');

  progress('indicatoren per jaar');
  const built0 = kwbIndicatorYear(kwb[t0], t0, config.indicators.K, microShares);
  const built1 = kwbIndicatorYear(kwb[t1], t1, config.indicators.K, microShares);
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
    progress(`indeling ${t0} omzetten naar ${t1} (crosswalk uit grenzen)`);
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

  progress('veranderingen en signalen');
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
    inputs,
    reports: { joins, crosswalk: crosswalkReport, reindeling: reindelingReport, loads, warnings },
    timings,
  };
}
