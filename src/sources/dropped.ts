/**
 * Counting rows that are read but not kept, by reason, with a few examples each, so every
 * loader's LoadReport balances (rowsRead = rowsKept + Σ dropped.count) the same way.
 */
import type { DroppedRows } from './types.js';

/** How many examples a reason keeps (line numbers or codes a user can look up). */
export const DROPPED_EXAMPLES = 5;

/**
 * Count one dropped row under `reason`, keeping the first few examples.
 *
 * @example const drops = new Map(); countDropped(drops, 'invalid code', 'line 12: "BUx"')
 */
export function countDropped(drops: Map<string, DroppedRows>, reason: string, example: string): void {
  let d = drops.get(reason);
  if (!d) drops.set(reason, (d = { reason, count: 0, examples: [] }));
  d.count++;
  if (d.examples.length < DROPPED_EXAMPLES) d.examples.push(example);
}
