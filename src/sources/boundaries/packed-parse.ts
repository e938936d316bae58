/**
 * Parsing a GeoJSON FeatureCollection with its polygon geometries read by a scanner of our own
 * instead of `JSON.parse`, which writes every position twice on the way: as the `[x, y]` array
 * the document holds and packed (src/geo/transfer.ts layout) for another thread. A full-resolution
 * national file (4.5 M positions) is read this way in a fraction of `JSON.parse`'s time with its
 * garbage collection, and the run hands the packed positions to its figure worker without
 * packing them again.
 *
 * The result is the document `JSON.parse` gives (the same numbers: see {@link scanNumber}); a
 * geometry the scanner does not take (another type, other members, positions of three numbers,
 * anything invalid) is parsed by `JSON.parse` and packed from its arrays, and a text that is not
 * plainly a FeatureCollection (see geometrySpans) is left to the caller: null.
 */
import { geometrySpans, parseAroundGeometries, type TextRange } from './geometry-texts.js';

/** Positions and ring structure of every feature of a file, packed (the layout of PackedFeatures). */
export interface PackedGeometries {
  /** x, y of every position, ring after ring (a view of a larger buffer: transfer its `buffer`). */
  coordinates: Float64Array;
  /** Per feature its kind (0 none, 1 Polygon, 2 MultiPolygon), polygon count (MultiPolygon), ring counts, position counts. */
  structure: Int32Array;
  /** Number of features (the file's, in its order). */
  features: number;
}

/** What {@link parsePacking} returns. */
export interface PackedParse {
  doc: unknown;
  /** Null when a geometry was not an array of polygons of positions (the caller validates and drops it). */
  packed: PackedGeometries | null;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const BRACE_OPEN = 0x7b;
const BRACE_CLOSE = 0x7d;

/** 10^k for k ≤ 22: every one is exact in binary64. */
const POW10: number[] = [];
for (let k = 0, p = 1; k <= 22; k++, p *= 10) POW10.push(p);

/** Growable packed output, rolled back when a geometry is not taken. */
class Packer {
  coordinates: Float64Array;
  structure: Int32Array;
  c = 0;
  s = 0;
  constructor(textLength: number) {
    // about 10 characters a number in real files; grown when short
    this.coordinates = new Float64Array(Math.max(1024, Math.ceil(textLength / 8)));
    this.structure = new Int32Array(1024);
  }
  number(v: number): void {
    if (this.c === this.coordinates.length) {
      const next = new Float64Array(this.coordinates.length * 2);
      next.set(this.coordinates);
      this.coordinates = next;
    }
    this.coordinates[this.c++] = v;
  }
  /** Reserve a structure slot; returns its index. */
  slot(value = 0): number {
    if (this.s === this.structure.length) {
      const next = new Int32Array(this.structure.length * 2);
      next.set(this.structure);
      this.structure = next;
    }
    this.structure[this.s] = value;
    return this.s++;
  }
}

/**
 * The scanner of one geometry text `{"type":"Polygon"|"MultiPolygon","coordinates":[…]}` (JSON
 * whitespace anywhere, these two members in this order, nothing else), writing the arrays and
 * the packed form at once. Any other text makes {@link geometry} return undefined.
 */
class GeometryScanner {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly out: Packer,
  ) {}

  private space(): void {
    const t = this.text;
    let c = t.charCodeAt(this.i);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = t.charCodeAt(++this.i);
  }

  /** The character `code` (after whitespace), consumed; false when another one comes. */
  private take(code: number): boolean {
    this.space();
    if (this.text.charCodeAt(this.i) !== code) return false;
    this.i++;
    return true;
  }

  /** A string without escapes equal to one of `words` (after whitespace), or -1. */
  private word(words: readonly string[]): number {
    this.space();
    const t = this.text;
    if (t.charCodeAt(this.i) !== QUOTE) return -1;
    const end = t.indexOf('"', this.i + 1);
    if (end < 0) return -1;
    const k = words.indexOf(t.slice(this.i + 1, end));
    this.i = end + 1;
    return k;
  }

