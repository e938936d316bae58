/**
 * Parsing a GeoJSON FeatureCollection with its polygon geometries read by a scanner of our own
 * instead of `JSON.parse`, which would make an `[x, y]` array of every position: the scanner
 * writes them packed (src/geo/transfer.ts layout) and the geometries it returns keep them so
 * (src/geo/packed-geometry.ts: the arrays are made only if someone asks for `coordinates`). A
 * full-resolution national file (4.5 M positions) is read this way in a fraction of
 * `JSON.parse`'s time, its 300 MB of position arrays are never made, and the run hands the
 * packed positions to its figure worker as they are (shared memory).
 *
 * The result is the document `JSON.parse` gives (the same numbers: see {@link scanNumber}); a
 * geometry the scanner does not take (another type, other members, positions of three numbers,
 * anything invalid) is parsed by `JSON.parse` and packed from its arrays, and a text that is not
 * plainly a FeatureCollection (see geometrySpans) is left to the caller: null.
 */
import { geometrySpans, parseAroundGeometries, type TextRange } from './geometry-texts.js';
import { packedGeometry, type PackedStore } from '../../geo/packed-geometry.js';

/** Positions and ring structure of every feature of a file, packed (the layout of PackedFeatures). */
export interface PackedGeometries {
  /** x, y of every position, ring after ring (a view of a larger SharedArrayBuffer: the geometries read keep their numbers there). */
  coordinates: Float64Array;
  /** Per feature its kind (0 none, 1 Polygon, 2 MultiPolygon), polygon count (MultiPolygon), ring counts, position counts. */
  structure: Int32Array;
  /** Number of features (the file's, in its order). */
  features: number;
}

/** What {@link parsePacking} returns. */
export interface PackedParse {
  doc: unknown;
  /** The features' geometry spans in the text ({@link geometrySpans}), for a reader that needs them again. */
  spans: Int32Array;
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

/**
 * Growable packed output, rolled back when a geometry is not taken. Its memory is shared
 * (SharedArrayBuffer): the geometries read keep their numbers there (src/geo/packed-geometry.ts),
 * and another thread can be handed the very same numbers without a copy or a transfer.
 */
class Packer {
  coordinates: Float64Array;
  structure: Int32Array;
  c = 0;
  s = 0;
  /** What the geometries taken point into: the final arrays once {@link done}. */
  readonly store: PackedStore;
  constructor(textLength: number) {
    // about 10 characters a number in real files; grown when short (pages never written take
    // no memory)
    this.coordinates = new Float64Array(new SharedArrayBuffer(8 * Math.max(1024, Math.ceil(textLength / 8))));
    this.structure = new Int32Array(new SharedArrayBuffer(4 * 1024));
    this.store = { coordinates: this.coordinates, structure: this.structure };
  }
  number(v: number): void {
    if (this.c === this.coordinates.length) {
      const next = new Float64Array(new SharedArrayBuffer(16 * this.coordinates.length));
      next.set(this.coordinates);
      this.coordinates = next;
    }
    this.coordinates[this.c++] = v;
  }
  /** Reserve a structure slot; returns its index. */
  slot(value = 0): number {
    if (this.s === this.structure.length) {
      const next = new Int32Array(new SharedArrayBuffer(8 * this.structure.length));
      next.set(this.structure);
      this.structure = next;
    }
    this.structure[this.s] = value;
    return this.s++;
  }
  /** The packed output as written (views, not copies: a copy of 70 MB would be kept until the next full collection). */
  done(): PackedStore {
    this.store.coordinates = this.coordinates.subarray(0, this.c);
    this.store.structure = this.structure.subarray(0, this.s);
    return this.store;
  }
}

/**
 * The scanner of one geometry text `{"type":"Polygon"|"MultiPolygon","coordinates":[…]}` (JSON
 * whitespace anywhere, these two members in this order, nothing else), writing its packed form;
 * the geometry it returns makes its arrays from there when they are asked for
 * (src/geo/packed-geometry.ts). Any other text makes {@link geometry} return undefined.
 */
class GeometryScanner {
  private i = 0;
  constructor(
    private readonly text: Buffer,
    private readonly out: Packer,
  ) {}

  private space(): void {
    const t = this.text;
    let c = t[this.i];
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = t[++this.i];
  }

  /** The character `code` (after whitespace), consumed; false when another one comes. */
  private take(code: number): boolean {
    this.space();
    if (this.text[this.i] !== code) return false;
    this.i++;
    return true;
  }

