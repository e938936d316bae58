/**
 * The run configuration of `veerkracht run --config FILE` (JSON): inputs, period, indicator
 * definitions, reference, thresholds, focus margins, matrix and title. Validated with one clear
 * error per problem naming the field. Relative paths are resolved against the config's folder.
 *
 * Example (all fields but `inputs` and `period` optional):
 * ```json
 * {
 *   "title": "Signaleringskaart Veerkracht",
 *   "synthetic": false,
 *   "period": { "t0": 2014, "t1": 2022 },
 *   "inputs": {
 *     "kwb": { "2014": "kwb2014.csv", "2022": "kwb2022.csv" },
 *     "leefbaarometer": "Leefbaarometer-scores buurten 2002-2022.csv",
 *     "boundaries": { "t0": "buurten2014.geojson", "t1": "buurten2022.geojson" },
 *     "microdata": "microdata.csv",
 *     "matrix": "mijn-matrix.json"
 *   },
 *   "indicators": {
 *     "K": { "source": "kwb", "concepts": [{ "concept": "laag_inkomen_huishoudens_pct", "weight": 1 }] },
 *     "O": "onv",
 *     "minInwoners": 100
 *   },
 *   "reference": { "variant": "relatief", "absoluut": { "K": 0, "O": 0 } },
 *   "thresholds": { "K": { "rule": "sd", "c": 0.5 }, "O": 0.02 },
 *   "focus": { "marginK": { "rule": "sd", "c": 0.5 }, "marginO": { "rule": "sd", "c": 0.5 } }
 * }
 * ```
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { VeerkrachtError } from '../util/errors.js';
import { normalizeRegionCode, regionLevel } from '../regions/codes.js';
import { DEFAULT_K, LIVABILITY_DIMENSIONS, type KSpec, type LivabilityDimension } from '../indicators/build.js';
import { KWB_CONCEPTS } from '../sources/statline/concepts.js';
import { MICRODATA_STATUSES, type MicrodataStatus } from '../sources/microdata/format.js';
import { LEEFBAAROMETER_YEARS } from '../sources/leefbaarometer/years.js';
import type { AbsoluteReference } from '../signal/reference.js';
import type { Variant } from '../signal/assign.js';
import { VORIGE_SITUATIE_GROEPEN, type KwetsbaarRule, type VorigeSituatieGroep } from '../indicators/kwetsbaar.js';
import { CORPORATIE_KLASSEN, type CorporatieKlasse } from '../indicators/corporation.js';

/** A dead band or margin: a number, or a rule applied to the data (±c·sd, or a quantile band). */
export type ThresholdSpec = number | { rule: 'sd'; c: number } | { rule: 'quantile'; outside: number };

