/**
 * Seeded uniform numbers for k-means starts, bootstraps and permutations: the project's
 * mulberry32 generator (src/util/rng.ts, Tommy Ettinger 2017) as a plain function.
 */
import { Rng } from '../util/rng.js';

/**
 * A function returning uniform numbers in [0, 1) from a 32-bit seed.
 *
 * @example const r = seededRandom(42); r(); // same sequence for the same seed
 */
export function seededRandom(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.uniform();
}
