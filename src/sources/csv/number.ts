/**
 * Numeric cells as researchers' files hold them: decimal point or decimal comma, StatLine's
 * missing-value symbols, padding. Missing is `null`, never 0.
 */
import { VeerkrachtError, showValue } from '../../util/errors.js';
import { gridCellText, type CellGrid } from './records.js';

/** Cell values that mean "missing or suppressed" unless the caller says otherwise. */
export const DEFAULT_MISSING_SYMBOLS: readonly string[] = ['', '.', 'x', 'X', '-', '?', 'NA', 'NaN', 'null'];

/**
 * `text.trim()`, skipped when the cell starts and ends with a visible ASCII character (which
 * is never whitespace): the common case costs two char-code reads instead of a new string.
 *
 * @example trimCell(' 7,9 ') // '7,9'
 */
export function trimCell(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(n - 1);
  return a > 32 && a < 127 && b > 32 && b < 127 ? text : text.trim();
}

/** Decimal separator of a numeric column. */
export type DecimalMark = '.' | ',';

/** Where a cell sits, for error messages. */
export interface CellContext {
  file?: string;
  line?: number;
  column?: string;
}

/**
 * Parse a number written with the given decimal mark; returns NaN when the text is not a plain
 * decimal number (no hex, no `Infinity`, no thousands separators except `.` with a decimal comma
 * when `1.234,5`-style grouping is consistent).
 *
 * @example parseDecimal('12,5', ',') // 12.5
 * @example parseDecimal('1e3', '.') // 1000
 */
export function parseDecimal(text: string, decimal: DecimalMark): number {
  let s = text;
  const n = s.length;
  if (n === 0) return NaN;
  // first char: digit, sign or decimal mark
  const c0 = s.charCodeAt(0);
  if (!((c0 >= 48 && c0 <= 57) || c0 === 45 || c0 === 43 || c0 === 46 || c0 === 44)) return NaN;
  if (decimal === ',') {
    if (s.indexOf('.') >= 0) {
      if (!/^[-+]?\d{1,3}(\.\d{3})+(,\d*)?$/.test(s)) return NaN;
      s = s.split('.').join('');
    }
    if (s.indexOf(',') >= 0) s = s.replace(',', '.');
  } else if (s.indexOf(',') >= 0) {
    return NaN;
  }
  if (n > 1) {
    const c1 = s.charCodeAt(1) | 32;
    if (c1 === 120 || c1 === 98 || c1 === 111) return NaN; // 0x, 0b, 0o
  }
  return Number(s);
}

/**
 * Parse one numeric cell: a missing symbol gives null, a number its value, anything else a
 * user error naming file, line, column, what was expected and what was found.
 *
 * @param raw the cell text (trimmed or not)
 * @param options decimal mark (default `.`), missing symbols (default {@link DEFAULT_MISSING_SYMBOLS}) and the cell's location
 * @returns the number, or null when the cell is missing/suppressed
 * @throws VeerkrachtError when the cell is neither a number nor a missing symbol
 * @example parseNumberCell(' 7,9', { decimal: ',' }) // 7.9
 * @example parseNumberCell('.', {}) // null
 */
export function parseNumberCell(
  raw: string,
  options: CellContext & { decimal?: DecimalMark; missing?: ReadonlySet<string> | readonly string[] } = {},
): number | null {
  const s = trimCell(raw);
  const missing = options.missing ?? DEFAULT_MISSING_SYMBOLS;
  if (Array.isArray(missing) ? missing.includes(s) : (missing as ReadonlySet<string>).has(s)) return null;
  const v = parseDecimal(s, options.decimal ?? '.');
  if (!Number.isFinite(v)) {
    throw new VeerkrachtError('not a number', {
      file: options.file,
      line: options.line,
      column: options.column,
      expected: `a number with decimal ${options.decimal === ',' ? 'comma' : 'point'} or a missing symbol (${[
        ...missing,
      ]
        .map((m) => JSON.stringify(m))
        .join(', ')})`,
      found: showValue(s),
    });
  }
  return v;
}

