/** StatLine table ids of the CBS Kerncijfers wijken en buurten (KWB) per reference year. */

/** KWB table id per reference year (DOMAIN.md §4). */
export const KWB_TABLES: Readonly<Record<number, string>> = {
  2016: '83487NED',
  2017: '83765NED',
  2018: '84286NED',
  2019: '84583NED',
  2020: '84799NED',
  2021: '85039NED',
  2022: '85318NED',
  2023: '85618NED',
  2024: '85984NED',
  2025: '86165NED',
};

/**
 * Reference year of a KWB table id (case-insensitive), or null when it is not a KWB table.
 *
 * @example kwbYearOfTable('83765ned') // 2017
 */
export function kwbYearOfTable(tableId: string): number | null {
  const id = tableId.trim().toUpperCase();
  for (const [y, t] of Object.entries(KWB_TABLES)) if (t === id) return Number(y);
  return null;
}

/**
 * KWB table id of a reference year, or null when we do not know that edition.
 *
 * @example kwbTableOfYear(2024) // '85984NED'
 */
export function kwbTableOfYear(year: number): string | null {
  return KWB_TABLES[year] ?? null;
}

/** Find a StatLine table id (`83765NED`, `80137ned`) in a text such as a file name. */
export function findTableId(text: string): string | null {
  const m = /(\d{5}(?:NED|ENG))/i.exec(text);
  return m ? m[1].toUpperCase() : null;
}
