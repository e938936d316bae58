/**
 * Compare schemes: a table of scheme × k with GADF and ADCM, and the mapclassify
 * `KClassifiers` choice (the scheme reaching the GADF threshold with the fewest classes; ties go
 * to the higher GADF, Fisher-Jenks first).
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { isUserError } from '../util/errors.js';
import { chooseKByGadf, type ChosenK } from './choose-k.js';
import { classify, type ClassifyOptions } from './classify.js';
import type { SchemeName } from './types.js';

/** The schemes with a k that {@link compareSchemes} and {@link bestScheme} try by default. */
export const K_SCHEMES: readonly SchemeName[] = ['fisher_jenks', 'quantiles', 'equal_interval', 'maximum_breaks', 'natural_breaks'];

/**
 * Table with one row per scheme × k: scheme, k, effective_k, gadf, adcm, tss, error (a scheme
 * that cannot form k classes gets null measures and the reason).
 *
 * @param ks the k values to try (default 2..9)
 * @example compareSchemes(values).filter(d => d.k === 5)
 */
export function compareSchemes(
  values: ArrayLike<number | null | undefined>,
  schemes: readonly SchemeName[] = K_SCHEMES,
  ks: readonly number[] = [2, 3, 4, 5, 6, 7, 8, 9],
  extra: Partial<ClassifyOptions> = {},
): ColumnTable {
  const rows: Record<string, unknown>[] = [];
  for (const scheme of schemes) {
    for (const k of ks) {
      try {
        const c = classify(values, { ...extra, scheme, k });
        rows.push({ scheme, k, effective_k: c.effectiveK, gadf: c.gadf, adcm: c.adcm, tss: c.tss, error: null });
      } catch (e) {
        if (!isUserError(e)) throw e;
        rows.push({ scheme, k, effective_k: null, gadf: null, adcm: null, tss: null, error: e.message });
      }
    }
  }
  return aq.from(rows);
}

/** The winner of {@link bestScheme} and every scheme's own choice. */
export interface BestScheme {
  best: ChosenK & { scheme: SchemeName };
  results: Record<string, ChosenK>;
}

/**
 * mapclassify `KClassifiers`: for each scheme the smallest k with GADF > pct (k up to n − 1 or
 * maxK); the best is the one with the smallest k, ties broken by the higher GADF, Fisher-Jenks
 * considered first.
 *
 * @example bestScheme(calemp).best // { scheme: 'fisher_jenks', k: 4, gadf: 0.8481… }
 */
export function bestScheme(
  values: ArrayLike<number | null | undefined>,
  pct = 0.8,
  schemes: readonly SchemeName[] = ['fisher_jenks', 'quantiles', 'natural_breaks', 'maximum_breaks'],
  maxK = 15,
): BestScheme {
  const results: Record<string, ChosenK> = {};
  let best: (ChosenK & { scheme: SchemeName }) | null = null;
  for (const scheme of schemes) {
    let r: ChosenK;
    try {
      r = chooseKByGadf(values, { scheme }, pct, maxK);
    } catch (e) {
      if (isUserError(e)) continue;
      throw e;
    }
    results[scheme] = r;
    if (best === null || r.k < best.k || (r.k === best.k && r.gadf > best.gadf)) best = { ...r, scheme };
  }
  if (best === null) throw new Error('bestScheme: no scheme could classify the values');
  return { best, results };
}
