/**
 * Take one numeric column out of an arquero table for classification or calibration: null stays
 * missing (NaN), a text value is a user error naming the row and column.
 */
import type { ColumnTable } from 'arquero';
import { VeerkrachtError } from '../util/errors.js';

/**
 * The values of a numeric column as a Float64Array with NaN for missing values.
 *
 * @param file file name for error messages
 * @throws VeerkrachtError when the column does not exist or holds a non-number
 * @example numericColumn(table, 'corporatie_pct', 'kwb.csv')
 */
export function numericColumn(table: ColumnTable, column: string, file?: string): Float64Array {
  const names = table.columnNames();
  if (!names.includes(column)) {
    throw new VeerkrachtError('column not found', { file, column, expected: `one of ${names.join(', ')}` });
  }
  const arr = table.array(column) as ArrayLike<unknown>;
  const out = new Float64Array(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (v === null || v === undefined) out[i] = NaN;
    else if (typeof v === 'number') out[i] = v;
    else {
      // a text column: name the first value that is not number-like (not merely the first value,
      // which may read as a number when the column became text because of another cell)
      let bad = -1;
      for (let j = i; j < arr.length && bad < 0; j++) {
        const w = arr[j];
        if (w === null || w === undefined || typeof w === 'number') continue;
        const t = String(w).trim();
        if (t === '' || !Number.isFinite(Number(t.replace(',', '.')))) bad = j;
      }
      throw new VeerkrachtError(bad < 0 ? 'column holds numbers as text (mixed decimal marks or leading zeros?)' : 'value is not a number', {
        file,
        line: (bad < 0 ? i : bad) + 2,
        column,
        expected: 'a number or a missing value',
        found: JSON.stringify(String(arr[bad < 0 ? i : bad]).slice(0, 40)),
      });
    }
  }
  return out;
}