/** What the values of a column look like. */
export interface ColumnProfile {
  /** True when every non-missing value is a number (with `decimal` as decimal mark). */
  numeric: boolean;
  /** Decimal mark that fits the column (`.` unless a value needs `,`). */
  decimal: DecimalMark;
  /** Number of missing cells. */
  missing: number;
  /** True when some value looks like a code with leading zeros (`0034`): kept as text. */
  leadingZeros: boolean;
  /** Index (row) of the first value that is neither a number nor missing, or -1. */
  firstNonNumeric: number;
}

/**
 * Profile the values of one column: decide whether it is numeric and which decimal mark it uses.
 * A column with both `1.5` and `1,5` is not numeric (mixed marks would be silently misread).
 *
 * @example profileColumn(['1,5', '2', '.']) // { numeric: true, decimal: ',', missing: 1, … }
 */
export function profileColumn(values: readonly string[], missing: ReadonlySet<string>): ColumnProfile {
  let sawComma = false;
  let sawPoint = false;
  let miss = 0;
  let leadingZeros = false;
  let firstNonNumeric = -1;
  for (let r = 0; r < values.length; r++) {
    const s = trimCell(values[r]);
    if (missing.has(s)) {
      miss++;
      continue;
    }
    if (firstNonNumeric >= 0) continue;
    const hasComma = s.indexOf(',') >= 0;
    const hasPoint = s.indexOf('.') >= 0;
    if (hasComma && !hasPoint) {
      sawComma = true;
      if (!Number.isFinite(parseDecimal(s, ','))) firstNonNumeric = r;
    } else if (hasComma && hasPoint) {
      sawComma = true;
      if (!Number.isFinite(parseDecimal(s, ','))) firstNonNumeric = r;
    } else {
      if (hasPoint) sawPoint = true;
      if (!Number.isFinite(parseDecimal(s, '.'))) firstNonNumeric = r;
    }
    if (s.length > 1 && s.charCodeAt(0) === 48 && s.charCodeAt(1) >= 48 && s.charCodeAt(1) <= 57) leadingZeros = true;
  }
  let decimal: DecimalMark = sawComma ? ',' : '.';
  let numeric = firstNonNumeric < 0 && !leadingZeros && miss < values.length;
  if (numeric && sawComma && sawPoint) {
    // `1.234,5` grouping is fine with a comma; a plain `1.5` beside `1,5` is not
    decimal = ',';
    for (let r = 0; r < values.length; r++) {
      const s = trimCell(values[r]);
      if (!missing.has(s) && !Number.isFinite(parseDecimal(s, ','))) {
        numeric = false;
        firstNonNumeric = r;
        break;
      }
    }
  }
  return { numeric, decimal, missing: miss, leadingZeros, firstNonNumeric };
}

/** Powers of ten that are exact doubles (10⁰ … 10¹⁵). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The missing symbols in the form a cell is compared with them without a string per cell: the
 * symbols themselves, the longest, and which first characters open one (ASCII in a table; any
 * non-ASCII first character is always compared). Cells of another shape are no symbol.
 */
interface SymbolShape {
  symbols: string[];
  maxLength: number;
  first: Uint8Array;
}

function symbolShape(missing: ReadonlySet<string>): SymbolShape {
  let maxLength = 0;
  const first = new Uint8Array(129); // [128]: some symbol starts with a non-ASCII character
  for (const m of missing) {
    maxLength = Math.max(maxLength, m.length);
    if (m.length > 0) first[Math.min(m.charCodeAt(0), 128)] = 1;
  }
  return { symbols: [...missing], maxLength, first };
}

