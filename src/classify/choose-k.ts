/**
 * Choose k by GADF (mapclassify `gadf`): the smallest k ≥ 2 whose goodness of absolute deviation
 * fit exceeds a threshold (default 0.8), searching up to maxK.
 */
import { classify, type ClassifyOptions } from './classify.js';
import type { Classification } from './types.js';

/** Result of {@link chooseKByGadf}. */
export interface ChosenK {
  k: number;
  gadf: number;
  /** False when no k up to maxK exceeded the threshold (then k = maxK, as mapclassify). */
  reached: boolean;
  classification: Classification;
}

/**
 * Smallest k in 2..maxK with GADF > pct.
 *
 * @param values values (missing allowed)
 * @param options scheme and its options (k is varied)
 * @param pct GADF threshold (default 0.8)
 * @param maxK largest k tried (default 15)
 * @example chooseKByGadf(calemp, { scheme: 'quantiles' }).gadf // 0.3740257590909283 (k = 15, not reached)
 */
export function chooseKByGadf(
  values: ArrayLike<number | null | undefined>,
  options: Omit<ClassifyOptions, 'k'>,
  pct = 0.8,
  maxK = 15,
): ChosenK {
  let last: Classification | null = null;
  for (let k = 2; k <= maxK; k++) {
    const c = classify(values, { ...options, k } as ClassifyOptions);
    last = c;
    if (c.gadf > pct) return { k, gadf: c.gadf, reached: true, classification: c };
  }
  const c = last as Classification;
  return { k: maxK, gadf: c.gadf, reached: false, classification: c };
}
