/**
 * Build a {@link LoadedTable} from the columns of any StatLine layout (OData JSON, CSV with keys,
 * titles or symbols): typed values, region columns `code`/`level`/`gemeente`, column metadata,
 * provenance and a balanced load report. Rows without level and without any value (Nuenen in
 * KWB 2017) are counted as unusable, never dropped silently.
 */
import { table } from 'arquero';
import { VeerkrachtError } from '../../util/errors.js';
import { gemeenteOf, normalizeRegionCode, regionLevel } from '../../regions/codes.js';
import { soortRegioLevel } from '../../regions/soort.js';
import { DEFAULT_MISSING_SYMBOLS, parseDecimal, parseNumericCells, parseNumericColumn, trimCell } from '../csv/number.js';
import type { CellGrid } from '../csv/records.js';
import type { ColumnMeta, DroppedRows, LoadedTable, RegionLevel } from '../types.js';
import { TEXT_KEY_STEMS, TEXT_UNITS, type TopicInfo } from './properties.js';
import { keyStem } from './titles.js';
import { duplicateCodeWarning, rangeWarning, topicUnit } from './plausibility.js';
import { countDropped } from '../dropped.js';

/** One source column: its metadata and raw cells (strings from CSV, numbers/null from JSON). */
export interface StatlineColumnInput {
  info: TopicInfo;
  values: readonly (string | number | null)[];
  /**
   * The same cells as field `j` of a CSV's {@link CellGrid} (trimmed): typed from the text
   * without a string per numeric cell. `values` must still give the cells (it may build them when
   * first asked, which only a column with a bad cell does).
   */
  cells?: { grid: CellGrid; j: number };
}

/** Number of cells of a column. */
function columnLength(col: StatlineColumnInput): number {
  return col.cells ? col.cells.grid.rows : col.values.length;
}

/**
 * The text cells of field `j` of a grid: null for empty cells and missing symbols. A cell with
 * the text of the cell above (a gemeente name, a SoortRegio) is that cell's string, not a new one.
 */
function textCells(grid: CellGrid, j: number, missing: ReadonlySet<string>, maxSymbol: number): { values: (string | null)[]; missing: number } {
  const { text, width, rows, starts, ends } = grid;
  const out = new Array<string | null>(rows);
  let miss = 0;
  let above: string | null = null;
  for (let r = 0, k = j; r < rows; r++, k += width) {
    const a = starts[k];
    const b = ends[k];
    if (above !== null && b - a === above.length && text.startsWith(above, a)) {
      out[r] = above;
      continue;
    }
    const s = a === b ? '' : text.slice(a, b);
    if (s === '' || (b - a <= maxSymbol && missing.has(s))) {
      out[r] = null;
      miss++;
      above = null;
    } else {
      out[r] = s;
      above = s;
    }
  }
  return { values: out, missing: miss };
}

/** Which source columns play a region role (keys of `columns`). */
export interface RegionRoles {
  /** Column holding region codes (`WijkenEnBuurten`, `RegioS`, `Codering_3`). */
  code?: string;
  /** Column holding `SoortRegio`. */
  soort?: string;
  /** Column holding region names (titles/symbols exports: `Wijken en buurten`). */
  name?: string;
  /** Columns that never count as values when deciding a row is empty (`ID`, `Gemeentenaam_1`). */
  ignore?: string[];
}

/** Everything {@link assembleStatline} needs. */
export interface AssembleInput {
  kind: string;
  file?: string;
  checksum?: string;
  tableId?: string | null;
  year?: number | null;
  edition?: string;
  columns: StatlineColumnInput[];
  roles: RegionRoles;
  /** Source line (CSV) per row, for messages and drop examples. */
  lines?: readonly number[];
  missing?: readonly string[];
  warnings?: string[];
  /** True when the metadata (units) came from the source itself: a non-number in a numeric topic is then an error. */
  strictNumbers?: boolean;
}

function isText(info: TopicInfo, roles: RegionRoles): boolean {
  if (info.key === roles.code || info.key === roles.soort || info.key === roles.name) return true;
  if (info.type === 'Dimension' || info.type === 'GeoDimension' || info.type === 'TimeDimension' || info.type === 'GeoDetail') return true;
  if (info.unit !== undefined && TEXT_UNITS.has(info.unit.toLowerCase())) return true;
  return TEXT_KEY_STEMS.has(keyStem(info.key));
}

interface TypedValues {
  values: (number | null)[] | (string | null)[];
  missing: number;
  numeric: boolean;
  /** Why a column without a known unit became text although most cells are numbers. */
  note?: string;
}

