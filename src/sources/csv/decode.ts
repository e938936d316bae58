/**
 * Decode the bytes of a delimited text file: strip a byte-order mark, take UTF-8 when the bytes
 * are valid UTF-8 and Windows-1252 otherwise (Excel's "CSV" on Dutch Windows), UTF-16 when a
 * UTF-16 BOM says so (Excel's "Unicode text").
 */
import { VeerkrachtError } from '../../util/errors.js';

/** The largest file read as one text (below V8's string limit of 2^29 − 24 characters). */
export const MAX_TEXT_BYTES = 500 * 2 ** 20;

/** Text encodings {@link decodeText} can return. */
export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Decoded text plus what was detected. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** True when the file started with a byte-order mark (removed from `text`). */
  bom: boolean;
}

// Windows-1252 code points for bytes 0x80–0x9F (undefined bytes map to themselves, as browsers do).
// Node's TextDecoder('windows-1252') decodes these bytes as Latin-1 control characters, so we map them.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decode Windows-1252 bytes (the full code page, including `€`, curly quotes and dashes at 0x80–0x9F).
 *
 * @example decodeWindows1252(new Uint8Array([0x80, 0x20, 0xe9])) // '€ é'
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode.apply(null, codes));
  }
  return parts.join('');
}

/**
 * Decode file bytes: BOM detection, then strict UTF-8 with a Windows-1252 fallback when the
 * bytes are not valid UTF-8.
 *
 * @param bytes the whole file (or its head, for sniffing)
 * @param options `encoding` forces an encoding instead of detecting it; `partial` says the bytes are
 *   only the head of a file, so a UTF-8 sequence cut at the end is not taken as invalid
 * @returns the text without BOM, the encoding used and whether a BOM was present
 * @example decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // { text: 'a', encoding: 'utf-8', bom: true }
 */
export function decodeText(
  bytes: Uint8Array,
  options: { encoding?: TextEncodingName; partial?: boolean; file?: string } = {},
): DecodedText {
  if (bytes.length > MAX_TEXT_BYTES) {
    // V8 strings hold at most 2^29 − 24 characters: past that a read fails with "Invalid string length"
    throw new VeerkrachtError('file too large to read as one text', {
      file: options.file,
      expected: `at most ${MAX_TEXT_BYTES / 2 ** 20} MiB: split it (per gemeente or per year), or aggregate it first (CBS microdata: DuckDB)`,
      found: `${Math.round(bytes.length / 2 ** 20)} MiB`,
    });
  }
  let bom = false;
  let body = bytes;
  let enc: TextEncodingName | undefined = options.encoding;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bom = true;
    body = bytes.subarray(3);
    enc = enc ?? 'utf-8';
  } else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    bom = true;
    body = bytes.subarray(2);
    enc = enc ?? 'utf-16le';
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    bom = true;
    body = bytes.subarray(2);
    enc = enc ?? 'utf-16be';
  }
  if (enc === 'windows-1252') return { text: decodeWindows1252(body), encoding: enc, bom };
  if (enc === 'utf-16le' || enc === 'utf-16be') {
    return { text: new TextDecoder(enc, { ignoreBOM: true }).decode(body), encoding: enc, bom };
  }
  if (enc === 'utf-8') return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), encoding: enc, bom };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body, { stream: options.partial === true }), encoding: 'utf-8', bom };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252', bom };
  }
}
