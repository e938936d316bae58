/**
 * The load step of `veerkracht run`: every file the run configuration names is read here, and
 * only here. The result ({@link RunTables}) is what {@link computeSignals} works on, so a
 * notebook or a test can build the same tables in memory and skip the files altogether.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ColumnTable } from 'arquero';
import type { LoadedTable, Provenance } from '../sources/types.js';
import type { Boundaries } from '../sources/boundaries/types.js';
import type { LeefbaarometerTable } from '../sources/leefbaarometer/load.js';
import { readBoundaries } from '../sources/boundaries/read.js';
import type { BoundaryReadOptions } from '../sources/boundaries/assemble.js';
import type { PackedGeometries } from '../sources/boundaries/packed-parse.js';
import type { PackedFeatures } from '../geo/transfer.js';
import { createValidationMemo } from '../geo/validate.js';
import { createGeometryTextIndex, type GeometryTextIndex } from '../sources/boundaries/geometry-texts.js';
import { readAnyTable } from '../sources/registry.js';
import { loadStatlineJson } from '../sources/statline/reader.js';
import { loadLeefbaarometer } from '../sources/leefbaarometer/load.js';
import { loadMicrodata } from '../sources/microdata/load.js';
import { deriveMicrodataShares } from '../sources/microdata/shares.js';
import { sha256Hex } from '../sources/csv/checksum.js';
import { VeerkrachtError } from '../util/errors.js';
import { fileSize, readAhead } from '../util/fs.js';
import { DEFAULT_MATRIX, parseMatrix, type HandelingsMatrix } from '../signal/matrix.js';
import { MAP_LEVELS, type KwbInput, type MapLevel, type RunConfig } from './config.js';
import { mapKwbColumns } from '../sources/statline/mapped.js';
import type { InputLike } from '../viz/tables.js';
import { loadBezit } from '../sources/corporatie/bezit.js';
import { loadVerhuringen } from '../sources/corporatie/verhuringen.js';
import { loadPc6Table } from '../sources/pc6/tables.js';

/** One input file as it goes into the provenance of every output (the shape viz/tables shows). */
export type InputRecord = InputLike;

/** What a loader reported, as it goes into samenvatting.json. */
export interface LoadSummary {
  file: string;
  rowsRead: number;
  rowsKept: number;
  dropped: { reason: string; count: number }[];
  warnings: string[];
}

/** One corporation's exports as read: its stock list and (optionally) its lettings list. */
export interface CorporatieTables {
  /** Name in summaries: the stock list's file name without folder and extension. */
  naam: string;
  bezit: LoadedTable;
  verhuringen?: LoadedTable;
}

