import { readFileSync } from 'node:fs';
import type { Command } from '../command.js';
import { choiceFlag, intFlag, numberFlag, parseFlags, readCommandTable } from '../command.js';
import { VeerkrachtError, isUserError, showValue } from '../../util/errors.js';
import { readBoundaries } from '../../sources/boundaries/read.js';
import { boundariesTable } from '../../sources/boundaries/table.js';
import { normalizeBoundaryCode } from '../../sources/boundaries/code-property.js';
import type { Boundaries } from '../../sources/boundaries/types.js';
import { readHead } from '../../sources/registry.js';
import type { DroppedRows } from '../../sources/types.js';
import { DEFAULT_MISSING_SYMBOLS, parseDecimal } from '../../sources/csv/number.js';
import { normalizeRegionCode } from '../../regions/codes.js';
import { matchCodes, type MatchReport } from '../../regions/match.js';
import { moranAnalysis, type MoranAnalysis } from '../../spatial/analysis.js';
import type { Contiguity, ContiguityWeights } from '../../spatial/contiguity.js';
import { topologyContiguity, type TopologyPolygon } from '../../spatial/topology.js';
import { LISA_CLUSTERS } from '../../spatial/lisa.js';

const HELP = `veerkracht moran FILE --column NAME [--table TABLE [--key COLUMN] [--year N]]
                  [--contiguity queen|rook] [--snap X] [--permutations N] [--seed N] [--json]

Build contiguity weights from the polygons in FILE (GeoJSON, TopoJSON, shapefile or GeoPackage
with --layer NAME, read with the boundary reader) and compute global Moran's I (normality,
randomisation and permutation inference, as esda) and local Moran (LISA) per region, with
row-standardised weights. Regions without a value (null, empty, '.', 'x', '-', '?', 'NA') are
left out of the weights and the statistics and listed as missing; regions without neighbours are
listed as islands; features the reader cannot use (no code, bad geometry) are listed as dropped.

Contiguity is libpysal's: queen = the polygons share at least one vertex, rook = they share at
least one edge (two consecutive vertices). For TopoJSON it is read from the topology itself
(shared quantised vertices and arcs). Crossing boundaries and a vertex on a neighbour's edge are
no contact. --snap X treats vertices less than X apart as one (for rounded files that were not
built topologically); the output says which method was used.

The value comes from a property of the features (every column 'veerkracht inspect FILE' lists,
e.g. area_km2), or, with --table, from a column of a table (KWB export, Leefbaarometer file, any
CSV) joined onto the boundaries by region code; the join report lists what did not match.

  --column NAME          the value: a feature property / inspect column, or a --table column
  --table TABLE          table holding the value, one row per region (per year with --year)
  --key COLUMN           the table's region-code column (default: code, as the readers
                         normalise it; e.g. wk_code, bu_code)
  --year N               keep only the table's rows with jaar (or year) = N
  --contiguity KIND      queen (default) or rook
  --snap X               snap vertices within X coordinate units (default: none, exact shared
                         vertices; e.g. 0.0015 for 3-decimal degrees). --tolerance X is the same
  --permutations N       permutations for pseudo p-values (default 999)
  --seed N               random seed (default 12345)
  --json                 print the result as JSON
  --code-property NAME   property holding the region code (default: detected, e.g. statcode)
  --object NAME          TopoJSON object to read (default: the only or first polygon object)
  --layer NAME           GeoPackage layer to read (needed when the file has several, e.g. buurten)
  --island-neighbours K  connect islands to their K nearest regions by centroid (default 0)
  --alpha P              significance level of the LISA cluster category (default 0.05)
Numbers take a decimal point or comma (--snap 0,0015, --alpha 0,1).

JSON: n, I, EI, VI_norm, VI_rand, z_norm, p_norm, z_rand, p_rand, p_sim, islands, missing,
dropped, contiguity, method (shared-vertices, topology or snapped), tolerance (the snap
distance, 0 without --snap), permutations, seed, join (with --table: matched, onlyLeft,
onlyRight, duplicatesLeft, duplicatesRight), and local: [{code, Ii, quadrant, p_sim, cluster}]
(quadrant 1 HH, 2 LH, 3 LL, 4 HL as esda; null for an island).`;

