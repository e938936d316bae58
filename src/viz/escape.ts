/**
 * Escaping for the self-contained HTML pages: text and attributes in HTML, and JSON placed
 * inside an inline `<script>` (where `</script>`, `<!--` and U+2028/9 would break out or break
 * parsing).
 */

/**
 * Escape text for HTML element content and quoted attribute values.
 *
 * @example escapeHtml('<img src=x onerror=alert(1)>') // '&lt;img src=x onerror=alert(1)&gt;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/**
 * JSON for an inline `<script>`: `JSON.stringify` with `<`, `>`, `&`, U+2028 and U+2029 written
 * as `\uXXXX` escapes, so no data string can close the script or start a comment. The result
 * parses back to the same value.
 *
 * @example scriptJson({ naam: '</script>' }) // '{"naam":"\\u003c/script\\u003e"}'
 */
export function scriptJson(value: unknown): string {
  const json = JSON.stringify(value);
  // the characters are rare (a few in the explorer's 6 MB of JSON): found with indexOf, which
  // scans a long string several times faster than a global regular expression does
  const at: number[] = [];
  for (const c of SCRIPT_UNSAFE) for (let i = json.indexOf(c); i >= 0; i = json.indexOf(c, i + 1)) at.push(i);
  if (at.length === 0) return json;
  at.sort((a, b) => a - b);
  let out = '';
  let from = 0;
  for (const i of at) {
    out += `${json.slice(from, i)}\\u${json.charCodeAt(i).toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return out + json.slice(from);
}

const SCRIPT_UNSAFE = ['<', '>', '&', '\u2028', '\u2029'];
