/**
 * Chart inputs may be an arquero table or plain rows; this turns either into plain row objects
 * (Vega-Lite inline data) without mutating the input.
 */

/** Something with arquero's `objects()` method (a ColumnTable), or plain rows. */
export type RowsInput = ReadonlyArray<Record<string, unknown>> | { objects(): object[] };

/**
 * Plain row objects from an arquero table or an array of rows.
 *
 * @example toRows([{ a: 1 }]) // [{ a: 1 }]
 */
export function toRows(input: RowsInput): Record<string, unknown>[] {
  if (Array.isArray(input)) return input.slice() as Record<string, unknown>[];
  const t = input as { objects?: () => object[] };
  if (typeof t.objects === 'function') return t.objects() as Record<string, unknown>[];
  throw new TypeError('toRows: expected an arquero table or an array of rows');
}

/** A finite number from a cell, or null for null, undefined, NaN, ±Infinity and non-numbers. */
export function finiteOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
