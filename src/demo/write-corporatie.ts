/**
 * A housing corporation's own exports as they leave Excel (Dutch locale): a stock list of
 * verhuureenheden and a lettings list, `;` separated, decimal comma, dates dd-mm-jjjj, CRLF,
 * Windows-1252 (street and corporation names with ë/é/ö make the encoding matter), and the CBS
 * postcode-6 + huisnummer → buurt/wijk/gemeente table of the same year to place the addresses.
 * A few addresses are deliberately missing from that table (they cannot be placed).
 */
import { encodeCp1252 } from './cp1252.js';
import { csvField, formatComma, rngFor } from './format.js';
import { aggregate, type DemoModel } from './model.js';
import { KWB_YEARS } from './options.js';
import { straatNaam } from './names.js';

/** The fictional corporation. */
export const CORPORATIE_NAAM = 'Wooncoöperatie De Eendracht';
/** Year of the stock list and of the postcode table. */
export const BEZIT_JAAR = 2022;
/** Lettings are listed for these years. */
export const VERHUUR_JAREN: readonly number[] = [2019, 2020, 2021, 2022];
/** Share of the corporation stock in the gemeente that this corporation owns. */
export const MARKTAANDEEL = 0.85;
/** Every n-th address is left out of the postcode table (cannot be placed). */
export const UNPLACED_EVERY = 173;

/** One verhuureenheid of the demo stock. */
export interface Vhe {
  id: string;
  straat: string;
  nummer: number;
  toevoeging: string;
  pc6: string;
  buurt: string;
  type: string;
  huur: number;
  bouwjaar: number;
}

const LETTERS = 'ABCDEFGHJKLMNPRSTVWXZ';
const pc6Letters = (k: number): string => {
  // skip SA, SD, SS (not issued in the Netherlands)
  const pairs: string[] = [];
  for (const a of LETTERS) for (const b of LETTERS) if (!(a === 'S' && (b === 'A' || b === 'D' || b === 'S'))) pairs.push(a + b);
  return pairs[k % pairs.length];
};

/** Stock size the corporation aims at: its gemeente is the one whose corporation stock is closest. */
export const TARGET_VHE = 6000;

/**
 * Index of the gemeente where the corporation works: the one whose corporation stock in
 * BEZIT_JAAR × MARKTAANDEEL is closest to TARGET_VHE (keeps the committed files small).
 */
export function corporatieGemeente(model: DemoModel): number {
  const yi = KWB_YEARS.indexOf(BEZIT_JAAR);
  let best = 0;
  let bestD = Infinity;
  model.region.gemeenten.forEach((g, i) => {
    let n = 0;
    for (const b of model.region.indelingB) {
      if (b.gemeentecode !== g.code) continue;
      const a = aggregate(model, b.cells, yi);
      if (Number.isFinite(a.corporatie)) n += a.woningen * a.corporatie * MARKTAANDEEL;
    }
    if (Math.abs(n - TARGET_VHE) < bestD) {
      bestD = Math.abs(n - TARGET_VHE);
      best = i;
    }
  });
  return best;
}

/** The corporation's stock in BEZIT_JAAR: one entry per VHE with its address and buurt (deterministic per seed). */
export function buildStock(model: DemoModel, gmIndex: number): Vhe[] {
  const { region, options } = model;
  const gm = region.gemeenten[gmIndex];
  const yi = KWB_YEARS.indexOf(BEZIT_JAAR);
  const wijken = region.wijken.filter((w) => w.gemeentecode === gm.code);
  const stock: Vhe[] = [];
  let vhe = 100000;
  wijken.forEach((wk, wIndex) => {
    const pc4 = 3900 + wIndex;
    let pcCount = 0;
    for (const bu of region.indelingB) {
      if (bu.wijkcode !== wk.code) continue;
      const rng = rngFor(options.seed, `bezit|${bu.code}`);
      const a = aggregate(model, bu.cells, yi);
      const n = Number.isFinite(a.corporatie) ? Math.round(a.woningen * a.corporatie * MARKTAANDEEL) : 0;
      let left = n;
      while (left > 0) {
        const straat = straatNaam(rng);
        const meergezins = rng.chance(0.6);
        const perNummer = meergezins ? rng.int(2, 8) : 1;
        const nummers = Math.min(Math.ceil(left / perNummer), rng.int(6, 40));
        const bouwjaar = rng.int(1925, 2020);
        const type = meergezins ? (rng.chance(0.5) ? 'Meergezinswoning met lift' : 'Meergezinswoning zonder lift') : rng.chance(0.2) ? 'Seniorenwoning' : 'Eengezinswoning';
        let pc6 = `${pc4}${pc6Letters(pcCount++)}`;
        for (let k = 0; k < nummers && left > 0; k++) {
          if (k > 0 && k % 12 === 0) pc6 = `${pc4}${pc6Letters(pcCount++)}`;
          const nummer = 1 + 2 * k;
          for (let t = 0; t < perNummer && left > 0; t++) {
            stock.push({
              id: String(vhe++),
              straat,
              nummer,
              toevoeging: perNummer > 1 ? ['A', 'B', 'C', 'D', '1', '2', '3', '4'][t] : '',
              pc6,
              buurt: bu.code,
              type,
              huur: Math.round((rng.between(420, 760) + (type === 'Eengezinswoning' ? 60 : 0)) * 100) / 100,
              bouwjaar,
            });
            left--;
          }
        }
      }
    }
  });
  return stock;
}

