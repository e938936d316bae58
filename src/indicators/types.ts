import type { ColumnTable } from 'arquero';

/**
 * One year's indicators per buurt, on one indeling. Table columns:
 * - `code` (string, BU…), `naam` (string | null), `gemeente` (string, GM…)
 * - `inwoners` (number | null): residents on 1 January
 * - `K` (number | null): vulnerable share in percent; `K_noemer` (number | null): its
 *   denominator (households or persons) so shares can be re-aggregated across indelingen
 * - `O` (number | null): livability score (Leefbaarometer `onv` by default; higher = better)
 * - `C` (number | null): % dwellings owned by a woningcorporatie
 * - `K_geheim` (boolean): K was suppressed in the source (not merely absent)
 */
export interface IndicatorYear {
  year: number;
  table: ColumnTable;
  /** What K, O and C are, in words, for outputs and legends. */
  sources: IndicatorSources;
}

export interface IndicatorSources {
  /** e.g. `KWB: % huishoudens met een laag inkomen` or `microdata: aandeel kwetsbare groepen (instroom)`. */
  K: string;
  /** e.g. `Leefbaarometer 3.0: onv (overlast en onveiligheid)`. */
  O: string;
  /** e.g. `KWB: % woningen in bezit woningcorporatie`. */
  C: string;
}

/** Column names every IndicatorYear table has. */
export const INDICATOR_COLUMNS = ['code', 'naam', 'gemeente', 'inwoners', 'K', 'K_noemer', 'K_geheim', 'O', 'C'] as const;

/** A column of an IndicatorYear table. */
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];

/**
 * The columns of an IndicatorYear table by name, for code that reads them in a loop:
 * `numbers(t, INDICATOR_COLUMN.inwoners)` rather than `'inwoners'`, so a misspelt column is a
 * type error instead of a missing column at run time.
 *
 * @example numbers(year.table, INDICATOR_COLUMN.K)
 */
export const INDICATOR_COLUMN = {
  code: 'code',
  naam: 'naam',
  gemeente: 'gemeente',
  inwoners: 'inwoners',
  K: 'K',
  K_noemer: 'K_noemer',
  K_geheim: 'K_geheim',
  O: 'O',
  C: 'C',
} as const satisfies { readonly [C in IndicatorColumn]: C };
