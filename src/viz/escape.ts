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
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
