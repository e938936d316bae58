import type { Command } from '../command.js';
import { intFlag, parseFlags } from '../command.js';
import { VeerkrachtError, isUserError, showValue } from '../../util/errors.js';
import { readBoundaries } from '../../sources/boundaries/read.js';
import type { DroppedRows } from '../../sources/types.js';
import { DEFAULT_MISSING_SYMBOLS, parseDecimal } from '../../sources/csv/number.js';
import { moranAnalysis, type MoranAnalysis } from '../../spatial/analysis.js';
import { LISA_CLUSTERS } from '../../spatial/lisa.js';

const HELP = `veerkracht moran FILE --column NAME [--contiguity queen|rook] [--permutations N] [--seed N] [--json]

Build contiguity weights from the polygons in FILE (GeoJSON, TopoJSON or shapefile, read with
the boundary reader; the value is a feature property) and compute global Moran's I (normality,
randomisation and permutation inference, as esda) and local Moran (LISA) per region, with
row-standardised weights. Regions without a value (null, empty, '.', 'x', '-', '?', 'NA') are
left out of the weights and the statistics and listed as missing; regions without neighbours are
listed as islands; features the reader cannot use (no code, bad geometry) are listed as dropped.

  --column NAME          property holding the value
  --contiguity KIND      queen (default) or rook
  --permutations N       permutations for pseudo p-values (default 999)
  --seed N               random seed (default 12345)
  --json                 print the result as JSON
  --code-property NAME   property holding the region code (default: detected, e.g. statcode)
  --object NAME          TopoJSON object to read (default: the only or first polygon object)
  --island-neighbours K  connect islands to their K nearest regions by centroid (default 0)
  --alpha P              significance level of the LISA cluster category (default 0.05)
  --tolerance X          contiguity snapping tolerance in coordinate units (default: half the
                         coordinate grid step of rounded files, else 1e-9 of the extent);
                         raise it (0.75–1.5 grid steps) for rounded non-topological files

JSON: n, I, EI, VI_norm, VI_rand, z_norm, p_norm, z_rand, p_rand, p_sim, islands, missing,
dropped, contiguity, tolerance, permutations, seed, and local: [{code, Ii, quadrant, p_sim, cluster}]
(quadrant 1 HH, 2 LH, 3 LL, 4 HL as esda; null for an island).`;

export const moranCommand: Command = {
  name: 'moran',
  summary: 'Global Moran\'s I and local Moran (LISA) of a column on buurt polygons',
  help: HELP,
  run: async (argv, io) => {
    const { values: flags, positionals } = parseFlags('moran', argv, {
      column: { type: 'string' },
      contiguity: { type: 'string' },
      permutations: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      'code-property': { type: 'string' },
      object: { type: 'string' },
      'island-neighbours': { type: 'string' },
      alpha: { type: 'string' },
      tolerance: { type: 'string' },
    }, { min: 1, max: 1, names: 'FILE' });
    const file = positionals[0];
    const column = flags.column;
    if (typeof column !== 'string' || column === '') {
      throw new VeerkrachtError('--column is required (see veerkracht moran --help)', {}, 2);
    }
    const contiguity = flags.contiguity ?? 'queen';
    if (contiguity !== 'queen' && contiguity !== 'rook') {
      throw new VeerkrachtError(`--contiguity must be queen or rook, got ${showValue(contiguity)}`, {}, 2);
    }
    const permutations = intFlag('moran', 'permutations', flags.permutations, 999, 0);
    const seed = intFlag('moran', 'seed', flags.seed, 12345);
    const islandNeighbours = intFlag('moran', 'island-neighbours', flags['island-neighbours'], 0, 0);
    const alpha = flags.alpha === undefined ? 0.05 : Number(flags.alpha);
    if (!(alpha > 0 && alpha < 1)) throw new VeerkrachtError(`--alpha must be a number between 0 and 1, got ${showValue(flags.alpha)}`, {}, 2);

    const tolerance = flags.tolerance === undefined ? undefined : Number(flags.tolerance);
    if (tolerance !== undefined && !(tolerance >= 0 && Number.isFinite(tolerance))) {
      throw new VeerkrachtError(`--tolerance must be a number ≥ 0, got ${showValue(flags.tolerance)}`, {}, 2);
    }
    const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
    const boundaries = await readBoundaries(file, { codeProperty: str(flags['code-property']), object: str(flags.object) });
    const features = boundaries.features;
    if (!features.some((f) => column in f.properties)) {
      throw new VeerkrachtError('no such property', {
        file, column, expected: 'a property present on the features', found: showValue(Object.keys(features[0].properties).join(', ')),
      });
    }
    const values = features.map((f) => parseValue(f.properties[column], { file, feature: f.properties.code, column }));
    const dropped = boundaries.report.dropped;
    let result: MoranAnalysis;
    try {
      result = moranAnalysis(features, values, { contiguity, tolerance, permutations, seed, islandNeighbours, alpha });
    } catch (e) {
      // Errors from the computation name the feature and column; add the file they are in.
      if (isUserError(e) && e.location.file === undefined) throw new VeerkrachtError(`${file}: ${e.message}`, {}, e.exitCode);
      throw e;
    }
    if (flags.json) io.out(`${JSON.stringify(toJson(file, column, result, dropped), null, 1)}\n`);
    else io.out(toText(file, column, result, dropped));
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
    contiguity: r.contiguity, transform: r.transform, tolerance: r.tolerance,
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

function toText(file: string, column: string, r: MoranAnalysis, dropped: DroppedRows[]): string {
  const g = r.global;
  const f = (x: number): string => (Number.isFinite(x) ? x.toPrecision(4) : '–');
  const counts = LISA_CLUSTERS.map((c) => `${c} ${r.local.cluster.filter((x) => x === c).length}`);
  const lines = [
    `${file}: ${column}, ${r.contiguity} contiguity (row-standardised), ${g.n} of ${r.regions} regions`,
    `Moran's I ${f(g.I)}  E[I] ${f(g.EI)}  z ${f(g.z_norm)}  p (normal) ${f(g.p_norm)}  p (randomisation) ${f(g.p_rand)}  p (${g.permutations} permutations, seed ${g.seed}) ${f(g.p_sim)}`,
    `LISA clusters (p ≤ ${r.local.alpha}): ${counts.join(', ')}`,
    `missing value (left out): ${r.missing.length === 0 ? 'none' : r.missing.join(', ')}`,
    `islands (no neighbours): ${r.islands.length === 0 ? 'none' : r.islands.join(', ')}`,
  ];
  for (const d of dropped) lines.push(`dropped by the reader: ${d.count} × ${d.reason} (${d.examples.join('; ')})`);
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
