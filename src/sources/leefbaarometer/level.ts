/**
 * Level of a Leefbaarometer file, from its code column: `bu_code` buurt, `wk_code` wijk,
 * `gm_code` gemeente, `pc4` postcode-4, `grid_id` 100 m grid cell; a generic column (`code`,
 * `gwb_code`, `statcode`) takes the level of its values.
 */
import { normalizeRegionCode, regionLevel } from '../../regions/codes.js';

/** Area levels of Leefbaarometer score files. */
export type LbmLevel = 'buurt' | 'wijk' | 'gemeente' | 'pc4' | 'grid';

const BY_NAME: Record<string, LbmLevel> = {
  bu_code: 'buurt',
  buurtcode: 'buurt',
  wk_code: 'wijk',
  wijkcode: 'wijk',
  gm_code: 'gemeente',
  gemeentecode: 'gemeente',
  pc4: 'pc4',
  pc4_code: 'pc4',
  postcode4: 'pc4',
  grid_id: 'grid',
  gridcode: 'grid',
  grid: 'grid',
  id100m: 'grid',
  crs28992res100m: 'grid',
};
const GENERIC = ['code', 'gwb_code', 'statcode', 'regiocode'];

/** The code column of a header and the level it implies (null when the values must decide). */
export interface LbmCodeColumn {
  index: number;
  name: string;
  level: LbmLevel | null;
}

/**
 * Find the code column (`bu_code`, `wk_code`, … with an optional year suffix like `bu_code_2022`).
 *
 * @returns the column, or null when the header has none
 * @example findLbmCodeColumn(['wk_code', 'wk_naam', 'jaar']) // { index: 0, name: 'wk_code', level: 'wijk' }
 */
export function findLbmCodeColumn(header: readonly string[]): LbmCodeColumn | null {
  for (let j = 0; j < header.length; j++) {
    const h = header[j].trim().toLowerCase().replace(/_?(19|20)\d{2}$/, '');
    if (h in BY_NAME) return { index: j, name: header[j], level: BY_NAME[h] };
  }
  for (let j = 0; j < header.length; j++) {
    if (GENERIC.includes(header[j].trim().toLowerCase())) return { index: j, name: header[j], level: null };
  }
  return null;
}

/**
 * The level of a code value (`BU…`, `WK…`, `GM…`, four digits = pc4), or null.
 *
 * @example lbmLevelOfCode('WK034401') // 'wijk'
 */
export function lbmLevelOfCode(raw: string): LbmLevel | null {
  const s = raw.trim().toUpperCase();
  if (/^[1-9]\d{3}$/.test(s)) return 'pc4';
  const l = regionLevel(s);
  return l === 'buurt' || l === 'wijk' || l === 'gemeente' ? l : null;
}

/**
 * Normalise a code of the given level: region codes through `normalizeRegionCode`, pc4 as four
 * digits, grid ids trimmed. Returns null when invalid.
 *
 * @example normalizeLbmCode(' wk034401', 'wijk') // 'WK034401'
 */
export function normalizeLbmCode(raw: string, level: LbmLevel): string | null {
  const s = raw.trim();
  if (level === 'pc4') return /^[1-9]\d{3}$/.test(s) ? s : null;
  if (level === 'grid') return s === '' ? null : s;
  return normalizeRegionCode(s, level);
}
