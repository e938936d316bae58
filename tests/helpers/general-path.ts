/**
 * Fast path against general path for the loaders: the same file twice, as written, and with a
 * zero-width space after the first field of one row. The loaders remove the character (and warn),
 * so both must give the same table; but the second has something to clean, so it is read by the
 * general path that splits every cell into a string, and the first (in the common case) by the
 * fast path that reads cells in place.
 */
import { expect } from 'vitest';

/** The text with a zero-width space after the first field of one row (or at the end of the header). */
export function withInvisible(text: string, row: number, eol: string): string {
  const lines = text.split(eol);
  const k = 1 + (row % Math.max(1, lines.length - 1));
  const m = k < lines.length ? /^[^,;\t"\r\n]+/.exec(lines[k]) : null;
  // (before a quote it would unquote a field: then at the end of the header)
  if (m === null) return text.replace(eol, `\u200b${eol}`);
  lines[k] = `${m[0]}\u200b${lines[k].slice(m[0].length)}`;
  return lines.join(eol);
}

interface Loaded {
  table: { columnNames(): string[]; array(name: string): ArrayLike<unknown> };
  report: { warnings: string[] };
  provenance: { checksum?: string };
}

/** A load as plain data (every column's values, the rest of the result), or its error message. */
function loadData(load: (text: string) => Loaded, text: string) {
  try {
    const { table, report, provenance, ...rest } = load(text);
    return {
      columns: table.columnNames().map((c) => [c, Array.from(table.array(c))]),
      warnings: report.warnings,
      // (the bytes differ by the character, and so does their checksum)
      rest: { ...rest, report: { ...report, warnings: [] }, provenance: { ...provenance, checksum: '' } },
    };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/**
 * Load the text as written and with an invisible character: the same error, or the same table,
 * metadata and report, the second with one more warning (about the character).
 *
 * @returns true when both gave a table
 */
export function expectSameLoad(load: (text: string) => Loaded, text: string, row: number, eol: string): boolean {
  const fast = loadData(load, text);
  const general = loadData(load, withInvisible(text, row, eol));
  if ('error' in fast) {
    expect(general).toEqual(fast);
    return false;
  }
  if ('error' in general) throw new Error(`only the general path failed: ${general.error}`);
  expect(general.columns).toEqual(fast.columns);
  expect(general.warnings.filter((w) => !/invisible characters/.test(w))).toEqual(fast.warnings);
  expect(general.warnings.filter((w) => /invisible characters/.test(w))).toHaveLength(1);
  expect(general.rest).toEqual(fast.rest);
  return true;
}