/** The corporation inputs of a run (`inputs.corporatie`). */
export interface CorporatieRunTables {
  corporaties: CorporatieTables[];
  /** The CBS postcode-huisnummer (or postcode-6) table that places the addresses. */
  pc6?: LoadedTable;
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
  /** The corporation's stock and lettings, when the config names them. */
  corporatie?: CorporatieRunTables;
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

const STATLINE_KINDS = ['statline-csv', 'statline-odata', 'statline-json-dict'];

/**
 * A KWB edition: a StatLine CSV export, a TypedDataSet.json, a folder holding one, or any
 * delimited table with a column mapping.
 */
export async function loadKwb(input: KwbInput, year: number): Promise<LoadedTable> {
  const path = input.file;
  if (statSync(path).isDirectory()) return loadStatlineJson(join(path, 'TypedDataSet.json'));
  const loaded = await readAnyTable(path);
  if (input.columns) return mapKwbColumns(loaded, input.columns, year);
  if (!STATLINE_KINDS.includes(loaded.provenance.kind)) {
    const names = loaded.table.columnNames();
    const guess = (re: RegExp) => names.find((n) => re.test(n)) ?? '…';
    throw new VeerkrachtError(`not a StatLine layout (read as ${loaded.provenance.kind}); map its columns in the run configuration`, {
      file: path,
      column: `inputs.kwb.${year}`,
      expected: `{ "file": "${basename(path)}", "columns": { "code": "${guess(/code|gwb|regio/i)}", "inwoners": "${guess(/inw|inhabit/i)}", "laag_inkomen_huishoudens_pct": "${guess(/laag.?ink|low.?income/i)}" } }`,
    });
  }
  return loaded;
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
 * Boundaries of the map level; a file of another level says which level it holds (instead of
 * "no usable boundary feature … code of another level").
 */
async function boundariesAtLevel(path: string, level: MapLevel, shared?: Pick<BoundaryReadOptions, 'memo' | 'geometryTexts' | 'bytes' | 'selfIntersectionsLater' | 'checksumLater'>): Promise<Boundaries> {
  try {
    return await readBoundaries(path, { level, ...shared });
  } catch (e) {
    if (!(e instanceof VeerkrachtError) || !/no usable boundary feature/.test(e.message)) throw e;
    let found: Boundaries;
    try {
      found = await readBoundaries(path);
    } catch {
      throw e;
    }
    if (found.level === level) throw e;
    throw new VeerkrachtError(`boundaries of ${found.level} level, not ${level}`, {
      file: path,
      column: 'level',
      expected: `${level} boundaries (levels supported: ${MAP_LEVELS.join(', ')}), or "level": "${found.level}" in the run configuration`,
      found: `${found.features.length} ${found.level} features`,
    });
  }
}

/**
 * From this size on the t1 boundary file is read with its geometries packed on the way (see
 * packed-parse.ts): measured cold, that scanner takes about as long as JSON.parse on the 94 MB
 * of a full-resolution national file and twice as long on the 4.7 MB of a simplified one.
 */
const PACKED_READ_MIN_BYTES = 32 * 2 ** 20;

/** The t1 boundaries and, when the indeling changed, the t0 ones, at the map level. */
async function loadBoundaryPair(config: RunConfig, onT1?: (t1: Boundaries, packed?: PackedFeatures) => void, packedFrom = PACKED_READ_MIN_BYTES): Promise<{ b1: Boundaries; b0: Boundaries | null }> {
  // the two years share most geometries exactly: each is parsed once, validated once and kept
  // once in memory
  const t0File = config.inputs.boundaries.t0;
  const twoYears = t0File !== undefined;
  const shared = { memo: createValidationMemo(), ...(twoYears ? { geometryTexts: createGeometryTextIndex() } : {}) };
  // the t0 file is read (on the thread pool, in one request) while the t1 file is parsed here;
  // its errors surface when it is parsed, as before
  const t0Bytes = t0File !== undefined ? readAhead(t0File) : undefined;
  t0Bytes?.catch(() => undefined);
  // the self-intersection search of t1 (a warning, most of its validation at full resolution)
  // runs after the boundaries are handed on, while the worker draws them
  let finishT1: (() => void) | undefined;
  // so is its SHA-256 (the drawing made from it is marked with it when it comes back)
  let checksumT1: (() => void) | undefined;
  // a large t1 file (full resolution) with a look-out for it is read with its geometries packed
  // on the way, which the figure worker takes as they are (every feature kept, in the file's
  // order) instead of having them packed again; below that size JSON.parse is faster
  let packedT1: PackedGeometries | undefined;
  const packing = onT1 !== undefined && fileSize(config.inputs.boundaries.t1) >= packedFrom;
  const read1 = {
    ...shared,
    selfIntersectionsLater: (finish: () => void) => (finishT1 = finish),
    ...(packing ? { packedGeometries: (p: PackedGeometries) => (packedT1 = p), checksumLater: (finish: () => void) => (checksumT1 = finish) } : {}),
  };
  const b1 = await boundariesAtLevel(config.inputs.boundaries.t1, config.level, read1);
  try {
    const r = b1.report;
    const whole = packedT1 !== undefined && r.rowsKept === r.rowsRead && packedT1.features === r.rowsRead;
    onT1?.(b1, whole ? { coordinates: packedT1!.coordinates, structure: packedT1!.structure, properties: b1.features.map((f) => f.properties) } : undefined);
  } finally {
    checksumT1?.();
    finishT1?.();
  }
  const b0 = t0File !== undefined ? await boundariesAtLevel(t0File, config.level, { ...shared, bytes: t0Bytes }) : null;
  // (it holds on to the text of the first file)
  shared.geometryTexts?.texts.clear();
  if (shared.geometryTexts) shared.geometryTexts.pending = null;
  return { b1, b0 };
}

/** A promise's outcome, to be taken (or thrown) later. */
async function settled<T>(p: Promise<T>): Promise<{ get(): T }> {
  try {
    const value = await p;
    return { get: () => value };
  } catch (e) {
    return {
      get: () => {
        throw e;
      },
    };
  }
}

/**
 * Inputs of a run loaded elsewhere meanwhile (the CLI loads them in its second thread while this
 * one reads the others): by `kwb YEAR` and `leefbaarometer`. A null result is loaded here, where
 * its error (if any) surfaces.
 */
export interface RunPrefetch {
  kwb?: Readonly<Record<string, Promise<LoadedTable | null>>>;
  leefbaarometer?: Promise<LeefbaarometerTable | null>;
}

/** Options of {@link loadRunTables}. */
export interface LoadOptions {
  /** Inputs loaded elsewhere meanwhile (see {@link RunPrefetch}). */
  prefetched?: RunPrefetch;
  /**
   * Sees the t1 boundaries as soon as they are read (the CLI hands them to its worker for their
   * drawing), with their geometries already packed (src/geo/transfer.ts: as packFeatures packs
   * them) when the reader made them on the way.
   */
  onBoundaries?: (t1: Boundaries, packed?: PackedFeatures) => void;
  /** Size from which a t1 GeoJSON file is read packed for `onBoundaries` (default 32 MiB). */
  packedReadMinBytes?: number;
}

/**
 * Read every input of a validated run configuration.
 *
 * @param progress receives one line per long step (the CLI prints them on stderr)
 * @param options inputs loaded elsewhere meanwhile, a look at the t1 boundaries when read
 * @throws VeerkrachtError naming the file when an input cannot be used
 */
export async function loadRunTables(config: RunConfig, progress: Progress = () => {}, options: LoadOptions = {}): Promise<RunTables> {
  const prefetched = options.prefetched ?? {};
  const { t0, t1 } = config.period;
  const inputs: InputRecord[] = [];
  const loads: LoadSummary[] = [];
  const warnings: string[] = [];

  const { K: pK } = config.period;
  progress(`invoer laden (KWB ${pK.t0 === pK.t1 ? pK.t0 : `${pK.t0} en ${pK.t1}`}, Leefbaarometer, grenzen)`);
  // with the tables loading elsewhere, the boundaries are read here meanwhile; an error in them
  // still surfaces after those of the KWB and the Leefbaarometer, as when read in turn
  const early = prefetched.kwb !== undefined || prefetched.leefbaarometer !== undefined ? await settled(loadBoundaryPair(config, options.onBoundaries, options.packedReadMinBytes)) : null;
  const kwb: Record<string, LoadedTable> = {};
  for (const year of pK.t0 === pK.t1 ? [pK.t0] : [pK.t0, pK.t1]) {
    const input = config.inputs.kwb[String(year)];
    const file = input.file;
    const loaded = (await prefetched.kwb?.[String(year)]) ?? (await loadKwb(input, year));
    kwb[String(year)] = loaded;
    loads.push(loadSummary(file, loaded.report));
    const p = loaded.provenance;
    inputs.push({ role: `kwb ${year}`, file, kind: p.kind, ...(p.edition ? { edition: p.edition } : {}), ...(p.year ? { year: p.year } : {}), ...(p.tableId ? { tableId: p.tableId } : {}), checksum: checksumOf(file, p) });
    if (p.year !== undefined && p.year !== year) warnings.push(`${file}: KWB-editie ${p.year} gebruikt als jaar ${year}`);
  }
  const lbm = (await prefetched.leefbaarometer) ?? loadLeefbaarometer(config.inputs.leefbaarometer);
  loads.push(loadSummary(config.inputs.leefbaarometer, lbm.report));
  warnings.push(...lbm.report.warnings.map((w) => `Leefbaarometer: ${w}`));
  inputs.push({ role: 'leefbaarometer', file: config.inputs.leefbaarometer, kind: lbm.provenance.kind, edition: lbm.provenance.edition ?? 'Leefbaarometer 3.0', checksum: checksumOf(config.inputs.leefbaarometer, lbm.provenance) });
  const oLevel = config.indicators.O.level;
  if (lbm.level !== oLevel) {
    const hint = (MAP_LEVELS as readonly string[]).includes(lbm.level) && MAP_LEVELS.indexOf(lbm.level as MapLevel) > MAP_LEVELS.indexOf(config.level)
      ? `; for scores of a coarser level than the map set indicators.O to { "dimension": "${config.indicators.O.dimension}", "level": "${lbm.level}" }`
      : '';
    throw new VeerkrachtError(`Leefbaarometer scores are at ${lbm.level} level, not ${oLevel}${hint}`, {
      file: config.inputs.leefbaarometer,
      expected: `${oLevel} scores (levels supported: ${MAP_LEVELS.join(', ')})`,
      found: lbm.level,
    });
  }
  const { b1, b0 } = early === null ? await loadBoundaryPair(config, options.onBoundaries, options.packedReadMinBytes) : early.get();
  inputs.push({ role: `grenzen ${t1}`, file: config.inputs.boundaries.t1, kind: b1.provenance.kind, checksum: checksumOf(config.inputs.boundaries.t1, b1.provenance) });
  loads.push(loadSummary(config.inputs.boundaries.t1, b1.report));
  if (b0 !== null && config.inputs.boundaries.t0 !== undefined) {
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
  let corporatie: CorporatieRunTables | undefined;
  const ci = config.inputs.corporatie;
  if (ci) {
    progress(`corporatiebestanden laden (${ci.bezit.length} bezit, ${ci.verhuringen.length} verhuringen)`);
    const record = (role: string, file: string, t: LoadedTable) => {
      loads.push(loadSummary(file, t.report));
      const p = t.provenance;
      inputs.push({ role, file, kind: p.kind, ...(p.edition ? { edition: p.edition } : {}), ...(p.year ? { year: p.year } : {}), checksum: checksumOf(file, p) });
      warnings.push(...t.report.warnings.map((w) => `${basename(file)}: ${w}`));
    };
    const corporaties: CorporatieTables[] = ci.bezit.map((file, i) => {
      const bezit = loadBezit(file);
      record(`corporatie bezit`, file, bezit);
      // the file name names the corporation; the same name twice gets its position added
      const stem = basename(file).replace(/\.[^.]+$/, '');
      const naam = ci.bezit.filter((f) => basename(f).replace(/\.[^.]+$/, '') === stem).length > 1 ? `${stem} (${i + 1})` : stem;
      const out: CorporatieTables = { naam, bezit };
      const vf = ci.verhuringen[i];
      if (vf !== undefined) {
        out.verhuringen = loadVerhuringen(vf);
        record(`corporatie verhuringen`, vf, out.verhuringen);
      }
      return out;
    });
    corporatie = { corporaties };
    if (ci.pc6) {
      corporatie.pc6 = loadPc6Table(ci.pc6);
      record('postcodetabel', ci.pc6, corporatie.pc6);
    }
  }
  return { kwb, leefbaarometer: lbm, boundaries: { t0: b0, t1: b1 }, ...(microdata ? { microdata } : {}), matrix, ...(corporatie ? { corporatie } : {}), inputs, loads, warnings };
}
