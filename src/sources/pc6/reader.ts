/** FormatReaders of the two postcode tables, for `veerkracht inspect`. */
import type { FileHead, FormatReader } from '../formats.js';
import { detectPc6Kind, loadPc6Table } from './tables.js';

function headerOf(head: FileHead): string[] {
  const first = head.text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const semi = (first.match(/;/g) ?? []).length;
  const comma = (first.match(/,/g) ?? []).length;
  return first.split(semi >= comma ? /[;,]/ : ',').map((h) => h.trim().replace(/^"|"$/g, ''));
}

/** Reader for the CBS postcode-6 + huisnummer → buurt/wijk/gemeente table (`pc6-huisnummer`). */
export const pc6HuisnummerReader: FormatReader = {
  kind: 'pc6-huisnummer',
  sniff: (head) => detectPc6Kind(headerOf(head)) === 'pc6-huisnummer',
  read: async (path, options) => loadPc6Table(path, { sheet: options?.sheet }),
};

/** Reader for the derived postcode-6 → pc4 → buurt table (`pc6-buurt`). */
export const pc6BuurtReader: FormatReader = {
  kind: 'pc6-buurt',
  sniff: (head) => detectPc6Kind(headerOf(head)) === 'pc6-buurt',
  read: async (path, options) => loadPc6Table(path, { sheet: options?.sheet }),
};
