/**
 * A worksheet as the delimited-text loaders see a CSV: a header row and rows of strings with
 * their (Excel) row numbers. Title rows above the header (often merged across the table) and
 * notes below it are left out; numbers become their shortest exact decimal text with a decimal
 * point, so each loader's own column typing reads them back as the same numbers, and text cells
 * stay text (codes keep their leading zeros).
 */
import { VeerkrachtError } from '../../util/errors.js';
import type { Delimited } from '../csv/read.js';
import { columnLetters, readXlsxSheet, type XlsxCell, type XlsxReadOptions, type XlsxRow, type XlsxSheet } from './read.js';

/** Text of one cell as a CSV export would hold it. */
export function cellText(c: XlsxCell): string {
  if (c.value === null) return '';
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return String(c.value);
}

/** Distinct filled cells of a row, a merged range counting once. */
function logicalCells(r: XlsxRow, sheet: XlsxSheet): number {
  let n = 0;
  for (const c of r.cells) {
    if (c.value === null || c.value === '') continue;
    const inMerge = sheet.merges.some((m) => m.r0 <= r.row - 1 && r.row - 1 <= m.r1 && m.c0 <= c.col && c.col <= m.c1 && !(m.c0 === c.col && m.r0 === r.row - 1));
    if (!inMerge) n++;
  }
  return n;
}

/**
 * Index (in `sheet.rows`) of the header row: the first row with at least two filled cells (a
 * merged title counts as one) and at least half as many as the fullest of the first 50 rows, so a
 * title with a date beside it is not taken for the header of a wide table; the first row when no
 * row has two.
 *
 * @example headerRowIndex(sheet) // 2 when rows 1–2 are a merged title and a subtitle
 */
export function headerRowIndex(sheet: XlsxSheet): number {
  const counts = sheet.rows.slice(0, 50).map((r) => logicalCells(r, sheet));
  const need = Math.max(2, Math.ceil(Math.max(0, ...counts) / 2));
  const i = counts.findIndex((n) => n >= need);
  return i < 0 ? 0 : i;
}

/** Which sheet {@link sheetToDelimited} read and what it left out, for load reports. */
export interface SheetLayout {
  sheet: string;
  sheetNames: string[];
  /** Excel rows above the header that were skipped (titles). */
  titleRows: number[];
  /** Excel rows below the table that were skipped (notes after an empty row). */
  noteRows: number[];
  /** Error cells (`#N/A`, `#DIV/0!`) read as empty, with their reference. */
  errorCells: string[];
}

/**
 * A worksheet as a {@link Delimited}: header detection, title rows and trailing notes skipped,
 * rows padded to the header width.
 *
 * @param skipRecords when given, the number of filled rows above the header (no detection)
 * @throws VeerkrachtError for an empty sheet or a data cell to the right of the last header column
 */
export function sheetToDelimited(sheet: XlsxSheet, options: { file?: string; skipRecords?: number } = {}): Delimited {
  const file = options.file;
  const layout: SheetLayout = { sheet: sheet.name, sheetNames: sheet.sheetNames, titleRows: [], noteRows: [], errorCells: [] };
  if (sheet.rows.length === 0) {
    throw new VeerkrachtError('sheet is empty', { file, column: `sheet ${JSON.stringify(sheet.name)}`, expected: 'a header row with column names', found: 'no cells' });
  }
  const h = options.skipRecords !== undefined ? options.skipRecords : headerRowIndex(sheet);
  if (h >= sheet.rows.length) {
    throw new VeerkrachtError('no header line', { file, expected: 'a header row with column names', found: `${sheet.rows.length} filled rows` });
  }
  layout.titleRows = sheet.rows.slice(0, h).map((r) => r.row);
  const headRow = sheet.rows[h];
  const width = Math.max(...headRow.cells.map((c) => c.col)) + 1;
  const header = new Array<string>(width).fill('');
  for (const c of headRow.cells) header[c.col] = cellText(c).trim();
  const rows: string[][] = [];
  const lines: number[] = [];
  let gap = false;
  for (let i = h + 1; i < sheet.rows.length; i++) {
    const r = sheet.rows[i];
    if (r.row !== sheet.rows[i - 1].row + 1) gap = true;
    const filled = r.cells.filter((c) => c.value !== null && c.value !== '').length;
    if (gap && filled <= 1 && width > 2) {
      // a note below the table ("Bron: CBS"), after an empty row
      layout.noteRows.push(r.row);
      continue;
    }
    const row = new Array<string>(width).fill('');
    for (const c of r.cells) {
      if (c.kind === 'error') {
        layout.errorCells.push(`${columnLetters(c.col)}${r.row} ${c.error ?? '#ERROR'}`);
        continue;
      }
      if (c.col >= width) {
        throw new VeerkrachtError('cell to the right of the header', {
          file, line: r.row, column: `${columnLetters(c.col)} (sheet ${JSON.stringify(sheet.name)})`,
          expected: `cells in columns A–${columnLetters(width - 1)} like the header on row ${headRow.row}`, found: JSON.stringify(cellText(c)),
        });
      }
      row[c.col] = cellText(c);
    }
    rows.push(row);
    lines.push(r.row);
  }
  return {
    file,
    header,
    rows,
    lines,
    dialect: { delimiter: '\t', encoding: 'utf-8', bom: false, headerLine: headRow.row, blankLines: 0, sheet: layout },
  };
}

/**
 * Read a workbook's sheet straight into a {@link Delimited}.
 *
 * @example xlsxDelimited(readFileSync('lbm.xlsx'), { sheet: 'buurt' }).header
 */
export function xlsxDelimited(bytes: Uint8Array, options: XlsxReadOptions & { skipRecords?: number } = {}): Delimited {
  return sheetToDelimited(readXlsxSheet(bytes, options), { file: options.file, skipRecords: options.skipRecords });
}

/**
 * A {@link Delimited} (header first) as tab-separated text for loaders that read text and sniff
 * their own layout (StatLine exports) and for format sniffing. Fields are quoted only when they
 * hold a tab, quote or line break. With `alignLines`, blank lines fill in for skipped rows so
 * line numbers stay Excel row numbers (readers skip blank lines).
 *
 * @example delimitedText(xlsxDelimited(bytes)).split('\n')[0] // 'bu_code\tjaar\tlbm'
 */
export function delimitedText(d: Delimited, options: { alignLines?: boolean; maxRows?: number } = {}): string {
  const q = (s: string) => (/[\t"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const out: string[] = [];
  let next = 1;
  const emit = (fields: string[], line: number) => {
    if (options.alignLines) {
      while (next < line) {
        out.push('');
        next++;
      }
      next = line + 1;
    }
    out.push(fields.map(q).join('\t'));
  };
  emit(d.header, d.dialect.headerLine);
  const n = Math.min(d.rows.length, options.maxRows ?? Infinity);
  for (let i = 0; i < n; i++) emit(d.rows[i], d.lines[i]);
  return `${out.join('\n')}\n`;
}
