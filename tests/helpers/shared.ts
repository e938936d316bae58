import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Path of a file in the real open data beside the project (`../shared/data/…`). The data is
 * read in place, never copied into the repository. Missing data is a failure, not a skip:
 * CI always has shared/ beside the clone.
 */
export function sharedData(rel: string): string {
  const p = fileURLToPath(new URL(`../../../shared/data/${rel}`, import.meta.url));
  if (!existsSync(p)) throw new Error(`real open data not found: ${p} (expected ../shared/data beside the project)`);
  return p;
}

/** Path of a published reference-vector file in `../shared/vectors/`. */
export function sharedVector(name: string): string {
  const p = fileURLToPath(new URL(`../../../shared/vectors/${name}`, import.meta.url));
  if (!existsSync(p)) throw new Error(`reference vectors not found: ${p}`);
  return p;
}
