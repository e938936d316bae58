/**
 * A loaded table (src/sources `LoadedTable` and its extensions) as plain data for `postMessage`,
 * and back: the arquero table goes as its columns, everything else (columns' metadata,
 * provenance, report, the Leefbaarometer checks) as it is. The CLI's second thread loads inputs
 * this way while the main thread loads the others.
 *
 * The structured clone copies an array element by element, and it is the receiving thread that
 * pays most (≈ 36 ms for one national KWB edition, ≈ 76 ms for the Leefbaarometer, against
 * ≈ 1 ms for the same numbers in a Float64Array). So a column of numbers (and nulls) goes as a
 * Float64Array with a null mask, a column of strings (and nulls) as its distinct values and a
 * Uint32Array of indices (the KWB's codes, levels and gemeente names repeat), and the buffers are
 * moved, not copied. Anything else — a column mixing types, holding `undefined`, or already a
 * typed array — goes as it is. Back on the other side each column is the same array again:
 * the same numbers (NaN and -0 included), the same nulls, equal strings.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { LoadedTable } from '../sources/types.js';

/** One column as it goes over. */
export type PlainColumn =
  | { numbers: Float64Array; nulls: Uint8Array | null }
  | { strings: (string | null)[]; index: Uint32Array }
  | { values: ArrayLike<unknown> };

/** A loaded table with its arquero table as columns. */
export type PlainLoaded<T extends LoadedTable> = Omit<T, 'table'> & { table: { names: string[]; columns: Record<string, PlainColumn> } };

/** A column of numbers and nulls, or of strings and nulls, in compact form; else as it is. */
function packColumn(values: ArrayLike<unknown>): PlainColumn {
  if (!Array.isArray(values)) return { values };
  const n = values.length;
  let numbers = true;
  let strings = true;
  for (let i = 0; i < n && (numbers || strings); i++) {
    const v: unknown = values[i];
    if (v === null) continue;
    const t = typeof v;
    if (t !== 'number') numbers = false;
    if (t !== 'string') strings = false;
  }
  if (n === 0 || (!numbers && !strings)) return { values };
  if (numbers) {
    const out = new Float64Array(n);
    let nulls: Uint8Array | null = null;
    for (let i = 0; i < n; i++) {
      const v = values[i] as number | null;
      if (v === null) (nulls ??= new Uint8Array(n))[i] = 1;
      else out[i] = v;
    }
    return { numbers: out, nulls };
  }
  const distinct: (string | null)[] = [];
  const at = new Map<string | null, number>();
  const index = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] as string | null;
    let k = at.get(v);
    if (k === undefined) {
      k = distinct.length;
      distinct.push(v);
      at.set(v, k);
    }
    index[i] = k;
  }
  return { strings: distinct, index };
}

/** The column as an array again (see {@link packColumn}). */
function unpackColumn(c: PlainColumn): ArrayLike<unknown> {
  const out: unknown[] = [];
  if ('numbers' in c) {
    const { numbers, nulls } = c;
    for (let i = 0; i < numbers.length; i++) out.push(nulls !== null && nulls[i] === 1 ? null : numbers[i]);
    return out;
  }
  if ('strings' in c) {
    const { strings, index } = c;
    for (let i = 0; i < index.length; i++) out.push(strings[index[i]]);
    return out;
  }
  return c.values;
}

/** The loaded table as plain data (the arquero table as its columns, in order). */
export function plainLoaded<T extends LoadedTable>(loaded: T): PlainLoaded<T> {
  const t = loaded.table;
  const names = t.columnNames();
  return { ...loaded, table: { names, columns: Object.fromEntries(names.map((n) => [n, packColumn(t.array(n) as ArrayLike<unknown>)])) } };
}

/** The buffers made by {@link plainLoaded}, to be moved with the message instead of copied. */
export function plainBuffers(plain: PlainLoaded<LoadedTable>): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const c of Object.values(plain.table.columns)) {
    if ('numbers' in c) {
      out.push(c.numbers.buffer as ArrayBuffer);
      if (c.nulls !== null) out.push(c.nulls.buffer as ArrayBuffer);
    } else if ('strings' in c) out.push(c.index.buffer as ArrayBuffer);
  }
  return out;
}

/** The loaded table again, with an arquero table of the same columns, in the same order. */
export function loadedFromPlain<T extends LoadedTable>(plain: PlainLoaded<T>): T {
  const columns = Object.fromEntries(plain.table.names.map((n) => [n, unpackColumn(plain.table.columns[n])]));
  const table: ColumnTable = aq.table(columns as Record<string, unknown[]>, plain.table.names);
  return { ...plain, table } as unknown as T;
}
