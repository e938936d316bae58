/**
 * Shares from a microdata aggregate: group count / `totaal` of the same buurt, year, status and
 * unit, with suppression carried through. A share built on a suppressed cell is missing and
 * flagged with the reason, never 0.
 */
import { table, type ColumnTable } from 'arquero';
import { TOTAAL_GROEP } from './format.js';

/** Why a share is missing (or `ok`). */
export type ShareStatus = 'ok' | 'groep onderdrukt' | 'totaal onderdrukt' | 'totaal ontbreekt' | 'totaal is 0';

/** Counts of share statuses, for reports. */
export type ShareStatusCounts = Record<ShareStatus, number>;

/**
 * One row per non-`totaal` row of the aggregate: `code`, `jaar`, `groep`, `status`, `eenheid`,
 * `aantal`, `totaal` (number | null), `aandeel_pct` = 100 · aantal / totaal (null unless ok),
 * `aandeel_status` ({@link ShareStatus}) and `aandeel_ontbreekt` (boolean).
 *
 * @param aggregate table from `parseMicrodata`
 * @returns the shares table and the number of shares per status
 * @example deriveMicrodataShares(parseMicrodata(text).table).counts['groep onderdrukt']
 */
export function deriveMicrodataShares(aggregate: ColumnTable): { table: ColumnTable; counts: ShareStatusCounts } {
  const rows = aggregate.objects() as {
    code: string;
    jaar: number;
    groep: string;
    status: string;
    eenheid: string | null;
    aantal: number | null;
    onderdrukt: boolean;
  }[];
  const key = (r: (typeof rows)[number]): string => `${r.code}|${r.jaar}|${r.status}|${r.eenheid}`;
  const totals = new Map<string, { aantal: number | null; onderdrukt: boolean }>();
  for (const r of rows) if (r.groep === TOTAAL_GROEP) totals.set(key(r), { aantal: r.aantal, onderdrukt: r.onderdrukt });
  const counts: ShareStatusCounts = { ok: 0, 'groep onderdrukt': 0, 'totaal onderdrukt': 0, 'totaal ontbreekt': 0, 'totaal is 0': 0 };
  const cols: Record<string, unknown[]> = { code: [], jaar: [], groep: [], status: [], eenheid: [], aantal: [], totaal: [], aandeel_pct: [], aandeel_status: [], aandeel_ontbreekt: [] };
  for (const r of rows) {
    if (r.groep === TOTAAL_GROEP) continue;
    const t = totals.get(key(r));
    let status: ShareStatus;
    if (r.onderdrukt || r.aantal === null) status = 'groep onderdrukt';
    else if (t === undefined) status = 'totaal ontbreekt';
    else if (t.onderdrukt || t.aantal === null) status = 'totaal onderdrukt';
    else if (t.aantal === 0) status = 'totaal is 0';
    else status = 'ok';
    counts[status]++;
    cols.code.push(r.code);
    cols.jaar.push(r.jaar);
    cols.groep.push(r.groep);
    cols.status.push(r.status);
    cols.eenheid.push(r.eenheid);
    cols.aantal.push(r.aantal);
    cols.totaal.push(t ? t.aantal : null);
    cols.aandeel_pct.push(status === 'ok' ? (100 * (r.aantal as number)) / (t!.aantal as number) : null);
    cols.aandeel_status.push(status);
    cols.aandeel_ontbreekt.push(status !== 'ok');
  }
  return { table: table(cols), counts };
}
