/**
 * Scheme names as users type them: our snake_case names, PySAL mapclassify's class names
 * (`FisherJenks`, `Quantiles`, `EqualInterval`, `HeadTailBreaks`, `StdMean`, `BoxPlot`,
 * `MaximumBreaks`, `NaturalBreaks`, `Percentiles`, `UserDefined`), with hyphens, underscores or
 * spaces, in any case, plus common short names (`jenks`).
 */
import { SCHEME_NAMES, type SchemeName } from './types.js';

const loose = (s: string): string => s.trim().toLowerCase().replace(/[\s_-]+/g, '');

/** Extra spellings (in loose form: lower case, no separators) and the scheme they mean. */
export const SCHEME_ALIASES: Readonly<Record<string, SchemeName>> = {
  jenks: 'fisher_jenks',
  quantile: 'quantiles',
  equalintervals: 'equal_interval',
  maxbreaks: 'maximum_breaks',
  headtail: 'head_tail_breaks',
  boxplots: 'box_plot',
  percentile: 'percentiles',
  userdefinedbins: 'user_defined',
  stddev: 'std_mean',
};

/**
 * The scheme a user-typed name means, or null when it names none.
 *
 * @param name - e.g. `FisherJenks`, `fisher-jenks`, `QUANTILES`, `jenks`.
 * @returns the snake_case scheme name, or null.
 * @example schemeFromUserName('FisherJenks') // 'fisher_jenks'
 * @example schemeFromUserName('Jenks-Caspall') // null (not implemented)
 */
export function schemeFromUserName(name: string): SchemeName | null {
  const key = loose(name);
  if (key === '') return null;
  return SCHEME_NAMES.find((s) => loose(s) === key) ?? SCHEME_ALIASES[key] ?? null;
}
