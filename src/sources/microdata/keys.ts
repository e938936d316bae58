/**
 * Integer keys for groups of rows: each key column is dictionary-encoded once, and the codes of
 * several columns are combined into one dense integer per row, so a lookup table can be a typed
 * array instead of a `Map` of string keys. Values are compared as a `Map` compares them
 * (SameValueZero: `null`, `undefined`, `'null'` and `NaN` are each their own key).
 */

/** Dense integer codes `0 … size - 1`, one per row. */
export interface RowKeys {
  /** Code of each row. */
  ids: Int32Array;
  /** Number of distinct codes. */
  size: number;
}

/** Code ranges up to this size (or twice the rows) are combined arithmetically; larger ones are re-encoded. */
const MAX_DIRECT = 1 << 20;

/**
 * Dictionary-encode one column: equal values get the same code, in order of first appearance.
 *
 * @param into optional array of the column's length to write the codes into (reused scratch)
 * @example encodeColumn(['a', 'b', 'a']) // { ids: Int32Array [0, 1, 0], size: 2 }
 */
export function encodeColumn(values: ArrayLike<unknown>, into?: Int32Array): RowKeys {
  const n = values.length;
  const dict = new Map<unknown, number>();
  const ids = into !== undefined && into.length === n ? into : new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let id = dict.get(v);
    if (id === undefined) {
      id = dict.size;
      dict.set(v, id);
    }
    ids[i] = id;
  }
  return { ids, size: dict.size };
}

/**
 * Combine the codes of two columns into one code per (a, b) pair. The result stays below
 * `a.size · b.size` when that is small, and below the number of rows otherwise (re-encoded), so
 * it always fits an `Int32Array` slot table.
 *
 * @example combineKeys(encodeColumn(['x', 'x', 'y']), encodeColumn([1, 2, 1])).size // 4
 */
export function combineKeys(a: RowKeys, b: RowKeys): RowKeys {
  return combineInto(new Int32Array(a.ids.length), a, b);
}

/** {@link combineKeys} writing into `ids` (which may be `a.ids` itself). */
function combineInto(ids: Int32Array, a: RowKeys, b: RowKeys): RowKeys {
  const n = a.ids.length;
  if (b.ids.length !== n) throw new RangeError(`combineKeys: ${n} and ${b.ids.length} rows`);
  if (a.size * b.size <= Math.max(MAX_DIRECT, 2 * n)) {
    for (let i = 0; i < n; i++) ids[i] = a.ids[i] * b.size + b.ids[i];
    return { ids, size: a.size * b.size };
  }
  const dict = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const k = a.ids[i] * b.size + b.ids[i]; // < n², exact as a double up to 9·10⁷ rows
    let id = dict.get(k);
    if (id === undefined) {
      id = dict.size;
      dict.set(k, id);
    }
    ids[i] = id;
  }
  return { ids, size: dict.size };
}

/**
 * One dense code per row for the combination of several key columns (each of `rows` values).
 *
 * @example rowKeys([['a', 'a', 'b'], [1, 1, 1]]).ids // Int32Array [0, 0, 1]
 */
export function rowKeys(columns: readonly ArrayLike<unknown>[], rows: number): RowKeys {
  if (columns.length === 0) return { ids: new Int32Array(rows), size: 1 };
  // two arrays in all: the running key (combined in place) and one scratch for the next column
  let keys = encodeColumn(columns[0]);
  const scratch = columns.length > 1 ? new Int32Array(keys.ids.length) : undefined;
  for (let k = 1; k < columns.length; k++) keys = combineInto(keys.ids, keys, encodeColumn(columns[k], scratch));
  return keys;
}