/** Levels a run can map: the unit of the map, the summaries and the exports. */
export const MAP_LEVELS = ['buurt', 'wijk', 'gemeente'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

/** Two years of one measure. */
export interface YearPair {
  t0: number;
  t1: number;
}

/**
 * One KWB input: a StatLine layout (CSV export, OData folder) or, with `columns`, any delimited
 * table whose columns are mapped onto the registry's concept names (and `code`, `naam`).
 */
export interface KwbInput {
  file: string;
  /** Concept name (`code`, `naam`, `gemeentenaam`, `inwoners`, `laag_inkomen_huishoudens_pct`, …) → column of the file. */
  columns?: Record<string, string>;
  /** Sheet of an .xlsx file (default the first). */
  sheet?: string;
}

/**
 * K from a corporation's lettings (`inputs.corporatie.verhuringen`): the share of vulnerable
 * households among the new lettings in a window of `venster` years up to period.K.t0 and up to
 * period.K.t1.
 */
export interface VerhuringenKSpec {
  source: 'verhuringen';
  /** Window length in years (3); at most period.K.t1 − period.K.t0, so the windows do not overlap. */
  venster: number;
  /** Fewer lettings (of known vulnerability) in a window → onvoldoende gegevens (10). */
  minVerhuringen: number;
  /** Who counts as vulnerable; absent: the documented default (ours), DEFAULT_KWETSBAAR. */
  kwetsbaar?: KwetsbaarRule;
}

/** How K is defined in a run: KWB, microdata, none, or the corporation's lettings. */
export type RunKSpec = KSpec | VerhuringenKSpec;

/** Where C (the corporation share that drives corporatie_klasse) comes from. */
export const C_SOURCES = ['kwb', 'bezit'] as const;
export type CSource = (typeof C_SOURCES)[number];

/**
 * Restriction of the map and the summary to the corporation stock: buurten of these corporation
 * classes (of C, see `indicators.C`) and/or with at least `eigenBezitMin` dwellings of the
 * corporation(s) itself. Everything outside is counted and reported (reports.studiegebied).
 */
export interface RunFilter {
  corporatieklasse?: CorporatieKlasse[];
  eigenBezitMin?: number;
}

/** A housing corporation's own exports: stock lists and lettings lists (paired by position), and the postcode table. */
export interface CorporatieInputs {
  /** One stock list per corporation. */
  bezit: string[];
  /** One lettings list per corporation, in the order of `bezit` (may be empty: C only). */
  verhuringen: string[];
  /** CBS postcode-6 + huisnummer table that places the addresses (not needed when every VHE carries a buurt code). */
  pc6?: string;
}

/** Names a KWB column mapping may use besides the registry's concepts. */
export const KWB_MAPPING_EXTRA = ['code', 'naam', 'gemeentenaam'] as const;

export interface RunConfig {
  title: string;
  /** True for synthetic data: every map and output says "synthetische gegevens". */
  synthetic: boolean;
  /** Unit of the map, the summaries and the exports (default buurt). */
  level: MapLevel;
  /** Gemeente or wijk codes that delimit the study area; null: what the t1 boundaries cover. */
  area: string[] | null;
  /**
   * t0/t1 name the indeling (boundaries) and are the default years of K and O; `K` are the KWB
   * edition years of K, `O` the Leefbaarometer years of O (both resolved, never missing).
   */
  period: { t0: number; t1: number; K: YearPair; O: YearPair };
  inputs: {
    /** KWB per edition year (at least the K years). */
    kwb: Record<string, KwbInput>;
    /** Leefbaarometer score file (long or wide) at the level of `indicators.O.level`; assumed on the t1 indeling, as the open data is. */
    leefbaarometer: string;
    /** Boundaries of t1 at the map level, and of t0 when its indeling differs (then a crosswalk is built). */
    boundaries: { t0?: string; t1: string };
    /** Microdata aggregates, needed when K comes from microdata. */
    microdata?: string;
    /** Own Matrix handelingskaders (JSON); default: the illustrative default. */
    matrix?: string;
    /** A corporation's stock and lettings, for K from lettings, C from its own stock and the filter. */
    corporatie?: CorporatieInputs;
  };
  indicators: {
    K: RunKSpec;
    /** Where C comes from (`kwb`: all corporations, KWB; `bezit`: the corporation's own stock). */
    C: { source: CSource };
    /** The Leefbaarometer dimension and the level of its scores (the map level or coarser). */
    O: { dimension: LivabilityDimension; level: MapLevel };
    minInwoners: number;
  };
  reference: { variant: Variant; absoluut: { K: AbsoluteReference; O: AbsoluteReference } };
  thresholds: { K: ThresholdSpec; O: ThresholdSpec };
  focus: { marginK: ThresholdSpec; marginO: ThresholdSpec };
  /** Restrict map and summary to the corporation stock (null: no filter). */
  filter: RunFilter | null;
  /**
   * Pages per gemeente: `true` HTML and PNG, `"html"` without PNG, `false` none; `"auto"`
   * (default) HTML always and PNG up to {@link GEMEENTE_PNG_MAX} gemeenten (a PNG per gemeente
   * costs about 0.1 s: minutes at national scale).
   */
  gemeentePaginas: boolean | 'html' | 'auto';
}

/** Up to this many gemeenten `gemeentePaginas: "auto"` also writes a PNG per gemeente. */
export const GEMEENTE_PNG_MAX = 40;

/** Defaults for everything but inputs, period, title and synthetic. */
export const DEFAULT_SETTINGS: Pick<RunConfig, 'level' | 'area' | 'indicators' | 'reference' | 'thresholds' | 'focus' | 'filter' | 'gemeentePaginas'> = {
  gemeentePaginas: 'auto',
  level: 'buurt',
  area: null,
  filter: null,
  indicators: { K: DEFAULT_K, C: { source: 'kwb' }, O: { dimension: 'onv', level: 'buurt' }, minInwoners: 100 },
  reference: { variant: 'relatief', absoluut: { K: 0, O: 0 } },
  thresholds: { K: { rule: 'sd', c: 0.5 }, O: { rule: 'sd', c: 0.5 } },
  focus: { marginK: { rule: 'sd', c: 0.5 }, marginO: { rule: 'sd', c: 0.5 } },
};

/** The embedded default: the synthetic demo region in `<home>/data/demo`, period 2014 → 2022. */
export function demoConfig(home: string): RunConfig {
  const d = (p: string) => join(home, 'data', 'demo', p);
  return {
    title: 'Signaleringskaart Veerkracht — demoregio',
    synthetic: true,
    period: { t0: 2014, t1: 2022, K: { t0: 2014, t1: 2022 }, O: { t0: 2014, t1: 2022 } },
    inputs: {
      kwb: {
        '2014': { file: d('kwb/synthetisch_kwb2014_82931NED.csv') },
        '2022': { file: d('kwb/synthetisch_kwb2022_85318NED.csv') },
      },
      leefbaarometer: d('leefbaarometer/synthetisch_leefbaarometer-scores-buurten-2014-2022.csv'),
      boundaries: { t0: d('geo/synthetisch_buurten_2014-2018_rd.geojson'), t1: d('geo/synthetisch_buurten_2019-2022_rd.geojson') },
      microdata: d('microdata/synthetisch_microdata_buurt_jaar_groep_status.csv'),
    },
    ...structuredClone(DEFAULT_SETTINGS),
  };
}

type Json = unknown;

class Checker {
  constructor(private readonly file: string) {}
  fail(field: string, expected: string, found: Json): never {
    const shown = found === undefined ? 'nothing' : JSON.stringify(found);
    throw new VeerkrachtError('invalid run configuration', {
      file: this.file,
      column: field,
      expected,
      found: shown.length > 60 ? `${shown.slice(0, 60)}…` : shown,
    });
  }
  object(v: Json, field: string): Record<string, Json> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(field, 'an object', v);
    return v as Record<string, Json>;
  }
  only(o: Record<string, Json>, field: string, keys: readonly string[]): void {
    for (const k of Object.keys(o)) if (!keys.includes(k)) this.fail(`${field ? `${field}.` : ''}${k}`, `one of the fields ${keys.join(', ')}`, k);
  }
  string(v: Json, field: string): string {
    if (typeof v !== 'string' || v === '') this.fail(field, 'a non-empty string', v);
    return v as string;
  }
  number(v: Json, field: string, min = -Infinity): number {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min) this.fail(field, `a number${min > -Infinity ? ` ≥ ${min}` : ''}`, v);
    return v as number;
  }
  oneOf<T extends string>(v: Json, field: string, options: readonly T[]): T {
    if (typeof v !== 'string' || !options.includes(v as T)) this.fail(field, `one of ${options.join(', ')}`, v);
    return v as T;
  }
}

