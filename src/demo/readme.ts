/**
 * The README written beside the generated files: that the data are synthetic, the seed, the
 * generator command, every file, the key drift per KWB edition, the planted truth's columns and
 * the measured realism against the national targets.
 */
import { KWB_EDITIONS, ODATA_EDITION_YEAR, type KwbConcept } from './kwb-keys.js';
import { INCOME_MIN_HOUSEHOLDS, OWNERSHIP_MIN_DWELLINGS } from './kwb-rows.js';
import type { DemoModel } from './model.js';
import { INDELING_CHANGE_YEAR, LBM_REFERENCE } from './options.js';
import type { DemoStats } from './stats.js';
import { TRAJECTORY_SHARES } from './trajectories.js';
import { CORPORATIE_NAAM, corporatieGemeente, UNPLACED_EVERY } from './write-corporatie.js';
import { LBM_MIN_INWONERS } from './write-leefbaarometer.js';
import { EXTRA_SHARE, INSTROOM_RISE, MIN_STOCK, MUTATIEGRAAD, TRUTH_VERHUUR_FILE, VERHUUR_PERIODE } from './write-verhuringen.js';
import { MICRODATA_MIN_CELL } from './write-microdata.js';

const DESCRIPTIONS: Array<[RegExp, string]> = [
  [/^kwb\/.*_odata\/TypedDataSet\.json$/, 'KWB as an OData v3 `TypedDataSet` response (numbers, `null` = suppressed)'],
  [/^kwb\/.*_odata\/DataProperties\.json$/, 'OData `DataProperties`: Key, Title, Unit, Decimals per topic'],
  [/^kwb\/.*_odata\/TableInfos\.json$/, 'OData `TableInfos` (title says SYNTHETISCH)'],
  [/^kwb\/.*_odata\/WijkenEnBuurten\.json$/, 'OData code list of the region dimension (Key → Title = names)'],
  [/^kwb\/.*_statline_symbolen\.csv$/, 'the same edition for one gemeente in StatLine\'s "CSV with statistical symbols" layout (`;`, quoted, title and units lines, names instead of codes, decimal comma, CRLF)'],
  [/^kwb\/.*\.csv$/, 'KWB StatLine CSV export with topic keys of that edition (BOM, `,`, padded codes, `.` suppressed)'],
  [/^leefbaarometer\//, 'Leefbaarometer 3.0 buurt scores, long format, all years on the latest indeling'],
  [/^geo\//, 'buurt boundaries of one indeling, GeoJSON in RD New (EPSG:28992)'],
  [/^corporatie\/.*bezit/, 'corporation stock list per verhuureenheid (Excel-Dutch: `;`, decimal comma, Windows-1252, CRLF)'],
  [/^corporatie\/.*verhuringen.*2012-2022/, 'corporation lettings list 2012–2022 with a PLANTED rise of vulnerable instroom (truth in `synthetisch_truth_verhuringen.csv`)'],
  [/^corporatie\/.*verhuring/, 'corporation lettings list (same Excel-Dutch format)'],
  [/^pc6\//, 'CBS postcode-6 + huisnummer → buurt/wijk/gemeente table (`;`, codes without prefix)'],
  [/^microdata\//, 'microdata aggregates buurt × jaar × groep × status, small cells `x`'],
  [/truth/, 'PLANTED TRUTH (for tests only; the library never reads it)'],
];

const CONCEPTS: KwbConcept[] = ['inwoners', 'huishoudens', 'woningen', 'corporatie', 'laagInkomen', 'sociaalMinimum', 'indeling'];

/** README text for a generated region. */
export function demoReadme(model: DemoModel, s: DemoStats, files: Map<string, Uint8Array>): string {
  const o = model.options;
  const r = model.region;
  const split = r.indelingA.find((b) => b.cells.length === 2)!;
  const splitInto = r.indelingB.filter((b) => split.cells.includes(b.cells[0]));
  const merged = r.indelingB.find((b) => b.cells.length === 2)!;
  const mergedFrom = r.indelingA.filter((b) => merged.cells.includes(b.cells[0]));
  const fileRows = Array.from(files.keys())
    .concat(['README.md'])
    .sort()
    .map((f) => `| \`${f}\` | ${f === 'README.md' ? 'this file' : DESCRIPTIONS.find(([re]) => re.test(f))?.[1] ?? ''} |`);
  const keyRows = KWB_EDITIONS.map(
    (e) =>
      `| ${e.year} | ${e.tableId}${e.year === ODATA_EDITION_YEAR ? ' (OData JSON)' : ''} | ${CONCEPTS.map((c) => `\`${e.keys[c]}\`${e.verified.includes(c) ? ' ✓' : ''}`).join(' | ')} |`,
  );
  const gm = r.gemeenten.slice(0, 8).map((g) => `${g.code} ${g.naam}`).join(', ') + (r.gemeenten.length > 8 ? `, … (${r.gemeenten.length - 8} more)` : '');
  const f = (v: number[]): string => v.join(', ');
  return `# SYNTHETISCH — fictieve demoregio (geen echte gegevens)

Everything in this folder is **synthetic**: a fictional region made by the project's own seeded
generator (\`src/demo\`), written in the file formats of the real sources so that the toolkit, the
CLI and the notebooks run without any download. No value describes a real place or person.
Gemeente codes are in the non-existent range GM9000–GM9999; names are invented. Table ids and
topic keys are those of the real KWB editions, so the loaders see the real key drift.

- Seed: \`${o.seed}\` · scale: \`${o.scale}\` · region: ${r.gemeenten.length} gemeenten, ${r.wijken.length} wijken, ${r.indelingB.length} buurten (indeling ${INDELING_CHANGE_YEAR}+), RD New box x ${o.box.x0 / 1000}–${o.box.x1 / 1000} km, y ${o.box.y0 / 1000}–${o.box.y1 / 1000} km
- Gemeenten: ${gm}
- Regenerate (from the project root): \`npm run build && node scripts/generate-demo.mjs\` (writes data/demo);
  national scale for benchmarks: \`node scripts/generate-demo.mjs --scale national --out DIR\` (DIR outside the repository).
  Same seed → byte-identical files (tests/demo checks this against the committed folder).

## Files

| file | what it is |
|---|---|
${fileRows.join('\n')}

## Boundary change (indeling) between ${INDELING_CHANGE_YEAR - 1} and ${INDELING_CHANGE_YEAR}

- split: ${split.code} (${split.naam}) → ${splitInto.map((b) => b.code).join(' + ')}
- merge: ${mergedFrom.map((b) => b.code).join(' + ')} → ${merged.code}

KWB editions and microdata before ${INDELING_CHANGE_YEAR} use the first indeling, later ones the second
(\`IndelingswijzigingWijkenEnBuurten\` = 3 for the new buurten in ${INDELING_CHANGE_YEAR}). Leefbaarometer
scores are on the latest indeling for all years, as in the real open-data files.

## KWB key drift per edition

✓ = ordinal verified against real data or published uses; other ordinals follow the real pattern
but are our assumption — resolve topics by title / key stem, never by a hard-coded key.

| edition | table | inhabitants | households | dwellings | corporation share | low income | social minimum | indeling |
|---|---|---|---|---|---|---|---|---|
${keyRows.join('\n')}

Rows: one Land row (\`NL00\`, named "Demoland (synthetisch)"), then per gemeente its row, each wijk and
its buurten. Codes and names are space padded (10 / 40 characters). Inhabitants and households
below gemeente level are randomly rounded to multiples of 5. Suppressed (\`.\` in CSV, \`null\` in
JSON): ownership percentages below ${OWNERSHIP_MIN_DWELLINGS} dwellings, income percentages below
${INCOME_MIN_HOUSEHOLDS} households.

## Other formats

- Leefbaarometer: \`bu_code,bu_naam,jaar,lbm,afw,fys,onv,soc,vrz,won\`; dimensions printed with 6
  decimals, \`afw\` = their exact sum, \`lbm − afw\` = ${LBM_REFERENCE} in every row; 2016 without dimensions;
  buurten under ${LBM_MIN_INWONERS} inhabitants \`NA\`.
- Corporation: "${CORPORATIE_NAAM}" (fictional) in ${r.gemeenten[corporatieGemeente(model)].naam}. Stock columns
  \`VHE-nummer;Straat;Huisnummer;Toevoeging;Postcode;Plaats;Woningtype;Kale huur;Bouwjaar\` (the owner is in the file name);
  lettings \`Datum;VHE-nummer;Straat;Postcode;Huisnummer;Toevoeging;Huishoudtype;Inkomensklasse;Urgentie;Vorige woonsituatie;Statushouder;Netto huur\`.
  The postcode table lists the corporation's addresses only (the real one lists all); one address in
  ${UNPLACED_EVERY} is missing from it on purpose (cannot be placed).
- Microdata: \`buurtcode,jaar,groep,status,aantal_personen\`; groep \`totaal\` | \`kwetsbaar\` | \`laag_inkomen\`;
  status \`instroom\` (moved into the buurt that year) | \`zittend\` (the other residents); counts of persons,
  cells under ${MICRODATA_MIN_CELL} written as \`x\`; each year on its own indeling. \`kwetsbaar\` = persons with any vulnerability
  marker (the microdata measure of K = kwetsbaar / totaal); \`laag_inkomen\` = persons in low-income households.

## Planted truth (\`synthetisch_truth.csv\`)

Each buurt follows a latent trajectory 2014 → 2022, in spatial clusters of 2–5 populated buurten
(spirals and resilient buurten favour corporation stock): \`spiraal\` (≈${TRAJECTORY_SHARES.spiraal * 100} %: K up, onv worse),
\`veerkrachtig\` (≈${TRAJECTORY_SHARES.veerkrachtig * 100} %: K up, onv stable), \`leefbaarheid\` (≈${TRAJECTORY_SHARES.leefbaarheid * 100} %: onv worse only), \`stabiel\` (rest).
Columns: \`buurtcode\` (latest indeling), \`buurtcode_t0\` (first indeling, \`+\`-joined), \`gemeentecode\`,
\`wijkcode\`, \`traject\`, \`verwacht_signaal\` (signal category id), \`cluster\` (−1 = stable),
\`dk_laag_inkomen_pp\`, \`dk_kwetsbaar_pp\`, \`donv\` (latent changes before yearly noise),
\`inwoners_2022\`, \`corporatie_pct_2022\`, \`inkomen_onderdrukt_2014\`, \`inkomen_onderdrukt_2022\` (1 = KWB value suppressed).

## Planted instroom truth (\`${TRUTH_VERHUUR_FILE}\`)

The lettings list ${VERHUUR_PERIODE[0]}–${VERHUUR_PERIODE[VERHUUR_PERIODE.length - 1]} lets each VHE with chance ${MUTATIEGRAAD} a year. A letting is vulnerable with
probability p(year), linear per buurt; a vulnerable letting meets the default kwetsbaar rule (Primaire
doelgroep, sometimes urgency, statushouder, a previous situation such as GGZ), a non-vulnerable one
meets none of its criteria. \`stijging\`: p rises by ${INSTROOM_RISE[0]}–${INSTROOM_RISE[1]} from 2013 to 2021 (the centres of the windows
2012–2014 and 2020–2022) in buurten with at least ${MIN_STOCK} own dwellings that follow a planted K-up trajectory, plus a
seeded draw of ${EXTRA_SHARE * 100} % of the other such buurten; \`stabiel\`: p moves at most ±0.03. Columns: \`buurtcode\`,
\`gemeentecode\`, \`eigen_woningen\`, \`instroom\` (stijging | stabiel), \`kwetsbaar_aandeel_2013\`, \`kwetsbaar_aandeel_2021\`
(p), \`verwacht_K\` (toename | geen: the direction of K a run with \`indicators.K.source = "verhuringen"\` should find).

## Realism, measured on these files (target from issue 5 in brackets)

- buurt inhabitants 2017, deciles: ${f(s.inwonersDecielen2017)} (45, 125, 235, 410, 680, 1045, 1485, 2121, 3300)
- % low-income households 2017: mean ${s.laagInkomenGemiddelde2017} (6.7), deciles ${f(s.laagInkomenDecielen2017)} (1.9 … 14.0);
  suppressed for ${(s.laagInkomenOnderdruktAandeel2017 * 100).toFixed(1)} % of buurten (31 %), median size of those ${s.laagInkomenOnderdruktMediaanInwoners2017} inhabitants (90)
- corporation share 2017: mean ${s.corporatieGemiddelde2017} % (Amsterdam 36 %), above two thirds ${(s.corporatieBovenTweeDerde2017 * 100).toFixed(1)} % of buurten (17 %)
- Leefbaarometer onv (buurt × year): mean ${s.onvGemiddelde} (0.04), sd ${s.onvSd} (0.07); change 2014→2022 sd ${s.onvVerandering2014_2022Sd} (0.03), worse in ${(s.onvVerslechterdAandeel * 100).toFixed(1)} % (a third)
`;
}
