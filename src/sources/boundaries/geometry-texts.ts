/**
 * Reading a second GeoJSON year without parsing what it shares with the first: the boundary
 * files of two years hold most buurten with exactly the same geometry, down to the characters.
 * The geometry texts of the first file read are kept (by their bytes: files in UTF-8 are read as
 * bytes, never copied into one string); a later file's features whose geometry text is one of
 * them get that geometry (a copy of the object, sharing its arrays or its packed numbers) and
 * only the rest of the file is parsed. The result is the document `JSON.parse` would give;
 * whenever anything is unusual (not a FeatureCollection of objects, a key written with an
 * escape, a duplicate key, invalid JSON) the caller parses the whole text instead.
 */
import { copyGeometry } from '../../geo/packed-geometry.js';

/**
 * Geometry texts of a file read before, with the geometry each parsed to: by a hash of the
 * text's length and a sample of its characters (cheap for texts of megabytes; a lookup
 * compares the texts themselves).
 */
export interface GeometryTextIndex {
  /** By {@link spanHash}: each text (a view of the file's bytes) and its geometry. */
  readonly texts: Map<number, { text: Buffer; geometry: unknown }[]>;
  /** Features of later files that took a geometry from the index instead of parsing it. */
  reused: number;
  /**
   * Texts to be added when the index is first looked in ({@link rememberGeometryTextsLater}):
   * the run reads its first file, hands it on and only then needs the index, for the second.
   */
  pending: (() => void) | null;
}

/**
 * An empty {@link GeometryTextIndex}; pass it to the reads of both years (the first fills it).
 *
 * @example const texts = createGeometryTextIndex(); // readBoundaries(t1, { geometryTexts: texts }), then t0
 */