function typeValues(col: StatlineColumnInput, text: boolean, missing: ReadonlySet<string>, input: AssembleInput): TypedValues {
  if (text) {
    // the Set is asked only for cells short enough to be a symbol (names and codes are not)
    let maxSymbol = 0;
    for (const m of missing) maxSymbol = Math.max(maxSymbol, m.length);
    if (col.cells) {
      const t = textCells(col.cells.grid, col.cells.j, missing, maxSymbol);
      return { values: t.values, missing: t.missing, numeric: false };
    }
    const v = col.values;
    const n = v.length;
    const out = new Array<string | null>(n);
    let miss = 0;
    for (let r = 0; r < n; r++) {
      const x = v[r];
      const s = x === null || x === undefined ? '' : trimCell(typeof x === 'string' ? x : String(x));
      if (s === '' || (s.length <= maxSymbol && missing.has(s))) {
        out[r] = null;
        miss++;
      } else out[r] = s;
    }
    return { values: out, missing: miss, numeric: false };
  }
  // numbers: JSON numbers pass through; strings are profiled for their decimal mark and parsed in the same pass
  const parsed = col.cells ? parseNumericCells(col.cells.grid, col.cells.j, missing) : parseNumericColumn(col.values, missing);
  const p = parsed.profile;
  if (parsed.strings > 0) {
    if (!p.numeric && p.firstNonNumeric >= 0) {
      // a keys-only export has no units, but a harmonised KWB concept (AantalInwoners, …) is numeric:
      // turning it into text would hide the bad cell
      const known = topicUnit(col.info);
      const r = p.firstNonNumeric;
      const bad = trimCell(col.values[r] as string);
      if (input.strictNumbers || (known !== undefined && !TEXT_UNITS.has(known.toLowerCase()))) {
        throw new VeerkrachtError('not a number', {
          file: input.file,
          line: input.lines?.[r],
          feature: input.lines ? undefined : r,
          column: col.info.key,
          expected: `a number (${known ?? 'numeric topic'}) or a missing symbol`,
          found: JSON.stringify(bad),
        });
      }
      const where = input.lines ? `line ${input.lines[r]}` : `row ${r}`;
      return { ...typeValues(col, true, missing, input), note: `column ${JSON.stringify(col.info.key)} read as text: ${where} holds ${JSON.stringify(bad.slice(0, 40))}, not a number` };
    }
    if (p.leadingZeros && !input.strictNumbers) return typeValues(col, true, missing, input);
  }
  return { values: parsed.values as (number | null)[], missing: parsed.missing, numeric: true };
}

/** True when more than half of the non-missing string cells read as numbers (with either mark). */
function mostlyNumeric(values: readonly (string | number | null)[], missing: ReadonlySet<string>): boolean {
  let n = 0;
  let num = 0;
  for (const x of values) {
    if (typeof x !== 'string') continue;
    const s = trimCell(x);
    if (s === '' || missing.has(s)) continue;
    n++;
    if (Number.isFinite(parseDecimal(s, '.')) || Number.isFinite(parseDecimal(s, ','))) num++;
  }
  return n > 0 && num * 2 > n;
}


/**
 * Assemble a StatLine table. Output columns: `code`, `level`, `gemeente` (when the source has a
 * region code or SoortRegio column), `naam` (when it has region names), then every source column
 * under its key (text trimmed; numbers typed, missing symbols → null).
 *
 * @throws VeerkrachtError for a non-number in a numeric topic when `strictNumbers` is set
 */