function threshold(c: Checker, v: Json, field: string): ThresholdSpec {
  if (typeof v === 'number') return c.number(v, field, 0);
  const o = c.object(v, field);
  const rule = c.oneOf(o.rule, `${field}.rule`, ['sd', 'quantile'] as const);
  if (rule === 'sd') {
    c.only(o, field, ['rule', 'c']);
    return { rule, c: c.number(o.c, `${field}.c`, 0) };
  }
  c.only(o, field, ['rule', 'outside']);
  const outside = c.number(o.outside, `${field}.outside`, 0);
  if (!(outside > 0 && outside < 1)) c.fail(`${field}.outside`, 'a share between 0 and 1', outside);
  return { rule, outside };
}

function absRef(c: Checker, v: Json, field: string): AbsoluteReference {
  if (v === 'landelijk') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return c.fail(field, 'a number or "landelijk"', v);
}

function kwetsbaarRule(c: Checker, v: Json, field: string): KwetsbaarRule {
  const o = c.object(v, field);
  c.only(o, field, ['inkomensklasse', 'urgentie', 'statushouder', 'vorige_situatie']);
  const rule: KwetsbaarRule = {};
  const list = (x: Json, f: string, what: string): Json[] => {
    if (!Array.isArray(x) || x.length === 0) c.fail(f, `a non-empty list of ${what}`, x);
    return x as Json[];
  };
  if (o.inkomensklasse !== undefined) rule.inkomensklasse = list(o.inkomensklasse, `${field}.inkomensklasse`, 'income-class labels as in the file').map((x, i) => c.string(x, `${field}.inkomensklasse[${i}]`));
  for (const k of ['urgentie', 'statushouder'] as const) {
    if (o[k] === undefined) continue;
    if (typeof o[k] !== 'boolean') c.fail(`${field}.${k}`, 'true or false', o[k]);
    rule[k] = o[k] as boolean;
  }
  if (o.vorige_situatie !== undefined) {
    rule.vorige_situatie = list(o.vorige_situatie, `${field}.vorige_situatie`, VORIGE_SITUATIE_GROEPEN.join(', ')).map((x, i) => c.oneOf(x, `${field}.vorige_situatie[${i}]`, VORIGE_SITUATIE_GROEPEN) as VorigeSituatieGroep);
  }
  if (!rule.inkomensklasse && !rule.urgentie && !rule.statushouder && !rule.vorige_situatie) {
    c.fail(field, 'at least one criterion: inkomensklasse, urgentie: true, statushouder: true or vorige_situatie', v);
  }
  return rule;
}

