/**
 * Summary JSON with a stable key order: object keys sorted (code-point order) at every level,
 * arrays kept in order, so two runs with the same inputs give byte-identical files and a diff
 * shows only what changed.
 */

/**
 * JSON text with sorted keys, 2-space indent and a final newline. NaN/±Infinity become null;
 * undefined members are left out; Maps are written as objects.
 *
 * @example stableJson({ b: 1, a: { d: NaN, c: 2 } }) // '{\n  "a": {\n    "c": 2,\n    "d": null\n  },\n  "b": 1\n}\n'
 */
export function stableJson(value: unknown, indent = 2): string {
  return `${JSON.stringify(sortKeys(value), null, indent)}\n`;
}

function sortKeys(v: unknown): unknown {
  if (v === null || v === undefined) return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : sortKeys(x)));
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>, (x) => sortKeys(x));
  if (v instanceof Map) return sortKeys(Object.fromEntries(v));
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof (o as { toJSON?: unknown }).toJSON === 'function') return sortKeys((o as { toJSON(): unknown }).toJSON());
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) if (o[k] !== undefined) out[k] = sortKeys(o[k]);
    return out;
  }
  return v;
}
