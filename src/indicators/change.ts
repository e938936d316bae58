/**
 * Change per buurt over a period t0 → t1 on one indeling: ΔK in percentage points and ΔO in
 * score points, with the reason when a buurt cannot get a change.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { INDICATOR_COLUMN as IND, type IndicatorYear } from './types.js';
import { flags, nullable, numbers, strings } from './columns.js';

/** Why a buurt has no usable change (in the order they are checked). */
export const REDENEN_ONVOLDOENDE = {
  grens: 'grens niet gematcht',
  kwb: 'ontbreekt in KWB',
  inwoners: 'te weinig inwoners',
  geheim: 'waarde geheim (onderdrukt)',
  K: 'kwetsbaarheid ontbreekt',
  O: 'leefbaarheid ontbreekt',
  referentie: 'geen referentie',
} as const;

/**
 * The columns of a change table ({@link buurtChanges}) by name, in table order: code that reads
 * them writes `CHANGE_COLUMN.dK`, so a misspelt column is a type error.
 *
 * @example numbers(changes, CHANGE_COLUMN.dK)
 */
export const CHANGE_COLUMN = {
  code: 'code',
  naam: 'naam',
  gemeente: 'gemeente',
  inwoners: 'inwoners',
  K0: 'K0',
  K1: 'K1',
  dK: 'dK',
  O0: 'O0',
  O1: 'O1',
  dO: 'dO',
  C: 'C',
  reden: 'reden',
} as const;

/** A column of a change table. */
export type ChangeColumn = keyof typeof CHANGE_COLUMN;

export interface ChangeOptions {
  /** Buurten with fewer residents than this at t0 or t1 get no signal (default 100). */
  minInwoners?: number;
  /** True when K is not used (a map of ΔO alone): a missing K is then no reason. */
  withoutK?: boolean;
}

/**
 * Join t0 and t1 (the same indeling: t0 already re-indeeld when boundaries changed) and compute
 * the changes. The result has one row per t1 buurt, in t1 order, with columns
 * code, naam, gemeente, inwoners (t1), K0, K1, dK, O0, O1, dO, C (t1), reden (null when usable).
 * Buurten of t0 that are not in t1 are returned in `onlyT0`.
 */
export function buurtChanges(
  t0: IndicatorYear,
  t1: IndicatorYear,
  options: ChangeOptions = {},
): { table: ColumnTable; onlyT0: string[] } {
  const minInw = options.minInwoners ?? 100;
  const c0 = strings(t0.table, IND.code);
  const idx0 = new Map<string, number>();
  c0.forEach((c, i) => c !== null && idx0.set(c, i));
  const inw0 = numbers(t0.table, IND.inwoners);
  const K0a = numbers(t0.table, IND.K);
  const O0a = numbers(t0.table, IND.O);
  const g0 = flags(t0.table, IND.K_geheim);

  const code = strings(t1.table, IND.code) as string[];
  const inw1 = numbers(t1.table, IND.inwoners);
  const K1 = numbers(t1.table, IND.K);
  const O1 = numbers(t1.table, IND.O);
  const C1 = numbers(t1.table, IND.C);
  const g1 = flags(t1.table, IND.K_geheim);
  const n = code.length;
  const K0 = new Float64Array(n).fill(NaN);
  const O0 = new Float64Array(n).fill(NaN);
  const reden: (string | null)[] = new Array(n).fill(null);
  const seen = new Set<string>();
  for (let j = 0; j < n; j++) {
    const i = idx0.get(code[j]);
    seen.add(code[j]);
    if (i === undefined) {
      reden[j] = REDENEN_ONVOLDOENDE.grens;
      continue;
    }
    K0[j] = K0a[i];
    O0[j] = O0a[i];
    if (!(inw0[i] >= minInw) || !(inw1[j] >= minInw)) reden[j] = REDENEN_ONVOLDOENDE.inwoners;
    else if (!options.withoutK && ((g0[i] && Number.isNaN(K0a[i])) || (g1[j] && Number.isNaN(K1[j])))) reden[j] = REDENEN_ONVOLDOENDE.geheim;
    else if (!options.withoutK && (Number.isNaN(K0a[i]) || Number.isNaN(K1[j]))) reden[j] = REDENEN_ONVOLDOENDE.K;
    else if (Number.isNaN(O0a[i]) || Number.isNaN(O1[j])) reden[j] = REDENEN_ONVOLDOENDE.O;
  }
  const dK = K1.map((v, j) => v - K0[j]);
  const dO = O1.map((v, j) => v - O0[j]);
  const table = aq.table({
    code,
    naam: strings(t1.table, IND.naam),
    gemeente: strings(t1.table, IND.gemeente),
    inwoners: nullable(inw1),
    K0: nullable(K0),
    K1: nullable(K1),
    dK: nullable(dK),
    O0: nullable(O0),
    O1: nullable(O1),
    dO: nullable(dO),
    C: nullable(C1),
    reden,
  } satisfies Record<ChangeColumn, unknown>);
  const onlyT0 = c0.filter((c): c is string => c !== null && !seen.has(c)).sort();
  return { table, onlyT0 };
}
