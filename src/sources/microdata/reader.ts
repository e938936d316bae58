/** FormatReader of microdata aggregates, for `veerkracht inspect`. */
import { foldHeader } from '../corporatie/header.js';
import type { FormatReader } from '../formats.js';
import { MICRODATA_FIELDS } from './format.js';
import { loadMicrodata } from './load.js';

/**
 * True when a header line has every required microdata column (by name or alias).
 *
 * @example looksLikeMicrodata('buurtcode;jaar;groep;status;aantal') // true
 */
export function looksLikeMicrodata(firstLine: string): boolean {
  const h = firstLine.split(/[;,\t|]/).map((s) => foldHeader(s.replace(/^"|"$/g, '')));
  return MICRODATA_FIELDS.filter((f) => f.required).every((f) => [f.field, ...f.aliases].some((a) => h.includes(foldHeader(a))));
}

/** Reader for microdata aggregates (`microdata-aggregaat`). */
export const microdataReader: FormatReader = {
  kind: 'microdata-aggregaat',
  sniff: (head) => looksLikeMicrodata(head.text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]),
  read: async (path, options) => loadMicrodata(path, { sheet: options?.sheet }),
};
