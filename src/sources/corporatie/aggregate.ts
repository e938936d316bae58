/**
 * Corporation data per buurt × year: stock (VHE, dwellings), the corporation share of all
 * dwellings (dwellings per buurt from KWB as input), lettings and the share of lettings to each
 * vulnerable group. Balances: every VHE and every letting is either in an aggregate or in the
 * report, by reason.
 */
import { escape, type ColumnTable } from 'arquero';
import { gemeenteOf, normalizeRegionCode } from '../../regions/codes.js';
import { matchCodes, type MatchReport } from '../../regions/match.js';
import type { AddressLookup } from '../pc6/lookup.js';
import type { ColumnMeta, DroppedRows, LoadedTable, Provenance } from '../types.js';
import { placeBezit } from './place.js';
import { KWETSBARE_GROEPEN } from './values.js';
import { countDropped } from '../dropped.js';

/** Inputs of {@link aggregateCorporatie}. */
export interface CorporatieInput {
  /** Parsed stock list (`parseBezit`). */
  bezit: LoadedTable;
  /** Reference year of the stock list (the year whose dwellings it describes). */
  bezitJaar: number;
  /** Parsed lettings list (`parseVerhuringen`), optional. */
  verhuringen?: LoadedTable;
  /** Address lookup over the CBS postcode tables (`createAddressLookup`). */
  lookup?: AddressLookup;
  /** All dwellings per buurt in `bezitJaar` (KWB `Woningvoorraad`), e.g. `kwb.table.objects()` mapped to `{code, woningen}`. */
  woningen?: Iterable<{ code: string; woningen: number | null }>;
}

/** Balance of one input: read (rows in the file) = aggregated + Σ unplaced (parse drops included). */
export interface CorporatieBalance {
  read: number;
  aggregated: number;
  unplaced: DroppedRows[];
}

/** The aggregate and its report. */
export interface CorporatieAggregate {
  /**
   * One row per buurt × jaar. Columns: `code` (BU…), `gemeente`, `jaar`; stock (only in the
   * rows of `bezitJaar`, null in other years): `vhe`, `vhe_woning`, `woningen_totaal`,
   * `corporatie_pct`; lettings (when given): `verhuringen` and per group g of
   * `KWETSBARE_GROEPEN`: `g` (lettings to the group), `g_bekend` (lettings where it is known)
   * and `g_pct` = 100·g / g_bekend (null when nothing is known).
   */
  table: ColumnTable;
  columns: ColumnMeta[];
  bezit: CorporatieBalance;
  verhuringen: CorporatieBalance | null;
  /** Buurten with stock vs buurten in the dwellings table (when given). */
  woningenMatch: MatchReport | null;
  warnings: string[];
  /** Provenance of the inputs (stock list, lettings list, postcode tables are the caller's). */
  inputs: Provenance[];
}

// Every placed VHE and every placed letting is one event in a buurt × year, with 0/1 columns;
// the aggregate sums them per cell. Per vulnerable group g an event has `n_g` (a letting to the
// group) and `bekend_g` (a letting where it is known): 0 for a VHE.
const group = (f: (g: string) => [string, string][]): Record<string, string> => Object.fromEntries(KWETSBARE_GROEPEN.flatMap(f));
const STOCK_GROUP_EVENTS = group((g) => [[`n_${g}`, '0'], [`bekend_${g}`, '0']]);
const LETTING_GROUP_EVENTS = group((g) => [[`n_${g}`, `d.${g} ? 1 : 0`], [`bekend_${g}`, `d.${g} !== null ? 1 : 0`]]);
const GROUP_SUMS = group((g) => [[g, `op.sum(d.n_${g})`], [`${g}_bekend`, `op.sum(d.bekend_${g})`]]);
const GROUP_PCT = group((g) => [[`${g}_pct`, `d.${g}_bekend > 0 ? (100 * d.${g}) / d.${g}_bekend : null`]]);

/**
 * Place stock and lettings in buurten and aggregate them to buurt × year.
 *
 * @example
 * const agg = aggregateCorporatie({ bezit, bezitJaar: 2023, verhuringen, lookup, woningen });
 * agg.bezit.unplaced // VHE that could not be placed, by reason
 */
