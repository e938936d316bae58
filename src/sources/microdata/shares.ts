/**
 * Shares from a microdata aggregate: group count / `totaal` of the same buurt, year, status and
 * unit, with suppression carried through. A share built on a suppressed cell is missing and
 * flagged with the reason, never 0.
 */
import { table, type ColumnTable } from 'arquero';
import { TOTAAL_GROEP } from './format.js';
import { rowKeys } from './keys.js';

/** Why a share is missing (or `ok`). */
export type ShareStatus = 'ok' | 'groep onderdrukt' | 'totaal onderdrukt' | 'totaal ontbreekt' | 'totaal is 0';

/** Counts of share statuses, for reports. */
export type ShareStatusCounts = Record<ShareStatus, number>;

/**
 * One row per non-`totaal` row of the aggregate: `code`, `jaar`, `groep`, `status`, `eenheid`,
 * `aantal`, `totaal` (number | null), `aandeel_pct` = 100 · aantal / totaal (null unless ok),
 * `aandeel_status` ({@link ShareStatus}) and `aandeel_ontbreekt` (boolean), in the order of the
 * aggregate's rows (its filter and sort respected).
 *
 * Columnar: the key columns are dictionary-encoded once and each row finds its totaal through an
 * integer slot, so 10 M rows need no per-row objects or string keys.
 *
 * @param aggregate table from `parseMicrodata`
 * @returns the shares table and the number of shares per status
 * @example deriveMicrodataShares(parseMicrodata(text).table).counts['groep onderdrukt']
 */
export function deriveMicrodataShares(aggregate: ColumnTable): { table: ColumnTable; counts: ShareStatusCounts } {
  const n = aggregate.numRows();
  const code = columnValues(aggregate, 'code');
  const jaar = columnValues(aggregate, 'jaar');
  const groep = columnValues(aggregate, 'groep');
  const status = columnValues(aggregate, 'status');
  const eenheid = columnValues(aggregate, 'eenheid');
  const aantal = columnValues(aggregate, 'aantal') as ArrayLike<number | null>;
  const onderdrukt = columnValues(aggregate, 'onderdrukt');
  // row of the totaal of each (code, jaar, status, eenheid), or -1
  const keys = rowKeys([code, jaar, status, eenheid], n);
  const totaalRow = new Int32Array(keys.size).fill(-1);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (groep[i] === TOTAAL_GROEP) totaalRow[keys.ids[i]] = i;
    else m++;
  }
  const counts: ShareStatusCounts = { ok: 0, 'groep onderdrukt': 0, 'totaal onderdrukt': 0, 'totaal ontbreekt': 0, 'totaal is 0': 0 };
  const out = {
    code: new Array<unknown>(m),
    jaar: new Array<unknown>(m),
    groep: new Array<unknown>(m),
    status: new Array<unknown>(m),
    eenheid: new Array<unknown>(m),
    aantal: new Array<number | null>(m),
    totaal: new Array<number | null>(m),
    aandeel_pct: new Array<number | null>(m),
    aandeel_status: new Array<ShareStatus>(m),
    aandeel_ontbreekt: new Array<boolean>(m),
  };
  let o = 0;
  for (let i = 0; i < n; i++) {
    if (groep[i] === TOTAAL_GROEP) continue;
    const t = totaalRow[keys.ids[i]];
    const a = aantal[i];
    const ta = t < 0 ? null : aantal[t];
    let s: ShareStatus;
    if (onderdrukt[i] || a === null) s = 'groep onderdrukt';
    else if (t < 0) s = 'totaal ontbreekt';
    else if (onderdrukt[t] || ta === null) s = 'totaal onderdrukt';
    else if (ta === 0) s = 'totaal is 0';
    else s = 'ok';
    counts[s]++;
    out.code[o] = code[i];
    out.jaar[o] = jaar[i];
    out.groep[o] = groep[i];
    out.status[o] = status[i];
    out.eenheid[o] = eenheid[i];
    out.aantal[o] = a;
    out.totaal[o] = ta;
    out.aandeel_pct[o] = s === 'ok' ? (100 * (a as number)) / (ta as number) : null;
    out.aandeel_status[o] = s;
    out.aandeel_ontbreekt[o] = s !== 'ok';
    o++;
  }
  return { table: table(out), counts };
}

/** The values of a column in table order (filter and sort applied); all undefined when the column is absent. */
function columnValues(t: ColumnTable, name: string): ArrayLike<unknown> {
  const col = t.column(name) as unknown;
  if (col === undefined) return new Array<undefined>(t.numRows());
  if (!t.isFiltered() && !t.isOrdered() && Array.isArray(col)) return col;
  return t.array(name) as ArrayLike<unknown>;
}
