/**
 * Build one year's IndicatorYear from loaded sources: KWB (inwoners, C and — by default — K
 * as a documented open-data proxy), optionally microdata for K, and the Leefbaarometer for O.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { LoadedTable } from '../sources/types.js';
import { conceptValues, kwbConcept, resolveConcept } from '../sources/statline/concepts.js';
import { microdataK } from '../sources/microdata/indicator.js';
import type { MicrodataStatus } from '../sources/microdata/format.js';
import { matchCodes, type MatchReport } from '../regions/match.js';
import { VeerkrachtError } from '../util/errors.js';
import { INDICATOR_COLUMN as IND, type IndicatorColumn, type IndicatorSources, type IndicatorYear } from './types.js';
import { nullable, numbers, strings } from './columns.js';

/** How K (the vulnerable share, %) is defined. */
export type KSpec =
  | {
      /** Open-data proxy: one KWB concept, or a weighted mean of several percentage concepts. */
      source: 'kwb';
      concepts: { concept: string; weight: number }[];
    }
  | {
      /** CBS microdata aggregates: the share of one group among all residents with that status. */
      source: 'microdata';
      group: string;
      status: MicrodataStatus;
    }
  | {
      /** No K: a map of ΔO alone (K is never "up"); KWB still gives the inwoners. */
      source: 'geen';
    };

/** The default K: % households with a low income (KWB), the open-data proxy used in DOMAIN.md. */
export const DEFAULT_K: KSpec = { source: 'kwb', concepts: [{ concept: 'laag_inkomen_huishoudens_pct', weight: 1 }] };

/** Words for outputs and legends: where K comes from. */
export function describeK(spec: KSpec): string {
  if (spec.source === 'microdata') return `microdata: aandeel groep '${spec.group}' (${spec.status})`;
  if (spec.source === 'geen') return 'geen K (alleen ΔO)';
  const parts = spec.concepts.map((c) => `${kwbConcept(c.concept).label}${spec.concepts.length > 1 ? ` × ${c.weight}` : ''}`);
  return spec.concepts.length === 1 ? `KWB: % ${parts[0]}` : `KWB: gewogen gemiddelde van ${parts.join(', ')}`;
}

function conceptColumn(kwb: LoadedTable, concept: string, rows: number[]): (number | null)[] {
  const v = conceptValues(kwb, concept);
  return rows.map((i) => v[i]);
}

/**
 * Indicators of one KWB edition (buurt rows only): `inwoners`, `C` (corporatie_pct, null when
 * the edition lacks it), and K from `spec` (for microdata K pass `microdata`, the loaded
 * aggregates). `O` is left empty: add it with {@link attachLivability}.
 */
