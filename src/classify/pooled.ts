/**
 * Pooled classification (mapclassify `Pooled`): one set of bins computed on all years/columns
 * together, then applied to each, so maps of different years are comparable.
 */
import { classify, classifyWithBins, type ClassifyOptions } from './classify.js';
import type { Classification } from './types.js';

/** Result of {@link classifyPooled}. */
export interface PooledClassification {
  /** The classification of all values together (the shared bins). */
  global: Classification;
  /** Each input classified with the shared bins, in input order. */
  columns: Classification[];
}

/**
 * Classify several columns with one set of bins.
 *
 * @param columns value arrays (years or columns); missing values allowed
 * @param options scheme options (weights are not supported here)
 * @example classifyPooled([a2019, a2023], { scheme: 'quantiles', k: 5 }).columns[1].counts
 */
export function classifyPooled(
  columns: readonly ArrayLike<number | null | undefined>[],
  options: Omit<ClassifyOptions, 'weights'>,
): PooledClassification {
  const all: (number | null | undefined)[] = [];
  for (const col of columns) for (let i = 0; i < col.length; i++) all.push(col[i]);
  const global = classify(all, options);
  const cols = columns.map((col) => {
    const c = classifyWithBins(col, global.bins, global.scheme);
    c.params = { ...global.params, pooled: true };
    c.requestedK = global.requestedK;
    return c;
  });
  return { global, columns: cols };
}
