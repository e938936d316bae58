/**
 * Leefbaarometer 3.0 years. Scores exist for 2002, 2008, 2012, 2014, 2016, 2018, 2020 and 2022
 * (2024 published later); the five dimensions only from 2014 on and not for 2016.
 */

/** Years of the Leefbaarometer 3.0 series (2024 added when published). */
export const LEEFBAAROMETER_YEARS: readonly number[] = [2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022, 2024];

/** The five dimensions whose sum is `afw`. */
export const LBM_DIMENSIONS = ['fys', 'onv', 'soc', 'vrz', 'won'] as const;

/** One of {@link LBM_DIMENSIONS}. */
export type LbmDimension = (typeof LBM_DIMENSIONS)[number];

/** All score columns of a Leefbaarometer file, in file order. */
export const LBM_SCORES = ['lbm', 'afw', ...LBM_DIMENSIONS] as const;

/**
 * Whether the Leefbaarometer publishes dimension scores for a year: from 2014 on, except 2016.
 *
 * @example hasDimensions(2016) // false
 * @example hasDimensions(2018) // true
 */
export function hasDimensions(jaar: number): boolean {
  return jaar >= 2014 && jaar !== 2016;
}
