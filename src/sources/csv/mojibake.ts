/**
 * Mojibake: UTF-8 text that was once decoded as Windows-1252 and saved again (`CafÃ©` for
 * `Café`, `â‚¬` for `€`). The bytes are valid UTF-8, so decoding cannot notice; the characters
 * give it away, as Dutch text never holds `Ã` or `Â` before a Latin-1 symbol.
 */

import type { CellGrid } from './records.js';

// Ã or Â followed by what the second byte of a two-byte UTF-8 sequence (0x80–0xBF) becomes in
// Windows-1252; â€ / â‚ followed by the third byte of the punctuation and € sequences
const MOJIBAKE =
  /[ÃÂ][\u00a0-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]|â€[\u0098\u0099\u009c\u009d\u2122\u02dc\u0153\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2013\u2014\u00a6\u00b0\u00b9\u00ba]|â‚¬/;

/**
 * True when a text looks like UTF-8 that was decoded as Windows-1252 once too often.
 *
 * @example looksLikeMojibake('CafÃ©') // true
 * @example looksLikeMojibake('Café') // false
 */
export function looksLikeMojibake(text: string): boolean {
  return MOJIBAKE.test(text);
}

/**
 * False when no part of the text can look like mojibake (it holds none of `Ã`, `Â`, `â`, with
 * which every pattern starts): one scan of a whole file instead of a test per cell.
 *
 * @example mayHoldMojibake('code;naam\nGM0363;Amsterdam\n') // false
 */
export function mayHoldMojibake(text: string): boolean {
  return /[ÃÂâ]/.test(text);
}

/**
 * A warning for cells that look like mojibake, with their count and a few line numbers, or null.
 *
 * @param rows the records (strings)
 * @param lines 1-based line per record
 * @param grid further records after `rows`, as a {@link CellGrid} (only the cells holding a
 *   character every pattern starts with are made into strings and looked at)
 * @example mojibakeWarning([['CafÃ©']], [2]) // '1 cells look like UTF-8 text once decoded as Windows-1252 (mojibake), e.g. line 2: "CafÃ©"; …'
 */
export function mojibakeWarning(rows: readonly (readonly string[])[], lines: readonly number[], grid?: CellGrid): string | null {
  let n = 0;
  const ex: string[] = [];
  const look = (cell: string, line: number) => {
    if (cell.length < 2 || !looksLikeMojibake(cell)) return;
    n++;
    if (ex.length < 3) ex.push(`line ${line}: ${JSON.stringify(cell.slice(0, 40))}`);
  };
  for (let r = 0; r < rows.length; r++) for (const cell of rows[r]) look(cell, lines[r]);
  if (grid !== undefined && grid.rows > 0) {
    // the cells in text order: the one holding each opening character, once
    const { text, starts, ends, width } = grid;
    const last = grid.rows * width - 1;
    const open = /[ÃÂâ]/g;
    open.lastIndex = starts[0];
    let m: RegExpExecArray | null;
    while ((m = open.exec(text)) !== null && m.index < ends[last]) {
      const p = m.index;
      // the last cell starting at or before p
      let lo = 0;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= p) lo = mid;
        else hi = mid - 1;
      }
      if (p >= ends[lo]) continue; // (between cells: a quote, padding, a delimiter)
      look(text.slice(starts[lo], ends[lo]), grid.lines[Math.floor(lo / width)]);
      open.lastIndex = ends[lo];
    }
  }
  if (n === 0) return null;
  return `${n} cells look like UTF-8 text once decoded as Windows-1252 (mojibake), e.g. ${ex.join('; ')}; re-export the file as UTF-8`;
}
