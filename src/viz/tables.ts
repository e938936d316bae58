/**
 * Readable tables for notebooks and reports instead of JSON blobs: load reports, join reports,
 * inputs, warnings, counts and signal summaries as arquero tables with Dutch column titles, and
 * {@link markdownNl} to show any table with Dutch number formatting (decimal comma, thousands
 * dot, U+2212 minus; as the figures, see `locale.ts`). Pure: no display, no I/O.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { MatchReport } from '../regions/match.js';
import { SIGNAL_CATEGORIES, SIGNAL_LABELS, type SignalCategory } from '../signal/categories.js';
import type { CategoryCounts } from '../signal/summary.js';
import { formatNumberNl } from './classes.js';

/** Options for {@link formatTableNl} and {@link markdownNl}. */
export interface NlTableOptions {
  /**
   * Decimals: one number for every column or one per column name. Default per value, by its
   * size (whole numbers: 0; else ≥ 100: 0, ≥ 10: 1, ≥ 1: 2, ≥ 0,1: 3, smaller: 4), so a column
   * that mixes indicators (a `describe` table: K in %, O in score points) stays readable.
   */
  digits?: number | Readonly<Record<string, number>>;
  /** Columns printed as they are, without thousands dots (years, codes). Default: jaar, editie, year, tabel, code. */
  plain?: readonly string[];
  /** Text of a missing value (null, undefined, NaN). Default `–`. */
  missing?: string;
  /** At most this many rows (default: all). */
  limit?: number;
}

const PLAIN = ['jaar', 'editie', 'year', 'tabel', 'code'];

/** The default number of decimals for finite values (see {@link NlTableOptions.digits}): 0 when all are whole, else by the largest. */
export function defaultDigits(values: readonly number[]): number {
  if (values.every((v) => Number.isInteger(v))) return 0;
  let m = 0;
  for (const v of values) m = Math.max(m, Math.abs(v));
  return m >= 100 ? 0 : m >= 10 ? 1 : m >= 1 ? 2 : m >= 0.1 ? 3 : 4;
}

/**
 * A copy of `table` with every cell as display text: numbers in Dutch notation, missing values
 * as `–`, booleans as ja/nee.
 *
 * @example formatTableNl(aq.table({ x: [1234.5, null] })).objects() // [{ x: '1.234,5' }, { x: '–' }]
 */
export function formatTableNl(table: ColumnTable, options: NlTableOptions = {}): ColumnTable {
  const plain = new Set(options.plain ?? PLAIN);
  const missing = options.missing ?? '–';
  const n = options.limit !== undefined ? Math.min(options.limit, table.numRows()) : table.numRows();
  const rows = table.objects({ limit: n }) as Record<string, unknown>[];
  const cols: Record<string, string[]> = {};
  for (const name of table.columnNames()) {
    const values = rows.map((r) => r[name]);
    const d = typeof options.digits === 'number' ? options.digits : options.digits?.[name];
    cols[name] = values.map((v) => {
      if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return missing;
      if (typeof v === 'number') return plain.has(name) ? String(v) : formatNumberNl(v, d ?? defaultDigits([v]));
      if (typeof v === 'boolean') return v ? 'ja' : 'nee';
      if (Array.isArray(v)) return v.join(', ');
      if (typeof v === 'object') return JSON.stringify(v);
      return String(v);
    });
  }
  return aq.table(cols);
}

/**
 * A Markdown table with Dutch number formatting (numbers right-aligned); `|` in cells escaped.
 * For notebooks: `tslab.display.markdown(vk.markdownNl(table))`.
 *
 * @example markdownNl(aq.table({ gemeente: ['Veerdam'], inwoners: [12345] }))
 * // '| gemeente | inwoners |\n| :-- | --: |\n| Veerdam | 12.345 |'
 */
export function markdownNl(table: ColumnTable, options: NlTableOptions = {}): string {
  const names = table.columnNames();
  const text = formatTableNl(table, options);
  const numeric = names.map((name) => (table.array(name) as ArrayLike<unknown>).length > 0 && Array.from(table.array(name) as ArrayLike<unknown>).every((v) => v === null || v === undefined || typeof v === 'number'));
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const lines = [
    `| ${names.map(cell).join(' | ')} |`,
    `| ${numeric.map((isNum) => (isNum ? '--:' : ':--')).join(' | ')} |`,
    ...(text.objects() as Record<string, string>[]).map((r) => `| ${names.map((nm) => cell(r[nm])).join(' | ')} |`),
  ];
  const more = table.numRows() - text.numRows();
  if (more > 0) lines.push('', `… en nog ${formatNumberNl(more, 0)} rijen`);
  return lines.join('\n');
}

/** What a loader reported (a `LoadReport` with its file, or a run's load summary). */
export interface LoadLike {
  file: string;
  rowsRead: number;
  rowsKept: number;
  dropped: readonly { reason: string; count: number }[];
  warnings: readonly string[];
}

function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1];
}

/**
 * One row per loaded file: gelezen, behouden, weggelaten (with reasons) and warnings.
 *
 * @example loadsTable(run.reports.loads)
 */
