/**
 * One group and status of a microdata shares table in the shape the indicators take as the
 * vulnerable share K: per buurt and year `K` (percent), `K_noemer` (the totaal) and `K_geheim`
 * (true when the share is missing because a cell was suppressed, not merely absent).
 */
import { table, type ColumnTable } from 'arquero';
import { VeerkrachtError } from '../../util/errors.js';
import type { MicrodataStatus } from './format.js';

/**
 * Select one group and status from `deriveMicrodataShares(...).table`.
 *
 * @param shares the shares table
 * @param groep group label (e.g. `laag_inkomen`)
 * @param status `instroom`, `zittend` or `uitstroom`
 * @returns columns `code`, `jaar`, `K`, `K_noemer`, `K_geheim`, `K_status` (the share status)
 * @throws VeerkrachtError when the group/status combination does not occur
 * @example microdataK(deriveMicrodataShares(m.table).table, 'laag_inkomen', 'instroom')
 */
export function microdataK(shares: ColumnTable, groep: string, status: MicrodataStatus): ColumnTable {
  const rows = (shares.objects() as { code: string; jaar: number; groep: string; status: string; totaal: number | null; aandeel_pct: number | null; aandeel_status: string }[]).filter(
    (r) => r.groep === groep && r.status === status,
  );
  if (rows.length === 0) {
    const groups = [...new Set(shares.array('groep') as string[])].sort();
    throw new VeerkrachtError('group and status not in the microdata shares', { column: 'groep', expected: `one of ${groups.join(', ')} with status ${status}`, found: JSON.stringify(groep) });
  }
  return table({
    code: rows.map((r) => r.code),
    jaar: rows.map((r) => r.jaar),
    K: rows.map((r) => r.aandeel_pct),
    K_noemer: rows.map((r) => r.totaal),
    K_geheim: rows.map((r) => r.aandeel_status === 'groep onderdrukt' || r.aandeel_status === 'totaal onderdrukt'),
    K_status: rows.map((r) => r.aandeel_status),
  });
}
