/**
 * Buurten and residents per signal category at one pair of dead bands, with `categorize` from
 * src/signal/categories.ts.
 */
import { categorize, SIGNAL_CATEGORIES, type SignalCategory } from '../signal/categories.js';
import type { CalibrationInput } from './input.js';

/** Counts per category at one threshold pair. */
export interface CountsAt {
  tK: number;
  tO: number;
  buurten: Record<SignalCategory, number>;
  /** Residents per category (null without weights; missing weights count 0). */
  inwoners: Record<SignalCategory, number> | null;
  /** Category index per buurt (into SIGNAL_CATEGORIES). */
  categories: Uint8Array;
}

/**
 * Categorise every buurt at (tK, tO) and count.
 *
 * @example countsAt({ dK, dO }, 1, 2).buurten.veerkracht_onder_druk
 */
export function countsAt(input: CalibrationInput, tK: number, tO: number): CountsAt {
  const cats = categorize(input.dK, input.dO, { tK, tO, refK: input.refK ?? 0, refO: input.refO ?? 0 });
  const b = new Array<number>(5).fill(0);
  const w = new Array<number>(5).fill(0);
  for (let i = 0; i < cats.length; i++) {
    b[cats[i]]++;
    if (input.weights) {
      const wi = input.weights[i];
      if (wi !== null && wi !== undefined && !Number.isNaN(wi)) w[cats[i]] += wi;
    }
  }
  const rec = (arr: number[]): Record<SignalCategory, number> =>
    Object.fromEntries(SIGNAL_CATEGORIES.map((c, i) => [c, arr[i]])) as Record<SignalCategory, number>;
  return { tK, tO, buurten: rec(b), inwoners: input.weights ? rec(w) : null, categories: cats };
}