function integer(c: Checker, v: Json, field: string, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) c.fail(field, `a whole number ≥ ${min}`, v);
  return v as number;
}

function kSpec(c: Checker, v: Json, field: string): RunKSpec {
  const o = c.object(v, field);
  const source = c.oneOf(o.source, `${field}.source`, ['kwb', 'microdata', 'geen', 'verhuringen'] as const);
  if (source === 'verhuringen') {
    c.only(o, field, ['source', 'venster', 'minVerhuringen', 'kwetsbaar']);
    const spec: VerhuringenKSpec = {
      source,
      venster: o.venster === undefined ? 3 : integer(c, o.venster, `${field}.venster`, 1),
      minVerhuringen: o.minVerhuringen === undefined ? 10 : integer(c, o.minVerhuringen, `${field}.minVerhuringen`, 1),
    };
    if (o.kwetsbaar !== undefined) spec.kwetsbaar = kwetsbaarRule(c, o.kwetsbaar, `${field}.kwetsbaar`);
    return spec;
  }
  if (source === 'geen') {
    c.only(o, field, ['source']);
    return { source };
  }
  if (source === 'microdata') {
    c.only(o, field, ['source', 'group', 'status']);
    return { source, group: c.string(o.group, `${field}.group`), status: c.oneOf(o.status, `${field}.status`, MICRODATA_STATUSES) as MicrodataStatus };
  }
  c.only(o, field, ['source', 'concepts']);
  if (!Array.isArray(o.concepts) || o.concepts.length === 0) c.fail(`${field}.concepts`, 'a non-empty list of {concept, weight}', o.concepts);
  const ids = KWB_CONCEPTS.map((k) => k.id);
  const concepts = (o.concepts as Json[]).map((e, i) => {
    const f = `${field}.concepts[${i}]`;
    const co = c.object(e, f);
    c.only(co, f, ['concept', 'weight']);
    return { concept: c.oneOf(co.concept, `${f}.concept`, ids), weight: co.weight === undefined ? 1 : c.number(co.weight, `${f}.weight`, 0) };
  });
  if (concepts.every((x) => x.weight === 0)) c.fail(`${field}.concepts`, 'at least one positive weight', o.concepts);
  return { source, concepts };
}

