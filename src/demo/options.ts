/**
 * Options of the synthetic demo region and the two presets: the committed `demo` region
 * (≈ 220 buurten, 4 gemeenten) and `national` (≈ 14,000 buurten, ≈ 350 gemeenten) for benchmarks.
 */
import type { Box } from './voronoi.js';

/** Seed of the committed data/demo. */
export const DEMO_SEED = 20240517;

/** KWB editions written (one per year). */
export const KWB_YEARS: readonly number[] = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022];

/** Leefbaarometer years written (2016 without dimension scores, as published). */
export const LBM_YEARS: readonly number[] = [2014, 2016, 2018, 2020, 2022];

/** First year of the second indeling: the split and the merge take effect in this edition. */
export const INDELING_CHANGE_YEAR = 2019;

/** National reference `lbm − afw` of Leefbaarometer 3.0 (issue 5). */
export const LBM_REFERENCE = 4.1023;

/** Scale preset. */
export type DemoScale = 'demo' | 'national';

/** Everything the generator needs; all of it is written to the README of the output. */
export interface DemoOptions {
  seed: number;
  scale: DemoScale;
  /** Number of base cells (buurten of the later indeling, ± the split and merge). */
  buurten: number;
  gemeenten: number;
  /** Region rectangle in RD New metres. */
  box: Box;
}

/**
 * Options for a preset, optionally with another seed.
 * @example demoOptions('demo').buurten // 220
 */
export function demoOptions(scale: DemoScale = 'demo', seed: number = DEMO_SEED): DemoOptions {
  if (scale === 'national') {
    return { seed, scale, buurten: 14000, gemeenten: 350, box: { x0: 10000, y0: 300000, x1: 280000, y1: 620000 } };
  }
  return { seed, scale, buurten: 220, gemeenten: 4, box: { x0: 150000, y0: 420000, x1: 190000, y1: 460000 } };
}
