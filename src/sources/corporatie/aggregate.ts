/**
 * Corporation data per buurt × year: stock (VHE, dwellings), the corporation share of all
 * dwellings (dwellings per buurt from KWB as input), lettings and the share of lettings to each
 * vulnerable group. Balances: every VHE and every letting is either in an aggregate or in the
 * report, by reason.
 */
import { table as makeTable, type ColumnTable } from 'arquero';
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

interface Cell {
  code: string;
  jaar: number;
  vhe: number;
  vhe_woning: number;
  verhuringen: number;
  groep: Record<string, { n: number; bekend: number }>;
}


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
  const cells = new Map<string, Cell>();
  const cell = (code: string, jaar: number): Cell => {
    const k = `${code}|${jaar}`;
    let c = cells.get(k);
    if (!c) {
      const groep: Cell['groep'] = {};
      for (const g of KWETSBARE_GROEPEN) groep[g] = { n: 0, bekend: 0 };
      cells.set(k, (c = { code, jaar, vhe: 0, vhe_woning: 0, verhuringen: 0, groep }));
    }
    return c;
  };
  const pt = placed.table;
  const buurtOfVhe = new Map<string, string | null>();
  for (let r = 0; r < pt.numRows(); r++) {
    const b = pt.get('buurt', r) as string | null;
    buurtOfVhe.set(pt.get('vhe', r) as string, b);
    if (b === null) continue;
    const c = cell(b, input.bezitJaar);
    c.vhe++;
    if (pt.get('woning', r) === true) c.vhe_woning++;
  }
  // rows dropped while parsing (no id, duplicates) belong to the balance too
  const bezit: CorporatieBalance = {
    read: input.bezit.report.rowsRead,
    aggregated: placed.placed,
    unplaced: [...input.bezit.report.dropped, ...placed.unplaced],
  };

  let verhuringen: CorporatieBalance | null = null;
  const vt = input.verhuringen?.table;
  if (vt) {
    const lost = new Map<string, DroppedRows>();
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
      const c = cell(b, vt.get('jaar', r) as number);
      c.verhuringen++;
      aggregated++;
      for (const g of KWETSBARE_GROEPEN) {
        const v = vt.get(g, r) as boolean | null;
        if (v === null) continue;
        c.groep[g].bekend++;
        if (v) c.groep[g].n++;
      }
    }
    const rep = (input.verhuringen as LoadedTable).report;
    verhuringen = { read: rep.rowsRead, aggregated, unplaced: [...rep.dropped, ...lost.values()] };
  }

  let woningen: Map<string, number | null> | null = null;
  let woningenMatch: MatchReport | null = null;
  if (input.woningen) {
    woningen = new Map();
    for (const w of input.woningen) {
      const code = normalizeRegionCode(w.code, 'buurt');
      if (code !== null) woningen.set(code, w.woningen);
    }
    const stockBuurten = [...cells.values()].filter((c) => c.jaar === input.bezitJaar && c.vhe > 0).map((c) => c.code);
    woningenMatch = matchCodes(stockBuurten, [...woningen.keys()], { left: 'corporatiebezit', right: 'woningen (KWB)' });
    if (woningenMatch.onlyLeft.length > 0) {
      warnings.push(`${woningenMatch.onlyLeft.length} buurten with stock are not in the dwellings table (corporatie_pct null), e.g. ${woningenMatch.onlyLeft.slice(0, 5).join(', ')}`);
    }
  }

  const sorted = [...cells.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.jaar - b.jaar));
  const cols: Record<string, unknown[]> = { code: [], gemeente: [], jaar: [], vhe: [], vhe_woning: [], woningen_totaal: [], corporatie_pct: [] };
  if (vt) {
    cols.verhuringen = [];
    for (const g of KWETSBARE_GROEPEN) {
      cols[g] = [];
      cols[`${g}_bekend`] = [];
      cols[`${g}_pct`] = [];
    }
  }
  const over100: string[] = [];
  for (const c of sorted) {
    const stockYear = c.jaar === input.bezitJaar;
    cols.code.push(c.code);
    cols.gemeente.push(gemeenteOf(c.code));
    cols.jaar.push(c.jaar);
    cols.vhe.push(stockYear ? c.vhe : null);
    cols.vhe_woning.push(stockYear ? c.vhe_woning : null);
    const w = stockYear && woningen ? (woningen.get(c.code) ?? null) : null;
    cols.woningen_totaal.push(w);
    const pct = w !== null && w > 0 ? (100 * c.vhe_woning) / w : null;
    if (pct !== null && pct > 100) over100.push(`${c.code} (${c.vhe_woning} of ${w})`);
    cols.corporatie_pct.push(pct);
    if (vt) {
      cols.verhuringen.push(c.verhuringen);
      for (const g of KWETSBARE_GROEPEN) {
        const { n, bekend } = c.groep[g];
        cols[g].push(n);
        cols[`${g}_bekend`].push(bekend);
        cols[`${g}_pct`].push(bekend > 0 ? (100 * n) / bekend : null);
      }
    }
  }
  if (over100.length > 0) {
    warnings.push(`${over100.length} buurten have more corporation dwellings than dwellings in the table (different year or indeling?), e.g. ${over100.slice(0, 5).join(', ')}`);
  }
  const unit = (name: string): string | undefined =>
    name.endsWith('_pct') ? '%' : ['vhe', 'vhe_woning', 'woningen_totaal', 'verhuringen'].includes(name) || name.endsWith('_bekend') || (KWETSBARE_GROEPEN as readonly string[]).includes(name) ? 'aantal' : undefined;
  const columns: ColumnMeta[] = Object.keys(cols).map((name) => ({
    name,
    missing: cols[name].filter((v) => v === null).length,
    ...(unit(name) ? { unit: unit(name) } : {}),
    ...(name === 'corporatie_pct' ? { concept: 'corporatie_pct', title: '% woningen in bezit van de corporatie (eigen bezit / woningen KWB)' } : {}),
  }));
  const inputs = [input.bezit.provenance, ...(input.verhuringen ? [input.verhuringen.provenance] : [])];
  return { table: makeTable(cols), columns, bezit, verhuringen, woningenMatch, warnings, inputs };
}
