/**
 * A small Windows-1252 encoder for the Excel-Dutch corporation exports (no dependency): ASCII and
 * Latin-1 map to themselves, the 0x80–0x9F block holds € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ.
 */

const HIGH: Readonly<Record<number, number>> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/**
 * Encode text as Windows-1252.
 * @throws Error for a character that Windows-1252 cannot represent
 * @example encodeCp1252('Poëzie') // bytes 50 6f eb 7a 69 65
 */
export function encodeCp1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[n++] = c;
    else if (HIGH[c] !== undefined) out[n++] = HIGH[c];
    else throw new Error(`encodeCp1252: U+${c.toString(16).toUpperCase().padStart(4, '0')} has no Windows-1252 byte`);
  }
  return out.subarray(0, n);
}
