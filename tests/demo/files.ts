// Test helpers for tests/demo: paths of the committed demo files and small independent parsers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file in the committed data/demo. */
export function demoPath(rel: string): string {
  return fileURLToPath(new URL(`../../data/demo/${rel}`, import.meta.url));
}

/** Committed file as UTF-8 text with a BOM removed. */
export function demoText(rel: string): string {
  return readFileSync(demoPath(rel), 'utf8').replace(/^\uFEFF/, '');
}

/** Plain CSV split (no quoting in these files): rows of trimmed-free fields, header first. */
export function splitCsv(text: string, sep: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.length > 0)
    .map((l) => l.split(sep));
}

/** Rows as records keyed by header name. */
export function records(text: string, sep: string): Record<string, string>[] {
  const [head, ...rows] = splitCsv(text, sep);
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}
