/**
 * Place each letting of a lettings list in a buurt through its VHE in the (placed) stock list.
 * Every letting is either placed or counted by reason, so the balance holds:
 * rows read = placed + Σ unplaced (parse drops included).
 */
import type { ColumnTable } from 'arquero';
import { countDropped } from '../dropped.js';
import type { DroppedRows, LoadedTable } from '../types.js';
import type { PlacedBezit } from './place.js';

/** The lettings with their buurt and what could not be placed. */
export interface PlacedVerhuringen {
  /** The lettings columns plus `buurt` (null when unplaced). */
  table: ColumnTable;
  read: number;
  placed: number;
  /** Parse drops of the list and unplaced lettings, by reason. */
  unplaced: DroppedRows[];
}

/**
 * Place the lettings of a parsed lettings list (`parseVerhuringen`) through the VHE of a placed
 * stock list (`placeBezit`).
 *
 * @example const v = placeVerhuringen(loadVerhuringen('verhuringen.csv'), placeBezit(bezit.table, lookup)); v.unplaced
 */
export function placeVerhuringen(verhuringen: LoadedTable, bezit: PlacedBezit): PlacedVerhuringen {
  const pt = bezit.table;
  const buurtOfVhe = new Map<string, string | null>();
  for (let r = 0; r < pt.numRows(); r++) buurtOfVhe.set(pt.get('vhe', r) as string, (pt.get('buurt', r) as string | null) ?? null);
  const vt = verhuringen.table;
  const lost = new Map<string, DroppedRows>();
  const buurt: (string | null)[] = new Array(vt.numRows());
  let placed = 0;
  for (let r = 0; r < vt.numRows(); r++) {
    const vhe = vt.get('vhe', r) as string;
    const ex = `line ${vt.get('regel', r)}: VHE ${vhe}`;
    buurt[r] = null;
    if (!buurtOfVhe.has(vhe)) countDropped(lost, 'VHE not in the stock list', ex);
    else if (buurtOfVhe.get(vhe) === null) countDropped(lost, 'VHE not placed in a buurt', ex);
    else {
      buurt[r] = buurtOfVhe.get(vhe) as string;
      placed++;
    }
  }
  return { table: vt.assign({ buurt }), read: verhuringen.report.rowsRead, placed, unplaced: [...verhuringen.report.dropped, ...lost.values()] };
}