/** A table passed as FILE: say what to pass instead (JSON parsing would say "Unexpected token"). */
function refuseTableAsBoundaries(file: string): void {
  if (/\.(shp|dbf|gpkg)$/i.test(file)) return;
  const head = readHead(file).text.replace(/^\uFEFF/, '');
  const first = head.trimStart()[0];
  if (first === undefined || first === '{' || first === '[') return;
  throw new VeerkrachtError('this is a table, not a boundary file', {
    file, line: 1,
    expected: 'boundaries (GeoJSON, TopoJSON, shapefile or GeoPackage) as FILE; pass a table with --table TABLE --key COLUMN --column NAME',
    found: showValue(head.split(/\r?\n/, 1)[0], 60),
  });
}

/** Values per feature from a joined table, with the join report. */
async function valuesFromTable(
  boundaries: Boundaries, file: string, tableFile: string, column: string, key: string | undefined, year: number | undefined,
): Promise<{ values: (number | null)[]; join: MatchReport; notes: string[] }> {
  const { loaded, fallback } = await readCommandTable(tableFile);
  const notes = fallback ? [fallback] : [];
  const t = loaded.table;
  const names = t.columnNames();
  const keyColumn = key ?? (names.includes('code') ? 'code' : undefined);
  if (keyColumn === undefined || !names.includes(keyColumn)) {
    throw new VeerkrachtError(key === undefined ? 'no region-code column' : 'key column not found', {
      file: tableFile, column: key, expected: key === undefined ? 'a code column, or --key COLUMN' : `one of ${names.join(', ')}`,
      found: key === undefined ? names.slice(0, 12).join(', ') : undefined,
    });
  }
  if (!names.includes(column)) {
    throw new VeerkrachtError('column not found', { file: tableFile, column, expected: `one of ${names.join(', ')}` });
  }
  const yearColumn = names.find((c) => c === 'jaar' || c === 'year');
  const keys = t.array(keyColumn) as ArrayLike<unknown>;
  const raw = t.array(column) as ArrayLike<unknown>;
  const years = yearColumn ? (t.array(yearColumn) as ArrayLike<unknown>) : undefined;
  if (year !== undefined && years === undefined) {
    throw new VeerkrachtError('no year column for --year', { file: tableFile, expected: 'a column jaar or year', found: names.slice(0, 12).join(', ') });
  }
  const rows = new Map<string, number>();
  const tableCodes: string[] = [];
  const counts = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) {
    if (year !== undefined && Number(years![i]) !== year) continue;
    const code = normalizeRegionCode(keys[i], boundaries.level) ?? (keys[i] === null || keys[i] === undefined ? '' : String(keys[i]));
    tableCodes.push(code);
    counts.set(code, (counts.get(code) ?? 0) + 1);
    if (!rows.has(code)) rows.set(code, i);
  }
  if (year !== undefined && tableCodes.length === 0) {
    const present = years ? [...new Set(Array.from(years, String))].sort().join(', ') : '';
    throw new VeerkrachtError('no rows for --year', { file: tableFile, column: yearColumn, expected: `one of ${present}`, found: String(year) });
  }
  const dup = [...counts.entries()].filter(([c, n]) => n > 1 && c !== '');
  if (dup.length > 0) {
    const present = years ? [...new Set(Array.from(years, String))].sort() : [];
    throw new VeerkrachtError(`${dup.length} region codes occur more than once (e.g. ${dup[0][0]} ${dup[0][1]} times)`, {
      file: tableFile, column: keyColumn,
      expected: present.length > 1 ? `one row per region: choose a year with --year (${present.join(', ')})` : 'one row per region',
    });
  }
  const codes = boundaries.features.map((f) => f.properties.code);
  const join = matchCodes(codes, tableCodes, { left: file, right: tableFile });
  const values = codes.map((code) => {
    const i = rows.get(code);
    return i === undefined ? null : parseValue(raw[i], { file: tableFile, feature: code, column });
  });
  return { values, join, notes };
}

/**
 * Contiguity read from the TopoJSON topology, one row per feature of `boundaries`; null when
 * the file is not TopoJSON or a feature cannot be traced back to its geometry object.
 */
