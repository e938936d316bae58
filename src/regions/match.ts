/**
 * Every join reports what did not match: codes only on the left, only on the right, and
 * duplicates on either side. Nothing is dropped without being counted.
 */

/** What a join between two code lists found. */
export interface MatchReport {
  /** Label of the left and right inputs (e.g. `KWB 2017`, `buurten 2023`). */
  left: string;
  right: string;
  matched: number;
  /** Codes present only on the left / only on the right, sorted. */
  onlyLeft: string[];
  onlyRight: string[];
  /** Codes that occur more than once on a side, sorted. */
  duplicatesLeft: string[];
  duplicatesRight: string[];
}

function duplicates(codes: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const c of codes) (seen.has(c) ? dup : seen).add(c);
  return [...dup].sort();
}

/**
 * Compare two lists of codes (null/empty codes are counted as unmatched on their side as `""`).
 *
 * @example matchCodes(['BU1', 'BU2'], ['BU2', 'BU3']) // matched 1, onlyLeft ['BU1'], onlyRight ['BU3']
 */
export function matchCodes(
  leftCodes: readonly string[],
  rightCodes: readonly string[],
  labels: { left: string; right: string } = { left: 'left', right: 'right' },
): MatchReport {
  // tables hold null for a missing code: count it as the unmatched code "" (as documented), so
  // it sorts first and serialises as a string instead of slipping into the lists as null
  const clean = (codes: readonly string[]): string[] => codes.map((c) => (c === null || c === undefined ? '' : c));
  leftCodes = clean(leftCodes);
  rightCodes = clean(rightCodes);
  const l = new Set(leftCodes);
  const r = new Set(rightCodes);
  let matched = 0;
  for (const c of l) if (r.has(c)) matched++;
  return {
    left: labels.left,
    right: labels.right,
    matched,
    onlyLeft: [...l].filter((c) => !r.has(c)).sort(),
    onlyRight: [...r].filter((c) => !l.has(c)).sort(),
    duplicatesLeft: duplicates(leftCodes),
    duplicatesRight: duplicates(rightCodes),
  };
}
