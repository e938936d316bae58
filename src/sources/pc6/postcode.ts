/**
 * Dutch postcodes and house numbers as people type them: `1234 ab`, `1234AB`, `12-A`, `12a`.
 * The CBS postcode-huisnummer table uses `1234AB` and integer house numbers.
 */

/**
 * Normalise a postcode to `1234AB`: spaces removed, letters upper-cased. Returns null for
 * anything that is not four digits (first not 0) followed by two letters.
 *
 * @example normalizePostcode(' 1234 ab ') // '1234AB'
 * @example normalizePostcode('0123AB') // null
 */
export function normalizePostcode(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const s = String(raw).replace(/\s+/g, '').toUpperCase();
  return /^[1-9]\d{3}[A-Z]{2}$/.test(s) ? s : null;
}

/** A house number split into its number and addition (huisletter / toevoeging). */
export interface Huisnummer {
  huisnummer: number;
  /** Addition, upper-cased without separators (`12-a` → `A`), or null. */
  toevoeging: string | null;
}

/**
 * Split a house number cell (`12`, `12a`, `12 A`, `12-2`, `12 bis`) into number and addition;
 * an addition given separately is appended. Returns null when no leading positive integer.
 *
 * @example splitHuisnummer('12-a') // { huisnummer: 12, toevoeging: 'A' }
 * @example splitHuisnummer(7, 'hs') // { huisnummer: 7, toevoeging: 'HS' }
 */
export function splitHuisnummer(raw: unknown, toevoeging?: unknown): Huisnummer | null {
  if (raw === null || raw === undefined) return null;
  const m = /^\s*0*([1-9]\d{0,4})(?:\.0+)?\s*[-/ ]?\s*(.*?)\s*$/.exec(String(raw));
  if (!m) return null;
  const parts = [m[2], toevoeging === null || toevoeging === undefined ? '' : String(toevoeging)]
    .map((p) => p.replace(/[\s\-/]+/g, '').toUpperCase())
    .filter((p) => p !== '');
  return { huisnummer: Number(m[1]), toevoeging: parts.length > 0 ? parts.join('') : null };
}
