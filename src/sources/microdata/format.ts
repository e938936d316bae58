/**
 * The microdata aggregate format: tables as they leave CBS remote access (the researcher's own
 * output, checked for disclosure by CBS), one count per region × year × group × status.
 *
 * Expected columns (`;` or `,` separated, UTF-8 or Windows-1252, header names case-insensitive):
 *
 * | column      | required | content |
 * |-------------|----------|---------|
 * | `buurtcode` | yes      | CBS region code: `BU` + 8 (a bare 8-character code is taken as a buurt), or `WK…` / `GM…` for coarser aggregates. Aliases: `bu_code`, `buurt`, `code`, `regiocode`, `gwb_code`. |
 * | `jaar`      | yes      | Reference year, four digits (for instroom/uitstroom the year the move happened; for zittend the 1 January population). Aliases: `year`, `peiljaar`. |
 * | `groep`     | yes      | Group label as the researcher defined it (`laag_inkomen`, `ggz`, `lvb`, …). The label **`totaal`** (case-insensitive; alias `alle`, `allen`) is the whole population of that buurt, year, status and unit: the denominator of every share. Aliases: `group`, `doelgroep`, `kenmerk`. |
 * | `status`    | yes      | `instroom` (moved in during the year), `zittend` (lived there already) or `uitstroom` (moved out). Accepted spellings: `instromers`, `nieuwe bewoners`, `nieuwe huurders`; `zittende bewoners`, `zittenden`, `blijvers`; `uitstromers`, `vertrekkers`. Aliases of the column: `bewonersstatus`, `instroomstatus`. |
 * | `aantal`    | yes      | Count of persons or households: a non-negative number (decimal comma allowed), or a suppression marker. Aliases: `n`, `count`, `personen`, `huishoudens`, `aantal_personen`, `aantal_huishoudens`. |
 * | `eenheid`   | no       | `personen` or `huishoudens`; shares are only formed within one unit. Aliases: `unit`, `telling`. |
 *
 * Suppression: a cell is suppressed (missing, `onderdrukt = true`, never 0) when it is empty,
 * one of {@link MICRODATA_SUPPRESSED} (`.`, `x`, `X`, `-`, `?`, `NA`, `geheim`), or a
 * small-cell marker `<N`, `< N`, `<=N`, `≤N` (e.g. `<10`). A written `0` is a real zero.
 * Each (buurtcode, jaar, groep, status, eenheid) occurs once; a repeat is dropped and counted.
 *
 * Example:
 * ```
 * buurtcode;jaar;groep;status;aantal
 * BU03440101;2020;totaal;instroom;212
 * BU03440101;2020;laag_inkomen;instroom;41
 * BU03440101;2020;ggz;instroom;<10
 * ```
 */
import type { FieldSpec } from '../corporatie/header.js';

/** Columns of a microdata aggregate and their accepted header names. */
export const MICRODATA_FIELDS: readonly FieldSpec[] = [
  { field: 'buurtcode', aliases: ['bu_code', 'buurt', 'code', 'regiocode', 'gwb_code'], required: true, description: 'region code BU…' },
  { field: 'jaar', aliases: ['year', 'peiljaar'], required: true, description: 'year' },
  { field: 'groep', aliases: ['group', 'doelgroep', 'kenmerk'], required: true, description: 'group label, "totaal" = everyone' },
  { field: 'status', aliases: ['bewonersstatus', 'instroomstatus'], required: true, description: 'instroom, zittend or uitstroom' },
  { field: 'aantal', aliases: ['n', 'count', 'personen', 'huishoudens', 'aantal_personen', 'aantal_huishoudens'], required: true, description: 'count or suppression marker' },
  { field: 'eenheid', aliases: ['unit', 'telling'], required: false, description: 'personen or huishoudens' },
];

/** Statuses of a resident in a buurt and year. */
export const MICRODATA_STATUSES = ['instroom', 'zittend', 'uitstroom'] as const;

/** One of {@link MICRODATA_STATUSES}. */
export type MicrodataStatus = (typeof MICRODATA_STATUSES)[number];

/** The group label that holds the denominator. */
export const TOTAAL_GROEP = 'totaal';

/** Cell texts that mean "suppressed" (besides empty and `<N` markers). */
export const MICRODATA_SUPPRESSED: readonly string[] = ['.', 'x', 'X', '-', '?', 'NA', 'geheim'];

const STATUS_ALIASES: Record<string, MicrodataStatus> = {
  instroom: 'instroom',
  instromers: 'instroom',
  instromer: 'instroom',
  nieuwebewoners: 'instroom',
  nieuwehuurders: 'instroom',
  zittend: 'zittend',
  zittende: 'zittend',
  zittenden: 'zittend',
  zittendebewoners: 'zittend',
  blijvers: 'zittend',
  uitstroom: 'uitstroom',
  uitstromers: 'uitstroom',
  uitstromer: 'uitstroom',
  vertrekkers: 'uitstroom',
};

/**
 * Normalise a status cell, or null when it is not one of the three statuses.
 *
 * @example normalizeStatus('Zittende bewoners') // 'zittend'
 */
export function normalizeStatus(cell: string): MicrodataStatus | null {
  return STATUS_ALIASES[cell.toLowerCase().replace(/[^a-z]/g, '')] ?? null;
}

/**
 * Normalise a group label: trimmed; `totaal`, `alle`, `allen` (any case) become `totaal`.
 *
 * @example normalizeGroep(' Totaal ') // 'totaal'
 */
export function normalizeGroep(cell: string): string {
  const s = cell.trim();
  return ['totaal', 'alle', 'allen'].includes(s.toLowerCase()) ? TOTAAL_GROEP : s;
}

/**
 * The suppression marker of a count cell, or null when the cell is not suppressed.
 *
 * @example suppressionMarker('<10') // '<10'
 * @example suppressionMarker('') // ''
 * @example suppressionMarker('0') // null
 */
export function suppressionMarker(cell: string): string | null {
  const s = cell.trim();
  if (s === '' || MICRODATA_SUPPRESSED.includes(s)) return s;
  if (/^(<|<=|≤)\s*\d+$/.test(s)) return s;
  return null;
}
