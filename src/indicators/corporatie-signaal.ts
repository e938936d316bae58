/**
 * A corporation's own data as indicators of a run's map: its stock placed in buurten (C from
 * its own dwellings), its lettings placed through their VHE, classified by the kwetsbaar rule
 * and counted per window (K from lettings), for one or more corporations. The map is combined
 * (lettings and dwellings of all corporations added up); each corporation also gets its own
 * totals. Pure: the tables come in as loaded, nothing is read here.
 */
import type { ColumnTable } from 'arquero';
import type { LoadedTable, DroppedRows } from '../sources/types.js';
import { placeBezit } from '../sources/corporatie/place.js';
import { placeVerhuringen } from '../sources/corporatie/place-verhuringen.js';
import { createAddressLookup, type AddressLookup } from '../sources/pc6/lookup.js';
import { classifyLettings, DEFAULT_KWETSBAAR, type KwetsbaarReport, type KwetsbaarRule } from './kwetsbaar.js';
import { verhuringenK, type PlacedLetting, type VerhuringenKReport } from './verhuringen.js';
import { eigenBezit, type EigenBezit, type PlacedVhe } from './eigen-bezit.js';
import { newcombeDifference, wilsonInterval } from './binomial.js';

/** One corporation's exports (as `loadRunTables` reads them). */
export interface CorporatieExports {
  naam: string;
  bezit: LoadedTable;
  verhuringen?: LoadedTable;
}

/** K settings of {@link corporatieSignaal} (null: K does not come from lettings). */
export interface CorporatieKSettings {
  t0: number;
  t1: number;
  venster: number;
  minVerhuringen: number;
  kwetsbaar: KwetsbaarRule;
}

/** A window's pooled count over a corporation's lettings on the map. */
export interface VensterTotaal {
  jaren: [number, number];
  verhuringen: number;
  kwetsbaar: number;
  /** % vulnerable, with its 90 % Wilson bounds (null without lettings). */
  K: number | null;
  K_ci: [number, number] | null;
}

/** Per corporation (and combined): what was read, placed, counted. */
export interface CorporatieTotalen {
  naam: string;
  bezit: { vhe: number; geplaatst: number; woningen: number; woningen_op_kaart: number; buurten_met_bezit: number; niet_geplaatst: DroppedRows[] };
  verhuringen: null | {
    gelezen: number;
    geplaatst: number;
    niet_geplaatst: DroppedRows[];
    kwetsbaar: number;
    niet_kwetsbaar: number;
    onbekend: number;
    inkomensklassen: Record<string, number>;
    t0: VensterTotaal | null;
    t1: VensterTotaal | null;
    /** ΔK in percentage points over the corporation's lettings on the map, with its 90 % Newcombe bounds. */
    dK: number | null;
    dK_ci: [number, number] | null;
  };
}

/** Result of {@link corporatieSignaal}. */
export interface CorporatieSignaal {
  /** K per region (see `verhuringenK`), when K comes from lettings. */
  K: { table: ColumnTable; report: VerhuringenKReport } | null;
  /** Own dwellings and their share per region. */
  bezit: EigenBezit;
  /** Map regions where each corporation has at least one dwelling (by corporation name). */
  bezitPerCorporatie: Record<string, number[]>;
  corporaties: CorporatieTotalen[];
  warnings: string[];
}

function pooled(lettings: PlacedLetting[], onMap: (code: string) => boolean, t: number, venster: number): VensterTotaal {
  let n = 0;
  let k = 0;
  for (const l of lettings) {
    if (l.kwetsbaar === null || !onMap(l.code) || !(l.jaar > t - venster && l.jaar <= t)) continue;
    n++;
    if (l.kwetsbaar) k++;
  }
  const ci = wilsonInterval(k, n);
  return { jaren: [t - venster + 1, t], verhuringen: n, kwetsbaar: k, K: n > 0 ? (100 * k) / n : null, K_ci: n > 0 ? [100 * ci.laag, 100 * ci.hoog] : null };
}

/**
 * Place and count the corporations' data on the regions of a map.
 *
 * @param corporaties stock (and lettings) per corporation
 * @param pc6 the postcode table that places addresses (optional when VHE carry a buurt code)
 * @param codes the regions of the map
 * @param woningen all dwellings per region (KWB woningvoorraad)
 * @param regionOf the map region of a buurt code
 * @param k K settings, or null when K does not come from lettings
 * @example corporatieSignaal([{ naam, bezit, verhuringen }], pc6, codes, woningen, (b) => b, { t0: 2014, t1: 2022, venster: 3, minVerhuringen: 10, kwetsbaar: DEFAULT_KWETSBAAR })
 */
