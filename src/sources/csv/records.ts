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
  return { records, lines, blankLines };
}
