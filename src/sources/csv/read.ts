/**
 * Read a delimited text file (CSV, semicolon, tab or pipe separated) into a header and rows of
 * strings with their line numbers, detecting BOM, encoding and delimiter. Typed conversion is
 * a separate step ({@link parseNumberCell}, {@link typeColumns}), so loaders decide per column.
 */
import { readFileSync } from 'node:fs';
import { VeerkrachtError } from '../../util/errors.js';
import { decodeText, type TextEncodingName } from './decode.js';
import { DELIMITERS, sniffDelimiter } from './dialect.js';
import { scanCells, splitRecords, type CellGrid } from './records.js';
import { cleanInvisible, hasInvisible, type InvisibleReport } from './invisible.js';
import { isLegacyXls, isZip, legacyXlsError } from '../xlsx/read.js';
import { xlsxDelimited, type SheetLayout } from '../xlsx/table.js';

/** How a delimited file was written. */
export interface Dialect {
  delimiter: string;
  encoding: TextEncodingName;
  bom: boolean;
  /** 1-based line of the header record. */
  headerLine: number;
  /** Blank lines skipped. */
  blankLines: number;
  /** Lines of rows that were shorter than the header and padded with '' (only with `ragged: 'pad'`). */
  paddedLines?: number[];
  /** For an `.xlsx` workbook: the sheet read and the title/note rows left out (lines are Excel rows). */
  sheet?: SheetLayout;
  /** Fields from which control or invisible characters were removed (see ./invisible.ts). */
  invisible?: InvisibleReport;
}

/** Options of {@link readDelimited} / {@link parseDelimited}. */
export interface DelimitedOptions {
  /** Force a delimiter instead of sniffing it. */
  delimiter?: string;
  /** Force an encoding instead of detecting it. */
  encoding?: TextEncodingName;
  /** Records to skip before the header (title lines). Default 0. */
  skipRecords?: number;
  /** Trim spaces around fields (default true; StatLine pads codes and names). */
  trim?: boolean;
  /**
   * Rows with another number of fields than the header: `error` (default) throws naming the line,
   * `pad` fills short rows with '' and throws for long ones, `keep` leaves them as they are.
   */
  ragged?: 'error' | 'pad' | 'keep';
  /** File name used in messages (defaults to the path). */
  file?: string;
  /** For an `.xlsx` workbook: sheet name or 1-based position (default the first visible sheet). */
  sheet?: string | number;
}

/** A parsed delimited file: strings only, one entry in `lines` per row. */
export interface Delimited {
  file: string | undefined;
  header: string[];
  rows: string[][];
  /** 1-based line number where each row starts. */
  lines: number[];
  dialect: Dialect;
}

/**
 * Parse delimited text or bytes already in memory. Bytes of an `.xlsx` workbook are read as its
 * sheet (`options.sheet`, default the first): title rows above the header skipped, numbers as
 * exact decimal-point text, text cells as they are, Excel row numbers as lines. A legacy `.xls`
 * is a user error that says to save as .xlsx or CSV.
 *
 * @throws VeerkrachtError on an empty file, an unclosed quote or a row with the wrong number of fields
 * @example parseDelimited('code;n\nGM0363;"1,5"\n').rows // [['GM0363', '1,5']]
 */
export function parseDelimited(input: string | Uint8Array, options: DelimitedOptions = {}): Delimited {
  const t = delimitedTextOf(input, options);
  return 'rows' in t ? t : splitDelimited(t, options, hasInvisible(t.text));
}

/**
 * A delimited file whose rows are bounds in its text (a {@link CellGrid}): the header as
 * strings, the cells read from the text only by the columns that need them.
 */
export interface DelimitedGrid {
  file: string | undefined;
  header: string[];
  /** Rows (after the header), with their lines. */
  grid: CellGrid;
  dialect: Dialect;
}

/**
 * {@link parseDelimited}, with the rows as a {@link CellGrid} when the file allows: no records
 * to skip, trimmed fields, every row as wide as the header (the default `ragged: 'error'`), no
 * quoted field that needs unescaping, no invisible characters to clean. Otherwise (and for a
 * workbook) the {@link Delimited} parseDelimited gives, errors included. Where both apply they
 * hold the same header, cells, lines and dialect.
 *
 * @example const d = parseDelimitedGrid('code;n\nGM0363;1,5\n'); 'grid' in d ? gridCellText(d.grid, 0, 1) : d.rows[0][1] // '1,5'
 */
