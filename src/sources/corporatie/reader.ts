/** FormatReaders of corporation exports (stock list and lettings list), for `veerkracht inspect`. */
import type { FileHead, FormatReader } from '../formats.js';
import { BEZIT_FIELDS, loadBezit } from './bezit.js';
import { foldHeader, type FieldSpec } from './header.js';
import { VERHURING_FIELDS, loadVerhuringen } from './verhuringen.js';

function headerFields(head: FileHead): string[] {
  const first = head.text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const delim = [';', '\t', ','].find((d) => first.includes(d)) ?? ';';
  return first.split(delim).map((h) => foldHeader(h.replace(/^"|"$/g, '')));
}

function hasRequired(fields: string[], specs: readonly FieldSpec[]): boolean {
  return specs.filter((s) => s.required).every((s) => [s.field, ...s.aliases].some((a) => fields.includes(foldHeader(a))));
}

/** Reader for a corporation stock list (`corporatie-bezit`): VHE, postcode, huisnummer columns. */
export const corporatieBezitReader: FormatReader = {
  kind: 'corporatie-bezit',
  sniff: (head) => hasRequired(headerFields(head), BEZIT_FIELDS),
  read: async (path, options) => loadBezit(path, { sheet: options?.sheet }),
};

/** Reader for a corporation lettings list (`corporatie-verhuringen`): datum and VHE columns. */
export const corporatieVerhuringenReader: FormatReader = {
  kind: 'corporatie-verhuringen',
  sniff: (head) => hasRequired(headerFields(head), VERHURING_FIELDS),
  read: async (path, options) => loadVerhuringen(path, { sheet: options?.sheet }),
};