  /**
   * A JSON number (after whitespace) as `JSON.parse` reads it, or NaN when the text there is no
   * JSON number. Up to 15 significant digits without exponent the value is the integer of the
   * digits divided by 10^(decimals): both exact doubles, so the one division is correctly rounded,
   * as JSON.parse's conversion is (Clinger's fast path). Longer numbers and exponents go to
   * `Number()`, which converts a JSON number's text to the same double.
   */
  private scanNumber(): number {
    this.space();
    const t = this.text;
    const start = this.i;
    let i = start;
    let c = t.charCodeAt(i);
    const negative = c === MINUS;
    if (negative) c = t.charCodeAt(++i);
    if (c < ZERO || c > NINE) return NaN;
    let m = 0;
    let digits = 0;
    if (c === ZERO) {
      c = t.charCodeAt(++i);
      if (c >= ZERO && c <= NINE) return NaN; // (a leading zero: not JSON)
    } else {
      while (c >= ZERO && c <= NINE) {
        m = m * 10 + (c - ZERO);
        digits++;
        c = t.charCodeAt(++i);
      }
    }
    let decimals = 0;
    if (c === DOT) {
      c = t.charCodeAt(++i);
      if (c < ZERO || c > NINE) return NaN;
      while (c >= ZERO && c <= NINE) {
        m = m * 10 + (c - ZERO);
        if (m !== 0) digits++;
        decimals++;
        c = t.charCodeAt(++i);
      }
    }
    let exponent = false;
    if (c === 0x65 || c === 0x45) {
      exponent = true;
      c = t.charCodeAt(++i);
      if (c === 0x2b || c === MINUS) c = t.charCodeAt(++i);
      if (c < ZERO || c > NINE) return NaN;
      while (c >= ZERO && c <= NINE) c = t.charCodeAt(++i);
    }
    this.i = i;
    if (exponent || digits > 15 || decimals > 22) return Number(t.slice(start, i));
    const v = decimals === 0 ? m : m / POW10[decimals];
    return negative ? -v : v;
  }

  /** `[x, y]`, exactly two numbers, into the packed output; false otherwise. */
  private position(): boolean {
    if (!this.take(OPEN)) return false;
    const x = this.scanNumber();
    if (x !== x || !this.take(COMMA)) return false;
    const y = this.scanNumber();
    if (y !== y || !this.take(CLOSE)) return false;
    this.out.number(x);
    this.out.number(y);
    return true;
  }

  /**
   * A ring `[[x, y], …]` (possibly empty): its positions go to the packed output, its count to a
   * structure slot, and its array is made afterwards from the packed numbers, at its exact
   * length (an array grown position by position leaves its outgrown copies behind as garbage).
   */
  private readonly ring = (): number[][] | undefined => {
    if (!this.take(OPEN)) return undefined;
    const at = this.out.slot();
    const first = this.out.c;
    if (!this.take(CLOSE)) {
      for (;;) {
        if (!this.position()) return undefined;
        if (this.take(COMMA)) continue;
        if (!this.take(CLOSE)) return undefined;
        break;
      }
    }
    const n = (this.out.c - first) / 2;
    this.out.structure[at] = n;
    const c = this.out.coordinates;
    const ring = new Array<number[]>(n);
    for (let k = 0, i = first; k < n; k++, i += 2) ring[k] = [c[i], c[i + 1]];
    return ring;
  };

  /** `[item, item, …]` (possibly empty), each item read by `item`, their number in a structure slot. */
  private list<T>(item: () => T | undefined): T[] | undefined {
    if (!this.take(OPEN)) return undefined;
    const at = this.out.slot();
    const items: T[] = [];
    if (this.take(CLOSE)) return items;
    for (;;) {
      const v = item();
      if (v === undefined) return undefined;
      items.push(v);
      if (this.take(COMMA)) continue;
      if (!this.take(CLOSE)) return undefined;
      this.out.structure[at] = items.length;
      return items;
    }
  }

  private readonly polygon = (): number[][][] | undefined => this.list(this.ring);

