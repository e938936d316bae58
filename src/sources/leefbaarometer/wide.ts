/**
 * Wide Leefbaarometer tables (one row per area, a column per score and year: `lbm_2014`,
 * `onv2016`, `kscore_2020`) turned long (one row per area and year), keeping source lines.
 */
import { isLbmClassColumn } from './classes.js';
import { LBM_SCORES } from './years.js';

/** A long table of strings with a source line per row. */
export interface LongRows {
  header: string[];
  rows: string[][];
  lines: number[];
}

const WIDE = /^([a-z]+)_?((?:19|20)\d{2})$/;

function wideParts(h: string): { score: string; jaar: number } | null {
  const m = WIDE.exec(h.trim().toLowerCase());
  if (!m) return null;
  const score = m[1];
  if (!(LBM_SCORES as readonly string[]).includes(score) && !isLbmClassColumn(score)) return null;
  return { score, jaar: Number(m[2]) };
}

/**
 * True when the header has score columns with a year suffix and no `jaar` column.
 *
 * @example isWideLbmHeader(['bu_code', 'lbm_2014', 'onv_2014']) // true
 */
export function isWideLbmHeader(header: readonly string[]): boolean {
  return !header.some((h) => h.trim().toLowerCase() === 'jaar') && header.some((h) => wideParts(h) !== null);
}

/**
 * Turn a wide table long. Identifier columns (those without a year suffix) are repeated; a year
 * gets a row when any of its score cells is present in the header; scores absent for a year are
 * `NA`.
 *
 * @example wideToLong(['bu_code', 'lbm_2014', 'lbm_2016'], [['BU1', '4.1', '4.2']], [2]).rows
 *   // [['BU1', '2014', '4.1'], ['BU1', '2016', '4.2']]
 */
export function wideToLong(header: readonly string[], rows: readonly string[][], lines: readonly number[]): LongRows {
  const ids: number[] = [];
  const scores: string[] = [];
  const years: number[] = [];
  const at = new Map<string, number>();
  header.forEach((h, j) => {
    const p = wideParts(h);
    if (p === null) {
      ids.push(j);
      return;
    }
    if (!scores.includes(p.score)) scores.push(p.score);
    if (!years.includes(p.jaar)) years.push(p.jaar);
    at.set(`${p.score}|${p.jaar}`, j);
  });
  years.sort((a, b) => a - b);
  const outHeader = [...ids.map((j) => header[j]), 'jaar', ...scores];
  const out: string[][] = [];
  const outLines: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    for (const y of years) {
      const rec = [...ids.map((j) => rows[r][j]), String(y)];
      for (const s of scores) {
        const j = at.get(`${s}|${y}`);
        rec.push(j === undefined ? 'NA' : rows[r][j]);
      }
      out.push(rec);
      outLines.push(lines[r]);
    }
  }
  return { header: outHeader, rows: out, lines: outLines };
}
