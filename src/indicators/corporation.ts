/**
 * Corporation share C (% of dwellings owned by a woningcorporatie) and its classes. A
 * "corporatiebuurt" has more than two thirds of its dwellings in corporation ownership
 * (DOMAIN.md §3, as the national study uses it).
 */

export const CORPORATIE_KLASSEN = ['minder dan 1/3', '1/3 tot 2/3', 'meer dan 2/3'] as const;
export type CorporatieKlasse = (typeof CORPORATIE_KLASSEN)[number];

/** The corporatiebuurt threshold in percent: 200/3 ≈ 66.67. */
export const CORPORATIEBUURT_PCT = 200 / 3;

/**
 * Class of a corporation share in percent: < 100/3, 100/3 – 200/3 (inclusive), > 200/3.
 * Null for a missing share.
 *
 * @example corporatieKlasse(70) // 'meer dan 2/3'
 */
export function corporatieKlasse(pct: number | null): CorporatieKlasse | null {
  if (pct === null || Number.isNaN(pct)) return null;
  if (pct < 100 / 3) return 'minder dan 1/3';
  if (pct > CORPORATIEBUURT_PCT) return 'meer dan 2/3';
  return '1/3 tot 2/3';
}

/** True when a buurt is a corporatiebuurt (share strictly above two thirds); null when unknown. */
export function isCorporatiebuurt(pct: number | null): boolean | null {
  if (pct === null || Number.isNaN(pct)) return null;
  return pct > CORPORATIEBUURT_PCT;
}