export function kwbIndicatorYear(
  kwb: LoadedTable,
  year: number,
  spec: KSpec = DEFAULT_K,
  microdata?: ColumnTable,
  unit: 'buurt' | 'wijk' | 'gemeente' = 'buurt',
): { year: IndicatorYear; warnings: string[]; kMatch?: MatchReport } {
  const warnings: string[] = [];
  if (!kwb.table.columnNames().includes('level') || !kwb.table.columnNames().includes('code')) {
    throw new VeerkrachtError('not a KWB table: no region codes with their level', {
      file: kwb.provenance.file,
      expected: 'a StatLine export, or a column mapping with "code" (see README "Run configuration")',
    });
  }
  const level = kwb.table.array('level') as unknown[];
  const rows: number[] = [];
  const present = new Map<string, number>();
  for (let i = 0; i < level.length; i++) {
    if (level[i] === unit) rows.push(i);
    const l = String(level[i]);
    present.set(l, (present.get(l) ?? 0) + 1);
  }
  if (rows.length === 0) {
    throw new VeerkrachtError(`no ${unit} rows`, {
      file: kwb.provenance.file,
      column: 'SoortRegio',
      expected: `rows of level ${unit}`,
      found: [...present.entries()].map(([l, n]) => `${n} × ${l}`).join(', ') || 'no rows',
    });
  }
  const codeAll = kwb.table.array('code') as unknown[];
  const gmAll = kwb.table.array('gemeente') as unknown[];
  // one row per region: a repeated code is ambiguous (which values count?), so it stops the run
  const firstRow = new Map<string, number>();
  for (const i of rows) {
    const c = String(codeAll[i]);
    const f = firstRow.get(c);
    if (f === undefined) {
      firstRow.set(c, i);
      continue;
    }
    const where = (r: number) => (kwb.lines ? `line ${kwb.lines[r]}` : `table row ${r + 1}`);
    throw new VeerkrachtError(`${unit} ${c} occurs twice`, {
      file: kwb.provenance.file,
      ...(kwb.lines ? { line: kwb.lines[i] } : {}),
      column: 'code',
      expected: 'one row per region (remove or merge the repeated row)',
      found: `${c} on ${where(f)} and ${where(i)}`,
    });
  }
  const nameColumn = ['naam', 'WijkenEnBuurten'].find((c) => kwb.table.columnNames().includes(c));
  const names = nameColumn ? (kwb.table.array(nameColumn) as unknown[]) : null;
  const code = rows.map((i) => String(codeAll[i]));
  const naam = rows.map((i, j) => {
    const s = names ? String(names[i] ?? '').trim() : '';
    return s === '' || s === code[j] ? null : s;
  });
  const inwoners = conceptColumn(kwb, 'inwoners', rows);
  const hasConcept = (c: string) => resolveConcept(kwb, c).status !== 'absent';
  let C: (number | null)[];
  if (hasConcept('corporatie_pct')) C = conceptColumn(kwb, 'corporatie_pct', rows);
  else {
    C = rows.map(() => null);
    warnings.push(`${kwb.provenance.edition ?? kwb.provenance.file}: geen corporatiebezit in deze editie; C ontbreekt`);
  }
  const noemer = hasConcept('huishoudens') ? conceptColumn(kwb, 'huishoudens', rows) : inwoners;

  let K: (number | null)[];
  let Kn: (number | null)[] = noemer;
  let Kg: boolean[];
  let kMatch: MatchReport | undefined;
  if (spec.source === 'geen') {
    K = code.map(() => null);
    Kg = code.map(() => false);
  } else if (spec.source === 'kwb') {
    if (spec.concepts.length === 0) throw new VeerkrachtError('K needs at least one concept', { column: 'indicators.K.concepts' });
    const cols = spec.concepts.map((c) => {
      if (!hasConcept(c.concept)) throw new VeerkrachtError(resolveConceptMessage(kwb, c.concept), { file: kwb.provenance.file, column: c.concept });
      return conceptColumn(kwb, c.concept, rows);
    });
    const wsum = spec.concepts.reduce((s, c) => s + c.weight, 0);
    K = code.map((_, j) => {
      let s = 0;
      for (let c = 0; c < cols.length; c++) {
        const v = cols[c][j];
        if (v === null) return null;
        s += spec.concepts[c].weight * v;
      }
      return s / wsum;
    });
    // in KWB a missing share of an existing buurt means suppressed ('.'), not absent
    Kg = K.map((v, j) => v === null && (inwoners[j] ?? 0) > 0);
  } else {
    if (!microdata) throw new VeerkrachtError('K from microdata needs a microdata input', { column: 'inputs.microdata' });
    const mk = microdataK(microdata, spec.group, spec.status);
    const jaar = mk.array('jaar') as number[];
    const mcode = mk.array('code') as string[];
    const mK = numbers(mk, 'K');
    const mN = numbers(mk, 'K_noemer');
    const mG = mk.array('K_geheim') as boolean[];
    const at = new Map<string, number>();
    for (let i = 0; i < jaar.length; i++) if (jaar[i] === year) at.set(mcode[i], i);
    if (at.size === 0) throw new VeerkrachtError(`microdata has no rows for ${year}`, { column: 'jaar', expected: `year ${year}` });
    kMatch = matchCodes(code, [...at.keys()], { left: `KWB ${year} buurten`, right: `microdata ${year}` });
    K = code.map((c) => (at.has(c) ? (Number.isNaN(mK[at.get(c)!]) ? null : mK[at.get(c)!]) : null));
    Kn = code.map((c) => (at.has(c) ? (Number.isNaN(mN[at.get(c)!]) ? null : mN[at.get(c)!]) : null));
    Kg = code.map((c) => (at.has(c) ? mG[at.get(c)!] === true : false));
  }
  const sources: IndicatorSources = {
    K: describeK(spec),
    O: '',
    C: 'KWB: % woningen in bezit woningcorporatie',
  };
  const table = aq.table({
    code,
    naam,
    gemeente: rows.map((i) => (gmAll[i] === null || gmAll[i] === undefined ? null : String(gmAll[i]))),
    inwoners,
    K,
    K_noemer: Kn,
    K_geheim: Kg,
    O: code.map(() => null),
    C,
  } satisfies Record<IndicatorColumn, unknown>);
  return { year: { year, table, sources }, warnings, ...(kMatch ? { kMatch } : {}) };
}

