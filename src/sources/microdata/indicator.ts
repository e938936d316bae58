/**
 * One group and status of a microdata shares table in the shape the indicators take as the
 * vulnerable share K: per buurt and year `K` (percent), `K_noemer` (the totaal) and `K_geheim`
 * (true when the share is missing because a cell was suppressed, not merely absent).
 */
import type { ColumnTable } from 'arquero';
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
  const rows = shares.params({ groep, status }).filter('d.groep === $.groep && d.status === $.status');
  if (rows.numRows() === 0) {
    const groups = [...new Set(shares.array('groep') as string[])].sort();
    throw new VeerkrachtError('group and status not in the microdata shares', { column: 'groep', expected: `one of ${groups.join(', ')} with status ${status}`, found: JSON.stringify(groep) });
  }
  return rows
    .derive({ K_geheim: "d.aandeel_status === 'groep onderdrukt' || d.aandeel_status === 'totaal onderdrukt'" })
    .select({ code: 'code', jaar: 'jaar', aandeel_pct: 'K', totaal: 'K_noemer', K_geheim: 'K_geheim', aandeel_status: 'K_status' })
    .reify();
}