function path(c: Checker, v: Json, field: string, base: string): string {
  const s = c.string(v, field);
  const p = isAbsolute(s) ? s : resolve(base, s);
  try {
    statSync(p);
  } catch {
    c.fail(field, 'an existing file or folder', s);
  }
  return p;
}

/** One path or a non-empty list of paths. */
function paths(c: Checker, v: Json, field: string, base: string): string[] {
  if (typeof v === 'string') return [path(c, v, field, base)];
  if (!Array.isArray(v) || v.length === 0) c.fail(field, 'a file or a non-empty list of files', v);
  return (v as Json[]).map((x, i) => path(c, x, `${field}[${i}]`, base));
}

/** `inputs.corporatie`: `{ "bezit": [...], "verhuringen": [...], "pc6": "..." }`. */
function corporatieInputs(c: Checker, v: Json, field: string, base: string): CorporatieInputs {
  const o = c.object(v, field);
  c.only(o, field, ['bezit', 'verhuringen', 'pc6']);
  const bezit = paths(c, o.bezit, `${field}.bezit`, base);
  const verhuringen = o.verhuringen === undefined ? [] : paths(c, o.verhuringen, `${field}.verhuringen`, base);
  if (verhuringen.length > 0 && verhuringen.length !== bezit.length) {
    c.fail(`${field}.verhuringen`, `one lettings list per stock list, in the same order (${bezit.length}; the lettings are placed through the VHE of their corporation's stock)`, o.verhuringen);
  }
  const out: CorporatieInputs = { bezit, verhuringen };
  if (o.pc6 !== undefined) out.pc6 = path(c, o.pc6, `${field}.pc6`, base);
  return out;
}

function runFilter(c: Checker, v: Json, field: string): RunFilter {
  const o = c.object(v, field);
  c.only(o, field, ['corporatieklasse', 'eigenBezitMin']);
  const out: RunFilter = {};
  if (o.corporatieklasse !== undefined) {
    if (!Array.isArray(o.corporatieklasse) || o.corporatieklasse.length === 0) c.fail(`${field}.corporatieklasse`, `a non-empty list of ${CORPORATIE_KLASSEN.map((k) => `"${k}"`).join(', ')}`, o.corporatieklasse);
    out.corporatieklasse = (o.corporatieklasse as Json[]).map((k, i) => c.oneOf(k, `${field}.corporatieklasse[${i}]`, CORPORATIE_KLASSEN));
  }
  if (o.eigenBezitMin !== undefined) out.eigenBezitMin = c.number(o.eigenBezitMin, `${field}.eigenBezitMin`, 0);
  if (out.corporatieklasse === undefined && out.eigenBezitMin === undefined) c.fail(field, '{ "corporatieklasse": [...] } or { "eigenBezitMin": N }', v);
  return out;
}

function mapLevel(c: Checker, v: Json, field: string): MapLevel {
  return c.oneOf(v, field, MAP_LEVELS);
}

