/**
 * Guess the field delimiter of a delimited text from its first lines: the candidate that occurs
 * outside quotes the same number of times on most lines wins.
 */

/** Delimiters we consider, in order of preference on a tie. */
export const DELIMITERS = [';', ',', '\t', '|'] as const;

/** A field delimiter {@link sniffDelimiter} can return. */
export type Delimiter = (typeof DELIMITERS)[number];

function countOutsideQuotes(line: string, code: number, inQuote: boolean): { count: number; inQuote: boolean } {
  let count = 0;
  let q = inQuote;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) q = !q;
    else if (!q && c === code) count++;
  }
  return { count, inQuote: q };
}

/**
 * Sniff the delimiter from up to `sampleLines` non-blank lines.
 *
 * For each candidate the most frequent non-zero count per line (the mode) and the share of lines
 * having exactly that count are computed; the highest share wins, then the highest mode, then the
 * order of {@link DELIMITERS}. Text without any candidate gives `,` (a one-column file).
 *
 * @example sniffDelimiter('a;b;c\n1;2,5;3\n') // ';'
 */
export function sniffDelimiter(text: string, sampleLines = 30): Delimiter {
  const lines: string[] = [];
  let pos = 0;
  while (lines.length < sampleLines && pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const l = text.slice(pos, end).replace(/\r$/, '');
    if (l.trim() !== '' && l.trim() !== '""') lines.push(l);
    pos = end + 1;
  }
  let best: { d: Delimiter; share: number; mode: number } | null = null;
  for (const d of DELIMITERS) {
    const code = d.charCodeAt(0);
    const counts: number[] = [];
    let inQuote = false;
    for (const l of lines) {
      const r = countOutsideQuotes(l, code, inQuote);
      // a line that ends inside a quote continues the previous record: add its count there
      if (inQuote && counts.length > 0) counts[counts.length - 1] += r.count;
      else counts.push(r.count);
      inQuote = r.inQuote;
    }
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeFreq = 0;
    for (const [c, f] of freq) if (f > modeFreq || (f === modeFreq && c > mode)) [mode, modeFreq] = [c, f];
    if (mode === 0) continue;
    const share = Math.round((modeFreq / counts.length) * 20) / 20;
    if (best === null || share > best.share || (share === best.share && mode > best.mode)) best = { d, share, mode };
  }
  return best ? best.d : ',';
}
