/**
 * The corporation's lettings over the whole period 2012–2022 with a PLANTED rise of vulnerable
 * instroom in chosen buurten, and the truth file that records it (`synthetisch_truth_verhuringen.csv`,
 * never read by the library). Same stock as the 2019–2022 lettings list, drawn from its own random
 * streams so every earlier file stays byte-identical. Another export layout, as a second system
 * would write it (and small enough to commit): `Ingangsdatum;Eenheidnummer;Inkomensklasse;
 * Toewijzing;Herkomst`, dates as Excel day numbers (a cell that lost its date format), the
 * statushouder only in the previous situation (`Herkomst`), Windows-1252, CRLF.
 *
 * Planted model, per buurt with stock: a letting is vulnerable with probability p(y), linear in
 * the year. A vulnerable letting meets the default kwetsbaar rule (income class "Primaire
 * doelgroep", sometimes urgency, a statushouder, a previous situation such as GGZ); a
 * non-vulnerable one meets none of its criteria. So under the default rule the share measured
 * in a window estimates the mean p of that window.
 * - `stijging`: p rises by INSTROOM_RISE (0.30–0.40) between the centres of the windows
 *   2012–2014 and 2020–2022 (2013 → 2021): the buurten of planted K-up trajectories (spiraal,
 *   veerkrachtig) with at least MIN_STOCK dwellings of the corporation, plus a seeded draw among
 *   the other buurten with that much stock (rising instroom in corporation stock before the
 *   buurt as a whole changes).
 * - `stabiel`: p drifts by at most ±0.03 over the same span.
 */
import { encodeCp1252 } from './cp1252.js';
import { csvField, formatNumber, rngFor, utf8 } from './format.js';
import { aggregate, type DemoModel } from './model.js';
import { KWB_YEARS } from './options.js';
import { TRAJECTORIES } from './trajectories.js';
import { buildStock, corporatieGemeente, CORPORATIE_NAAM, slug } from './write-corporatie.js';

/** Years of the long lettings list. */
export const VERHUUR_PERIODE: readonly number[] = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022];
/** Chance that a VHE is let in a year (mutatiegraad). */
export const MUTATIEGRAAD = 0.08;
/** Own dwellings a buurt needs to be chosen for a planted rise (enough lettings to show it). */
export const MIN_STOCK = 150;
/** Range of the planted rise of p between 2013 and 2021. */
export const INSTROOM_RISE: readonly [number, number] = [0.3, 0.4];
/** Extra buurten (without a K-up trajectory) drawn for a planted rise, as a share of the other eligible ones. */
export const EXTRA_SHARE = 0.25;
/** Path of the long lettings list inside data/demo. */
export const VERHUUR_PERIODE_FILE = `corporatie/synthetisch_verhuringen_${slug(CORPORATIE_NAAM)}_${VERHUUR_PERIODE[0]}-${VERHUUR_PERIODE[VERHUUR_PERIODE.length - 1]}.csv`;
/** Path of its truth file. */
export const TRUTH_VERHUUR_FILE = 'synthetisch_truth_verhuringen.csv';

const excel = (cells: string[]): string => cells.map((c) => csvField(c, ';')).join(';');