function resolveConceptMessage(kwb: LoadedTable, concept: string): string {
  const r = resolveConcept(kwb, concept);
  return r.status === 'absent' ? r.message : `concept ${concept} not usable`;
}

/** Leefbaarometer dimensions that can serve as O (higher = better in all). */
export const LIVABILITY_DIMENSIONS = ['onv', 'lbm', 'afw', 'fys', 'soc', 'vrz', 'won'] as const;
export type LivabilityDimension = (typeof LIVABILITY_DIMENSIONS)[number];

const DIMENSION_LABEL: Record<LivabilityDimension, string> = {
  onv: 'onv (overlast en onveiligheid)',
  lbm: 'lbm (totaalscore)',
  afw: 'afw (afwijking van de landelijke referentie)',
  fys: 'fys (fysieke omgeving)',
  soc: 'soc (sociale samenhang)',
  vrz: 'vrz (voorzieningen)',
  won: 'won (woningvoorraad)',
};

/** Options of {@link attachLivability}. */
export interface LivabilityOptions {
  /**
   * The Leefbaarometer code a region takes its score from, when the scores are at a coarser level
   * than the map (e.g. `wijkOf` for buurten scored by their wijk). Default: the code itself.
   */
  codeOf?: (code: string) => string | null;
  /** The file, named in errors. */
  file?: string;
  /** What the regions are, in the match report (default `buurten`). */
  label?: string;
}

/**
 * Set O of `year` from a Leefbaarometer table (columns code, jaar, and the dimension) for
 * `lbmYear`. Returns the match report between the regions and the Leefbaarometer codes of that
 * year; regions without a score keep O missing.
 *
 * @throws VeerkrachtError when the file has no scores for that year, or none of that dimension
 *   (the Leefbaarometer has no dimension scores before 2014 and in 2016): the message names the
 *   years that do have it
 */
