/**
 * The load step of `veerkracht run`: every file the run configuration names is read here, and
 * only here. The result ({@link RunTables}) is what {@link computeSignals} works on, so a
 * notebook or a test can build the same tables in memory and skip the files altogether.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ColumnTable } from 'arquero';
import type { LoadedTable, Provenance } from '../sources/types.js';
import type { Boundaries } from '../sources/boundaries/types.js';
import type { LeefbaarometerTable } from '../sources/leefbaarometer/load.js';
import { readBoundaries } from '../sources/boundaries/read.js';
import { readAnyTable } from '../sources/registry.js';
import { loadStatlineJson } from '../sources/statline/reader.js';
import { loadLeefbaarometer } from '../sources/leefbaarometer/load.js';
import { loadMicrodata } from '../sources/microdata/load.js';
import { deriveMicrodataShares } from '../sources/microdata/shares.js';
import { sha256Hex } from '../sources/csv/checksum.js';
import { VeerkrachtError } from '../util/errors.js';
import { DEFAULT_MATRIX, parseMatrix, type HandelingsMatrix } from '../signal/matrix.js';
import type { RunConfig } from './config.js';

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

/** What a loader reported, as it goes into samenvatting.json. */
export interface LoadSummary {
  file: string;
  rowsRead: number;
  rowsKept: number;
  dropped: { reason: string; count: number }[];
  warnings: string[];
}

/** Everything a run reads, in memory: the input of {@link computeSignals}. */
export interface RunTables {
  /** KWB editions by year (the keys of `inputs.kwb`). */
  kwb: Record<string, LoadedTable>;
  leefbaarometer: LeefbaarometerTable;
  boundaries: { t0: Boundaries | null; t1: Boundaries };
  /** Microdata shares (deriveMicrodataShares) when K comes from microdata. */
  microdata?: ColumnTable;
  matrix: HandelingsMatrix;
  inputs: InputRecord[];
  loads: LoadSummary[];
  warnings: string[];
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

function loadSummary(file: string, r: LoadedTable['report']): LoadSummary {
  return {
    file,
    rowsRead: r.rowsRead,
    rowsKept: r.rowsKept,
    dropped: r.dropped.map((d) => ({ reason: d.reason, count: d.count })),
    warnings: r.warnings,
  };
}

/**
 * Read every input of a validated run configuration.
 *
 * @param progress receives one line per long step (the CLI prints them on stderr)
 * @throws VeerkrachtError naming the file when an input cannot be used
 */
export async function loadRunTables(config: RunConfig, progress: Progress = () => {}): Promise<RunTables> {
  const { t0, t1 } = config.period;
  const inputs: InputRecord[] = [];
  const loads: LoadSummary[] = [];
  const warnings: string[] = [];

  progress(`invoer laden (KWB ${t0} en ${t1}, Leefbaarometer, grenzen)`);
  const kwb: Record<string, LoadedTable> = {};
  for (const year of [t0, t1]) {
    const file = config.inputs.kwb[String(year)];
    const loaded = await loadKwb(file);
    kwb[String(year)] = loaded;
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
  let microdata: ColumnTable | undefined;
  if (config.indicators.K.source === 'microdata' && config.inputs.microdata) {
    const m = loadMicrodata(config.inputs.microdata);
    loads.push(loadSummary(config.inputs.microdata, m.report));
    inputs.push({ role: 'microdata', file: config.inputs.microdata, kind: m.provenance.kind, checksum: checksumOf(config.inputs.microdata, m.provenance) });
    microdata = deriveMicrodataShares(m.table).table;
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
  return { kwb, leefbaarometer: lbm, boundaries: { t0: b0, t1: b1 }, ...(microdata ? { microdata } : {}), matrix, inputs, loads, warnings };
}
