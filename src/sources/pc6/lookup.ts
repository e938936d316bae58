/**
 * Place an address (postcode + huisnummer) in a buurt with the CBS postcode tables: the
 * huisnummer table first; when the house number is not in it (or only the postcode-6 table is
 * given), the postcode alone places the address if all its known addresses lie in one buurt.
 */
import type { ColumnTable } from 'arquero';
import type { LoadedTable } from '../types.js';
import { normalizePostcode, splitHuisnummer } from './postcode.js';

/** Region codes of a placed address. */
export interface RegionCodes {
  buurt: string;
  wijk: string | null;
  gemeente: string | null;
}

/** Why an address could not be placed. */
export type UnplacedReason =
  | 'invalid postcode'
  | 'invalid huisnummer'
  | 'postcode not in table'
  | 'huisnummer not in table, postcode spans several buurten';

/** The result of {@link AddressLookup.placeAddress}. */
export type AddressPlacement =
  | ({ placed: true; via: 'huisnummer' | 'postcode'; postcode: string; huisnummer: number | null } & RegionCodes)
  | { placed: false; reason: UnplacedReason; postcode: string | null };

/** An index over the postcode tables. */
export interface AddressLookup {
  /** Number of addresses (postcode + huisnummer) and postcodes indexed. */
  readonly addresses: number;
  readonly postcodes: number;
  /**
   * Place one address. The toevoeging is accepted but not used: the CBS table is per house
   * number, so `12A` and `12B` lie in the same buurt.
   *
   * @example lookup.placeAddress('1011 ab', '99') // { placed: true, buurt: 'BU0363AF01', … }
   */
  placeAddress(postcode: unknown, huisnummer?: unknown, toevoeging?: unknown): AddressPlacement;
}

function regions(t: ColumnTable, r: number): RegionCodes {
  return {
    buurt: t.get('buurt', r) as string,
    wijk: (t.get('wijk', r) as string | null) ?? null,
    gemeente: (t.get('gemeente', r) as string | null) ?? null,
  };
}

/**
 * Build a lookup from a postcode-huisnummer table, a postcode-6 table, or both (tables as
 * returned by `parsePc6Table`: columns `postcode`, optional `huisnummer`, `buurt`, `wijk`, `gemeente`).
 *
 * @param tables the loaded tables (either may be omitted)
 * @example const lookup = createAddressLookup({ huisnummer: loadPc6Table('pc6hnr20250801_gwb.csv') });
 */
export function createAddressLookup(tables: { huisnummer?: LoadedTable; pc6?: LoadedTable }): AddressLookup {
  const byAddress = new Map<string, RegionCodes>();
  // per postcode: the single buurt of its addresses, or null when they span several buurten
  const byPostcode = new Map<string, RegionCodes | null>();
  const note = (pc: string, reg: RegionCodes): void => {
    if (!byPostcode.has(pc)) byPostcode.set(pc, reg);
    else {
      const prev = byPostcode.get(pc);
      if (prev && prev.buurt !== reg.buurt) byPostcode.set(pc, null);
    }
  };
  const hn = tables.huisnummer?.table;
  if (hn) {
    for (let r = 0; r < hn.numRows(); r++) {
      const pc = hn.get('postcode', r) as string;
      const reg = regions(hn, r);
      byAddress.set(`${pc}|${hn.get('huisnummer', r)}`, reg);
      note(pc, reg);
    }
  }
  const p6 = tables.pc6?.table;
  if (p6) {
    for (let r = 0; r < p6.numRows(); r++) note(p6.get('postcode', r) as string, regions(p6, r));
  }
  return {
    addresses: byAddress.size,
    postcodes: byPostcode.size,
    placeAddress(postcode, huisnummer, toevoeging) {
      const pc = normalizePostcode(postcode);
      if (pc === null) return { placed: false, reason: 'invalid postcode', postcode: null };
      const h = huisnummer === undefined || huisnummer === null || huisnummer === '' ? null : splitHuisnummer(huisnummer, toevoeging);
      if (huisnummer !== undefined && huisnummer !== null && huisnummer !== '' && h === null) {
        return { placed: false, reason: 'invalid huisnummer', postcode: pc };
      }
      if (h !== null) {
        const hit = byAddress.get(`${pc}|${h.huisnummer}`);
        if (hit) return { placed: true, via: 'huisnummer', postcode: pc, huisnummer: h.huisnummer, ...hit };
      }
      if (!byPostcode.has(pc)) return { placed: false, reason: 'postcode not in table', postcode: pc };
      const one = byPostcode.get(pc);
      if (!one) return { placed: false, reason: 'huisnummer not in table, postcode spans several buurten', postcode: pc };
      return { placed: true, via: 'postcode', postcode: pc, huisnummer: h ? h.huisnummer : null, ...one };
    },
  };
}