/** The long lettings list and its truth file (path → bytes). */
export function verhuringenPeriodeFiles(model: DemoModel): Map<string, Uint8Array> {
  const { region, options } = model;
  const gmIndex = corporatieGemeente(model);
  const gm = region.gemeenten[gmIndex];
  const stock = buildStock(model, gmIndex);
  const perBuurt = new Map<string, number>();
  for (const v of stock) perBuurt.set(v.buurt, (perBuurt.get(v.buurt) ?? 0) + 1);
  const y2014 = KWB_YEARS.indexOf(2014);
  const buurten = region.indelingB.filter((b) => perBuurt.has(b.code));
  const eligible = buurten.filter((b) => (perBuurt.get(b.code) ?? 0) >= MIN_STOCK);
  const kUp = (b: (typeof buurten)[number]) => {
    const t = TRAJECTORIES[model.trajectories.type[b.cells[0]]];
    return t === 'spiraal' || t === 'veerkrachtig';
  };
  const draw = rngFor(options.seed, 'verhuur-periode|keuze');
  const others = eligible.filter((b) => !kUp(b));
  const extra = new Set(draw.shuffle(others.map((b) => b.code)).slice(0, Math.round(EXTRA_SHARE * others.length)));
  const plan = new Map<string, { p2013: number; p2021: number; stijging: boolean }>();
  for (const b of buurten) {
    const rng = rngFor(options.seed, `verhuur-periode|plan|${b.code}`);
    const a = aggregate(model, b.cells, y2014);
    const kw = a.inwoners > 0 ? a.kwetsbarePersonen / a.inwoners : 0.1;
    const p2013 = Math.min(0.5, Math.max(0.12, 0.08 + 1.2 * kw));
    const stijging = (perBuurt.get(b.code) ?? 0) >= MIN_STOCK && (kUp(b) || extra.has(b.code));
    const rise = stijging ? rng.between(INSTROOM_RISE[0], INSTROOM_RISE[1]) : rng.between(-0.03, 0.03);
    plan.set(b.code, { p2013, p2021: p2013 + rise, stijging });
  }
  const pOf = (code: string, year: number) => {
    const q = plan.get(code)!;
    return Math.min(0.95, Math.max(0.02, q.p2013 + ((q.p2021 - q.p2013) * (year - 2013)) / 8));
  };

  const rows = [excel(['Ingangsdatum', 'Eenheidnummer', 'Inkomensklasse', 'Toewijzing', 'Herkomst'])];
  const excelDay = (y: number, m: number, d: number) => String((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
  for (const year of VERHUUR_PERIODE) {
    for (const v of stock) {
      const rng = rngFor(options.seed, `verhuur-periode|${v.id}|${year}`);
      if (!rng.chance(MUTATIEGRAAD)) continue;
      const kwetsbaar = rng.chance(pOf(v.buurt, year));
      const dag = rng.int(1, 28);
      const datum = excelDay(year, rng.int(1, 12), dag);
      const statushouder = kwetsbaar && rng.chance(0.15);
      const urgentie = kwetsbaar && rng.chance(0.4) ? rng.pick(['Medische urgentie', 'Sociale urgentie', 'Voorrang uitstroom instelling']) : 'Regulier';
      const vorige = statushouder
        ? 'Azc / statushouder'
        : kwetsbaar
          ? rng.pick(['Uitstroom GGZ', 'Beschermd wonen', 'Maatschappelijke opvang', 'Inwonend', 'Zelfstandig wonend'])
          : rng.pick(['Zelfstandig', 'Zelfstandig', 'Inwonend', 'Onbekend', 'Elders (België)']);
      rows.push(excel([datum, v.id, kwetsbaar ? 'Primaire doelgroep' : rng.pick(['Secundaire doelgroep', 'Middeninkomen', 'Hoger inkomen']), urgentie, vorige]));
    }
  }

  const truth = ['buurtcode,gemeentecode,eigen_woningen,instroom,kwetsbaar_aandeel_2013,kwetsbaar_aandeel_2021,verwacht_K'];
  for (const b of buurten) {
    const q = plan.get(b.code)!;
    truth.push([b.code, gm.code, String(perBuurt.get(b.code)), q.stijging ? 'stijging' : 'stabiel', formatNumber(pOf(b.code, 2013), 4), formatNumber(pOf(b.code, 2021), 4), q.stijging ? 'toename' : 'geen'].join(','));
  }
  return new Map([
    [VERHUUR_PERIODE_FILE, encodeCp1252(rows.join('\r\n') + '\r\n')],
    [TRUTH_VERHUUR_FILE, utf8(truth.join('\n') + '\n')],
  ]);
}
