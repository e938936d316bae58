import type { ColumnTable } from 'arquero';

/** A column as a plain array of numbers with NaN for missing (null, undefined, non-finite). */
export function numbers(table: ColumnTable, name: string): Float64Array {
  const src = table.array(name) as ArrayLike<unknown>;
  const out = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    out[i] = typeof v === 'number' && Number.isFinite(v) ? v : NaN;
  }
  return out;
}

/** A column as strings (null stays null). */
export function strings(table: ColumnTable, name: string): (string | null)[] {
  const src = table.array(name) as ArrayLike<unknown>;
  const out: (string | null)[] = new Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = src[i] === null || src[i] === undefined ? null : String(src[i]);
  return out;
}

/** A boolean column (null/undefined → false). */
export function flags(table: ColumnTable, name: string): boolean[] {
  if (!table.columnNames().includes(name)) return new Array(table.numRows()).fill(false);
  const src = table.array(name) as ArrayLike<unknown>;
  return Array.from({ length: src.length }, (_, i) => src[i] === true);
}

/** NaN → null, for writing typed-array results back into tables and JSON. */
export function nullable(values: ArrayLike<number>): (number | null)[] {
  return Array.from({ length: values.length }, (_, i) => (Number.isNaN(values[i]) ? null : values[i]));
}