export function assembleStatline(input: AssembleInput): LoadedTable {
  const missing = new Set(input.missing ?? DEFAULT_MISSING_SYMBOLS);
  const roles = input.roles;
  const warnings = [...(input.warnings ?? [])];
  const n = input.columns.length > 0 ? columnLength(input.columns[0]) : 0;
  const typed = input.columns.map((c) => ({ col: c, t: typeValues(c, isText(c.info, roles), missing, input) }));
  const byKey = new Map(typed.map((x) => [x.col.info.key, x]));
  const codeCol = roles.code ? (byKey.get(roles.code)?.t.values as (string | null)[] | undefined) : undefined;
  const soortCol = roles.soort ? (byKey.get(roles.soort)?.t.values as (string | null)[] | undefined) : undefined;
  const nameCol = roles.name ? (byKey.get(roles.name)?.t.values as (string | null)[] | undefined) : undefined;
  const hasRegions = codeCol !== undefined || soortCol !== undefined;
  const ignore = new Set([roles.code, roles.soort, roles.name, ...(roles.ignore ?? [])]);
  const valueCols = typed.filter((x) => !ignore.has(x.col.info.key)).map((x) => x.t.values);

  const keep = new Uint8Array(n).fill(1);
  const code = new Array<string | null>(n);
  const level = new Array<RegionLevel | null>(n);
  const gemeente = new Array<string | null>(n);
  const drops = new Map<string, DroppedRows>();
  let disagree = 0;
  let noCode = 0;
  const where = (r: number) => (input.lines ? `line ${input.lines[r]}` : `row ${r}`);
  for (let r = 0; r < n; r++) {
    const raw = codeCol ? codeCol[r] : null;
    const soort = soortCol ? soortRegioLevel(soortCol[r]) : null;
    const c = raw === null ? null : normalizeRegionCode(raw, soort ?? undefined) ?? normalizeRegionCode(raw);
    const fromCode = c === null ? null : regionLevel(c);
    if (soort !== null && fromCode !== null && soort !== fromCode) disagree++;
    const lvl = soort ?? fromCode;
    if (soortCol && soort === null) {
      let empty = true;
      for (const vc of valueCols) {
        if (vc[r] !== null) {
          empty = false;
          break;
        }
      }
      if (empty) {
        keep[r] = 0;
        countDropped(drops, 'unusable: no SoortRegio and no values', `${where(r)} ${raw ?? ''}`.trim());
        continue;
      }
    }
    if (codeCol && c === null) noCode++;
    code[r] = c;
    level[r] = lvl;
    gemeente[r] = c === null ? null : gemeenteOf(c);
  }
  if (disagree > 0) warnings.push(`${disagree} rows whose SoortRegio disagrees with the level of their code (SoortRegio used)`);
  if (noCode > 0) warnings.push(`${noCode} rows without a valid region code (code is null)`);
  if (!hasRegions && nameCol) warnings.push('export has region names only, no codes: join by code is not possible (re-export with Codering)');
  // plausibility: repeated codes (within the other dimensions, e.g. Perioden), % outside 0–100, negative counts
  if (codeCol) {
    const dims = typed
      .filter((x) => x.col.info.key !== roles.code && !ignore.has(x.col.info.key) && (/Dimension$/.test(x.col.info.type ?? '') || /^(Perioden|Jaar)/i.test(x.col.info.key)))
      .map((x) => x.t.values as readonly unknown[]);
    const kept = Array.from(code, (c, r) => (keep[r] && c !== undefined ? c : null));
    const dup = duplicateCodeWarning(kept, dims, where);
    if (dup) warnings.push(dup);
  }
  for (const { col, t } of typed) {
    if (t.note !== undefined && !ignore.has(col.info.key) && mostlyNumeric(col.values, missing)) warnings.push(t.note);
    if (!t.numeric || ignore.has(col.info.key)) continue;
    const nums = t.values as (number | null)[];
    const w = rangeWarning(col.info, drops.size === 0 ? nums : Array.from(nums, (x, r) => (keep[r] ? x : null)), where);
    if (w) warnings.push(w);
  }

  const pick = <T>(arr: readonly T[]): T[] => {
    if (drops.size === 0) return arr as T[];
    const out: T[] = [];
    for (let r = 0; r < n; r++) if (keep[r]) out.push(arr[r]);
    return out;
  };
  const data: Record<string, unknown[]> = {};
  const columns: ColumnMeta[] = [];
  const count = (a: readonly unknown[]) => a.reduce<number>((s, x) => s + (x === null ? 1 : 0), 0);
  if (hasRegions) {
    data.code = pick(code);
    data.level = pick(level);
    data.gemeente = pick(gemeente);
    columns.push({ name: 'code', title: 'Regiocode (genormaliseerd)', missing: count(data.code) });
    columns.push({ name: 'level', title: 'Regioniveau', missing: count(data.level) });
    columns.push({ name: 'gemeente', title: 'Gemeentecode', missing: count(data.gemeente) });
  }
  if (nameCol) {
    data.naam = pick(nameCol);
    columns.push({ name: 'naam', title: 'Regionaam', sourceKey: roles.name, missing: count(data.naam) });
  }
  for (const { col, t } of typed) {
    let name = col.info.key;
    if (name in data) name = `${name}_bron`;
    data[name] = pick(t.values as unknown[]);
    // without dropped rows the nulls are exactly the cells typeValues counted as missing
    const meta: ColumnMeta = { name, sourceKey: col.info.key, missing: drops.size === 0 ? t.missing : count(data[name]) };
    if (col.info.path ?? col.info.title) meta.title = col.info.title ?? col.info.path;
    if (col.info.unit !== undefined) meta.unit = col.info.unit;
    if (col.info.decimals !== undefined) meta.decimals = col.info.decimals;
    columns.push(meta);
  }
  const dropped = [...drops.values()];
  const rowsKept = n - dropped.reduce((s, d) => s + d.count, 0);
  const provenance: LoadedTable['provenance'] = { kind: input.kind, attribution: 'Bron: CBS' };
  if (input.file !== undefined) provenance.file = input.file;
  if (input.checksum !== undefined) provenance.checksum = input.checksum;
  if (input.tableId) provenance.tableId = input.tableId;
  if (input.year) provenance.year = input.year;
  if (input.edition) provenance.edition = input.edition;
  return {
    table: table(data),
    columns,
    provenance,
    report: { rowsRead: n, rowsKept, dropped, warnings },
    ...(input.lines ? { lines: pick(Array.from(input.lines)) } : {}),
  };
}
