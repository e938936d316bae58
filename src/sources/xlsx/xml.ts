/**
 * The little XML that reading SpreadsheetML needs: elements by local name (with or without a
 * namespace prefix such as `x:`), their attributes and text, entities and the OOXML `_xHHHH_`
 * escapes. Not a general XML parser: xlsx parts are machine-written, flat and well-formed.
 */

/** One element: its attributes and the raw text between its tags ('' when self-closing). */
export interface XmlElement {
  attrs: Record<string, string>;
  inner: string;
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decode XML entities and the OOXML `_xHHHH_` character escapes.
 *
 * @example xmlText('a &amp; b_x000D_') // 'a & b\r'
 */
export function xmlText(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e],
    )
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Attributes of a start tag's attribute text (`r="A1" t="s"`), prefixes dropped (`r:id` → `id` and `r:id`). */
export function xmlAttrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const v = xmlText(m[3] ?? m[4] ?? '');
    out[m[1]] = v;
    const colon = m[1].indexOf(':');
    if (colon >= 0 && !(m[1].slice(colon + 1) in out)) out[m[1].slice(colon + 1)] = v;
  }
  return out;
}

/**
 * All elements with this local name, in document order (not nested in each other).
 *
 * @example xmlElements('<x:c r="A1"><x:v>1</x:v></x:c>', 'c') // [{ attrs: { r: 'A1' }, inner: '<x:v>1</x:v>' }]
 */
export function xmlElements(xml: string, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const re = new RegExp(`<((?:[\\w.-]+:)?${name})(?=[\\s/>])([^>]*?)(/?)>`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const attrs = xmlAttrs(m[2]);
    if (m[3] === '/') {
      out.push({ attrs, inner: '' });
      continue;
    }
    const close = `</${m[1]}>`;
    const end = xml.indexOf(close, re.lastIndex);
    if (end < 0) {
      out.push({ attrs, inner: xml.slice(re.lastIndex) });
      break;
    }
    out.push({ attrs, inner: xml.slice(re.lastIndex, end) });
    re.lastIndex = end + close.length;
  }
  return out;
}

/** The text of the first element with this local name, decoded, or undefined. */
export function xmlFirstText(xml: string, name: string): string | undefined {
  const e = xmlElements(xml, name)[0];
  return e === undefined ? undefined : xmlText(e.inner);
}

/**
 * The text of a string item (`<si>` or `<is>`): the `<t>` of each rich-text run joined, phonetic
 * runs (`<rPh>`) left out.
 *
 * @example stringItemText('<r><t>a</t></r><r><t xml:space="preserve"> b</t></r>') // 'a b'
 */
export function stringItemText(inner: string): string {
  const plain = inner.indexOf('rPh') < 0 ? inner : inner.replace(/<((?:[\w.-]+:)?rPh)\b[\s\S]*?<\/\1>/g, '');
  return xmlElements(plain, 't').map((t) => xmlText(t.inner)).join('');
}
