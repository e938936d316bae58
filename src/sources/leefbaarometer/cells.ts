/**
 * The cells of a Leefbaarometer file as the loader reads them, in either form the delimited
 * reader gives: rows of strings (the general form, and the wide layout turned long) or bounds
 * in the file's text (a {@link CellGrid}: no string per score cell). Both answer the same
 * questions with the same answers, so the loader has one loop for both.
 */
import { gridCellText, type CellGrid } from '../csv/records.js';
import { scanPlainNumberAt, type PlainNumber } from './checks.js';

/** Read access to the rows of a Leefbaarometer file (cells trimmed, a missing cell is ''). */
export interface LbmCells {
  readonly rows: number;
  /** 1-based line of row `r`. */
  line(r: number): number;
  /** Cell `j` of row `r`. */
  text(r: number, j: number): string;
  /** True when the cell is exactly `NA`. */
  isNA(r: number, j: number): boolean;
  /** {@link scanPlainNumber} of the cell. */
  plain(r: number, j: number, out: PlainNumber): boolean;
  /** True when cell `j` holds the same text in rows `r` and `s`. */
  same(r: number, s: number, j: number): boolean;
  /** The cell as a year 1900–2099 written as four digits, or -1. */
  year(r: number, j: number): number;
}

/** A year 1900–2099 written as four digits in `s.slice(a, b)` (`/^(19|20)\d{2}$/`), or -1. */
function yearAt(s: string, a: number, b: number): number {
  if (b - a !== 4) return -1;
  const p = s.charCodeAt(a);
  const q = s.charCodeAt(a + 1);
  const c = s.charCodeAt(a + 2) - 48;
  const d = s.charCodeAt(a + 3) - 48;
  if (!((p === 49 && q === 57) || (p === 50 && q === 48)) || c < 0 || c > 9 || d < 0 || d > 9) return -1;
  return (p === 49 ? 1900 : 2000) + c * 10 + d;
}

/**
 * Rows of strings as {@link LbmCells}.
 *
 * @example new LbmRowCells([['BU03440101', '2014', '4.1']], [2]).year(0, 1) // 2014
 */
export class LbmRowCells implements LbmCells {
  readonly rows: number;
  constructor(private readonly cells: readonly string[][], private readonly lines: readonly number[]) {
    this.rows = cells.length;
  }
  line(r: number): number {
    return this.lines[r];
  }
  text(r: number, j: number): string {
    return this.cells[r][j] ?? '';
  }
  isNA(r: number, j: number): boolean {
    return this.text(r, j) === 'NA';
  }
  plain(r: number, j: number, out: PlainNumber): boolean {
    const s = this.text(r, j);
    return scanPlainNumberAt(s, 0, s.length, out);
  }
  same(r: number, s: number, j: number): boolean {
    return this.text(r, j) === this.text(s, j);
  }
  year(r: number, j: number): number {
    const s = this.text(r, j).trim();
    return yearAt(s, 0, s.length);
  }
}

/**
 * A {@link CellGrid} as {@link LbmCells}: cells read in place.
 *
 * @example new LbmGridCells(scanCells('BU03440101,2014,NA\n', { delimiter: ',', width: 3 })!).isNA(0, 2) // true
 */
export class LbmGridCells implements LbmCells {
  readonly rows: number;
  private readonly text0: string;
  private readonly width: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  constructor(private readonly grid: CellGrid) {
    this.rows = grid.rows;
    this.text0 = grid.text;
    this.width = grid.width;
    this.starts = grid.starts;
    this.ends = grid.ends;
  }
  line(r: number): number {
    return this.grid.lines[r];
  }
  text(r: number, j: number): string {
    return j < this.width ? gridCellText(this.grid, r, j) : '';
  }
  isNA(r: number, j: number): boolean {
    const k = r * this.width + j;
    const a = this.starts[k];
    return this.ends[k] - a === 2 && this.text0.charCodeAt(a) === 78 && this.text0.charCodeAt(a + 1) === 65;
  }
  plain(r: number, j: number, out: PlainNumber): boolean {
    const k = r * this.width + j;
    return scanPlainNumberAt(this.text0, this.starts[k], this.ends[k], out);
  }
  same(r: number, s: number, j: number): boolean {
    const k = r * this.width + j;
    const a = this.starts[k];
    const len = this.ends[k] - a;
    const ks = s * this.width + j;
    const above = this.starts[ks];
    if (this.ends[ks] - above !== len) return false;
    const t = this.text0;
    for (let i = 0; i < len; i++) if (t.charCodeAt(a + i) !== t.charCodeAt(above + i)) return false;
    return true;
  }
  year(r: number, j: number): number {
    const k = r * this.width + j;
    return yearAt(this.text0, this.starts[k], this.ends[k]);
  }
}