export function parseDelimitedGrid(input: string | Uint8Array, options: DelimitedOptions = {}): Delimited | DelimitedGrid {
  const t = delimitedTextOf(input, options);
  if ('rows' in t) return t;
  const invisible = hasInvisible(t.text);
  if ((options.skipRecords ?? 0) === 0 && options.trim !== false && (options.ragged ?? 'error') === 'error' && !invisible) {
    const { text, delimiter, offsetLines, encoding, bom } = t;
    const head = splitRecords(text, { delimiter, file: options.file, maxRecords: 1 });
    if (head.records.length === 1) {
      const grid = scanCells(text, { delimiter, width: head.records[0].length, from: head.end, line: head.nextLine + offsetLines });
      if (grid !== null) {
        return { file: options.file, header: head.records[0], grid, dialect: { delimiter, encoding, bom, headerLine: head.lines[0] + offsetLines, blankLines: head.blankLines + grid.blankLines } };
      }
    }
  }
  return splitDelimited(t, options, invisible);
}

/** A delimited text as decoded, before it is split: see {@link delimitedTextOf}. */
interface DelimitedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
  delimiter: string;
  /** 1 when an Excel `sep=` line was taken off the text, else 0. */
  offsetLines: number;
}

/** Decode the input and find its delimiter; a workbook is read whole (its sheet as rows). */
function delimitedTextOf(input: string | Uint8Array, options: DelimitedOptions): DelimitedText | Delimited {
  const file = options.file;
  let text: string;
  let encoding: TextEncodingName = 'utf-8';
  let bom = false;
  if (typeof input === 'string') {
    bom = input.charCodeAt(0) === 0xfeff;
    text = bom ? input.slice(1) : input;
  } else if (isZip(input)) {
    return xlsxDelimited(input, { sheet: options.sheet, file, skipRecords: options.skipRecords });
  } else if (isLegacyXls(input)) {
    throw legacyXlsError(file);
  } else {
    const d = decodeText(input, { encoding: options.encoding, file });
    ({ text, encoding, bom } = d);
  }
  // Excel writes a `sep=;` first line when asked to: it names the delimiter and is not a record
  const sep = /^sep=(.)\r?\n/i.exec(text.slice(0, 8));
  let offsetLines = 0;
  if (sep) {
    text = text.slice(sep[0].length);
    offsetLines = 1;
  }
  const delimiter = options.delimiter ?? (sep ? sep[1] : sniffDelimiter(text));
  return { text, encoding, bom, delimiter, offsetLines };
}

/** Split a decoded text into header and rows of strings (`invisible`: it holds characters to clean). */
function splitDelimited(t: DelimitedText, options: DelimitedOptions, anyInvisible: boolean): Delimited {
  const file = options.file;
  const { text, encoding, bom, delimiter, offsetLines } = t;
  const split = splitRecords(text, { delimiter, trim: options.trim, file });
  const { records, blankLines } = split;
  const lines = offsetLines === 0 ? split.lines : split.lines.map((l) => l + offsetLines);
  const skip = options.skipRecords ?? 0;
  if (records.length <= skip) {
    throw new VeerkrachtError('no header line', { file, expected: 'a header line with column names', found: 'an empty file' });
  }
  // input hygiene: invisible characters out of codes and names before anyone reads them
  const invisible = anyInvisible ? cleanInvisible(records, lines) : null;
  const header = records[skip];
  const rows = records.slice(skip + 1);
  const rowLines = lines.slice(skip + 1);
  const ragged = options.ragged ?? 'error';
  const paddedLines: number[] = [];
  if (ragged !== 'keep') {
    const w = header.length;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (row.length === w) continue;
      if (ragged === 'pad' && row.length < w) {
        paddedLines.push(rowLines[r]);
        while (row.length < w) row.push('');
        continue;
      }
      // a header of one field holding another delimiter: header and rows were written differently
      const other = w === 1 ? DELIMITERS.find((c) => c !== delimiter && header[0].includes(c)) : undefined;
      const problem = other === undefined ? 'wrong number of fields' : `wrong number of fields (the header is separated by ${JSON.stringify(other)}, this row by ${JSON.stringify(delimiter)})`;
      throw new VeerkrachtError(problem, {
        file,
        line: rowLines[r],
        expected: `${w} fields like the header (delimiter ${JSON.stringify(delimiter)})`,
        found: `${row.length}`,
      });
    }
  }
  return {
    file,
    header,
    rows,
    lines: rowLines,
    dialect: { delimiter, encoding, bom, headerLine: lines[skip], blankLines, ...(paddedLines.length > 0 ? { paddedLines } : {}), ...(invisible && invisible.cells > 0 ? { invisible } : {}) },
  };
}

/**
 * Read and parse a delimited file.
 *
 * @param path file path (used as `file` in error messages)
 * @throws VeerkrachtError when the file is missing or malformed
 * @example const { header, rows, lines, dialect } = readDelimited('kwb.csv');
 */
export function readDelimited(path: string, options: DelimitedOptions = {}): Delimited {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new VeerkrachtError(code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`, { file: path });
  }
  return parseDelimited(bytes, { ...options, file: options.file ?? path });
}
