/**
 * Generic reader for any delimited table (`kind: 'csv'`): the fallback of the format registry,
 * tried after every specific reader. Columns are typed by {@link typeColumns}; nothing is dropped.
 */
import { readFileSync } from 'node:fs';
import { table } from 'arquero';
import { VeerkrachtError } from '../../util/errors.js';
import type { FileHead, FormatReader } from '../formats.js';
import type { ColumnMeta, LoadedTable } from '../types.js';
import { sha256Hex } from './checksum.js';
import { sniffDelimiter } from './dialect.js';
import { parseDelimited, type Delimited, type DelimitedOptions } from './read.js';
import { DEFAULT_MISSING_SYMBOLS, parseDecimal } from './number.js';
import { mojibakeWarning } from './mojibake.js';
import { typeColumns, type TypeColumnsOptions } from './columns.js';
import { dialectWarnings } from './warnings.js';

/** Read a file's bytes, with a user error when it cannot be read. */
export function readFileBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new VeerkrachtError(code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`, { file: path });
  }
}

/**
 * A warning for a text column whose every value is a number, some with a decimal point and some
 * with a decimal comma (`1.5` beside `1,5`): it is kept as text because either reading would
 * misread the other half, and the user should know why a numeric column is not numeric.
 *
 * @returns the warning naming column and the first line of each mark, or null
 * @example mixedDecimalWarning(parseDelimited('n\n1.5\n1,5\n'), 0, 'n', new Set([''])) // 'column "n": …'
 */
export function mixedDecimalWarning(d: Delimited, j: number, name: string, missing: ReadonlySet<string>): string | null {
  let point = -1;
  let comma = -1;
  for (let r = 0; r < d.rows.length; r++) {
    const s = (d.rows[r][j] ?? '').trim();
    if (missing.has(s)) continue;
    const hasComma = s.indexOf(',') >= 0;
    if (!hasComma && s.indexOf('.') >= 0 && Number.isFinite(parseDecimal(s, '.'))) {
      if (point < 0) point = r;
    } else if (hasComma && s.indexOf('.') < 0 && Number.isFinite(parseDecimal(s, ','))) {
      if (comma < 0) comma = r;
    } else if (!Number.isFinite(parseDecimal(s, '.')) && !Number.isFinite(parseDecimal(s, ','))) return null;
  }
  if (point < 0 || comma < 0) return null;
  return `column ${JSON.stringify(name)}: mixed decimal marks (point on line ${d.lines[point]}, comma on line ${d.lines[comma]}): kept as text`;
}

/**
 * Load any delimited file as a typed table: numbers where every non-missing value is a number
 * (decimal point or comma per column), text elsewhere, missing symbols → null (counted).
 *
 * @example const t = await loadDelimitedTable('export.csv'); t.columns[0].missing
 */
export async function loadDelimitedTable(
  path: string,
  options: DelimitedOptions & TypeColumnsOptions & { kind?: string } = {},
): Promise<LoadedTable> {
  const bytes = readFileBytes(path);
  const d = parseDelimited(bytes, { ...options, file: options.file ?? path });
  const typed = typeColumns(d, options);
  const data: Record<string, unknown[]> = {};
  const columns: ColumnMeta[] = [];
  for (const c of typed) {
    data[c.name] = c.values;
    columns.push({ name: c.name, missing: c.missing });
  }
  const warnings: string[] = [];
  warnings.push(...dialectWarnings(d.dialect, { header: d.header }));
  const moji = mojibakeWarning([d.header, ...d.rows], [d.dialect.headerLine, ...d.lines]);
  if (moji) warnings.push(moji);
  const missingSet = new Set(options.missing ?? DEFAULT_MISSING_SYMBOLS);
  for (let j = 0; j < typed.length; j++) {
    if (typed[j].type !== 'string') continue;
    const w = mixedDecimalWarning(d, j, typed[j].name, missingSet);
    if (w) warnings.push(w);
  }
  return {
    table: table(data),
    columns,
    provenance: { kind: options.kind ?? 'csv', file: path, checksum: sha256Hex(bytes) },
    report: { rowsRead: d.rows.length, rowsKept: d.rows.length, dropped: [], warnings },
    lines: d.lines,
  };
}

/**
 * True when the head of a file looks like delimited text (no NUL bytes unless UTF-16 with a BOM,
 * not JSON, a delimiter on line 1).
 */
export function looksDelimited(head: FileHead): boolean {
  const b = head.bytes;
  const utf16 = b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
  const n = utf16 ? 0 : Math.min(b.length, 4096);
  for (let i = 0; i < n; i++) if (b[i] === 0) return false;
  const t = head.text.replace(/^\uFEFF/, '').trimStart();
  if (t === '' || t[0] === '{' || t[0] === '[' || t[0] === '<') return false;
  const first = t.split(/\r?\n/, 1)[0];
  const d = sniffDelimiter(t);
  return first.includes(d) || t.split(/\r?\n/, 5).some((l) => l.includes(d));
}

/** The fallback FormatReader for any delimited table; keep it last in FORMAT_READERS. */
export const csvReader: FormatReader = {
  kind: 'csv',
  sniff: looksDelimited,
  read: (path, options) => loadDelimitedTable(path, { sheet: options?.sheet }),
};
