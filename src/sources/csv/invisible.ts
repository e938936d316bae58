/**
 * Input hygiene for delimited text: control characters and invisible format characters
 * (zero-width space and joiners, bidi marks and overrides, word joiner, a stray BOM) inside
 * fields are removed before anything else looks at the values, so a buurt code with a
 * zero-width space stays a valid code instead of failing to match. Tab, newline and carriage
 * return are kept (quoted fields may hold them). Every clean-up is counted and reported with the
 * first place it happened; duplicate column names are reported too.
 */

// C0 controls but \t \n \r; DEL and C1; zero-width and bidi format characters; BOM
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const ANY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** Where invisible characters were removed. */
export interface InvisibleReport {
  /** Fields that held at least one. */
  cells: number;
  /** The first: 1-based line and 0-based field index. */
  first: { line: number; field: number } | null;
}

/**
 * Remove control and invisible format characters from every field, in place.
 *
 * @param records records of fields (header first, or data only)
 * @param lines the 1-based line of each record
 * @example const r = [['BU0363\u200B0001']]; cleanInvisible(r, [2]); r[0][0] // 'BU03630001'
 */
export function cleanInvisible(records: string[][], lines: readonly number[]): InvisibleReport {
  const report: InvisibleReport = { cells: 0, first: null };
  for (let r = 0; r < records.length; r++) {
    const rec = records[r];
    for (let j = 0; j < rec.length; j++) {
      const v = rec[j];
      if (!ANY.test(v)) continue;
      rec[j] = v.replace(INVISIBLE, '').trim();
      report.cells += 1;
      if (report.first === null) report.first = { line: lines[r], field: j };
    }
  }
  return report;
}

/** True when the text holds any character {@link cleanInvisible} removes (a fast pre-check). */
export function hasInvisible(text: string): boolean {
  return ANY.test(text);
}

/**
 * The warning for cleaned fields, naming the count and the first line and column.
 *
 * @example invisibleWarning({ cells: 2, first: { line: 7, field: 0 } }, ['code']) // '2 fields held control or invisible characters …'
 */
export function invisibleWarning(report: InvisibleReport, header: readonly string[]): string | null {
  if (report.cells === 0 || report.first === null) return null;
  const col = header[report.first.field];
  return `${report.cells} field${report.cells === 1 ? '' : 's'} held control or invisible characters (zero-width space, bidi mark, …), removed; first on line ${report.first.line}${col !== undefined ? `, column ${JSON.stringify(col)}` : ''}`;
}

/**
 * Warnings for column names that occur more than once (the first of each is used by name).
 *
 * @example duplicateHeaderWarnings(['code', 'naam', 'code']) // ['column name "code" occurs twice (columns 1 and 3): the first is used']
 */
export function duplicateHeaderWarnings(header: readonly string[]): string[] {
  const at = new Map<string, number[]>();
  header.forEach((h, j) => {
    const k = h.trim();
    if (k === '') return;
    at.set(k, [...(at.get(k) ?? []), j + 1]);
  });
  const out: string[] = [];
  for (const [name, cols] of at) {
    if (cols.length > 1) out.push(`column name ${JSON.stringify(name)} occurs ${cols.length === 2 ? 'twice' : `${cols.length} times`} (columns ${cols.slice(0, -1).join(', ')} and ${cols[cols.length - 1]}): the first is used`);
  }
  return out;
}
