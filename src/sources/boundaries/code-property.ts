/**
 * Which property of a boundary file holds the region code, and which its name. CBS and PDOK files
 * use `statcode`, `buurtcode`, `bu_code`, `wk_code`, `gm_code`, `gwb_code`, `BU_CODE`…; others a
 * plain `code` or the feature `id`.
 */
import { normalizeRegionCode, regionLevel } from '../../regions/codes.js';
import type { RegionLevel } from '../types.js';

/** Code property names tried in this order (case-insensitive). */
export const CODE_PROPERTY_CANDIDATES = [
  'statcode', 'buurtcode', 'wijkcode', 'gemeentecode', 'bu_code', 'wk_code', 'gm_code', 'gwb_code',
  'gwb_code_10', 'regiocode', 'code',
] as const;

/** Name property names tried in this order (case-insensitive). */
export const NAME_PROPERTY_CANDIDATES = [
  'statnaam', 'buurtnaam', 'wijknaam', 'gemeentenaam', 'bu_naam', 'wk_naam', 'gm_naam', 'gwb_naam', 'regionaam', 'naam', 'name',
] as const;

/** The level a property name implies (`bu_code` → buurt), if any. */
export function levelOfPropertyName(name: string): RegionLevel | undefined {
  const s = name.toLowerCase();
  if (/^(bu_|buurt)/.test(s)) return 'buurt';
  if (/^(wk_|wijk)/.test(s)) return 'wijk';
  if (/^(gm_|gemeente)/.test(s)) return 'gemeente';
  return undefined;
}

const BARE: Record<number, RegionLevel> = { 8: 'buurt', 6: 'wijk', 4: 'gemeente' };

/**
 * Normalise one raw code. Prefixed codes (`BU…`, `WK…`, `GM…`) keep their level; bare digit
 * codes get the level hint (property name or option) or else the level of their length
 * (8 digits buurt, 6 wijk, 4 gemeente).
 *
 * @example normalizeBoundaryCode('BU03440111') // 'BU03440111'
 * @example normalizeBoundaryCode('0344', undefined) // 'GM0344'
 */
export function normalizeBoundaryCode(raw: unknown, hint?: RegionLevel): string | null {
  // a prefixed code keeps its own level (a level mismatch is reported by the caller)
  const direct = normalizeRegionCode(raw);
  if (direct !== null) return direct;
  if (hint !== undefined) return normalizeRegionCode(raw, hint);
  if (typeof raw === 'number' || typeof raw === 'string') {
    const s = String(raw).trim();
    const lvl = /^\d+$/.test(s) ? BARE[s.length] : undefined;
    if (lvl) return normalizeRegionCode(s, lvl);
  }
  return null;
}

function findKey(keys: readonly string[], name: string): string | undefined {
  return keys.find((k) => k.toLowerCase() === name.toLowerCase());
}

/** A feature as far as code detection cares. */
export interface CodedFeature {
  id?: unknown;
  properties: Record<string, unknown> | null;
}

/** The detected code source: a property name, or `id` for the feature id. */
export interface CodeSource {
  /** Property name as in the file, or `id`. */
  property: string;
  /** True when the code comes from the feature id rather than a property. */
  fromId: boolean;
  /** Level implied by the property name, used for bare codes. */
  hint?: RegionLevel;
}

function share(features: readonly CodedFeature[], get: (f: CodedFeature) => unknown, hint?: RegionLevel): number {
  const sample = features.slice(0, 500);
  if (sample.length === 0) return 0;
  let ok = 0;
  for (const f of sample) if (normalizeBoundaryCode(get(f), hint) !== null) ok++;
  return ok / sample.length;
}

/**
 * Detect where the codes are: the given property, else the first candidate whose values are
 * mostly (≥ 50 %) region codes, else the feature id, else any property that holds codes.
 * Returns null when nothing holds region codes.
 */
export function detectCodeSource(features: readonly CodedFeature[], codeProperty?: string): CodeSource | null {
  const keys = [...new Set(features.slice(0, 50).flatMap((f) => Object.keys(f.properties ?? {})))];
  if (codeProperty !== undefined) {
    if (codeProperty === 'id') return { property: 'id', fromId: true };
    const k = findKey(keys, codeProperty);
    return k === undefined ? null : { property: k, fromId: false, hint: levelOfPropertyName(k) };
  }
  for (const c of CODE_PROPERTY_CANDIDATES) {
    const k = findKey(keys, c);
    if (k === undefined) continue;
    const hint = levelOfPropertyName(k);
    if (share(features, (f) => f.properties?.[k], hint) >= 0.5) return { property: k, fromId: false, hint };
  }
  if (share(features, (f) => f.id) >= 0.5) return { property: 'id', fromId: true };
  for (const k of keys) {
    const v = features[0]?.properties?.[k];
    if (typeof v !== 'string' || regionLevel(v.trim().toUpperCase()) === null) continue;
    if (share(features, (f) => f.properties?.[k]) >= 0.5) return { property: k, fromId: false };
  }
  return null;
}

/** The name property, if the file has one of the usual ones. */
export function detectNameProperty(features: readonly CodedFeature[]): string | undefined {
  const keys = [...new Set(features.slice(0, 50).flatMap((f) => Object.keys(f.properties ?? {})))];
  for (const c of NAME_PROPERTY_CANDIDATES) {
    const k = findKey(keys, c);
    if (k !== undefined) return k;
  }
  return undefined;
}

/** The names of all properties seen in the first features (for error messages). */
export function propertyNames(features: readonly CodedFeature[]): string[] {
  return [...new Set(features.slice(0, 50).flatMap((f) => Object.keys(f.properties ?? {})))];
}