/** `"onv"` or `{ "dimension": "onv", "level": "wijk" }`; the level is the map level or coarser. */
function oSpec(c: Checker, v: Json, field: string, level: MapLevel): RunConfig['indicators']['O'] {
  if (typeof v === 'string') return { dimension: c.oneOf(v, field, LIVABILITY_DIMENSIONS), level };
  const o = c.object(v, field);
  c.only(o, field, ['dimension', 'level']);
  const dimension = o.dimension === undefined ? 'onv' : c.oneOf(o.dimension, `${field}.dimension`, LIVABILITY_DIMENSIONS);
  const oLevel = o.level === undefined ? level : mapLevel(c, o.level, `${field}.level`);
  if (MAP_LEVELS.indexOf(oLevel) < MAP_LEVELS.indexOf(level)) {
    c.fail(`${field}.level`, `the map level (${level}) or a coarser one (${MAP_LEVELS.slice(MAP_LEVELS.indexOf(level)).join(', ')})`, oLevel);
  }
  return { dimension, level: oLevel };
}

/** A KWB input: a path, or `{ "file", "columns", "sheet" }`. */
function kwbInput(c: Checker, v: Json, field: string, base: string): KwbInput {
  if (typeof v === 'string') return { file: path(c, v, field, base) };
  const o = c.object(v, field);
  c.only(o, field, ['file', 'columns', 'sheet']);
  const out: KwbInput = { file: path(c, o.file, `${field}.file`, base) };
  if (o.sheet !== undefined) out.sheet = c.string(o.sheet, `${field}.sheet`);
  if (o.columns !== undefined) {
    const cols = c.object(o.columns, `${field}.columns`);
    const names = [...KWB_MAPPING_EXTRA, ...KWB_CONCEPTS.map((k) => k.id)];
    const columns: Record<string, string> = {};
    for (const [k, col] of Object.entries(cols)) {
      if (!names.includes(k)) c.fail(`${field}.columns.${k}`, `a concept name: ${names.join(', ')}`, k);
      columns[k] = c.string(col, `${field}.columns.${k}`);
    }
    if (!('code' in columns)) c.fail(`${field}.columns.code`, 'the column holding the region codes (e.g. "gwb_code")', undefined);
    out.columns = columns;
  }
  return out;
}

/**
 * Validate a parsed config against the schema above and fill in defaults.
 * @param base folder that relative paths are resolved against
 * @throws VeerkrachtError naming the field, what was expected and what was found
 */