export function loadsTable(loads: readonly LoadLike[]): ColumnTable {
  return aq.from(
    loads.map((l) => ({
      bestand: baseName(l.file),
      gelezen: l.rowsRead,
      behouden: l.rowsKept,
      weggelaten: l.dropped.reduce((s, d) => s + d.count, 0),
      'waarom weggelaten': l.dropped.map((d) => `${formatNumberNl(d.count, 0)} × ${d.reason}`).join('; '),
      waarschuwingen: l.warnings.length,
    })),
  );
}

/**
 * One row per join: the two sides, matched codes, codes on one side only (count and the first
 * `examples`) and duplicates.
 *
 * @example joinReportTable(run.reports.joins)
 */
export function joinReportTable(reports: readonly MatchReport[], examples = 3): ColumnTable {
  const list = (codes: readonly string[]) =>
    codes.length === 0 ? '' : codes.slice(0, examples).join(', ') + (codes.length > examples ? `, … (+${codes.length - examples})` : '');
  return aq.from(
    reports.map((j) => ({
      links: j.left,
      rechts: j.right,
      gekoppeld: j.matched,
      'alleen links': j.onlyLeft.length,
      'voorbeelden links': list(j.onlyLeft),
      'alleen rechts': j.onlyRight.length,
      'voorbeelden rechts': list(j.onlyRight),
      dubbel: j.duplicatesLeft.length + j.duplicatesRight.length,
    })),
  );
}

/** An input file as a run records it (role, file, kind, edition/year, table id, checksum). */
export interface InputLike {
  role: string;
  file: string;
  kind: string;
  edition?: string;
  year?: number;
  tableId?: string;
  checksum: string;
}

/**
 * One row per input file: role, file name, kind, edition or year, table id and the first 12
 * characters of the checksum (enough to tell two files apart by eye; the summary has it whole).
 *
 * @example inputsTable(run.inputs)
 */
export function inputsTable(inputs: readonly InputLike[]): ColumnTable {
  return aq.from(
    inputs.map((i) => ({
      rol: i.role,
      bestand: baseName(i.file),
      soort: i.kind,
      editie: i.edition ?? (i.year !== undefined ? String(i.year) : ''),
      tabel: i.tableId ?? '',
      controlesom: i.checksum.replace(/^sha256:/, '').slice(0, 12),
    })),
  );
}

/**
 * Warnings as a numbered table; identical warnings are shown once with their count. An empty
 * list gives one row saying there are none.
 *
 * @example warningsTable(run.reports.warnings)
 */
export function warningsTable(warnings: readonly string[]): ColumnTable {
  if (warnings.length === 0) return aq.table({ nr: [''], waarschuwing: ['geen waarschuwingen'], aantal: [0] });
  const counts = new Map<string, number>();
  for (const w of warnings) counts.set(w, (counts.get(w) ?? 0) + 1);
  const rows = [...counts.entries()].map(([w, c], i) => ({ nr: String(i + 1), waarschuwing: w, aantal: c }));
  return aq.from(rows);
}

/**
 * A count per key (e.g. crosswalk relations, reasons without a signal) as a two-column table,
 * in the given key order or else by descending count.
 *
 * @example countsTable(crosswalk.report.relations, 'relatie', 'buurten')
 */
export function countsTable(counts: Readonly<Record<string, number>>, keyTitle = 'soort', valueTitle = 'aantal', order?: readonly string[]): ColumnTable {
  const keys = order ? order.filter((k) => k in counts) : Object.keys(counts).sort((a, b) => counts[b] - counts[a] || (a < b ? -1 : 1));
  return aq.from(keys.map((k) => ({ [keyTitle]: k, [valueTitle]: counts[k] })));
}

/**
 * Buurten and inwoners per signal category, one pair of columns per labelled count (e.g. the
 * absolute and the relatief variant), categories in the fixed order with their Dutch labels,
 * and a total row.
 *
 * @example summaryTable({ absoluut: vk.countByCategory(t, 'categorie_absoluut'), relatief: vk.countByCategory(t, 'categorie_relatief') })
 */
export function summaryTable(counts: Readonly<Record<string, CategoryCounts<SignalCategory>>>): ColumnTable {
  const labels = Object.keys(counts);
  const row = (signaal: string, pick: (c: CategoryCounts<SignalCategory>) => { buurten: number; inwoners: number }) => {
    const r: Record<string, string | number> = { signaal };
    for (const l of labels) {
      const x = pick(counts[l]);
      r[labels.length === 1 ? 'buurten' : `buurten ${l}`] = x.buurten;
      r[labels.length === 1 ? 'inwoners' : `inwoners ${l}`] = Math.round(x.inwoners);
    }
    return r;
  };
  const rows = SIGNAL_CATEGORIES.map((c: SignalCategory) => row(SIGNAL_LABELS[c], (x) => x[c]));
  rows.push(
    row('totaal', (x) =>
      SIGNAL_CATEGORIES.reduce((s, c) => ({ buurten: s.buurten + x[c].buurten, inwoners: s.inwoners + x[c].inwoners }), { buurten: 0, inwoners: 0 }),
    ),
  );
  return aq.from(rows);
}
