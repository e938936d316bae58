/**
 * RFC 4180 record splitting with line numbers: quoted fields may hold delimiters, doubled quotes
 * and line breaks; `\r\n`, `\n` and `\r` all end a record. One pass over the characters, no
 * regular expressions per cell.
 */
import { VeerkrachtError } from '../../util/errors.js';

/** Records of a delimited text with the 1-based line on which each record starts. */
export interface Records {
  records: string[][];
  lines: number[];
  /** Number of blank lines skipped (not records). */
  blankLines: number;
  /** Offset in the text where splitting stopped (the text's length unless `maxRecords` stopped it). */
  end: number;
  /** The line at `end`: where a record read from `end` on starts. */
  nextLine: number;
}

/** Options of {@link splitRecords}. */
export interface SplitOptions {
  /** Field delimiter (one character). */
  delimiter: string;
  /** Trim whitespace around every field as `String.prototype.trim` does (StatLine pads codes and names). Default true. */
  trim?: boolean;
  /** File name for error messages. */
  file?: string;
  /** Stop after this many records (for sniffing). */
  maxRecords?: number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * True for a UTF-16 unit that `String.prototype.trim` removes (ECMA-262 WhiteSpace and
 * LineTerminator: tab, VT, FF, space, NBSP, BOM, the Zs spaces, LF, CR, LS, PS).
 */
function isTrimSpace(c: number): boolean {
  if (c > 32 && c < 160) return false;
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Split text into records and fields.
 *
 * @throws VeerkrachtError when a quoted field is not closed, naming the line where it started
 * @example splitRecords('a;"b;c"\n1;2', { delimiter: ';' }).records // [['a', 'b;c'], ['1', '2']]
 */
export function splitRecords(text: string, options: SplitOptions): Records {
  const delim = options.delimiter.charCodeAt(0);
  const trim = options.trim !== false;
  const max = options.maxRecords ?? Infinity;
  const records: string[][] = [];
  const lines: number[] = [];
  let blankLines = 0;
  let width = 0;
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n && records.length < max) {
    const startLine = line;
    // sized like the previous record (rows are as wide as the header): no spare capacity per row
    const fields: string[] = width > 0 ? new Array<string>(width) : [];
    let k = 0;
    let endOfRecord = false;
    while (!endOfRecord) {
      // one field
      let value: string;
      let start = i;
      // a field is quoted only when the quote is its first character (as RFC 4180 says)
      if (i < n && text.charCodeAt(i) === QUOTE) {
        const quoteLine = line;
        i++;
        let buf = '';
        start = i;
        for (;;) {
          if (i >= n) {
            throw new VeerkrachtError('quoted field is not closed', {
              file: options.file,
              line: quoteLine,
              expected: 'a closing double quote',
              found: 'end of file',
            });
          }
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (i + 1 < n && text.charCodeAt(i + 1) === QUOTE) {
              buf += text.slice(start, i + 1);
              i += 2;
              start = i;
              continue;
            }
            buf += text.slice(start, i);
            i++;
            break;
          }
          if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
          i++;
        }
        // anything between the closing quote and the delimiter is kept (lenient)
        start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === delim || c === LF || c === CR) break;
          i++;
        }
        value = i > start ? buf + text.slice(start, i) : buf;
        if (trim) value = value.trim();
      } else {
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === delim || c === LF || c === CR) break;
          i++;
        }
        // trimmed by its bounds: one string per field, not a padded one and then its trim
        let a = start;
        let b = i;
        if (trim) {
          while (a < b && isTrimSpace(text.charCodeAt(a))) a++;
          while (b > a && isTrimSpace(text.charCodeAt(b - 1))) b--;
        }
        value = text.slice(a, b);
      }
      fields[k++] = value;
      if (i >= n) {
        endOfRecord = true;
      } else {
        const c = text.charCodeAt(i);
        if (c === delim) {
          i++;
          if (i >= n) {
            fields[k++] = '';
            endOfRecord = true;
          }
        } else {
          // line break
          i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
          line++;
          endOfRecord = true;
        }
      }
    }
    if (k !== fields.length) fields.length = k;
    if (k === 1 && fields[0] === '') {
      blankLines++;
      continue;
    }
    width = k;
    records.push(fields);
    lines.push(startLine);
  }
  return { records, lines, blankLines, end: i, nextLine: line };
}

/** The offset of the first `c` at or after `i`, or the text's length. */
function firstAt(text: string, c: string, i: number): number {
  const k = text.indexOf(c, i);
  return k < 0 ? text.length : k;
}