export function createGeometryTextIndex(): GeometryTextIndex {
  return { texts: new Map(), reused: 0, pending: null };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * The byte spans of the `geometry` values of the features of a GeoJSON FeatureCollection (its
 * UTF-8 bytes): `[start, end)` per feature (`-1, -1` when it has none), or null when the text is
 * not plainly an object with one `features` array of objects with at most one `geometry` each
 * (keys at those two levels must be written without escapes). Values are skipped by their
 * brackets and strings, not checked: the caller checks the text with `JSON.parse`.
 *
 * @example geometrySpans(Buffer.from('{"features":[{"geometry":null}]}')) // Int32Array [25, 29]
 */
export function geometrySpans(text: Buffer): Int32Array | null {
  const n = text.length;
  let i = 0;
  const space = () => {
    while (i < n && isSpace(text[i])) i++;
  };
  /** A string from i (at its quote) to after its closing quote; false when it does not close. */
  const skipString = (): boolean => {
    i++;
    while (i < n) {
      const c = text[i];
      if (c === QUOTE) {
        i++;
        return true;
      }
      i += c === BACKSLASH ? 2 : 1;
    }
    return false;
  };
  /** A key without escapes, or null. */
  const key = (): string | null => {
    if (text[i] !== QUOTE) return null;
    const start = i + 1;
    if (!skipString()) return null;
    const k = text.toString('latin1', start, i - 1);
    return k.includes('\\') ? null : k;
  };
  /**
   * An object from i to just after it by its braces alone (outside strings: brackets nest
   * within them in valid JSON), jumping from brace to brace and string to string with
   * `indexOf`; false when a string holds an escape (then the value is scanned character by
   * character) or the text ends.
   */
  const skipObject = (): boolean => {
    let pos = i + 1;
    let depth = 1;
    let open = text.indexOf(0x7b, pos);
    let close = text.indexOf(0x7d, pos);
    let quote = text.indexOf(QUOTE, pos);
    for (;;) {
      if (close < 0) return false;
      if (quote >= 0 && quote < close && (open < 0 || quote < open)) {
        const end = text.indexOf(QUOTE, quote + 1);
        if (end < 0) return false;
        for (let k = quote + 1; k < end; k++) if (text[k] === BACKSLASH) return false;
        pos = end + 1;
        quote = text.indexOf(QUOTE, pos);
        if (open >= 0 && open < pos) open = text.indexOf(0x7b, pos);
        if (close < pos) close = text.indexOf(0x7d, pos);
      } else if (open >= 0 && open < close) {
        depth++;
        pos = open + 1;
        open = text.indexOf(0x7b, pos);
      } else {
        pos = close + 1;
        if (--depth === 0) {
          i = pos;
          return true;
        }
        close = text.indexOf(0x7d, pos);
      }
    }
  };
  /** Any value from i to just after it (brackets and strings matched), false at the end of the text. */
  const skipValue = (): boolean => {
    const c = text[i];
    if (c === QUOTE) return skipString();
    if (c === 0x7b && skipObject()) return true;
    if (c === 0x7b || c === 0x5b) {
      let depth = 0;
      while (i < n) {
        const d = text[i];
        if (d === QUOTE) {
          if (!skipString()) return false;
          continue;
        }
        if (d === 0x7b || d === 0x5b) depth++;
        else if (d === 0x7d || d === 0x5d) {
          depth--;
          if (depth === 0) {
            i++;
            return true;
          }
        }
        i++;
      }
      return false;
    }
    const start = i;
    while (i < n) {
      const d = text[i];
      if (d === 0x2c || d === 0x7d || d === 0x5d || isSpace(d)) break;
      i++;
    }
    return i > start;
  };
  /** Members of the object at i: `onMember(key)` is called with i at the value and must leave i after it. */
  const members = (onMember: (k: string) => boolean): boolean => {
    if (text[i] !== 0x7b) return false;
    i++;
    space();
    if (text[i] === 0x7d) {
      i++;
      return true;
    }
    for (;;) {
      space();
      const k = key();
      if (k === null) return false;
      space();
      if (text[i] !== 0x3a) return false;
      i++;
      space();
      if (!onMember(k)) return false;
      space();
      const c = text[i];
      i++;
      if (c === 0x7d) return true;
      if (c !== 0x2c) return false;
    }
  };

  const spans: number[] = [];
  let features = 0;
  space();
  const ok = members((k) => {
    if (k !== 'features') return skipValue();
    if (features++ > 0 || text[i] !== 0x5b) return false;
    i++;
    space();
    if (text[i] === 0x5d) {
      i++;
      return true;
    }
    for (;;) {
      space();
      let start = -1;
      let end = -1;
      const element = members((m) => {
        if (m !== 'geometry') return skipValue();
        if (start >= 0) return false;
        start = i;
        const done = skipValue();
        end = i;
        return done;
      });
      if (!element) return false;
      spans.push(start, end);
      space();
      const c = text[i];
      i++;
      if (c === 0x5d) return true;
      if (c !== 0x2c) return false;
    }
  });
  space();
  if (!ok || features !== 1 || i !== n) return null;
  return Int32Array.from(spans);
}

/** Characters of a geometry text that go into its hash (beside its length), spread over it. */
const TEXT_SAMPLES = 64;

/** Hash of `text[start, end)`: its length and {@link TEXT_SAMPLES} characters (FNV-1a). */
function spanHash(text: Buffer, start: number, end: number): number {
  const n = end - start;
  let h = Math.imul(0x811c9dc5 ^ n, 0x01000193);
  const step = n <= TEXT_SAMPLES ? 1 : n / TEXT_SAMPLES;
  for (let k = 0; k < n && k < TEXT_SAMPLES; k++) h = Math.imul(h ^ text[start + Math.floor(k * step)], 0x01000193);
  return (h >>> 0) + n * 0x100000000;
}

/** The geometry of an indexed text equal to `text[start, end)`, or undefined. */
function lookup(index: GeometryTextIndex, text: Buffer, start: number, end: number): unknown {
  const list = index.texts.get(spanHash(text, start, end));
  if (!list) return undefined;
  const t = text.subarray(start, end);
  for (const e of list) if (e.text.equals(t)) return e.geometry;
  return undefined;
}

/**
 * {@link rememberGeometryTexts}, done when the index is first looked in (by
 * {@link parseWithGeometryTexts}, or {@link fillGeometryTexts}) instead of now.
 *
 * @example rememberGeometryTextsLater(t1Text, t1Doc, texts) // … parseWithGeometryTexts(t0Text, texts)
 */
export function rememberGeometryTextsLater(text: Buffer, doc: unknown, index: GeometryTextIndex, spans?: Int32Array | null): void {
  index.pending = () => rememberGeometryTexts(text, doc, index, spans);
}

/** Add the texts left for later ({@link rememberGeometryTextsLater}) to the index now. */
export function fillGeometryTexts(index: GeometryTextIndex): void {
  const pending = index.pending;
  index.pending = null;
  pending?.();
}

/**
 * Keep the geometry texts of a parsed FeatureCollection (`text`: its UTF-8 bytes without BOM;
 * `doc` is their `JSON.parse`) in the index, as views of those bytes. Nothing is kept when the
 * text is unusual (see {@link geometrySpans}). `known`: the text's geometry spans when a reader
 * made them already (parsePacking).
 */
export function rememberGeometryTexts(text: Buffer, doc: unknown, index: GeometryTextIndex, known?: Int32Array | null): void {
  const features = (doc as { features?: unknown })?.features;
  if (!Array.isArray(features)) return;
  const spans = known ?? geometrySpans(text);
  if (spans === null || spans.length !== 2 * features.length) return;
  for (let f = 0; f < features.length; f++) {
    const s = spans[2 * f];
    const g = (features[f] as { geometry?: unknown } | null)?.geometry;
    if (s < 0 || g === null || typeof g !== 'object') continue;
    const e = spans[2 * f + 1];
    if (lookup(index, text, s, e) !== undefined) continue;
    const key = spanHash(text, s, e);
    const entry = { text: text.subarray(s, e), geometry: g };
    const list = index.texts.get(key);
    if (list) list.push(entry);
    else index.texts.set(key, [entry]);
  }
}

/**
 * `JSON.parse` of a FeatureCollection in UTF-8 (`text`, its bytes without BOM), with every
 * geometry whose text (its bytes) is in the index taken from there (a copy of the object: the
 * same coordinate arrays or packed numbers, see copyGeometry in src/geo/packed-geometry.ts)
 * instead of being parsed; the rest is decoded (`decode`: UTF-8 by default) and parsed. Null when
 * that is not possible or the text is not valid JSON: then parse it whole. Equal bytes of two
 * UTF-8 files are equal texts.
 *
 * @example parseWithGeometryTexts(t0Bytes, texts) ?? JSON.parse(t0Bytes.toString('utf8'))
 */
export function parseWithGeometryTexts(text: Buffer, index: GeometryTextIndex, decode: TextRange = (s, e) => text.toString('utf8', s, e)): unknown {
  fillGeometryTexts(index);
  if (index.texts.size === 0) return null;
  const spans = geometrySpans(text);
  if (spans === null) return null;
  const taken: number[] = [];
  const geometries: object[] = [];
  for (let f = 0; 2 * f < spans.length; f++) {
    const s = spans[2 * f];
    if (s < 0) continue;
    const g = lookup(index, text, s, spans[2 * f + 1]);
    if (g === undefined) continue;
    taken.push(f);
    geometries.push(g as object);
  }
  if (taken.length === 0) return null;
  const doc = parseAroundGeometries(text, spans, taken, (k) => copyGeometry(geometries[k]), decode);
  if (doc !== null) index.reused += taken.length;
  return doc;
}

/** The text of bytes `[start, end)` of a scanned file (decoded). */
export type TextRange = (start: number, end: number) => string;

/**
 * `JSON.parse` of a FeatureCollection (its bytes; spans of {@link geometrySpans}) with the
 * geometry values of the features `replaced` (in increasing order) left out of the parse and set
 * afterwards, feature `replaced[k]` to `geometry(k)`; the text between them is taken through
 * `decode`. Null when the rest is not valid JSON or not those features with those geometries.
 *
 * @example parseAroundGeometries(bytes, geometrySpans(bytes)!, [0], () => parsedElsewhere, (s, e) => bytes.toString('utf8', s, e))
 */
export function parseAroundGeometries(text: Buffer, spans: Int32Array, replaced: readonly number[], geometry: (k: number) => unknown, decode: TextRange): unknown {
  const parts: string[] = [];
  let from = 0;
  for (const f of replaced) {
    parts.push(decode(from, spans[2 * f]), 'null');
    from = spans[2 * f + 1];
  }
  parts.push(decode(from, text.length));
  let doc: unknown;
  try {
    doc = JSON.parse(parts.join(''));
  } catch {
    return null;
  }
  const features = (doc as { features?: unknown })?.features;
  if (!Array.isArray(features) || 2 * features.length !== spans.length) return null;
  for (let k = 0; k < replaced.length; k++) {
    const f = features[replaced[k]] as { geometry?: unknown } | null;
    if (f === null || typeof f !== 'object' || f.geometry !== null) return null;
    f.geometry = geometry(k);
  }
  return doc;
}
