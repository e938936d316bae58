/**
 * Cell values of corporation exports: dates as Excel writes them, ja/nee, urgency status,
 * rents with `€` and a decimal comma, and the previous situation of a new tenant mapped to the
 * vulnerable groups of the veerkracht studies.
 */
import { VeerkrachtError, showValue } from '../../util/errors.js';
import { parseNumberCell, type CellContext } from '../csv/number.js';

/** Groups a letting can belong to; each is a boolean column in the lettings table. */
export const KWETSBARE_GROEPEN = ['urgentie', 'uitstroom_ggz', 'beschermd_wonen', 'maatschappelijke_opvang', 'statushouder'] as const;

/** One of {@link KWETSBARE_GROEPEN}. */
export type KwetsbareGroep = (typeof KWETSBARE_GROEPEN)[number];

/**
 * Parse a date as Excel exports it: `31-12-2021`, `31/12/2021`, `31.12.2021`, `2021-12-31`
 * (optionally followed by a time) or an Excel serial day number (`44561`).
 *
 * @returns ISO `YYYY-MM-DD`, or null for an empty cell
 * @throws VeerkrachtError when the text is not a valid date
 * @example parseDatum('1-7-2021') // '2021-07-01'
 * @example parseDatum('44561') // '2021-12-31'
 */
export function parseDatum(cell: string, where: CellContext = {}): string | null {
  const s = cell.trim();
  if (s === '') return null;
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(s))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if (/^\d{5}$/.test(s)) {
    const t = new Date(Date.UTC(1899, 11, 30) + Number(s) * 86400000);
    [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
  } else {
    throw new VeerkrachtError('not a date', { ...where, expected: 'dd-mm-jjjj, jjjj-mm-dd or an Excel day number', found: showValue(s) });
  }
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d || y < 1900 || y > 2100) {
    throw new VeerkrachtError('not a valid date', { ...where, expected: 'an existing calendar date', found: showValue(s) });
  }
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const JA = ['ja', 'j', 'yes', 'y', '1', 'true', 'waar', 'x', 'wel'];
const NEE = ['nee', 'n', 'no', '0', 'false', 'onwaar', 'niet', 'geen'];

/**
 * ja/nee cell: true, false, null (empty), or undefined when the text is neither.
 *
 * @example parseJaNee('Ja') // true
 */
export function parseJaNee(cell: string): boolean | null | undefined {
  const s = cell.trim().toLowerCase();
  if (s === '') return null;
  if (JA.includes(s)) return true;
  if (NEE.includes(s)) return false;
  return undefined;
}

/**
 * Urgency / priority status: ja/nee, or text such as `medische urgentie`, `voorrang`,
 * `directe bemiddeling` (true) and `regulier`, `inschrijfduur`, `loting` (false). Returns
 * undefined for text that says neither.
 *
 * @example parseUrgentie('Sociale urgentie') // true
 * @example parseUrgentie('Regulier') // false
 */
export function parseUrgentie(cell: string): boolean | null | undefined {
  const yn = parseJaNee(cell);
  if (yn !== undefined) return yn;
  const s = cell.trim().toLowerCase();
  if (/urgen|voorrang|bemiddeling|indicatie|noodwoning|calamiteit/.test(s)) return true;
  if (/regulier|inschrijf|zoekduur|woonduur|loting|normaal|vrije|lotin|geen/.test(s)) return false;
  return undefined;
}

/**
 * The vulnerable groups named by a "previous situation" text (case-insensitive keywords):
 * uitstroom GGZ (`GGZ`, `psychiatr`, `kliniek`), beschermd wonen (`beschermd wonen`, `BW`),
 * maatschappelijke opvang (`maatschappelijke opvang`, `MO`, `opvang`, `dakloos`/`daklozen`),
 * statushouder (`statushouder`, `vergunninghouder`, `asiel`, `AZC`, `COA`).
 *
 * @example groepenUitSituatie('Uitstroom beschermd wonen (RIBW)') // { uitstroom_ggz: false, beschermd_wonen: true, … }
 */
export function groepenUitSituatie(text: string): Record<'uitstroom_ggz' | 'beschermd_wonen' | 'maatschappelijke_opvang' | 'statushouder', boolean> {
  const s = ` ${text.toLowerCase()} `;
  const beschermd = /beschermd\s*wonen|\bbw\b|ribw/.test(s);
  return {
    uitstroom_ggz: /ggz|psychiatr|kliniek/.test(s) && !beschermd,
    beschermd_wonen: beschermd,
    maatschappelijke_opvang: /maatschappelijke\s*opvang|\bmo\b|opvang|dakloos|daklozen/.test(s),
    statushouder: /statushouder|vergunninghouder|asiel|\bazc\b|\bcoa\b/.test(s),
  };
}

/**
 * A rent cell: `612,30`, `€ 612,30`, `612.30`, `1.012,30`; empty or a missing symbol is null.
 *
 * @throws VeerkrachtError when the cell is not an amount
 * @example parseBedrag('€ 1.012,30') // 1012.3
 */
export function parseBedrag(cell: string, where: CellContext = {}): number | null {
  const s = cell.replace(/€|eur\b/gi, '').trim();
  return parseNumberCell(s, { ...where, decimal: s.includes(',') ? ',' : '.' });
}

/**
 * Whether a VHE type is a dwelling: everything except garages, parking, storage and business
 * or social real estate (`BOG`, `MOG`). An empty type counts as a dwelling (reported).
 *
 * @example isWoningType('Garagebox') // false
 */
export function isWoningType(type: string | null): boolean {
  if (type === null) return true;
  return !/garage|parkeer|berging|opslag|bedrijf|winkel|kantoor|\bbog\b|\bmog\b|maatschappelijk vastgoed|standplaats/i.test(type);
}