  /** The geometry of `text[start, end)`, or undefined (the packed output is then to be rolled back). */
  geometry(start: number, end: number): { type: string; coordinates: unknown } | undefined {
    this.i = start;
    if (!this.take(BRACE_OPEN) || this.word(['type']) !== 0 || !this.take(COLON)) return undefined;
    const kind = this.word(['Polygon', 'MultiPolygon']);
    if (kind < 0 || !this.take(COMMA) || this.word(['coordinates']) !== 0 || !this.take(COLON)) return undefined;
    this.out.slot(kind + 1);
    const coordinates = kind === 0 ? this.polygon() : this.list(this.polygon);
    if (coordinates === undefined || !this.take(BRACE_CLOSE)) return undefined;
    this.space();
    if (this.i !== end) return undefined;
    return { type: kind === 0 ? 'Polygon' : 'MultiPolygon', coordinates };
  }
}

/** Pack a geometry `JSON.parse` made (as packFeatures does); false when it is not polygons of positions. */
function packParsed(g: unknown, out: Packer): boolean {
  if (g === null || typeof g !== 'object') {
    out.slot(0);
    return g === null;
  }
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  const polygon = (p: unknown): boolean => {
    if (!Array.isArray(p)) return false;
    out.slot(p.length);
    for (const r of p) {
      if (!Array.isArray(r)) return false;
      out.slot(r.length);
      for (const q of r) {
        if (!Array.isArray(q) || typeof q[0] !== 'number' || typeof q[1] !== 'number') return false;
        out.number(q[0]);
        out.number(q[1]);
      }
    }
    return true;
  };
  if (type === 'Polygon') {
    out.slot(1);
    return polygon(coordinates);
  }
  if (type === 'MultiPolygon' && Array.isArray(coordinates)) {
    out.slot(2);
    out.slot(coordinates.length);
    return coordinates.every(polygon);
  }
  return false;
}

/**
 * `JSON.parse(text)` for a GeoJSON FeatureCollection, with the polygon geometries scanned into
 * arrays and packed on the way; null when the text is not plainly a FeatureCollection or not
 * valid JSON (then parse it whole, which says where it is broken).
 *
 * `text` may also be the file's bytes one character each (Latin-1) with `decode` giving the real
 * text of a range of them: the structure, keys and numbers the scanner reads are ASCII, and the
 * rest (properties, geometries left to JSON.parse) is parsed from `decode` (see read.ts).
 *
 * @example const r = parsePacking(text) ?? { doc: JSON.parse(text), packed: null }
 */
export function parsePacking(text: string, decode: TextRange = (s, e) => text.slice(s, e)): PackedParse | null {
  const spans = geometrySpans(text);
  if (spans === null) return null;
  const n = spans.length / 2;
  const out = new Packer(text.length);
  const scanner = new GeometryScanner(text, out);
  const scanned: number[] = [];
  const geometries: unknown[] = [];
  let packable = true;
  for (let f = 0; f < n; f++) {
    const s = spans[2 * f];
    const e = spans[2 * f + 1];
    if (s < 0) {
      out.slot(0);
      continue;
    }
    const c0 = out.c;
    const s0 = out.s;
    let g: unknown = scanner.geometry(s, e);
    if (g === undefined) {
      // not the plain form: as JSON.parse reads it (an invalid text: the whole file is parsed)
      out.c = c0;
      out.s = s0;
      try {
        g = JSON.parse(decode(s, e));
      } catch {
        return null;
      }
      if (packable && !packParsed(g, out)) packable = false;
    }
    scanned.push(f);
    geometries.push(g);
  }
  const doc = parseAroundGeometries(text, spans, scanned, (k) => geometries[k], decode);
  if (doc === null) return null;
  // views, not copies: a copy of 70 MB would stay in memory until the next full collection, and
  // the unused end of the buffer was never written (no memory taken)
  return {
    doc,
    packed: packable ? { coordinates: out.coordinates.subarray(0, out.c), structure: out.structure.subarray(0, out.s), features: n } : null,
  };
}
