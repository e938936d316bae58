/**
 * A loaded table (src/sources `LoadedTable` and its extensions) as plain data for `postMessage`,
 * and back: the arquero table goes as its columns (typed arrays and arrays, copied by the
 * structured clone as they are), everything else (columns' metadata, provenance, report, the
 * Leefbaarometer checks) as it is. The CLI's second thread loads inputs this way while the main
 * thread loads the others.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { LoadedTable } from '../sources/types.js';

/** A loaded table with its arquero table as columns. */
export type PlainLoaded<T extends LoadedTable> = Omit<T, 'table'> & { table: { names: string[]; columns: Record<string, ArrayLike<unknown>> } };

/** The loaded table as plain data (the arquero table as its columns, in order). */
export function plainLoaded<T extends LoadedTable>(loaded: T): PlainLoaded<T> {
  const t = loaded.table;
  const names = t.columnNames();
  return { ...loaded, table: { names, columns: Object.fromEntries(names.map((n) => [n, t.array(n) as ArrayLike<unknown>])) } };
}

/** The loaded table again, with an arquero table of the same columns, in the same order. */
export function loadedFromPlain<T extends LoadedTable>(plain: PlainLoaded<T>): T {
  const table: ColumnTable = aq.table(plain.table.columns as Record<string, unknown[]>, plain.table.names);
  return { ...plain, table } as unknown as T;
}
