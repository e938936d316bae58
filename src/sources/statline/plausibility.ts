/**
 * Plausibility checks on assembled StatLine columns: percentages outside 0–100, negative counts
 * and repeated region codes. They warn (with a count and examples) and never change a value:
 * CBS publishes what it publishes, but a hand-edited export should not pass unnoticed.
 */
import { KWB_CONCEPTS } from './concepts.js';
import type { TopicInfo } from './properties.js';
import { keyStem } from './titles.js';

const STEM_UNIT = new Map<string, string>();
for (const c of KWB_CONCEPTS) for (const s of c.keyStems) STEM_UNIT.set(s.toLowerCase(), c.unit);

/**
 * The unit of a topic: its own (DataProperties, titles export) or that of the harmonised KWB
 * concept its key stem belongs to (keys-only CSV exports carry no units).
 *
 * @example topicUnit({ key: 'InBezitWoningcorporatie_42' }) // '%'
 */
export function topicUnit(info: TopicInfo): string | undefined {
  if (info.unit !== undefined && info.unit.trim() !== '') return info.unit.trim();
  return STEM_UNIT.get(keyStem(info.key).toLowerCase());
}

/**
 * Warnings for values a unit rules out: a `%` below 0 or above 100, an `aantal` below 0.
 *
 * @param info the topic (key, unit)
 * @param values the typed column
 * @param where row index → location text (`line 12`)
 * @returns a warning naming column, unit, count and up to three examples, or null
 * @example rangeWarning({ key: 'p', unit: '%' }, [50, 120], (r) => `row ${r}`) // 'column "p" (%): 1 value outside 0–100, e.g. row 1: 120'
 */
export function rangeWarning(info: TopicInfo, values: readonly (number | null)[], where: (r: number) => string): string | null {
  const unit = topicUnit(info);
  if (unit === undefined) return null;
  const u = unit.toLowerCase();
  let test: ((x: number) => boolean) | null = null;
  let what = '';
  if (u === '%') {
    test = (x) => x < 0 || x > 100;
    what = 'outside 0–100';
  } else if (u === 'aantal') {
    test = (x) => x < 0;
    what = 'below 0 (a count)';
  }
  if (test === null) return null;
  let n = 0;
  const ex: string[] = [];
  for (let r = 0; r < values.length; r++) {
    const x = values[r];
    if (x === null || !test(x)) continue;
    n++;
    if (ex.length < 3) ex.push(`${where(r)}: ${x}`);
  }
  if (n === 0) return null;
  return `column ${JSON.stringify(info.key)} (${unit}): ${n} value${n === 1 ? '' : 's'} ${what}, e.g. ${ex.join('; ')}`;
}

/**
 * A warning for region codes that occur more than once within the same values of the other
 * dimensions (e.g. `Perioden`), or null.
 *
 * @param codes normalised code per row (null when none)
 * @param dims the other dimension columns' values per row (empty for a one-period KWB export)
 * @param where row index → location text
 * @example duplicateCodeWarning(['GM0363', 'GM0363'], [], (r) => `line ${r + 2}`) // '1 row repeats a region code (…), e.g. line 3: GM0363'
 */
export function duplicateCodeWarning(
  codes: readonly (string | null)[],
  dims: readonly (readonly unknown[])[],
  where: (r: number) => string,
): string | null {
  const seen = new Set<string>();
  let n = 0;
  const ex: string[] = [];
  for (let r = 0; r < codes.length; r++) {
    const c = codes[r];
    if (c === null) continue;
    const key = dims.length === 0 ? c : `${c}\u0000${dims.map((d) => String(d[r])).join('\u0000')}`;
    if (!seen.has(key)) {
      seen.add(key);
      continue;
    }
    n++;
    if (ex.length < 3) ex.push(`${where(r)}: ${c}`);
  }
  if (n === 0) return null;
  return `${n} row${n === 1 ? ' repeats' : 's repeat'} a region code (joins by code will see it twice), e.g. ${ex.join('; ')}`;
}