export function corporatieSignaal(
  corporaties: readonly CorporatieExports[],
  pc6: LoadedTable | undefined,
  codes: readonly string[],
  woningen: ReadonlyMap<string, number | null>,
  regionOf: (buurt: string) => string | null,
  k: CorporatieKSettings | null,
): CorporatieSignaal {
  const lookup: AddressLookup | undefined = pc6 ? createAddressLookup(pc6.provenance.kind === 'pc6-buurt' ? { pc6 } : { huisnummer: pc6 }) : undefined;
  const onMapSet = new Set(codes);
  const warnings: string[] = [];
  const allVhe: PlacedVhe[] = [];
  const allLettings: PlacedLetting[] = [];
  const totalen: CorporatieTotalen[] = [];
  const bezitPerCorporatie: Record<string, number[]> = {};
  const idx = new Map(codes.map((c, i) => [c, i]));
  for (const c of corporaties) {
    const placed = placeBezit(c.bezit.table, lookup);
    if (placed.disagreements.count > 0) warnings.push(`${c.naam}: ${placed.disagreements.count} VHE met een eigen buurtcode die afwijkt van de postcodetabel (eigen code gebruikt), bijv. ${placed.disagreements.examples.join('; ')}`);
    const unplacedVhe = [...c.bezit.report.dropped, ...placed.unplaced];
    const nUnplaced = placed.unplaced.reduce((s, d) => s + d.count, 0);
    if (nUnplaced > 0) warnings.push(`${c.naam}: ${nUnplaced} VHE niet in een buurt geplaatst (${placed.unplaced.map((d) => `${d.reason}: ${d.count}`).join('; ')}); hun woningen en verhuringen tellen niet mee`);
    const buurt = placed.table.array('buurt') as (string | null)[];
    const woning = placed.table.array('woning') as boolean[];
    const vhe: PlacedVhe[] = buurt.map((b, i) => ({ buurt: b, woning: woning[i] === true }));
    allVhe.push(...vhe);
    const own = new Set<number>();
    let woningenN = 0;
    let woningenOp = 0;
    const buurten = new Set<string>();
    for (const v of vhe) {
      if (v.buurt === null || !v.woning) continue;
      woningenN++;
      buurten.add(v.buurt);
      const r = regionOf(v.buurt);
      const i = r === null ? undefined : idx.get(r);
      if (i !== undefined) {
        woningenOp++;
        own.add(i);
      }
    }
    bezitPerCorporatie[c.naam] = [...own].sort((a, b) => a - b);
    const t: CorporatieTotalen = {
      naam: c.naam,
      bezit: { vhe: c.bezit.report.rowsRead, geplaatst: placed.placed, woningen: woningenN, woningen_op_kaart: woningenOp, buurten_met_bezit: buurten.size, niet_geplaatst: unplacedVhe },
      verhuringen: null,
    };
    if (c.verhuringen) {
      const pv = placeVerhuringen(c.verhuringen, placed);
      const nLost = pv.unplaced.reduce((s, d) => s + d.count, 0);
      if (nLost > 0) warnings.push(`${c.naam}: ${nLost} verhuringen niet geplaatst (${pv.unplaced.map((d) => `${d.reason}: ${d.count}`).join('; ')})`);
      const a = (n: string) => pv.table.array(n) as unknown[];
      const rule = k ? k.kwetsbaar : DEFAULT_KWETSBAAR;
      const cls = classifyLettings(
        { inkomensklasse: a('inkomensklasse'), urgentie: a('urgentie'), statushouder: a('statushouder'), uitstroom_ggz: a('uitstroom_ggz'), beschermd_wonen: a('beschermd_wonen'), maatschappelijke_opvang: a('maatschappelijke_opvang') },
        rule,
        c.naam,
      );
      if (k) warnings.push(...cls.report.warnings);
      const pb = a('buurt') as (string | null)[];
      const jaar = a('jaar') as number[];
      const mine: PlacedLetting[] = [];
      pb.forEach((b, i) => {
        if (b === null) return;
        const r = regionOf(b);
        mine.push({ code: r ?? b, jaar: jaar[i], kwetsbaar: cls.kwetsbaar[i] });
      });
      allLettings.push(...mine);
      const rep: KwetsbaarReport = cls.report;
      let win: { t0: VensterTotaal; t1: VensterTotaal; dK: number | null; dK_ci: [number, number] | null } | null = null;
      if (k) {
        const inMap = (code: string) => onMapSet.has(code);
        const w0 = pooled(mine, inMap, k.t0, k.venster);
        const w1 = pooled(mine, inMap, k.t1, k.venster);
        const d = newcombeDifference(w0.kwetsbaar, w0.verhuringen, w1.kwetsbaar, w1.verhuringen);
        const both = w0.K !== null && w1.K !== null;
        win = { t0: w0, t1: w1, dK: both ? (w1.K as number) - (w0.K as number) : null, dK_ci: both ? [100 * d.laag, 100 * d.hoog] : null };
      }
      t.verhuringen = {
        gelezen: pv.read,
        geplaatst: pv.placed,
        niet_geplaatst: pv.unplaced,
        kwetsbaar: rep.kwetsbaar,
        niet_kwetsbaar: rep.niet,
        onbekend: rep.onbekend,
        inkomensklassen: rep.labels,
        t0: win ? win.t0 : null,
        t1: win ? win.t1 : null,
        dK: win ? win.dK : null,
        dK_ci: win ? win.dK_ci : null,
      };
    }
    totalen.push(t);
  }
  const bezit = eigenBezit(codes, allVhe, woningen, regionOf);
  if (bezit.boven100.length > 0) warnings.push(`${bezit.boven100.length} gebieden met meer eigen woningen dan woningen in KWB (ander jaar of andere indeling?), bijv. ${bezit.boven100.slice(0, 5).join(', ')}`);
  const K = k ? verhuringenK(codes, allLettings, { t0: k.t0, t1: k.t1, venster: k.venster, minVerhuringen: k.minVerhuringen }) : null;
  return { K, bezit, bezitPerCorporatie, corporaties: totalen, warnings };
}
