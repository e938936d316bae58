/**
 * CBS region codes: `NL00`/`NL01`, `GM` + 4, `WK` + 6, `BU` + 8 characters. The first 4 characters
 * after the prefix are the gemeente, a buurt's first 6 its wijk. Amsterdam uses letters in wijk
 * and buurt codes from 2022 on (`WK0363AA`, `BU0363AA01`), so the parts are not always digits.
 */

/** Administrative level of a region code. */
export type RegionLevel = 'land' | 'gemeente' | 'wijk' | 'buurt';

const PREFIX: Record<Exclude<RegionLevel, 'land'>, string> = { gemeente: 'GM', wijk: 'WK', buurt: 'BU' };
const LENGTH: Record<Exclude<RegionLevel, 'land'>, number> = { gemeente: 4, wijk: 6, buurt: 8 };

/**
 * Normalise a raw region code: trim padding (`"GM0363    "`), upper-case the prefix, and add the
 * prefix when the level is known and the code is bare (`0363` → `GM0363`). Returns null for
 * anything that is not a valid code of the expected level.
 *
 * @example normalizeRegionCode('GM0363    ') // 'GM0363'
 * @example normalizeRegionCode('03630000', 'buurt') // 'BU03630000'
 */
export function normalizeRegionCode(raw: unknown, level?: RegionLevel): string | null {
  if (raw === null || raw === undefined) return null;
  let s = String(raw).trim().toUpperCase();
  if (s === '') return null;
  if (/^NL\d{2}$/.test(s)) return level === undefined || level === 'land' ? s : null;
  if (level !== undefined && level !== 'land' && /^[0-9A-Z]+$/.test(s) && !/^(GM|WK|BU)/.test(s)) {
    // bare codes: integers may have lost their leading zeros in a spreadsheet
    if (/^\d+$/.test(s) && s.length < LENGTH[level]) s = s.padStart(LENGTH[level], '0');
    s = PREFIX[level] + s;
  }
  const lvl = regionLevel(s);
  if (lvl === null || (level !== undefined && lvl !== level)) return null;
  return s;
}

/** The level of a normalised code, or null when it is not a region code. */
export function regionLevel(code: string): RegionLevel | null {
  if (/^NL\d{2}$/.test(code)) return 'land';
  if (/^GM\d{4}$/.test(code)) return 'gemeente';
  if (/^WK\d{4}[0-9A-Z]{2}$/.test(code)) return 'wijk';
  if (/^BU\d{4}[0-9A-Z]{4}$/.test(code)) return 'buurt';
  return null;
}

/** The gemeente code of a gemeente, wijk or buurt code (`BU03630001` → `GM0363`). */
export function gemeenteOf(code: string): string | null {
  const lvl = regionLevel(code);
  if (lvl === null || lvl === 'land') return null;
  return `GM${code.slice(2, 6)}`;
}

/** The wijk code of a wijk or buurt code (`BU03630001` → `WK036300`). */
export function wijkOf(code: string): string | null {
  const lvl = regionLevel(code);
  if (lvl !== 'wijk' && lvl !== 'buurt') return null;
  return `WK${code.slice(2, 8)}`;
}