export function aggregateCorporatie(input: CorporatieInput): CorporatieAggregate {
  const warnings: string[] = [];
  const placed = placeBezit(input.bezit.table, input.lookup);
  if (placed.disagreements.count > 0) {
    warnings.push(`${placed.disagreements.count} VHE have an own buurt code that differs from the postcode table (own code used), e.g. ${placed.disagreements.examples.join('; ')}`);
  }
  // a cell of lettings alone has vhe 0, one of stock alone no lettings
  const vt = input.verhuringen?.table;
  const eventColumns = ['code', 'jaar', 'vhe', 'vhe_woning', ...(vt ? ['verhuringen', ...Object.keys(STOCK_GROUP_EVENTS)] : [])];
  const stockEvents = placed.table
    .filter('d.buurt != null')
    .params({ jaar: input.bezitJaar })
    .derive({ code: 'd.buurt', jaar: '$.jaar', vhe: '1', vhe_woning: 'd.woning === true ? 1 : 0', verhuringen: '0', ...STOCK_GROUP_EVENTS })
    .select(eventColumns);
  // rows dropped while parsing (no id, duplicates) belong to the balance too
  const bezit: CorporatieBalance = {
    read: input.bezit.report.rowsRead,
    aggregated: placed.placed,
    unplaced: [...input.bezit.report.dropped, ...placed.unplaced],
  };

  let verhuringen: CorporatieBalance | null = null;
  let events = stockEvents;
  if (vt) {
    const buurtOfVhe = new Map<string, string | null>();
    const pt = placed.table;
    for (let r = 0; r < pt.numRows(); r++) buurtOfVhe.set(pt.get('vhe', r) as string, pt.get('buurt', r) as string | null);
    const lost = new Map<string, DroppedRows>();
    const buurtOfLetting = new Array<string | null>(vt.numRows()).fill(null);
    let aggregated = 0;
    for (let r = 0; r < vt.numRows(); r++) {
      const vhe = vt.get('vhe', r) as string;
      const ex = `line ${vt.get('regel', r)}: VHE ${vhe}`;
      if (!buurtOfVhe.has(vhe)) {
        countDropped(lost, 'VHE not in the stock list', ex);
        continue;
      }
      const b = buurtOfVhe.get(vhe) ?? null;
      if (b === null) {
        countDropped(lost, 'VHE not placed in a buurt', ex);
        continue;
      }
      buurtOfLetting[r] = b;
      aggregated++;
    }
    const rep = (input.verhuringen as LoadedTable).report;
    verhuringen = { read: rep.rowsRead, aggregated, unplaced: [...rep.dropped, ...lost.values()] };
    const lettingEvents = vt
      .assign({ code: buurtOfLetting })
      .filter('d.code != null')
      .derive({ vhe: '0', vhe_woning: '0', verhuringen: '1', ...LETTING_GROUP_EVENTS })
      .select(eventColumns);
    events = stockEvents.concat(lettingEvents);
  }

  let woningen: Map<string, number | null> | null = null;
  let woningenMatch: MatchReport | null = null;
  if (input.woningen) {
    woningen = new Map();
    for (const w of input.woningen) {
      const code = normalizeRegionCode(w.code, 'buurt');
      if (code !== null) woningen.set(code, w.woningen);
    }
    const stockBuurten = stockEvents.dedupe('code').array('code') as string[];
    woningenMatch = matchCodes(stockBuurten, [...woningen.keys()], { left: 'corporatiebezit', right: 'woningen (KWB)' });
    if (woningenMatch.onlyLeft.length > 0) {
      warnings.push(`${woningenMatch.onlyLeft.length} buurten with stock are not in the dwellings table (corporatie_pct null), e.g. ${woningenMatch.onlyLeft.slice(0, 5).join(', ')}`);
    }
  }

  const dwellings = woningen;
  const cells = events
    .groupby('code', 'jaar')
    .rollup({ vhe: 'op.sum(d.vhe)', vhe_woning: 'op.sum(d.vhe_woning)', ...(vt ? { verhuringen: 'op.sum(d.verhuringen)', ...GROUP_SUMS } : {}) })
    .orderby('code', 'jaar')
    .params({ jaar: input.bezitJaar })
    .derive({
      gemeente: escape((d: { code: string }) => gemeenteOf(d.code)),
      // the stock and the corporation share describe the stock year only
      woningen_totaal: escape((d: { code: string; jaar: number }) => (d.jaar === input.bezitJaar && dwellings ? (dwellings.get(d.code) ?? null) : null)),
      vhe: 'd.jaar === $.jaar ? d.vhe : null',
      vhe_woning: 'd.jaar === $.jaar ? d.vhe_woning : null',
    })
    .derive({ corporatie_pct: 'd.woningen_totaal !== null && d.woningen_totaal > 0 ? (100 * d.vhe_woning) / d.woningen_totaal : null' });
  const order = ['code', 'gemeente', 'jaar', 'vhe', 'vhe_woning', 'woningen_totaal', 'corporatie_pct'];
  if (vt) order.push('verhuringen', ...KWETSBARE_GROEPEN.flatMap((g) => [g, `${g}_bekend`, `${g}_pct`]));
  const table = (vt ? cells.derive(GROUP_PCT) : cells).select(order).reify();

  const over100 = table.filter('d.corporatie_pct > 100').objects() as { code: string; vhe_woning: number; woningen_totaal: number }[];
  if (over100.length > 0) {
    const e = over100.slice(0, 5).map((c) => `${c.code} (${c.vhe_woning} of ${c.woningen_totaal})`);
    warnings.push(`${over100.length} buurten have more corporation dwellings than dwellings in the table (different year or indeling?), e.g. ${e.join(', ')}`);
  }
  const unit = (name: string): string | undefined =>
    name.endsWith('_pct') ? '%' : ['vhe', 'vhe_woning', 'woningen_totaal', 'verhuringen'].includes(name) || name.endsWith('_bekend') || (KWETSBARE_GROEPEN as readonly string[]).includes(name) ? 'aantal' : undefined;
  const columns: ColumnMeta[] = order.map((name) => ({
    name,
    missing: (table.array(name) as unknown[]).filter((v) => v === null).length,
    ...(unit(name) ? { unit: unit(name) } : {}),
    ...(name === 'corporatie_pct' ? { concept: 'corporatie_pct', title: '% woningen in bezit van de corporatie (eigen bezit / woningen KWB)' } : {}),
  }));
  const inputs = [input.bezit.provenance, ...(input.verhuringen ? [input.verhuringen.provenance] : [])];
  return { table, columns, bezit, verhuringen, woningenMatch, warnings, inputs };
}
