/**
 * OData v3 `$filter` expressions for StatLine region selections. A gemeente selects itself,
 * its wijken and its buurten: `substringof('GM0344',WijkenEnBuurten) or
 * substringof('WK0344',WijkenEnBuurten) or substringof('BU0344',WijkenEnBuurten)`, the form
 * cbsodataR's `has_substring()` sends to CBS; `startswith(WijkenEnBuurten,'GM0344') or …` is
 * the alternative. For valid CBS codes both select the same rows: a prefix such as `GM0344`
 * cannot occur later inside another region code (after the two prefix letters come digits).
 */

/** How a prefix test is written: cbsodataR's `substringof` (default) or OData `startswith`. */
export type ODataFilterStyle = 'substringof' | 'startswith';
import { normalizeRegionCode, regionLevel } from '../../regions/codes.js';
import { VeerkrachtError } from '../../util/errors.js';

/**
 * Code prefixes that select a region and everything below it (`GM0344` → GM0344, WK0344,
 * BU0344; `WK034401` → WK034401, BU034401; a buurt or `NL00` → itself).
 *
 * @throws VeerkrachtError for a string that is not a CBS region code
 * @example regionPrefixes('GM0344') // ['GM0344', 'WK0344', 'BU0344']
 */
export function regionPrefixes(raw: string): string[] {
  const code = normalizeRegionCode(raw);
  const level = code === null ? null : regionLevel(code);
  if (code === null || level === null) {
    throw new VeerkrachtError('not a CBS region code', {
      column: 'regions',
      expected: 'NL00, GM + 4, WK + 6 or BU + 8 characters (e.g. GM0344)',
      found: JSON.stringify(raw),
    });
  }
  if (level === 'gemeente') return [code, `WK${code.slice(2)}`, `BU${code.slice(2)}`];
  if (level === 'wijk') return [code, `BU${code.slice(2)}`];
  return [code];
}

/**
 * The `$filter` expression selecting the given regions (and their wijken and buurten) on the
 * region dimension `dimension` (`WijkenEnBuurten` in KWB, `RegioS` elsewhere). OData v3
 * string literals are single-quoted; validated region codes contain no quotes.
 *
 * @example odataRegionFilter(['GM0344'], 'WijkenEnBuurten')
 * // "substringof('GM0344',WijkenEnBuurten) or substringof('WK0344',WijkenEnBuurten) or substringof('BU0344',WijkenEnBuurten)"
 * @example odataRegionFilter(['WK034401'], 'WijkenEnBuurten', 'startswith')
 * // "startswith(WijkenEnBuurten,'WK034401') or startswith(WijkenEnBuurten,'BU034401')"
 */
export function odataRegionFilter(codes: readonly string[], dimension: string, style: ODataFilterStyle = 'substringof'): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(dimension)) {
    throw new VeerkrachtError('not an OData property name', { column: 'dimension', found: JSON.stringify(dimension) });
  }
  const prefixes: string[] = [];
  for (const c of codes) for (const p of regionPrefixes(c)) if (!prefixes.includes(p)) prefixes.push(p);
  if (prefixes.length === 0) throw new VeerkrachtError('no regions given', { column: 'regions', expected: 'at least one code' });
  return prefixes
    .map((p) => (style === 'startswith' ? `startswith(${dimension},'${p}')` : `substringof('${p}',${dimension})`))
    .join(' or ');
}
