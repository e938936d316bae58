/**
 * KWB rows of one edition as CBS publishes them: a Land row, then per gemeente its row, each
 * wijk and the wijk's buurten; counts randomly rounded to multiples of 5 below gemeente level,
 * percentages suppressed for small buurten (ownership below 10 dwellings, income below 115
 * households: about 31 % of buurten, as nationally in 2017).
 */
import { formatNumber, rngFor, roundTo5Random } from './format.js';
import type { KwbConcept } from './kwb-keys.js';
import { aggregate, cellsByUnit, type DemoModel } from './model.js';
import { INDELING_CHANGE_YEAR, KWB_YEARS } from './options.js';

/** Name of the Land row in every synthetic edition. */
export const LAND_NAAM = 'Demoland (synthetisch)';

/** One published KWB row; null = suppressed or not applicable. */
export interface KwbRow {
  code: string;
  gemeentenaam: string;
  soort: 'Land' | 'Gemeente' | 'Wijk' | 'Buurt';
  values: Record<KwbConcept, number | string | null>;
}

/** Households below which income percentages are suppressed. */
export const INCOME_MIN_HOUSEHOLDS = 115;
/** Dwellings below which ownership percentages are suppressed. */
export const OWNERSHIP_MIN_DWELLINGS = 10;

/**
 * The rows of the KWB edition of `year`.
 * @example kwbRows(model, 2017)[0].soort // 'Land'
 */
export function kwbRows(model: DemoModel, year: number): KwbRow[] {
  const yi = KWB_YEARS.indexOf(year);
  if (yi < 0) throw new Error(`no KWB edition ${year} in the demo`);
  const { region } = model;
  const indeling = year < INDELING_CHANGE_YEAR ? region.indelingA : region.indelingB;
  const units = cellsByUnit(model);
  const seed = model.options.seed;
  const row = (code: string, gemeentenaam: string, soort: KwbRow['soort'], cells: number[], wijziging: string | null): KwbRow => {
    const a = aggregate(model, cells, yi);
    const exact = soort === 'Land' || soort === 'Gemeente';
    const r = rngFor(seed, `${code}|${year}`);
    const inw = exact ? Math.round(a.inwoners) : roundTo5Random(a.inwoners, r);
    const hh = exact ? Math.round(a.huishoudens) : roundTo5Random(a.huishoudens, r);
    const wo = Math.round(a.woningen);
    const own = wo >= OWNERSHIP_MIN_DWELLINGS;
    const inc = exact || hh >= INCOME_MIN_HOUSEHOLDS;
    const pct = (v: number, d: number): number | null => (Number.isFinite(v) ? Number(formatNumber(v, d)) : null);
    const corp = own ? pct(a.corporatie * 100, 0) : null;
    // other landlords fill at most what corporations leave, so koop ≥ 0 and huur ≤ 100 %
    const overig = Math.max(0, Math.min(a.overigeHuur, 1 - a.corporatie));
    const ov = own ? pct(overig * 100, 0) : null;
    const koop = own ? pct((1 - a.corporatie - overig) * 100, 0) : null;
    const huur = own ? pct((a.corporatie + overig) * 100, 0) : null;
    return {
      code,
      gemeentenaam,
      soort,
      values: {
        indeling: wijziging,
        inwoners: inw,
        huishoudens: hh,
        dichtheid: a.oppervlakte > 0 ? Math.round(inw / (a.oppervlakte / 1e6)) : null,
        woningen: wo,
        koop,
        huurTotaal: huur,
        corporatie: corp,
        overigeHuur: ov,
        laagInkomen: inc ? pct(a.laagInkomen, 1) : null,
        sociaalMinimum: inc ? pct(a.sociaalMinimum, 1) : null,
      },
    };
  };
  const buurtenPerWijk = new Map<string, typeof indeling>();
  for (const bu of indeling) buurtenPerWijk.set(bu.wijkcode, (buurtenPerWijk.get(bu.wijkcode) ?? []).concat([bu]));
  const wijkenPerGemeente = new Map<string, typeof region.wijken>();
  for (const wk of region.wijken) wijkenPerGemeente.set(wk.gemeentecode, (wijkenPerGemeente.get(wk.gemeentecode) ?? []).concat([wk]));
  const all = region.cells.map((c) => c.index);
  const rows: KwbRow[] = [row('NL00', LAND_NAAM, 'Land', all, null)];
  for (const gm of region.gemeenten) {
    rows.push(row(gm.code, gm.naam, 'Gemeente', units.gemeente.get(gm.code) ?? [], null));
    for (const wk of wijkenPerGemeente.get(gm.code) ?? []) {
      rows.push(row(wk.code, gm.naam, 'Wijk', units.wijk.get(wk.code) ?? [], '1'));
      for (const bu of buurtenPerWijk.get(wk.code) ?? []) {
        const changed = year === INDELING_CHANGE_YEAR && bu.wijziging === 3;
        rows.push(row(bu.code, gm.naam, 'Buurt', bu.cells, changed ? '3' : '1'));
      }
    }
  }
  return rows;
}