/** File-name form of a name: lower case ASCII, words joined by '-'. */
export const slug = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const excel = (cells: string[]): string => cells.map((c) => csvField(c, ';')).join(';');

/** The corporation exports and the postcode table (path → bytes). */
export function corporatieFiles(model: DemoModel): Map<string, Uint8Array> {
  const { region, options } = model;
  const gmIndex = corporatieGemeente(model);
  const gm = region.gemeenten[gmIndex];
  const stock = buildStock(model, gmIndex);
  const bezit = [excel(['VHE-nummer', 'Straat', 'Huisnummer', 'Toevoeging', 'Postcode', 'Plaats', 'Woningtype', 'Kale huur', 'Bouwjaar'])];
  for (const v of stock) {
    bezit.push(excel([v.id, v.straat, String(v.nummer), v.toevoeging, v.pc6, gm.naam, v.type, formatComma(v.huur, 2), String(v.bouwjaar)]));
  }

  // postcode table: one row per (PC6, huisnummer), codes without prefix as CBS publishes them
  const seen = new Set<string>();
  const pc = [`PC6;Huisnummer;Buurt${BEZIT_JAAR};Wijk${BEZIT_JAAR};Gemeente${BEZIT_JAAR}`];
  let k = 0;
  for (const v of stock) {
    const key = `${v.pc6};${v.nummer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (++k % UNPLACED_EVERY === 0) continue;
    pc.push(`${key};${v.buurt.slice(2)};${v.buurt.slice(2, 8)};${v.buurt.slice(2, 6)}`);
  }

  // lettings: each year a share of the stock is let again; vulnerable new tenants more often
  // where the buurt's vulnerable inflow is high (planted trajectories)
  const share = new Map<string, { kw: number; extra: number }>();
  for (const bu of region.indelingB) {
    let extra = 0;
    for (const c of bu.cells) extra += model.kwetsbaarheid.instroomExtra[c];
    share.set(bu.code, { kw: 0, extra: extra / bu.cells.length });
  }
  const verhuur = [excel(['Datum', 'VHE-nummer', 'Straat', 'Postcode', 'Huisnummer', 'Toevoeging', 'Huishoudtype', 'Inkomensklasse', 'Urgentie', 'Vorige woonsituatie', 'Statushouder', 'Netto huur'])];
  for (const year of VERHUUR_JAREN) {
    const yi = KWB_YEARS.indexOf(year);
    for (const bu of region.indelingB) {
      if (bu.gemeentecode !== gm.code) continue;
      const a = aggregate(model, bu.cells, yi);
      const s = share.get(bu.code)!;
      s.kw = a.inwoners > 0 ? a.kwetsbarePersonen / a.inwoners : 0;
    }
    for (const v of stock) {
      const rng = rngFor(options.seed, `verhuur|${v.id}|${year}`);
      if (!rng.chance(0.08)) continue;
      const s = share.get(v.buurt)!;
      const p = Math.min(0.9, 1.6 * (s.kw + s.extra));
      const kwetsbaar = rng.chance(p);
      const dag = rng.int(1, 28);
      const maand = rng.int(1, 12);
      const datum = `${String(dag).padStart(2, '0')}-${String(maand).padStart(2, '0')}-${year}`;
      const statushouder = kwetsbaar && rng.chance(0.15);
      const vorige = kwetsbaar
        ? rng.pick(['Uitstroom GGZ', 'Beschermd wonen', 'Maatschappelijke opvang', 'Inwonend', 'Zelfstandig wonend'])
        : rng.pick(['Zelfstandig wonend', 'Zelfstandig wonend', 'Inwonend', 'Onbekend']);
      const urgentie = kwetsbaar && rng.chance(0.4) ? rng.pick(['Medische urgentie', 'Sociale urgentie', 'Voorrang uitstroom instelling']) : 'Regulier';
      verhuur.push(
        excel([
          datum,
          v.id,
          v.straat,
          v.pc6,
          String(v.nummer),
          v.toevoeging,
          rng.pick(['Eenpersoons', 'Eenpersoons', 'Paar zonder kinderen', 'Paar met kinderen', 'Eenoudergezin', 'Overig']),
          kwetsbaar ? 'Primaire doelgroep' : rng.pick(['Primaire doelgroep', 'Secundaire doelgroep', 'Middeninkomen']),
          urgentie,
          statushouder ? 'Azc / statushouder' : vorige,
          statushouder ? 'Ja' : 'Nee',
          formatComma(v.huur * (1 + 0.02 * (year - 2019)), 2),
        ]),
      );
    }
  }
  const crlf = (lines: string[]): Uint8Array => encodeCp1252(lines.join('\r\n') + '\r\n');
  return new Map([
    [`corporatie/synthetisch_bezit_vhe_${BEZIT_JAAR}_${slug(CORPORATIE_NAAM)}.csv`, crlf(bezit)],
    [`corporatie/synthetisch_verhuringen_${slug(CORPORATIE_NAAM)}_${VERHUUR_JAREN[0]}-${VERHUUR_JAREN[VERHUUR_JAREN.length - 1]}.csv`, crlf(verhuur)],
    [`pc6/synthetisch_pc6hnr${BEZIT_JAAR}0801_gwb.csv`, new TextEncoder().encode(pc.join('\r\n') + '\r\n')],
  ]);
}
