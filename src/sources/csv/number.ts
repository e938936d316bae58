/**
 * Numeric cells as researchers' files hold them: decimal point or decimal comma, StatLine's
 * missing-value symbols, padding. Missing is `null`, never 0.
 */
import { VeerkrachtError, showValue } from '../../util/errors.js';

/** Cell values that mean "missing or suppressed" unless the caller says otherwise. */
export const DEFAULT_MISSING_SYMBOLS: readonly string[] = ['', '.', 'x', 'X', '-', '?', 'NA', 'NaN', 'null'];

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
  const s = raw.trim();
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
    const s = values[r].trim();
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
      const s = values[r].trim();
      if (!missing.has(s) && !Number.isFinite(parseDecimal(s, ','))) {
        numeric = false;
        firstNonNumeric = r;
        break;
      }
    }
  }
  return { numeric, decimal, missing: miss, leadingZeros, firstNonNumeric };
}