/** True when `s.slice(a, b)` is one of the symbols (what `missing.has(s.slice(a, b))` says). */
function isSymbolAt(shape: SymbolShape, s: string, a: number, b: number): boolean {
  const len = b - a;
  if (len > shape.maxLength) return false;
  if (len > 0) {
    const c0 = s.charCodeAt(a);
    if (shape.first[c0 < 128 ? c0 : 128] !== 1) return false;
  }
  const symbols = shape.symbols;
  for (let k = 0; k < symbols.length; k++) {
    const m = symbols[k];
    if (m.length !== len) continue;
    let i = 0;
    while (i < len && m.charCodeAt(i) === s.charCodeAt(a + i)) i++;
    if (i === len) return true;
  }
  return false;
}

/** A column profiled and parsed in one pass: see {@link parseNumericColumn}. */
export interface ParsedNumericColumn {
  /**
   * {@link profileColumn} of the column's string cells, except that `firstNonNumeric` is the
   * index in the whole column (numbers and nulls included).
   */
  profile: ColumnProfile;
  /** Number of string cells (the cells the profile describes). */
  strings: number;
  /**
   * Every cell as a number: JSON numbers as they are (non-finite → null), null/undefined and
   * missing symbols → null, strings parsed with `profile.decimal` (NaN where that mark does not
   * fit). Null when `profile.firstNonNumeric >= 0`: the column is then not numeric.
   */
  values: (number | null)[] | null;
  /** Number of null entries in `values` (or, when `values` is null, of missing cells). */
  missing: number;
}

/**
 * The one-pass profile and parse of a numeric column, cell by cell: a string cell comes as bounds
 * in a text (its own string, or the whole file's for {@link parseNumericCells}), so both forms
 * share every rule.
 */
class NumericColumnParse {
  readonly out: (number | null)[];
  readonly shape: SymbolShape;
  strings = 0;
  stringMiss = 0;
  miss = 0;
  sawComma = false;
  sawPoint = false;
  leadingZeros = false;
  firstNonNumeric = -1;

  constructor(n: number, missing: ReadonlySet<string>) {
    this.out = new Array<number | null>(n);
    this.shape = symbolShape(missing);
  }

  /** A cell that is not text: a JSON number passes, anything else is missing. */
  other(r: number, x: unknown): void {
    if (typeof x === 'number' && Number.isFinite(x)) this.out[r] = x;
    else {
      this.out[r] = null;
      this.miss++;
    }
  }

  /** Text cell `r`: `s.slice(a, b)`, already trimmed. */
  text(r: number, s: string, a: number, b: number): void {
    this.strings++;
    const len = b - a;
    // the symbols are compared only when the cell could be one: short enough, and its first character opens one
    if (isSymbolAt(this.shape, s, a, b)) {
      this.out[r] = null;
      this.stringMiss++;
      this.miss++;
      return;
    }
    if (this.firstNonNumeric >= 0) return;
    const c0 = len === 0 ? -1 : s.charCodeAt(a);
    if (len > 1 && c0 === 48) {
      const c1 = s.charCodeAt(a + 1);
      if (c1 >= 48 && c1 <= 57) this.leadingZeros = true;
    }
    // fast path: `[-]digits[.digits]` with at most 15 digits. m < 2⁵³ and 10^k are exact doubles and
    // IEEE division rounds correctly, so m / 10^k is the double Number() gives (Clinger's fast path)
    let i = c0 === 45 ? a + 1 : a;
    if (b > i && b - i <= 16) {
      let m = 0;
      let digits = 0;
      let point = -1;
      for (; i < b; i++) {
        const c = s.charCodeAt(i);
        if (c >= 48 && c <= 57) {
          m = m * 10 + (c - 48);
          digits++;
        } else if (c === 46 && point < 0) point = digits;
        else break;
      }
      if (i === b && digits > 0 && digits <= 15) {
        if (point >= 0) this.sawPoint = true;
        const v = point < 0 ? m : m / POW10[digits - point];
        this.out[r] = c0 === 45 ? -v : v;
        return;
      }
    }
    const cell = a === 0 && b === s.length ? s : s.slice(a, b);
    let v: number;
    if (cell.indexOf(',') >= 0) {
      this.sawComma = true;
      v = parseDecimal(cell, ',');
    } else {
      if (cell.indexOf('.') >= 0) this.sawPoint = true;
      v = parseDecimal(cell, '.');
    }
    if (!Number.isFinite(v)) this.firstNonNumeric = r;
    this.out[r] = v;
  }