/**
 * The fields of records as bounds in the text they come from: no string per field. Field `j` of
 * record `r` is `text.slice(starts[r * width + j], ends[r * width + j])`, trimmed as
 * {@link splitRecords} trims, and equal to that record's field `j` there.
 */
export interface CellGrid {
  text: string;
  /** Fields per record. */
  width: number;
  /** Number of records. */
  rows: number;
  starts: Int32Array;
  ends: Int32Array;
  /** 1-based line on which each record starts. */
  lines: number[];
  /** Number of blank lines skipped (not records). */
  blankLines: number;
}

/** Options of {@link scanCells}. */
export interface ScanCellsOptions {
  /** Field delimiter (one character). */
  delimiter: string;
  /** Fields every record must have. */
  width: number;
  /** Offset to start at (a record boundary, e.g. {@link Records.end}). Default 0. */
  from?: number;
  /** The line at `from` (e.g. {@link Records.nextLine}). Default 1. */
  line?: number;
}

/**
 * The records of a text as a {@link CellGrid}: the fast form of {@link splitRecords} (with
 * trimming) for the common file in which every record has `width` fields. Same records, same
 * fields, same lines, same blank lines — or null where the general splitter must decide: a quoted
 * field that holds a doubled quote, is followed by more text before the delimiter, or is not
 * closed, and a record of another width (a footer line, a ragged row: the caller's general path
 * gives its exact message).
 *
 * @example gridCellText(scanCells('a;b\n1; 2\n', { delimiter: ';', width: 2 })!, 1, 1) // '2'
 */
export function scanCells(text: string, options: ScanCellsOptions): CellGrid | null {
  const delim = options.delimiter.charCodeAt(0);
  const width = options.width;
  const n = text.length;
  let i = options.from ?? 0;
  let line = options.line ?? 1;
  // capacity from the length of the first record: grown by doubling when the guess is short
  let cap = Math.max(16, width * 64);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  const lines: number[] = [];
  let blankLines = 0;
  let rows = 0;
  let nextDelim = -1;
  let nextLF = -1;
  let nextCR = -1;
  while (i < n) {
    const startLine = line;
    const base = rows * width;
    if (base + width + 1 > cap) {
      cap = Math.max(cap * 2, base + width + 1);
      const s2 = new Int32Array(cap);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(cap);
      e2.set(ends);
      ends = e2;
    }
    let k = 0;
    for (;;) {
      let a: number;
      let b: number;
      if (i < n && text.charCodeAt(i) === QUOTE) {
        i++;
        a = i;
        for (;;) {
          if (i >= n) return null;
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (i + 1 < n && text.charCodeAt(i + 1) === QUOTE) return null;
            break;
          }
          if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
          i++;
        }
        b = i;
        i++;
        if (i < n) {
          const c = text.charCodeAt(i);
          if (c !== delim && c !== LF && c !== CR) return null;
        }
      } else {
        // the field ends at the first delimiter, LF or CR: each found by indexOf and kept until passed
        a = i;
        if (nextDelim < i) nextDelim = firstAt(text, options.delimiter, i);
        if (nextLF < i) nextLF = firstAt(text, '\n', i);
        if (nextCR < i) nextCR = firstAt(text, '\r', i);
        b = nextDelim < nextLF ? nextDelim : nextLF;
        if (nextCR < b) b = nextCR;
        i = b;
      }
      while (a < b && isTrimSpace(text.charCodeAt(a))) a++;
      while (b > a && isTrimSpace(text.charCodeAt(b - 1))) b--;
      if (k > width) return null;
      starts[base + k] = a;
      ends[base + k] = b;
      k++;
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        if (i >= n) {
          if (k > width) return null;
          starts[base + k] = n;
          ends[base + k] = n;
          k++;
          break;
        }
      } else {
        i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        break;
      }
    }
    if (k === 1 && starts[base] === ends[base]) {
      blankLines++;
      continue;
    }
    if (k !== width) return null;
    lines.push(startLine);
    rows++;
  }
  return { text, width, rows, starts, ends, lines, blankLines };
}

/**
 * Field `j` of record `r` of a grid as a string.
 *
 * @example gridCellText(scanCells('a,b\n', { delimiter: ',', width: 2 })!, 0, 1) // 'b'
 */
export function gridCellText(grid: CellGrid, r: number, j: number): string {
  const k = r * grid.width + j;
  return grid.text.slice(grid.starts[k], grid.ends[k]);
}
