/**
 * All dwellings per buurt, the denominator of the corporation share, taken from a loaded KWB
 * table (the column whose concept is `woningvoorraad`, or a named column).
 */
import { regionLevel } from '../../regions/codes.js';
import { VeerkrachtError } from '../../util/errors.js';
import type { LoadedTable } from '../types.js';

/**
 * Dwellings per buurt from a loaded table with a `code` column: the column named `column`, else
 * the one with concept `woningvoorraad`. Only buurt rows are returned; missing stays null.
 *
 * @throws VeerkrachtError when the table has no such column
 * @example aggregateCorporatie({ bezit, bezitJaar: 2023, lookup, woningen: woningenPerBuurt(kwb2023) })
 */
export function woningenPerBuurt(loaded: LoadedTable, column?: string): { code: string; woningen: number | null }[] {
  const name = column ?? loaded.columns.find((c) => c.concept === 'woningvoorraad')?.name;
  const names = loaded.table.columnNames();
  if (name === undefined || !names.includes(name) || !names.includes('code')) {
    throw new VeerkrachtError('no dwellings column', {
      file: loaded.provenance.file,
      column: column ?? 'woningvoorraad',
      expected: 'a code column and a column with the number of dwellings (concept woningvoorraad)',
      found: names.slice(0, 12).join(', '),
    });
  }
  const out: { code: string; woningen: number | null }[] = [];
  const t = loaded.table;
  for (let r = 0; r < t.numRows(); r++) {
    const code = t.get('code', r) as string | null;
    if (code === null || regionLevel(code) !== 'buurt') continue;
    const v = t.get(name, r) as number | null;
    out.push({ code, woningen: typeof v === 'number' && Number.isFinite(v) ? v : null });
  }
  return out;
}
