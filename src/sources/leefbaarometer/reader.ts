/** FormatReader of Leefbaarometer score files, for `veerkracht inspect`. */
import type { FormatReader } from '../formats.js';
import { isLbmClassColumn } from './classes.js';
import { findLbmCodeColumn } from './level.js';
import { loadLeefbaarometer } from './load.js';

/**
 * True when a header line is a Leefbaarometer score header: a code column and `lbm` (long) or
 * `lbm_2014`-style columns (wide).
 *
 * @example looksLikeLeefbaarometer('wk_code,wk_naam,jaar,lbm,afw') // true
 */
export function looksLikeLeefbaarometer(firstLine: string): boolean {
  const h = firstLine.split(/[;,\t|]/).map((s) => s.trim().replace(/^"|"$/g, '').toLowerCase());
  const hasLbm = h.includes('lbm') || h.some((x) => /^lbm_?(19|20)\d{2}$/.test(x)) || h.some(isLbmClassColumn);
  return hasLbm && findLbmCodeColumn(h) !== null;
}

/** Reader for Leefbaarometer 3.0 score files (`leefbaarometer`). */
export const leefbaarometerReader: FormatReader = {
  kind: 'leefbaarometer',
  sniff: (head) => looksLikeLeefbaarometer(head.text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]),
  read: async (path, options) => loadLeefbaarometer(path, { sheet: options?.sheet }),
};
