/**
 * `signalen.xlsx`: what a researcher opens in Excel without an import dialogue. One sheet per
 * table (the regions with all indicators and categories, the counts per category in both
 * variants, per gemeente, the parameters), real numbers with Dutch-reading number formats, a
 * frozen header and column widths. Pure: built from the rows and the summary the run writes.
 */
import type { XlsxWriteColumn, XlsxWriteSheet } from '../export/xlsx.js';
import { SIGNAL_CATEGORIES, SIGNAL_LABELS } from '../signal/categories.js';
import { countByCategory, summariseGemeenten } from '../signal/summary.js';
import type { SignalResult } from './compute.js';
import { SIGNAL_COLUMNS } from './summary.js';

/** Number format per column of signalen.csv (others are text or General). */
const FORMATS: Readonly<Record<string, string>> = {
  inwoners: 'geheel',
  K0: 'decimaal1',
  K1: 'decimaal1',
  dK: 'decimaal2',
  refK: 'decimaal2',
  O0: 'decimaal3',
  O1: 'decimaal3',
  dO: 'decimaal3',
  refO: 'decimaal3',
  C: 'decimaal1',
};

const UNITS: Record<string, string> = { buurt: 'buurten', wijk: 'wijken', gemeente: 'gemeenten' };

/**
 * The sheets of signalen.xlsx.
 *
 * @param rows the per-region rows of signalen.csv ({@link signalRows})
 * @param summary the content of samenvatting.json ({@link buildSummary})
 */
export function summaryWorkbook(r: SignalResult, rows: readonly Record<string, unknown>[], summary: Record<string, unknown>): XlsxWriteSheet[] {
  const units = UNITS[r.config.level];
  const regionColumns: XlsxWriteColumn[] = SIGNAL_COLUMNS.map((key) => (FORMATS[key] ? { key, header: key, numFmt: FORMATS[key] } : { key, header: key }));
  const counts = { configured: countByCategory(r.signalen), absoluut: countByCategory(r.signalen, 'categorie_absoluut'), relatief: countByCategory(r.signalen, 'categorie_relatief') };
  const perCategory = SIGNAL_CATEGORIES.map((c) => ({
    categorie: c,
    signaal: SIGNAL_LABELS[c],
    regions_absoluut: counts.absoluut[c].buurten,
    inwoners_absoluut: counts.absoluut[c].inwoners,
    regions_relatief: counts.relatief[c].buurten,
    inwoners_relatief: counts.relatief[c].inwoners,
  }));
  const gemeenten = summariseGemeenten(r.signalen).map((g) => ({
    code: g.code,
    naam: g.naam ?? null,
    regions: g.buurten,
    inwoners: g.inwoners,
    ...Object.fromEntries(SIGNAL_CATEGORIES.map((c) => [c, g.categories[c].buurten])),
    onder_druk: g.onder_druk ? 'ja' : 'nee',
  }));
  const t = r.thresholds;
  const p = r.config.period;
  const parameters: { parameter: string; waarde: unknown; toelichting: string }[] = [
    { parameter: 'titel', waarde: r.config.title, toelichting: r.config.synthetic ? 'synthetische gegevens' : '' },
    { parameter: 'niveau', waarde: r.config.level, toelichting: r.config.area ? `studiegebied ${r.config.area.join(', ')}` : 'studiegebied: wat de grenzen dekken' },
    { parameter: 'periode K', waarde: `${p.K.t0}–${p.K.t1}`, toelichting: r.sources.K },
    { parameter: 'periode O', waarde: `${p.O.t0}–${p.O.t1}`, toelichting: r.sources.O },
    { parameter: 'variant', waarde: r.config.reference.variant, toelichting: 'de kaart toont deze variant' },
    ...(['absoluut', 'relatief'] as const).flatMap((v) => [
      { parameter: `drempel ΔK (${v})`, waarde: t[v].K.value, toelichting: t[v].K.rule },
      { parameter: `drempel ΔO (${v})`, waarde: t[v].O.value, toelichting: t[v].O.rule },
    ]),
    { parameter: 'minimum inwoners', waarde: r.config.indicators.minInwoners, toelichting: 'minder: onvoldoende gegevens' },
    { parameter: 'versie', waarde: summary.version, toelichting: 'veerkracht' },
    ...r.inputs.map((i) => ({ parameter: `invoer ${i.role}`, waarde: i.file.split(/[\\/]/).pop(), toelichting: `${i.edition ?? i.kind}; SHA-256 ${i.checksum}` })),
  ];
  return [
    { name: units, columns: regionColumns, rows },
    {
      name: 'per categorie',
      columns: [
        { key: 'categorie', header: 'categorie' },
        { key: 'signaal', header: 'signaal' },
        { key: 'regions_absoluut', header: `${units} (absoluut)`, numFmt: 'geheel' },
        { key: 'inwoners_absoluut', header: 'inwoners (absoluut)', numFmt: 'geheel' },
        { key: 'regions_relatief', header: `${units} (relatief)`, numFmt: 'geheel' },
        { key: 'inwoners_relatief', header: 'inwoners (relatief)', numFmt: 'geheel' },
      ],
      rows: perCategory,
    },
    {
      name: 'per gemeente',
      columns: [
        { key: 'code', header: 'gemeente' },
        { key: 'naam', header: 'naam' },
        { key: 'regions', header: units, numFmt: 'geheel' },
        { key: 'inwoners', header: 'inwoners', numFmt: 'geheel' },
        ...SIGNAL_CATEGORIES.map((c) => ({ key: c, header: SIGNAL_LABELS[c], numFmt: 'geheel' })),
        { key: 'onder_druk', header: 'veerkracht onder druk' },
      ],
      rows: gemeenten,
    },
    {
      name: 'parameters',
      columns: [
        { key: 'parameter', header: 'parameter' },
        { key: 'waarde', header: 'waarde', numFmt: '0.0000' },
        { key: 'toelichting', header: 'toelichting', width: 60 },
      ],
      rows: parameters,
    },
  ];
}
