/**
 * Assign the signal category per buurt: compare ΔK and ΔO with their reference (absoluut or
 * relatief) and dead bands, then combine (rules in ./categories.ts). Buurten without usable
 * data get `onvoldoende_gegevens` with the reason, never dropped.
 */
import type { ColumnTable } from 'arquero';
import { changeDirection, signalCategory, type Direction, type SignalCategory } from './categories.js';
import { leaveOneOutReference, weightedMean, type AbsoluteReference } from './reference.js';
import { CHANGE_COLUMN as CH, REDENEN_ONVOLDOENDE } from '../indicators/change.js';
import { nullable, numbers, strings } from '../indicators/columns.js';

export type Variant = 'absoluut' | 'relatief';

/**
 * The columns {@link assignSignals} adds to a change table (and `reden`, which it completes) by
 * name, so code that reads them writes `SIGNAL_COLUMN.categorie` and a typo is a type error.
 *
 * @example signalen.array(SIGNAL_COLUMN.categorie)
 */
export const SIGNAL_COLUMN = {
  refK: 'refK',
  refO: 'refO',
  richting_K: 'richting_K',
  richting_O: 'richting_O',
  categorie: 'categorie',
  reden: 'reden',
} as const;

export interface SignalParams {
  variant: Variant;
  /** Dead band on ΔK (percentage points, ≥ 0). */
  tK: number;
  /** Dead band on ΔO (score points, ≥ 0). */
  tO: number;
  /** For `absoluut`: the reference changes (default 0 for both). */
  absoluut?: { K: AbsoluteReference; O: AbsoluteReference };
  /**
   * For `relatief`: the group each region is compared within (default the `gemeente` column).
   * A gemeente-level map compares each gemeente with the rest of the study area (one group).
   */
  groups?: ArrayLike<string | null>;
  /** True when K is not used (a map of ΔO alone): K never goes up, only O decides. */
  withoutK?: boolean;
}

/**
 * Add the columns `refK, refO, richting_K, richting_O, categorie` to a change table from
 * buurtChanges(), and complete `reden` for buurten without a reference. Pure: returns a new table.
 */
export function assignSignals(changes: ColumnTable, p: SignalParams): ColumnTable {
  if (!(p.tK >= 0) || !(p.tO >= 0)) throw new RangeError(`dead bands must be ≥ 0, got tK=${p.tK}, tO=${p.tO}`);
  const dK = numbers(changes, CH.dK);
  const dO = numbers(changes, CH.dO);
  const w = numbers(changes, CH.inwoners);
  const reden = strings(changes, CH.reden);
  const usable = reden.map((r) => r === null);
  const n = dK.length;
  let refK: Float64Array;
  let refO: Float64Array;
  if (p.variant === 'relatief') {
    const gm = p.groups ?? strings(changes, CH.gemeente);
    refK = leaveOneOutReference(dK, w, gm, usable);
    refO = leaveOneOutReference(dO, w, gm, usable);
  } else {
    const abs = p.absoluut ?? { K: 0, O: 0 };
    const rk = abs.K === 'landelijk' ? weightedMean(dK, w, usable) : abs.K;
    const ro = abs.O === 'landelijk' ? weightedMean(dO, w, usable) : abs.O;
    refK = new Float64Array(n).fill(rk);
    refO = new Float64Array(n).fill(ro);
  }
  const richtingK: (Direction | null)[] = new Array(n).fill(null);
  const richtingO: (Direction | null)[] = new Array(n).fill(null);
  const categorie: SignalCategory[] = new Array(n);
  const redenOut = reden.slice();
  for (let i = 0; i < n; i++) {
    if (!usable[i]) {
      categorie[i] = 'onvoldoende_gegevens';
      continue;
    }
    if (p.withoutK) {
      if (Number.isNaN(refO[i])) {
        categorie[i] = 'onvoldoende_gegevens';
        redenOut[i] = REDENEN_ONVOLDOENDE.referentie;
        continue;
      }
      richtingO[i] = changeDirection(dO[i], refO[i], p.tO);
      categorie[i] = signalCategory(false, richtingO[i] === 'afname');
      continue;
    }
    if (Number.isNaN(refK[i]) || Number.isNaN(refO[i])) {
      categorie[i] = 'onvoldoende_gegevens';
      redenOut[i] = REDENEN_ONVOLDOENDE.referentie;
      continue;
    }
    richtingK[i] = changeDirection(dK[i], refK[i], p.tK);
    richtingO[i] = changeDirection(dO[i], refO[i], p.tO);
    categorie[i] = signalCategory(richtingK[i] === 'toename', richtingO[i] === 'afname');
  }
  return changes.assign({
    refK: nullable(refK),
    refO: nullable(refO),
    richting_K: richtingK,
    richting_O: richtingO,
    categorie,
    reden: redenOut,
  } satisfies Record<keyof typeof SIGNAL_COLUMN, unknown>);
}
