/**
 * CSV export for two audiences: Dutch Excel (`;` separated, decimal comma, UTF-8 with BOM, CRLF
 * line ends, so Excel opens it with the right columns and numbers) and plain CSV for data tools
 * (`,`, decimal point, no BOM, LF). Text cells that a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, tab or CR; OWASP "CSV injection") get a leading `'`;
 * numbers in numeric columns are written as numbers, negative ones included.
 */

import { decimalText } from '../util/decimal.js';

/** Which CSV flavour to write. */
export type CsvDialect = 'excel-nl' | 'plain';

/** A column to write: the field name in the rows, its header, and whether it is numeric. */
export interface CsvColumn {
  field: string;
  /** Header text (default: the field name). */
  header?: string;
  /** `number` writes finite numbers as numbers (strings in it are treated as text); default: inferred. */
  type?: 'number' | 'text';
}

/** Options for {@link toCsv}. */
export interface CsvOptions {
  dialect: CsvDialect;
  /** Columns in order (default: the keys of the first row, types inferred). */
  columns?: readonly (string | CsvColumn)[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralise a text cell against formula injection: a leading `'` when it starts with `=`, `+`,
 * `-`, `@`, tab or CR.
 *
 * @example neutraliseCell('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function neutraliseCell(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

const QUOTE_ALWAYS = /["\r\n]/;

/** `s` quoted when it holds the separator, a quote or a line break (`always`: the last two, when known). */
function quote(s: string, sep: string, always = QUOTE_ALWAYS.test(s)): string {
  return always || s.indexOf(sep) >= 0 ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Format a number for the dialect (shortest round-trip digits; decimal comma for excel-nl). */
export function formatCsvNumber(x: number, dialect: CsvDialect): string {
  const s = Object.is(x, -0) ? '0' : String(x);
  return dialect === 'excel-nl' ? s.replace('.', ',') : s;
}

function inferColumns(rows: readonly Record<string, unknown>[], cols: readonly (string | CsvColumn)[] | undefined): CsvColumn[] {
  const given = cols ?? (rows.length > 0 ? Object.keys(rows[0]) : []);
  return given.map((c) => {
    const col: CsvColumn = typeof c === 'string' ? { field: c } : { ...c };
    if (col.type === undefined) {
      const field = col.field;
      let numeric = false;
      let text = false;
      // (one text value decides: no need to read on)
      for (let i = 0; i < rows.length && !text; i++) {
        const v = rows[i][field];
        if (typeof v === 'number') numeric = true;
        else if (v !== null && v !== undefined) text = true;
      }
      col.type = numeric && !text ? 'number' : 'text';
    }
    return col;
  });
}

/**
 * CSV text of `rows` (an arquero table's `objects()` or plain rows). Missing values (null,
 * undefined, NaN) are empty cells.
 *
 * @example toCsv([{ code: 'BU1', dK: -1.5 }], { dialect: 'excel-nl' }) // '\uFEFFcode;dK\r\nBU1;-1,5\r\n'
 */
export function toCsv(input: readonly Record<string, unknown>[] | { objects(): object[] }, o: CsvOptions): string {
  return toCsvDialects(input, [o.dialect], o.columns)[0];
}

/**
 * The CSV texts of `rows` in several dialects at once (each value is formatted once): the same
 * text per dialect as {@link toCsv}.
 *
 * @example const [nl, plain] = toCsvDialects(rows, ['excel-nl', 'plain'])
 */
export function toCsvDialects(
  input: readonly Record<string, unknown>[] | { objects(): object[] },
  dialects: readonly CsvDialect[],
  columns?: readonly (string | CsvColumn)[],
): string[] {
  const rows = (Array.isArray(input) ? input : (input as { objects(): object[] }).objects()) as Record<string, unknown>[];
  const cols = inferColumns(rows, columns);
  const nd = dialects.length;
  const m = cols.length;
  const seps = dialects.map((d) => (d === 'excel-nl' ? ';' : ','));
  const comma = dialects.map((d) => d === 'excel-nl');
  const lines: string[][] = dialects.map(() => []);
  const cells: string[][] = dialects.map(() => new Array<string>(m));
  const fields = cols.map((c) => c.field);
  // one cell of column j in every dialect (`numeric`: the column writes numbers as numbers)
  const put = (j: number, v: unknown, numeric: boolean) => {
    if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) {
      for (let d = 0; d < nd; d++) cells[d][j] = '';
    } else if (typeof v === 'number') {
      const point = decimalText(v); // (String(v): -0 as 0)
      const hasPoint = point.indexOf('.') >= 0;
      for (let d = 0; d < nd; d++) {
        const t = comma[d] && hasPoint ? point.replace('.', ',') : point;
        cells[d][j] = numeric ? t : quote(neutraliseCell(t), seps[d]);
      }
    } else if (typeof v === 'boolean') {
      for (let d = 0; d < nd; d++) cells[d][j] = v ? 'true' : 'false';
    } else {
      const t = neutraliseCell(String(v));
      // (a quote or line break quotes it in every dialect: tested once)
      const always = QUOTE_ALWAYS.test(t);
      for (let d = 0; d < nd; d++) cells[d][j] = quote(t, seps[d], always);
    }
  };
  const flush = () => {
    for (let d = 0; d < nd; d++) lines[d].push(cells[d].join(seps[d]));
  };
  for (let j = 0; j < m; j++) put(j, cols[j].header ?? fields[j], false);
  flush();
  const numeric = cols.map((c) => c.type === 'number');
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (let j = 0; j < m; j++) put(j, r[fields[j]], numeric[j]);
    flush();
  }
  return dialects.map((d, i) => {
    const eol = d === 'excel-nl' ? '\r\n' : '\n';
    return (d === 'excel-nl' ? '\uFEFF' : '') + lines[i].join(eol) + eol;
  });
}