  /** A string without escapes equal to one of `words` (after whitespace), or -1. */
  private word(words: readonly string[]): number {
    this.space();
    const t = this.text;
    if (t[this.i] !== QUOTE) return -1;
    const end = t.indexOf(QUOTE, this.i + 1);
    if (end < 0) return -1;
    const k = words.indexOf(t.toString('latin1', this.i + 1, end));
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
    let c = t[i];
    const negative = c === MINUS;
    if (negative) c = t[++i];
    if (c < ZERO || c > NINE) return NaN;
    let m = 0;
    let digits = 0;
    if (c === ZERO) {
      c = t[++i];
      if (c >= ZERO && c <= NINE) return NaN; // (a leading zero: not JSON)
    } else {
      while (c >= ZERO && c <= NINE) {
        m = m * 10 + (c - ZERO);
        digits++;
        c = t[++i];
      }
    }
    let decimals = 0;
    if (c === DOT) {
      c = t[++i];
      if (c < ZERO || c > NINE) return NaN;
      while (c >= ZERO && c <= NINE) {
        m = m * 10 + (c - ZERO);
        if (m !== 0) digits++;
        decimals++;
        c = t[++i];
      }
    }
    let exponent = false;
    if (c === 0x65 || c === 0x45) {
      exponent = true;
      c = t[++i];
      if (c === 0x2b || c === MINUS) c = t[++i];
      if (c < ZERO || c > NINE) return NaN;
      while (c >= ZERO && c <= NINE) c = t[++i];
    }
    this.i = i;
    if (exponent || digits > 15 || decimals > 22) return Number(t.toString('latin1', start, i));
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

  /** A ring `[[x, y], …]` (possibly empty): its positions to the packed output, its count to a structure slot. */
  private readonly ring = (): boolean => {
    if (!this.take(OPEN)) return false;
    const at = this.out.slot();
    const first = this.out.c;
    if (!this.take(CLOSE)) {
      for (;;) {
        if (!this.position()) return false;
        if (this.take(COMMA)) continue;
        if (!this.take(CLOSE)) return false;
        break;
      }
    }
    this.out.structure[at] = (this.out.c - first) / 2;
    return true;
  };

  /** `[item, item, …]` (possibly empty), each item read by `item`, their number in a structure slot. */
  private list(item: () => boolean): boolean {
    if (!this.take(OPEN)) return false;
    const at = this.out.slot();
    if (this.take(CLOSE)) return true;
    for (let n = 1; ; n++) {
      if (!item()) return false;
      if (this.take(COMMA)) continue;
      if (!this.take(CLOSE)) return false;
      this.out.structure[at] = n;
      return true;
    }
  }

  private readonly polygon = (): boolean => this.list(this.ring);

  /** The geometry of `text[start, end)`, or undefined (the packed output is then to be rolled back). */
  geometry(start: number, end: number): object | undefined {
    this.i = start;
    if (!this.take(BRACE_OPEN) || this.word(['type']) !== 0 || !this.take(COLON)) return undefined;
    const kind = this.word(['Polygon', 'MultiPolygon']);
    if (kind < 0 || !this.take(COMMA) || this.word(['coordinates']) !== 0 || !this.take(COLON)) return undefined;
    const s = this.out.slot(kind + 1);
    const c = this.out.c;
    const read = kind === 0 ? this.polygon() : this.list(this.polygon);
    if (!read || !this.take(BRACE_CLOSE)) return undefined;
    this.space();
    if (this.i !== end) return undefined;
    // (the type given: the store holds the final arrays only when the read is done)
    return packedGeometry({ store: this.out.store, s, c }, kind === 0 ? 'Polygon' : 'MultiPolygon');
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
 * `JSON.parse` of a GeoJSON FeatureCollection in UTF-8 (`text`, its bytes; no BOM), with the
 * polygon geometries scanned and packed on the way; null when the text is not plainly a
 * FeatureCollection or not valid JSON (then parse it whole, which says where it is broken). The
 * structure, keys and numbers the scanner reads are ASCII; the rest (properties, geometries left
 * to JSON.parse) is decoded (`decode`: UTF-8 by default) and parsed. The bytes are read as they
 * are: a file is never copied into one string of its own.
 *
 * @example const r = parsePacking(bytes) ?? { doc: JSON.parse(bytes.toString('utf8')), packed: null }
 */
export function parsePacking(text: Buffer, decode: TextRange = (s, e) => text.toString('utf8', s, e)): PackedParse | null {
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
  const store = out.done();
  const doc = parseAroundGeometries(text, spans, scanned, (k) => geometries[k], decode);
  if (doc === null) return null;
  return { doc, spans, packed: packable ? { coordinates: store.coordinates, structure: store.structure, features: n } : null };
}