export function attachLivability(
  year: IndicatorYear,
  lbm: ColumnTable,
  lbmYear: number,
  dimension: LivabilityDimension = 'onv',
  options: LivabilityOptions = {},
): { year: IndicatorYear; match: MatchReport } {
  const jaar = lbm.array('jaar') as unknown[];
  const lcode = strings(lbm, 'code');
  const val = numbers(lbm, dimension);
  const at = new Map<string, number>();
  const yearsWith = new Set<number>();
  let rowsOfYear = 0;
  for (let i = 0; i < jaar.length; i++) {
    if (!Number.isNaN(val[i])) yearsWith.add(jaar[i] as number);
    if (jaar[i] === lbmYear && lcode[i] !== null) {
      rowsOfYear += 1;
      at.set(lcode[i]!, val[i]);
    }
  }
  const having = [...yearsWith].sort((a, b) => a - b).join(', ') || 'none';
  if (rowsOfYear === 0) {
    throw new VeerkrachtError(`Leefbaarometer has no scores for ${lbmYear}`, { file: options.file, column: 'jaar', expected: `a year the file has ${dimension} for: ${having}`, found: String(lbmYear) });
  }
  if (!yearsWith.has(lbmYear)) {
    throw new VeerkrachtError(`Leefbaarometer ${lbmYear} has no ${dimension} scores (dimension scores are missing before 2014 and in 2016)`, {
      file: options.file,
      column: dimension,
      expected: `a year with ${dimension} scores: ${having}`,
      found: String(lbmYear),
    });
  }
  const code = strings(year.table, IND.code) as string[];
  const lookup = code.map((c) => (options.codeOf ? options.codeOf(c) : c));
  const O = new Float64Array(code.length).fill(NaN);
  lookup.forEach((c, j) => {
    const v = c === null ? undefined : at.get(c);
    if (v !== undefined) O[j] = v;
  });
  const distinct = [...new Set(lookup.filter((c): c is string => c !== null))];
  const match = matchCodes(distinct, [...at.keys()], { left: `${options.label ?? 'buurten'} ${year.year}${options.codeOf ? ' (via hun code)' : ''}`, right: `Leefbaarometer ${lbmYear}` });
  return {
    year: {
      year: year.year,
      table: year.table.assign({ [IND.O]: nullable(O) }),
      sources: { ...year.sources, O: `Leefbaarometer 3.0: ${DIMENSION_LABEL[dimension]}` },
    },
    match,
  };
}

/**
 * Gemeente names of a KWB table: from a gemeentenaam column on every row (`Gemeentenaam_1` in
 * StatLine, `gemeentenaam` in a column mapping) and from the names of gemeente rows.
 *
 * @example gemeenteNamen(kwb2017).get('GM0344') // 'Utrecht'
 */
export function gemeenteNamen(kwb: LoadedTable): Map<string, string> {
  const out = new Map<string, string>();
  const cols = kwb.table.columnNames();
  if (!cols.includes('gemeente')) return out;
  const gm = kwb.table.array('gemeente') as unknown[];
  const perRow = ['gemeentenaam', 'Gemeentenaam_1'].find((c) => cols.includes(c));
  if (perRow) {
    const v = kwb.table.array(perRow) as unknown[];
    gm.forEach((g, i) => {
      const name = v[i] === null || v[i] === undefined ? '' : String(v[i]).trim();
      if (g !== null && g !== undefined && name !== '' && !out.has(String(g))) out.set(String(g), name);
    });
  }
  const nameCol = ['naam', 'WijkenEnBuurten'].find((c) => cols.includes(c));
  if (nameCol && cols.includes('level')) {
    const level = kwb.table.array('level') as unknown[];
    const code = kwb.table.array('code') as unknown[];
    const v = kwb.table.array(nameCol) as unknown[];
    level.forEach((l, i) => {
      const name = v[i] === null || v[i] === undefined ? '' : String(v[i]).trim();
      if (l === 'gemeente' && name !== '' && name !== String(code[i]) && !out.has(String(code[i]))) out.set(String(code[i]), name);
    });
  }
  return out;
}

/**
 * Names of the regions of one level in a KWB table (rows of that level with a name that is not
 * just the code), e.g. the wijk names to show beside a buurt's wijk.
 *
 * @example regionNamen(kwb2017, 'wijk').get('WK034401') // 'West'
 */
export function regionNamen(kwb: LoadedTable, level: 'gemeente' | 'wijk' | 'buurt'): Map<string, string> {
  const out = new Map<string, string>();
  const cols = kwb.table.columnNames();
  const nameCol = ['naam', 'WijkenEnBuurten'].find((c) => cols.includes(c));
  if (!nameCol || !cols.includes('level') || !cols.includes('code')) return out;
  const lv = kwb.table.array('level') as unknown[];
  const code = kwb.table.array('code') as unknown[];
  const v = kwb.table.array(nameCol) as unknown[];
  lv.forEach((l, i) => {
    const name = v[i] === null || v[i] === undefined ? '' : String(v[i]).trim();
    if (l === level && name !== '' && name !== String(code[i]) && !out.has(String(code[i]))) out.set(String(code[i]), name);
  });
  return out;
}
