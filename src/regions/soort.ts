/**
 * StatLine's `SoortRegio` ("Land", "Gemeente", "Wijk", "Buurt", space padded) and its English
 * download variants ("Country", "Municipality", "District", "Neighbourhood") as region levels.
 */
import type { RegionLevel } from './codes.js';

const SOORT: Record<string, RegionLevel> = {
  land: 'land',
  nederland: 'land',
  country: 'land',
  gemeente: 'gemeente',
  municipality: 'gemeente',
  wijk: 'wijk',
  district: 'wijk',
  buurt: 'buurt',
  neighbourhood: 'buurt',
  neighborhood: 'buurt',
};

/**
 * The level named by a `SoortRegio` value, or null when empty or unknown.
 *
 * @example soortRegioLevel('Gemeente  ') // 'gemeente'
 * @example soortRegioLevel('Neighbourhood') // 'buurt'
 */
export function soortRegioLevel(value: unknown): RegionLevel | null {
  if (value === null || value === undefined) return null;
  return SOORT[String(value).trim().toLowerCase()] ?? null;
}

/** The Dutch `SoortRegio` label of a level (`buurt` → `Buurt`). */
export function soortRegioLabel(level: RegionLevel): string {
  return level.charAt(0).toUpperCase() + level.slice(1);
}