export function parseRunConfig(json: Json, file: string, base: string): RunConfig {
  const c = new Checker(file);
  const o = c.object(json, '(root)');
  c.only(o, '', ['title', 'synthetic', 'level', 'area', 'period', 'inputs', 'indicators', 'reference', 'thresholds', 'focus', 'filter', 'gemeentePaginas']);
  const level: MapLevel = o.level === undefined ? 'buurt' : mapLevel(c, o.level, 'level');
  let area: string[] | null = null;
  if (o.area !== undefined && o.area !== null) {
    const list = typeof o.area === 'string' ? [o.area] : o.area;
    if (!Array.isArray(list) || list.length === 0) c.fail('area', 'a list of gemeente or wijk codes (e.g. ["GM0344"])', o.area);
    area = (list as Json[]).map((v, k) => {
      const code = typeof v === 'string' ? normalizeRegionCode(v) : null;
      const lvl = code === null ? null : regionLevel(code);
      if (code === null || (lvl !== 'gemeente' && lvl !== 'wijk')) c.fail(`area[${k}]`, 'a gemeente code (GM0344) or wijk code (WK034401)', v);
      return code as string;
    });
  }
  const p = c.object(o.period, 'period');
  c.only(p, 'period', ['t0', 't1', 'K', 'O']);
  const t0 = c.number(p.t0, 'period.t0');
  const t1 = c.number(p.t1, 'period.t1');
  if (!(t1 > t0)) c.fail('period.t1', `a year after t0 (${t0})`, t1);
  const pair = (v: Json, field: string): YearPair => {
    if (v === undefined) return { t0, t1 };
    const q = c.object(v, field);
    c.only(q, field, ['t0', 't1']);
    const a = q.t0 === undefined ? t0 : c.number(q.t0, `${field}.t0`);
    const b = q.t1 === undefined ? t1 : c.number(q.t1, `${field}.t1`);
    // K may use one edition for both years when K is not used (checked below)
    if (!(b > a) && !(field === 'period.K' && b === a)) c.fail(`${field}.t1`, `a year after ${field}.t0 (${a})`, b);
    return { t0: a, t1: b };
  };
  const K = pair(p.K, 'period.K');
  const O = pair(p.O, 'period.O');
  for (const k of ['t0', 't1'] as const) {
    // only O years must be Leefbaarometer years; name the field the year came from
    if (!LEEFBAAROMETER_YEARS.includes(O[k])) c.fail(p.O === undefined ? `period.${k}` : `period.O.${k}`, `a Leefbaarometer year (${LEEFBAAROMETER_YEARS.join(', ')})`, O[k]);
  }

  const i = c.object(o.inputs, 'inputs');
  c.only(i, 'inputs', ['kwb', 'leefbaarometer', 'boundaries', 'microdata', 'matrix', 'corporatie']);
  const kwbIn = c.object(i.kwb, 'inputs.kwb');
  const kwb: Record<string, KwbInput> = {};
  for (const [y, f] of Object.entries(kwbIn)) {
    if (!/^\d{4}$/.test(y)) c.fail(`inputs.kwb.${y}`, 'a year as key (e.g. "2022")', y);
    kwb[y] = kwbInput(c, f, `inputs.kwb.${y}`, base);
  }
  for (const y of [K.t0, K.t1]) if (!(String(y) in kwb)) c.fail(`inputs.kwb.${y}`, `a KWB file for year ${y} (the K years${p.K === undefined ? ' are period.t0 and t1' : ' of period.K'})`, undefined);
  const b = c.object(i.boundaries, 'inputs.boundaries');
  c.only(b, 'inputs.boundaries', ['t0', 't1']);
  const boundaries: RunConfig['inputs']['boundaries'] = { t1: path(c, b.t1, 'inputs.boundaries.t1', base) };
  if (b.t0 !== undefined) boundaries.t0 = path(c, b.t0, 'inputs.boundaries.t0', base);
  const inputs: RunConfig['inputs'] = { kwb, leefbaarometer: path(c, i.leefbaarometer, 'inputs.leefbaarometer', base), boundaries };
  if (i.microdata !== undefined) inputs.microdata = path(c, i.microdata, 'inputs.microdata', base);
  if (i.matrix !== undefined) inputs.matrix = path(c, i.matrix, 'inputs.matrix', base);
  if (i.corporatie !== undefined) inputs.corporatie = corporatieInputs(c, i.corporatie, 'inputs.corporatie', base);

  const d = structuredClone(DEFAULT_SETTINGS);
  const cfg: RunConfig = {
    title: o.title === undefined ? 'Signaleringskaart Veerkracht' : c.string(o.title, 'title'),
    synthetic: o.synthetic === undefined ? false : typeof o.synthetic === 'boolean' ? o.synthetic : c.fail('synthetic', 'true or false', o.synthetic),
    ...d,
    level,
    area,
    period: { t0, t1, K, O },
    inputs,
  };
  cfg.indicators.O.level = level;
  if (o.indicators !== undefined) {
    const ind = c.object(o.indicators, 'indicators');
    c.only(ind, 'indicators', ['K', 'C', 'O', 'minInwoners']);
    if (ind.K !== undefined) cfg.indicators.K = kSpec(c, ind.K, 'indicators.K');
    if (ind.C !== undefined) {
      const co = c.object(ind.C, 'indicators.C');
      c.only(co, 'indicators.C', ['source']);
      cfg.indicators.C = { source: co.source === undefined ? 'kwb' : c.oneOf(co.source, 'indicators.C.source', C_SOURCES) };
    }
    if (ind.O !== undefined) cfg.indicators.O = oSpec(c, ind.O, 'indicators.O', level);
    if (ind.minInwoners !== undefined) cfg.indicators.minInwoners = c.number(ind.minInwoners, 'indicators.minInwoners', 0);
  }
  if (K.t0 === K.t1 && cfg.indicators.K.source !== 'geen') {
    c.fail('period.K.t1', `a year after period.K.t0 (${K.t0}); one edition for both years only with indicators.K { "source": "geen" }`, K.t1);
  }
  if (cfg.indicators.K.source === 'microdata' && inputs.microdata === undefined) {
    c.fail('inputs.microdata', 'a microdata file, since indicators.K.source is "microdata"', undefined);
  }
  const kSpecNow = cfg.indicators.K;
  if (kSpecNow.source === 'verhuringen') {
    if (!inputs.corporatie || inputs.corporatie.verhuringen.length === 0) {
      c.fail('inputs.corporatie.verhuringen', 'the lettings list(s), since indicators.K.source is "verhuringen"', undefined);
    }
    if (kSpecNow.venster > K.t1 - K.t0) {
      c.fail('indicators.K.venster', `at most ${K.t1 - K.t0} years (period.K.t1 − period.K.t0), so the windows up to t0 and up to t1 do not overlap`, kSpecNow.venster);
    }
  }
  if (cfg.indicators.C.source === 'bezit' && !inputs.corporatie) c.fail('inputs.corporatie.bezit', 'the stock list(s), since indicators.C.source is "bezit"', undefined);
  if (o.filter !== undefined && o.filter !== null) {
    cfg.filter = runFilter(c, o.filter, 'filter');
    if (cfg.filter.eigenBezitMin !== undefined && !inputs.corporatie) c.fail('inputs.corporatie.bezit', 'the stock list(s), since filter.eigenBezitMin counts the corporation\'s own dwellings', undefined);
  }
  if (o.reference !== undefined) {
    const r = c.object(o.reference, 'reference');
    c.only(r, 'reference', ['variant', 'absoluut']);
    if (r.variant !== undefined) cfg.reference.variant = c.oneOf(r.variant, 'reference.variant', ['absoluut', 'relatief'] as const);
    if (r.absoluut !== undefined) {
      const a = c.object(r.absoluut, 'reference.absoluut');
      c.only(a, 'reference.absoluut', ['K', 'O']);
      if (a.K !== undefined) cfg.reference.absoluut.K = absRef(c, a.K, 'reference.absoluut.K');
      if (a.O !== undefined) cfg.reference.absoluut.O = absRef(c, a.O, 'reference.absoluut.O');
    }
  }
  if (o.thresholds !== undefined) {
    const t = c.object(o.thresholds, 'thresholds');
    c.only(t, 'thresholds', ['K', 'O']);
    if (t.K !== undefined) cfg.thresholds.K = threshold(c, t.K, 'thresholds.K');
    if (t.O !== undefined) cfg.thresholds.O = threshold(c, t.O, 'thresholds.O');
  }
  if (o.gemeentePaginas !== undefined) {
    const g = o.gemeentePaginas;
    if (!(typeof g === 'boolean' || g === 'html' || g === 'auto')) c.fail('gemeentePaginas', 'true, false, "html" or "auto"', g);
    cfg.gemeentePaginas = g as RunConfig['gemeentePaginas'];
  }
  if (o.focus !== undefined) {
    const f = c.object(o.focus, 'focus');
    c.only(f, 'focus', ['marginK', 'marginO']);
    if (f.marginK !== undefined) cfg.focus.marginK = threshold(c, f.marginK, 'focus.marginK');
    if (f.marginO !== undefined) cfg.focus.marginO = threshold(c, f.marginO, 'focus.marginO');
  }
  return cfg;
}

/** Read and validate a config file; JSON syntax errors name the file and the position. */
export function loadRunConfig(file: string): RunConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new VeerkrachtError((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'config file not found' : 'cannot read config file', { file });
  }
  let json: Json;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new VeerkrachtError(`not valid JSON (${(e as Error).message})`, { file, expected: 'a JSON run configuration' });
  }
  return parseRunConfig(json, file, dirname(resolve(file)));
}
