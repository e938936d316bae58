/**
 * Turn string columns of a {@link Delimited} into typed columns: numbers (with the column's own
 * decimal mark) or text, missing symbols → null, with a missing count per column.
 */
import { VeerkrachtError } from '../../util/errors.js';
import { DEFAULT_MISSING_SYMBOLS, parseDecimal, profileColumn, type DecimalMark } from './number.js';
import type { Delimited } from './read.js';

/** One typed column. */
export interface TypedColumn {
  name: string;
  type: 'number' | 'string';
  values: (number | null)[] | (string | null)[];
  missing: number;
  /** Decimal mark of a numeric column. */
  decimal?: DecimalMark;
}

/** Options of {@link typeColumns}. */
export interface TypeColumnsOptions {
  /** Missing-value symbols (compared after trimming). Default {@link DEFAULT_MISSING_SYMBOLS}. */
  missing?: readonly string[];
  /** Columns that must be numeric: a non-number there is an error naming file, line and column. */
  numeric?: readonly string[];
  /** Columns that stay text even when they look numeric. */
  text?: readonly string[];
}

/**
 * Column values of one header column, as strings.
 *
 * @throws VeerkrachtError when the column is not in the header
 * @example columnValues(parseDelimited('a;b\n1;2'), 'b') // ['2']
 */
export function columnValues(d: Delimited, name: string): string[] {
  const j = d.header.indexOf(name);
  if (j < 0) {
    throw new VeerkrachtError('column not found', { file: d.file, line: d.dialect.headerLine, column: name, expected: `one of ${d.header.slice(0, 12).join(', ')}${d.header.length > 12 ? ', …' : ''}` });
  }
  const out = new Array<string>(d.rows.length);
  for (let r = 0; r < d.rows.length; r++) out[r] = d.rows[r][j] ?? '';
  return out;
}

/**
 * Infer and convert every column: numeric when all non-missing values are numbers (codes with
 * leading zeros such as `0034` stay text), else text. Missing symbols become null and are counted.
 *
 * @throws VeerkrachtError when a column listed in `numeric` holds a non-number (file, line, column, found)
 * @example typeColumns(parseDelimited('n;x\n1,5;a\n.;b')).map((c) => c.type) // ['number', 'string']
 */
export function typeColumns(d: Delimited, options: TypeColumnsOptions = {}): TypedColumn[] {
  const missing = new Set(options.missing ?? DEFAULT_MISSING_SYMBOLS);
  const mustNumber = new Set(options.numeric ?? []);
  const mustText = new Set(options.text ?? []);
  const out: TypedColumn[] = [];
  const seen = new Map<string, number>();
  for (let j = 0; j < d.header.length; j++) {
    let name = d.header[j] === '' ? `column_${j + 1}` : d.header[j];
    const k = seen.get(name) ?? 0;
    seen.set(name, k + 1);
    if (k > 0) name = `${name}_${k + 1}`;
    const raw = new Array<string>(d.rows.length);
    for (let r = 0; r < d.rows.length; r++) raw[r] = d.rows[r][j] ?? '';
    const p = profileColumn(raw, missing);
    if (mustNumber.has(d.header[j]) && !p.numeric && p.firstNonNumeric >= 0) {
      throw new VeerkrachtError('not a number', {
        file: d.file,
        line: d.lines[p.firstNonNumeric],
        column: d.header[j],
        expected: `a number or a missing symbol (${[...missing].map((m) => JSON.stringify(m)).join(', ')})`,
        found: JSON.stringify(raw[p.firstNonNumeric].trim()),
      });
    }
    const numeric = !mustText.has(d.header[j]) && (p.numeric || (mustNumber.has(d.header[j]) && p.firstNonNumeric < 0));
    if (numeric) {
      const values = new Array<number | null>(raw.length);
      for (let r = 0; r < raw.length; r++) {
        const s = raw[r].trim();
        values[r] = missing.has(s) ? null : parseDecimal(s, p.decimal);
      }
      out.push({ name, type: 'number', values, missing: p.missing, decimal: p.decimal });
    } else {
      const values = new Array<string | null>(raw.length);
      let miss = 0;
      for (let r = 0; r < raw.length; r++) {
        const s = raw[r].trim();
        if (s === '' || missing.has(s)) {
          values[r] = null;
          miss++;
        } else values[r] = s;
      }
      out.push({ name, type: 'string', values, missing: miss });
    }
  }
  return out;
}