function topologyWeights(file: string, boundaries: Boundaries, contiguity: Contiguity): ContiguityWeights | null {
  if (boundaries.provenance.kind !== 'boundaries-topojson') return null;
  const object = /^object (.+)$/.exec(boundaries.provenance.edition ?? '')?.[1];
  let doc: { arcs?: unknown; transform?: unknown; objects?: Record<string, { type?: string; geometries?: unknown[] }> };
  try {
    doc = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  const obj = object === undefined ? undefined : doc.objects?.[object];
  if (!obj || !Array.isArray(doc.arcs)) return null;
  type G = TopologyPolygon & { id?: unknown; properties?: Record<string, unknown> | null };
  const geoms = (obj.type === 'GeometryCollection' ? obj.geometries ?? [] : [obj]) as G[];
  const prop = boundaries.codeProperty;
  const byCode = new Map<string, G>();
  for (const g of geoms) {
    const props = g.properties ?? {};
    const raw = prop === 'id' && !('id' in props) ? g.id : props[prop];
    const code = normalizeBoundaryCode(raw, boundaries.level);
    if (code !== null && !byCode.has(code)) byCode.set(code, g);
  }
  const ids = boundaries.features.map((f) => f.properties.code);
  const picked = ids.map((c) => byCode.get(c));
  if (picked.some((g) => g === undefined)) return null;
  return topologyContiguity(doc as { arcs: number[][][]; transform?: unknown }, picked as G[], ids, contiguity);
}

export const moranCommand: Command = {
  name: 'moran',
  summary: 'Global Moran\'s I and local Moran (LISA) of a column on buurt polygons',
  help: HELP,
  run: async (argv, io) => {
    const { values: flags, positionals } = parseFlags('moran', argv, {
      column: { type: 'string' },
      table: { type: 'string' },
      key: { type: 'string' },
      year: { type: 'string' },
      contiguity: { type: 'string' },
      permutations: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      'code-property': { type: 'string' },
      object: { type: 'string' },
      layer: { type: 'string' },
      'island-neighbours': { type: 'string' },
      alpha: { type: 'string' },
      snap: { type: 'string' },
      tolerance: { type: 'string' },
    }, { min: 1, max: 1, names: 'FILE' });
    const file = positionals[0];
    const column = flags.column;
    if (typeof column !== 'string' || column === '') {
      throw new VeerkrachtError('--column is required (see veerkracht moran --help)', {}, 2);
    }
    const contiguity = choiceFlag('moran', 'contiguity', flags.contiguity, ['queen', 'rook'] as const, 'queen');
    const permutations = intFlag('moran', 'permutations', flags.permutations, 999, 0);
    const seed = intFlag('moran', 'seed', flags.seed, 12345);
    const islandNeighbours = intFlag('moran', 'island-neighbours', flags['island-neighbours'], 0, 0);
    const alpha = numberFlag('moran', 'alpha', flags.alpha, 0.05, { min: 0, max: 1, exclusive: true });
    if (flags.snap !== undefined && flags.tolerance !== undefined) {
      throw new VeerkrachtError('--snap and --tolerance are the same option: give one (see veerkracht moran --help)', {}, 2);
    }
    const snapFlag = flags.snap !== undefined ? 'snap' : 'tolerance';
    const snap = flags[snapFlag] === undefined ? undefined : numberFlag('moran', snapFlag, flags[snapFlag], 0, { min: 0 });
    const year = flags.year === undefined ? undefined : intFlag('moran', 'year', flags.year, 0);
    if ((flags.key !== undefined || flags.year !== undefined) && flags.table === undefined) {
      throw new VeerkrachtError('--key and --year go with --table (see veerkracht moran --help)', {}, 2);
    }
    const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
    refuseTableAsBoundaries(file);
    const boundaries = await readBoundaries(file, { codeProperty: str(flags['code-property']), object: str(flags.object), layer: str(flags.layer) });
    const features = boundaries.features;
    let values: (number | null)[];
    let join: MatchReport | undefined;
    const notes: string[] = [];
    if (typeof flags.table === 'string') {
      const r = await valuesFromTable(boundaries, file, flags.table, column, str(flags.key), year);
      values = r.values;
      join = r.join;
      notes.push(...r.notes);
    } else {
      // every column inspect lists: the feature properties plus code, name, level, area_km2, centroids
      const table = boundariesTable(boundaries).table;
      if (!table.columnNames().includes(column)) {
        throw new VeerkrachtError('no such property', {
          file, column, expected: 'a property present on the features (see veerkracht inspect FILE), or --table', found: showValue(table.columnNames().join(', '), 120),
        });
      }
      const arr = table.array(column) as ArrayLike<unknown>;
      values = features.map((f, i) => parseValue(arr[i], { file, feature: f.properties.code, column }));
    }
    const dropped = boundaries.report.dropped;
    let result: MoranAnalysis;
    try {
      const fromTopology = snap === undefined ? topologyWeights(file, boundaries, contiguity) : null;
      result = moranAnalysis(features, values, {
        contiguity, tolerance: snap, permutations, seed, islandNeighbours, alpha, contiguityWeights: fromTopology ?? undefined,
      });
    } catch (e) {
      // Errors from the computation name the feature and column; add the file they are in.
      if (isUserError(e) && e.location.file === undefined) throw new VeerkrachtError(`${file}: ${e.message}`, {}, e.exitCode);
      throw e;
    }
    if (flags.json) io.out(`${JSON.stringify({ ...toJson(file, column, result, dropped), ...(join ? { table: flags.table, join } : {}), notes }, null, 1)}\n`);
    else io.out(toText(file, column, result, dropped, join, notes));
    return 0;
  },
};

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

function toJson(file: string, column: string, r: MoranAnalysis, dropped: DroppedRows[]): Record<string, unknown> {
  const g = r.global;
  const l = r.local;
  return {
    file, column,
    n: g.n, I: g.I, EI: g.EI, VI_norm: g.VI_norm, VI_rand: num(g.VI_rand),
    z_norm: g.z_norm, p_norm: g.p_norm, z_rand: num(g.z_rand), p_rand: num(g.p_rand),
    p_sim: num(g.p_sim), EI_sim: num(g.EI_sim), z_sim: num(g.z_sim),
    islands: r.islands, missing: r.missing, dropped, regions: r.regions,
    contiguity: r.contiguity, method: r.method, transform: r.transform, tolerance: r.tolerance,
    permutations: g.permutations, seed: g.seed, alpha: l.alpha,
    local: l.ids.map((code, i) => ({
      code,
      Ii: num(l.Ii[i]),
      quadrant: l.quadrant[i] === 0 ? null : l.quadrant[i],
      p_sim: num(l.p_sim[i]),
      cluster: l.cluster[i],
    })),
  };
}

const METHOD_TEXT: Record<MoranAnalysis['method'], string> = {
  'shared-vertices': 'shared vertices',
  topology: 'shared vertices and arcs of the TopoJSON topology',
  snapped: 'vertices snapped within',
};

function toText(file: string, column: string, r: MoranAnalysis, dropped: DroppedRows[], join: MatchReport | undefined, notes: string[]): string {
  const g = r.global;
  const f = (x: number): string => (Number.isFinite(x) ? x.toPrecision(4) : '–');
  const counts = LISA_CLUSTERS.map((c) => `${c} ${r.local.cluster.filter((x) => x === c).length}`);
  const lines = [
    `${file}: ${column}, ${r.contiguity} contiguity (row-standardised), ${g.n} of ${r.regions} regions`,
    `contiguity from ${METHOD_TEXT[r.method]}${r.method === 'snapped' ? ` ${r.tolerance} coordinate units` : ''}`,
    `Moran's I ${f(g.I)}  E[I] ${f(g.EI)}  z ${f(g.z_norm)}  p (normal) ${f(g.p_norm)}  p (randomisation) ${f(g.p_rand)}  p (${g.permutations} permutations, seed ${g.seed}) ${f(g.p_sim)}`,
    `LISA clusters (p ≤ ${r.local.alpha}): ${counts.join(', ')}`,
    `missing value (left out): ${r.missing.length === 0 ? 'none' : r.missing.join(', ')}`,
    `islands (no neighbours): ${r.islands.length === 0 ? 'none' : r.islands.join(', ')}`,
  ];
  for (const d of dropped) lines.push(`dropped by the reader: ${d.count} × ${d.reason} (${d.examples.join('; ')})`);
  if (join) {
    const some = (l: string[]) => (l.length === 0 ? '' : `: ${l.slice(0, 5).join(', ')}${l.length > 5 ? ', …' : ''}`);
    lines.push(`join on region code: ${join.matched} matched; ${join.onlyLeft.length} boundaries without a table row${some(join.onlyLeft)}; ${join.onlyRight.length} table rows without a boundary${some(join.onlyRight)}`);
  }
  for (const n of notes) lines.push(`note: ${n}`);
  return `${lines.join('\n')}\n`;
}

function parseValue(v: unknown, where: { file: string; feature: string; column: string }): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new VeerkrachtError('not a finite number', { ...where, expected: 'a number', found: String(v) });
    return v;
  }
  if (typeof v === 'string') {
    const s = v.trim();
    if (DEFAULT_MISSING_SYMBOLS.includes(s)) return null;
    const x = parseDecimal(s, s.includes(',') && !s.includes('.') ? ',' : '.');
    if (Number.isFinite(x)) return x;
  }
  throw new VeerkrachtError('not a number', { ...where, expected: 'a number (or null / a missing symbol)', found: showValue(v) });
}
