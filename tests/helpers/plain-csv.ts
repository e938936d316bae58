// A deliberately minimal CSV reader for tests that compute expected values independently of
// src/sources (quotes and doubled quotes; no newlines inside fields, as in the real files used).
import { readFileSync } from 'node:fs';

/** RFC 4180 fields of one line. */
export function plainFields(line: string, sep = ','): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === sep) out.push(cur), (cur = '');
    else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Rows of a file as objects keyed by the trimmed header; values trimmed. */
export function plainRows(path: string, sep = ','): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
  const head = plainFields(lines[0], sep).map((h) => h.trim());
  return lines.slice(1).map((l) => {
    const f = plainFields(l, sep);
    return Object.fromEntries(head.map((h, i) => [h, (f[i] ?? '').trim()]));
  });
}

/** A number from a cell: decimal comma or point; empty, `.` and `NA` are NaN. */
export const plainNumber = (s: string | undefined): number => (s === undefined || s === '' || s === '.' || s === 'NA' ? NaN : Number(s.replace(',', '.')));
