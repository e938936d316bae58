/**
 * The buurt → wijk → gemeente hierarchy of a set of region codes (from a loaded KWB table or any
 * code list), derived from the codes themselves, with a report of parents that are not in the set.
 */
import type { RegionLevel } from './codes.js';
import { gemeenteOf, normalizeRegionCode, regionLevel, wijkOf } from './codes.js';

/** Number of distinct codes per level. */
export type LevelCounts = Record<RegionLevel, number>;

/**
 * Count distinct valid codes per level (invalid and null codes are ignored; see `invalid`).
 *
 * @example countByLevel(['NL00', 'GM0363', 'BU03630000']) // { land: 1, gemeente: 1, wijk: 0, buurt: 1, invalid: 0 }
 */
export function countByLevel(codes: Iterable<unknown>): LevelCounts & { invalid: number } {
  const seen = new Set<string>();
  const out = { land: 0, gemeente: 0, wijk: 0, buurt: 0, invalid: 0 };
  for (const raw of codes) {
    if (raw === null || raw === undefined || raw === '') continue;
    const c = normalizeRegionCode(raw);
    if (c === null) {
      out.invalid++;
      continue;
    }
    if (seen.has(c)) continue;
    seen.add(c);
    out[regionLevel(c)!]++;
  }
  return out;
}

/** One buurt with its wijk and gemeente. */
export interface BuurtParents {
  buurt: string;
  wijk: string;
  gemeente: string;
}

/** The hierarchy of a code set. */
export interface RegionHierarchy {
  /** Every buurt with its parents, sorted by buurt code. */
  buurten: BuurtParents[];
  /** Every wijk with its gemeente, sorted. */
  wijken: { wijk: string; gemeente: string }[];
  gemeenten: string[];
  /** Wijken referenced by a buurt but absent from the set (sorted). */
  missingWijken: string[];
  /** Gemeenten referenced by a wijk or buurt but absent from the set (sorted). */
  missingGemeenten: string[];
}

/**
 * Build the hierarchy of a set of codes (padded or prefixed codes are normalised first).
 *
 * @example regionHierarchy(['GM0344', 'WK034401', 'BU03440101']).buurten
 * // [{ buurt: 'BU03440101', wijk: 'WK034401', gemeente: 'GM0344' }]
 */
export function regionHierarchy(codes: Iterable<unknown>): RegionHierarchy {
  const all = new Set<string>();
  for (const raw of codes) {
    const c = normalizeRegionCode(raw);
    if (c !== null) all.add(c);
  }
  const buurten: BuurtParents[] = [];
  const wijken: { wijk: string; gemeente: string }[] = [];
  const gemeenten: string[] = [];
  const missingW = new Set<string>();
  const missingG = new Set<string>();
  for (const c of [...all].sort()) {
    const lvl = regionLevel(c);
    if (lvl === 'buurt') {
      const w = wijkOf(c)!;
      const g = gemeenteOf(c)!;
      buurten.push({ buurt: c, wijk: w, gemeente: g });
      if (!all.has(w)) missingW.add(w);
      if (!all.has(g)) missingG.add(g);
    } else if (lvl === 'wijk') {
      const g = gemeenteOf(c)!;
      wijken.push({ wijk: c, gemeente: g });
      if (!all.has(g)) missingG.add(g);
    } else if (lvl === 'gemeente') gemeenten.push(c);
  }
  return { buurten, wijken, gemeenten, missingWijken: [...missingW].sort(), missingGemeenten: [...missingG].sort() };
}

/**
 * Codes of the children of a region within a code set (`GM0344` → its wijken; `WK034401` → its buurten).
 *
 * @example childrenOf('WK034401', ['BU03440101', 'BU03440102', 'BU03440201']) // ['BU03440101', 'BU03440102']
 */
export function childrenOf(parent: string, codes: Iterable<unknown>): string[] {
  const p = normalizeRegionCode(parent);
  if (p === null) return [];
  const lvl = regionLevel(p);
  const out = new Set<string>();
  for (const raw of codes) {
    const c = normalizeRegionCode(raw);
    if (c === null) continue;
    const cl = regionLevel(c);
    if (lvl === 'land' && cl === 'gemeente') out.add(c);
    else if (lvl === 'gemeente' && cl === 'wijk' && gemeenteOf(c) === p) out.add(c);
    else if (lvl === 'wijk' && cl === 'buurt' && wijkOf(c) === p) out.add(c);
  }
  return [...out].sort();
}
