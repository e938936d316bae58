/**
 * Place each VHE of a stock list in a buurt: its own buurt code when the export has one, else
 * its address through the CBS postcode tables. Unplaced VHE stay in the table (buurt null) and
 * are counted by reason, so every VHE is either placed or reported.
 */
import type { ColumnTable } from 'arquero';
import { gemeenteOf, wijkOf } from '../../regions/codes.js';
import type { AddressLookup } from '../pc6/lookup.js';
import type { DroppedRows } from '../types.js';

/** The stock table with placement columns, and what could not be placed. */
export interface PlacedBezit {
  /** The stock columns plus `buurt`, `wijk`, `gemeente` (null when unplaced) and `plaatsing`
   * (`eigen buurtcode`, `huisnummer`, `postcode`, or the reason it was not placed). */
  table: ColumnTable;
  placed: number;
  /** Unplaced VHE by reason, with examples (`line N: VHE 17, 9999ZZ 3`). */
  unplaced: DroppedRows[];
  /** VHE whose own buurt code differs from the postcode table's buurt (own code used). */
  disagreements: { count: number; examples: string[] };
}

/**
 * Place the VHE of a parsed stock list (`parseBezit`).
 *
 * @param bezit table with `vhe`, `postcode`, `huisnummer`, `toevoeging`, `buurtcode`, `regel`
 * @param lookup address lookup over the CBS postcode tables (optional when all VHE carry a buurt code)
 * @example const p = placeBezit(bezit.table, createAddressLookup({ huisnummer: pc6 })); p.unplaced
 */
export function placeBezit(bezit: ColumnTable, lookup?: AddressLookup): PlacedBezit {
  const n = bezit.numRows();
  const buurt = new Array<string | null>(n);
  const plaatsing = new Array<string>(n);
  const reasons = new Map<string, DroppedRows>();
  const disagreements = { count: 0, examples: [] as string[] };
  let placed = 0;
  for (let r = 0; r < n; r++) {
    const own = bezit.get('buurtcode', r) as string | null;
    const pc = bezit.get('postcode', r);
    const hnr = bezit.get('huisnummer', r);
    const p = lookup ? lookup.placeAddress(pc, hnr, bezit.get('toevoeging', r)) : null;
    if (own !== null) {
      buurt[r] = own;
      plaatsing[r] = 'eigen buurtcode';
      placed++;
      if (p && p.placed && p.buurt !== own) {
        disagreements.count++;
        if (disagreements.examples.length < 5) disagreements.examples.push(`line ${bezit.get('regel', r)}: VHE ${bezit.get('vhe', r)} ${own} vs ${p.buurt}`);
      }
      continue;
    }
    if (p && p.placed) {
      buurt[r] = p.buurt;
      plaatsing[r] = p.via;
      placed++;
      continue;
    }
    let reason: string = 'no buurt code and no postcode table';
    if (p && p.placed === false) reason = p.reason;
    buurt[r] = null;
    plaatsing[r] = reason;
    let d = reasons.get(reason);
    if (!d) reasons.set(reason, (d = { reason, count: 0, examples: [] }));
    d.count++;
    if (d.examples.length < 5) d.examples.push(`line ${bezit.get('regel', r)}: VHE ${bezit.get('vhe', r)}, ${pc ?? '(geen postcode)'} ${hnr ?? ''}`.trim());
  }
  const table = bezit.assign({
    buurt,
    wijk: buurt.map((b) => (b === null ? null : wijkOf(b))),
    gemeente: buurt.map((b) => (b === null ? null : gemeenteOf(b))),
    plaatsing,
  });
  return { table, placed, unplaced: [...reasons.values()], disagreements };
}
