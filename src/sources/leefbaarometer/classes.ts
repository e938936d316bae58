/**
 * The nine Leefbaarometer classes. Class columns (`kscore`, `konv`, …, in the WFS layers) hold
 * the class number 1–9; the class boundaries are in the instrument report, not in score files.
 */

/** Labels of classes 1–9 (index 0 = class 1). */
export const LBM_CLASS_LABELS: readonly string[] = [
  'Zeer onvoldoende',
  'Ruim onvoldoende',
  'Onvoldoende',
  'Zwak',
  'Voldoende',
  'Ruim voldoende',
  'Goed',
  'Zeer goed',
  'Uitstekend',
];

/**
 * Label of a class number, or null when it is not 1–9.
 *
 * @example lbmClassLabel(9) // 'Uitstekend'
 */
export function lbmClassLabel(klasse: number | null): string | null {
  return klasse !== null && Number.isInteger(klasse) && klasse >= 1 && klasse <= 9 ? LBM_CLASS_LABELS[klasse - 1] : null;
}

/**
 * Parse a class cell: a number 1–9, or one of the nine labels (case-insensitive, or prefixed
 * with the number: `7 Goed`). Missing symbols give null; anything else gives undefined (invalid).
 *
 * @example parseLbmClass('zeer goed') // 8
 * @example parseLbmClass('NA') // null
 */
export function parseLbmClass(cell: string, missing: readonly string[]): number | null | undefined {
  const s = cell.trim();
  if (missing.includes(s)) return null;
  if (/^[1-9](\.0+)?$/.test(s)) return Number(s);
  const m = /^(?:([1-9])\s*[-.:]?\s*)?(.+)$/.exec(s);
  if (!m) return undefined;
  const i = LBM_CLASS_LABELS.findIndex((l) => l.toLowerCase() === m[2].trim().toLowerCase());
  if (i < 0 || (m[1] !== undefined && Number(m[1]) !== i + 1)) return undefined;
  return i + 1;
}

/**
 * Whether a header is a class column: `k` + `score` or a score/dimension name (`kscore`,
 * `klbm`, `kafw`, `kfys`, `konv`, `ksoc`, `kvrz`, `kwon`).
 *
 * @example isLbmClassColumn('konv') // true
 */
export function isLbmClassColumn(name: string): boolean {
  return /^k(score|lbm|afw|fys|onv|soc|vrz|won)$/.test(name);
}