  /**
   * The result, after the rare second passes over the text cells (`cellAt(r)`: cell `r` trimmed,
   * or null when it is not text): a column with both marks is numeric only when every cell reads
   * with the comma, and then the cells with a point only are parsed again with it.
   */
  finish(cellAt: (r: number) => string | null): ParsedNumericColumn {
    const { out, shape } = this;
    const n = out.length;
    let firstNonNumeric = this.firstNonNumeric;
    const decimal: DecimalMark = this.sawComma ? ',' : '.';
    let numeric = firstNonNumeric < 0 && !this.leadingZeros && this.stringMiss < this.strings;
    if (numeric && this.sawComma && this.sawPoint) {
      // `1.234,5` grouping is fine with a comma; a plain `1.5` beside `1,5` is not
      for (let r = 0; r < n; r++) {
        const s = cellAt(r);
        if (s !== null && !isSymbolAt(shape, s, 0, s.length) && !Number.isFinite(parseDecimal(s, ','))) {
          numeric = false;
          firstNonNumeric = r;
          break;
        }
      }
    }
    const profile: ColumnProfile = { numeric, decimal, missing: this.stringMiss, leadingZeros: this.leadingZeros, firstNonNumeric };
    if (firstNonNumeric >= 0) return { profile, strings: this.strings, values: null, missing: this.miss };
    if (this.sawPoint && decimal === ',') {
      // cells with a point only were parsed with `.`; the column's mark is the comma
      for (let r = 0; r < n; r++) {
        const s = cellAt(r);
        if (s !== null && !isSymbolAt(shape, s, 0, s.length)) out[r] = parseDecimal(s, ',');
      }
    }
    return { profile, strings: this.strings, values: out, missing: this.miss };
  }
}

/**
 * Profile and parse a column of raw cells (CSV strings, or JSON numbers/nulls) in one pass:
 * each string is trimmed only when needed, looked up among the missing symbols and parsed once
 * with the mark it shows; only a column in which a decimal comma appears is parsed a second
 * time with `,`. Gives the same profile as {@link profileColumn} on the string cells and the
 * same numbers as parsing each cell with `parseDecimal(cell, profile.decimal)`.
 *
 * @example parseNumericColumn(['1,5', 2, null, 'x'], new Set(['x'])).values // [1.5, 2, null, null]
 */
export function parseNumericColumn(values: readonly (string | number | null | undefined)[], missing: ReadonlySet<string>): ParsedNumericColumn {
  const n = values.length;
  const p = new NumericColumnParse(n, missing);
  for (let r = 0; r < n; r++) {
    const x = values[r];
    if (typeof x !== 'string') p.other(r, x);
    else {
      const s = trimCell(x);
      p.text(r, s, 0, s.length);
    }
  }
  return p.finish((r) => {
    const x = values[r];
    return typeof x === 'string' ? trimCell(x) : null;
  });
}

/**
 * {@link parseNumericColumn} of field `j` of every record of a {@link CellGrid}, read from the
 * text by its bounds: no string per cell (only a cell off the fast path is sliced out).
 *
 * @example parseNumericCells(scanCells('1;2,5\n3;.\n', { delimiter: ';', width: 2 })!, 1, new Set(['.'])).values // [2.5, null]
 */
export function parseNumericCells(grid: CellGrid, j: number, missing: ReadonlySet<string>): ParsedNumericColumn {
  const { text, width, rows, starts, ends } = grid;
  const p = new NumericColumnParse(rows, missing);
  for (let r = 0, k = j; r < rows; r++, k += width) p.text(r, text, starts[k], ends[k]);
  return p.finish((r) => gridCellText(grid, r, j));
}
