/**
 * Focuskaart: the current position of a buurt at t1, not its development. A buurt is in focus
 * when its vulnerable share is high and its livability low, both relative to a reference level
 * (absoluut: the resident-weighted level of the whole input area; relatief: the rest of its
 * gemeente, leave-one-out) beyond a margin.
 */
import type { ColumnTable } from 'arquero';
import { leaveOneOutReference, weightedMean } from './reference.js';
import type { Variant } from './assign.js';
import { nullable, numbers, strings } from '../indicators/columns.js';
import { CHANGE_COLUMN as CH, REDENEN_ONVOLDOENDE } from '../indicators/change.js';

export const FOCUS_CATEGORIES = ['focus', 'hoge_kwetsbaarheid', 'lage_leefbaarheid', 'geen_focus', 'onvoldoende_gegevens'] as const;
export type FocusCategory = (typeof FOCUS_CATEGORIES)[number];

export const FOCUS_LABELS: Readonly<Record<FocusCategory, string>> = {
  focus: 'Hoge kwetsbaarheid én lage leefbaarheid',
  hoge_kwetsbaarheid: 'Hoge kwetsbaarheid',
  lage_leefbaarheid: 'Lage leefbaarheid',
  geen_focus: 'Geen van beide',
  onvoldoende_gegevens: 'Onvoldoende gegevens',
};

/** Colour-blind-safe (Okabe–Ito based), distinct from the signal palette's meaning order. */
export const FOCUS_COLOURS: Readonly<Record<FocusCategory, string>> = {
  focus: '#882255',
  hoge_kwetsbaarheid: '#CC79A7',
  lage_leefbaarheid: '#56B4E9',
  geen_focus: '#CCCCCC',
  onvoldoende_gegevens: '#999999',
};

/**
 * The columns {@link assignFocus} adds by name, so code that reads them writes
 * `FOCUS_COLUMN.focus` and a typo is a type error.
 *
 * @example signalen.array(FOCUS_COLUMN.focus)
 */
export const FOCUS_COLUMN = {
  focus_refK: 'focus_refK',
  focus_refO: 'focus_refO',
  focus: 'focus',
} as const;

export interface FocusParams {
  variant: Variant;
  /** Margin above the reference level of K (percentage points) that counts as high. */
  marginK: number;
  /** Margin below the reference level of O (score points) that counts as low. */
  marginO: number;
}

/**
 * Add `focus_refK, focus_refO, focus` to a table with columns K1, O1, inwoners, gemeente, reden
 * (the signal table). Buurten whose current K1 or O1 is missing, or with too few residents,
 * are `onvoldoende_gegevens`.
 */
export function assignFocus(signals: ColumnTable, p: FocusParams): ColumnTable {
  const K = numbers(signals, CH.K1);
  const O = numbers(signals, CH.O1);
  const w = numbers(signals, CH.inwoners);
  const reden = strings(signals, CH.reden);
  const n = K.length;
  // current levels are usable even where the change is not (e.g. K0 missing), but not where the
  // buurt is too small or does not exist on this indeling
  const usable = Array.from({ length: n }, (_, i) => Number.isFinite(K[i]) && Number.isFinite(O[i]) && reden[i] !== REDENEN_ONVOLDOENDE.inwoners);
  let refK: Float64Array;
  let refO: Float64Array;
  if (p.variant === 'relatief') {
    const gm = strings(signals, CH.gemeente);
    refK = leaveOneOutReference(K, w, gm, usable);
    refO = leaveOneOutReference(O, w, gm, usable);
  } else {
    refK = new Float64Array(n).fill(weightedMean(K, w, usable));
    refO = new Float64Array(n).fill(weightedMean(O, w, usable));
  }
  const focus: FocusCategory[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (!usable[i] || Number.isNaN(refK[i]) || Number.isNaN(refO[i])) {
      focus[i] = 'onvoldoende_gegevens';
      continue;
    }
    const high = K[i] - refK[i] > p.marginK;
    const low = O[i] - refO[i] < -p.marginO;
    focus[i] = high && low ? 'focus' : high ? 'hoge_kwetsbaarheid' : low ? 'lage_leefbaarheid' : 'geen_focus';
  }
  return signals.assign({ focus_refK: nullable(refK), focus_refO: nullable(refO), focus } satisfies Record<keyof typeof FOCUS_COLUMN, unknown>);
}
