/**
 * GeoJSON export of buurten with their indicators and categories, as RFC 7946 asks: WGS84
 * longitude/latitude (RD input is reprojected with src/geo), no `crs` member, exterior rings
 * counter-clockwise and holes clockwise, coordinates rounded to 6 decimals (≈ 0.1 m).
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Crs, RegionFeature } from '../sources/boundaries/types.js';
import { VeerkrachtError } from '../util/errors.js';
import { RdToWgs84Cache } from '../geo/projection.js';
import { packFeatures, type PackedFeatures } from '../geo/transfer.js';
import { POW10, writeFixedDecimal } from '../util/decimal.js';

/** Attribute values written as feature properties (NaN and undefined become null). */
export type ExportValue = string | number | boolean | null;

/** Options for {@link toGeoJson}. */
export interface GeoJsonOptions {
  /** CRS of the input features. */
  crs: Crs;
  /** Properties per region code (indicators, categories); merged after `code` and `name`. */
  attributes?: ReadonlyMap<string, Readonly<Record<string, ExportValue | undefined>>>;
  /** Decimals of the coordinates (default 6). */
  digits?: number;
  /**
   * The geometry texts, made ahead of time (see {@link geoJsonGeometries}): of all features, or of
   * consecutive runs of them, in order (made apart by two threads); ignored when made for other
   * features or options.
   */
  geometries?: GeoJsonGeometries | readonly GeoJsonGeometries[];
  /**
   * The properties' JSON of every feature, made ahead of time by {@link geoJsonProperties} with
   * the same attributes (used by {@link geoJsonBytes}; ignored when the count differs).
   */
  properties?: readonly string[];
}

/**
 * Attributes per region code from an arquero table or rows (e.g. indicators joined with the
 * signal categories), for {@link GeoJsonOptions.attributes}.
 *
 * @param codeColumn Column with the region code (default `code`).
 * @throws VeerkrachtError when a row has no code or a code appears twice.
 * @example toGeoJson(features, { crs, attributes: attributesByCode(signalen.objects()) })
 */
export function attributesByCode(
  input: readonly Record<string, unknown>[] | { objects(): object[] },
  codeColumn = 'code',
): Map<string, Record<string, ExportValue>> {
  const rows = (Array.isArray(input) ? input : (input as { objects(): object[] }).objects()) as Record<string, unknown>[];
  const out = new Map<string, Record<string, ExportValue>>();
  rows.forEach((r, i) => {
    const code = r[codeColumn];
    if (typeof code !== 'string' || code === '') {
      throw new VeerkrachtError('row without region code', { line: i + 1, column: codeColumn, expected: 'a region code', found: JSON.stringify(code) ?? 'undefined' });
    }
    if (out.has(code)) throw new VeerkrachtError('region code appears twice', { line: i + 1, column: codeColumn, expected: 'one row per region', found: code });
    const rec: Record<string, ExportValue> = {};
    for (const k of Object.keys(r)) if (k !== codeColumn) rec[k] = exportValue(r[k]);
    out.set(code, rec);
  });
  return out;
}

/** A property value cleaned for JSON: NaN/±Infinity/undefined → null. */
export function exportValue(v: unknown): ExportValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * A FeatureCollection in WGS84 for the given buurten (one feature each, in input order),
 * with `code`, `name` and the attributes of its code.
 *
 * @throws VeerkrachtError for a non-finite coordinate or a ring with fewer than 4 positions.
 * @example toGeoJson(boundaries.features, { crs: boundaries.crs, attributes })
 */
export function toGeoJson(features: readonly RegionFeature[], o: GeoJsonOptions): FeatureCollection<Polygon | MultiPolygon> {
  const rr = new RingRounder(o);
  const poly = (rings: Position[][], code: string, fi: number): Position[][] =>
    rings.map((r, i) => {
      const n = rr.round(r, i === 0, code, fi);
      const q: Position[] = [];
      for (let k = 0; k < n; k++) q.push([rr.x[k], rr.y[k]]);
      return q;
    });
  return {
    type: 'FeatureCollection',
    features: features.map((ft, fi) => {
      const g = ft.geometry;
      const code = ft.properties.code;
      const geometry: Polygon | MultiPolygon =
        g.type === 'Polygon' ? { type: 'Polygon', coordinates: poly(g.coordinates, code, fi) } : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => poly(p, code, fi)) };
      return { type: 'Feature', geometry, properties: exportProperties(ft, o) };
    }),
  };
}

/**
 * The text of `JSON.stringify(toGeoJson(features, o))` in pieces of about a megabyte, so that a
 * national full-resolution file is written without holding all its converted features, or its
 * whole text, at once (the pieces of {@link geoJsonBytes}, decoded).
 *
 * @example for (const piece of geoJsonText(features, o)) out.write(piece)
 */
export function* geoJsonText(features: readonly RegionFeature[], o: GeoJsonOptions): Generator<string> {
  for (const piece of geoJsonBytes(features, o)) yield piece.toString('utf8');
}

/**
 * The UTF-8 bytes of `JSON.stringify(toGeoJson(features, o))` in pieces of about a megabyte,
 * each ending at a feature (so each is whole UTF-8). The coordinates are written as digits straight
 * from the rounded integers (see {@link writeFixedDecimal}): no position array, number string or text
 * of the whole file is made.
 *
 * Every piece is a view of one buffer that the next piece overwrites: use (write) a piece before
 * asking for the next, or copy it.
 *
 * @example for (const piece of geoJsonBytes(features, o)) writeSync(fd, piece)
 */
export function* geoJsonBytes(features: readonly RegionFeature[], o: GeoJsonOptions): Generator<Buffer> {
  const given = o.geometries === undefined ? [] : 'count' in o.geometries ? [o.geometries as GeoJsonGeometries] : o.geometries;
  const digits = o.digits ?? 6;
  const made = given.length > 0 && given.reduce((n, p) => n + p.count, 0) === features.length && given.every((p) => p.crs === o.crs && p.digits === digits) ? given : null;
  const out = new FeatureWriter(features, o);
  if (made === null) yield* out.features(0, features.length, null);
  else {
    let from = 0;
    for (const run of made) {
      yield* out.features(from, from + run.count, run);
      from += run.count;
    }
  }
  yield out.end();
}

/** Features `from` … `to − 1` of signalen.geojson and the like, with the geometry texts of a run made elsewhere (see {@link geoJsonBytesOfRuns}). */
export interface GeoJsonRun {
  from: number;
  to: number;
  /** The geometry texts of those features, or null: then they are made where the file is written. */
  texts: GeoJsonGeometries | null;
}

/**
 * {@link geoJsonBytes} with the geometry texts of the features coming run after run (in order,
 * covering all features), each written as soon as it comes: the file can be written while the
 * texts of later runs are still being made (full resolution: the CLI's two threads make them).
 * A run without texts, or made with other options, is written here. The same bytes as
 * `geoJsonBytes(features, { ...o, geometries: runs' texts })`.
 *
 * @example for await (const piece of geoJsonBytesOfRuns(features, o, runs())) writeSync(fd, piece)
 */
export async function* geoJsonBytesOfRuns(features: readonly RegionFeature[], o: GeoJsonOptions, runs: AsyncIterable<GeoJsonRun>): AsyncGenerator<Buffer> {
  const digits = o.digits ?? 6;
  const out = new FeatureWriter(features, o);
  let next = 0;
  for await (const run of runs) {
    if (run.from !== next || run.to < run.from || run.to > features.length) throw new RangeError(`geoJsonBytesOfRuns: run ${run.from}–${run.to} where feature ${next} was due`);
    const texts = run.texts !== null && run.texts.count === run.to - run.from && run.texts.crs === o.crs && run.texts.digits === digits ? run.texts : null;
    yield* out.features(run.from, run.to, texts);
    next = run.to;
  }
  if (next !== features.length) throw new RangeError(`geoJsonBytesOfRuns: runs end at feature ${next} of ${features.length}`);
  yield out.end();
}

/** The text of {@link geoJsonBytes}, feature after feature, in pieces of about {@link CHUNK} bytes (views of one buffer). */
class FeatureWriter {
  private readonly rr: RingRounder;
  private readonly w = new ByteText();
  private readonly props: readonly string[] | null;
  constructor(
    private readonly all: readonly RegionFeature[],
    private readonly o: GeoJsonOptions,
  ) {
    this.rr = new RingRounder(o);
    this.props = o.properties !== undefined && o.properties.length === all.length ? o.properties : null;
    this.w.ascii('{"type":"FeatureCollection","features":[');
  }

  /** Features `from` … `to − 1`, their geometry texts from `texts` (feature `from` its first) or written here. */
  *features(from: number, to: number, texts: GeoJsonGeometries | null): Generator<Buffer> {
    const { w, rr, props, all, o } = this;
    for (let fi = from; fi < to; fi++) {
      const ft = all[fi];
      w.ascii(fi === 0 ? '{"type":"Feature","geometry":{"type":"' : ',{"type":"Feature","geometry":{"type":"');
      if (texts !== null) {
        const { bytes, ends } = texts;
        const k = fi - from;
        w.copy(bytes, k === 0 ? 0 : ends[k - 1], ends[k]);
      } else writeGeometry(w, rr, ft, fi);
      w.ascii('},"properties":');
      w.utf8(props !== null ? props[fi] : propertiesJson(ft, o));
      w.byte(0x7d); // }
      if (w.length >= CHUNK) yield w.take();
    }
  }

  /** The end of the collection, and what is left of the text. */
  end(): Buffer {
    this.w.ascii(']}');
    return this.w.take();
  }
}

/**
 * The geometries of {@link geoJsonBytes} made ahead of time, elsewhere (the CLI's figure worker
 * makes them while the signals are computed): each feature's geometry text as that function
 * writes it, one after the other.
 */
export interface GeoJsonGeometries {
  /** The options they were made with: {@link geoJsonBytes} uses them only for the same. */
  crs: Crs;
  digits: number;
  /** Number of features. */
  count: number;
  /** The texts, UTF-8. */
  bytes: Uint8Array;
  /** Where the text of feature i ends (it starts where that of i − 1 ends). */
  ends: Uint32Array;
}

/**
 * The geometry texts of `features` for {@link GeoJsonOptions.geometries}.
 *
 * @throws VeerkrachtError as {@link geoJsonBytes} does, for the same features.
 * @example geoJsonBytes(features, { crs, attributes, geometries: geoJsonGeometries(features, { crs }) })
 */
export function geoJsonGeometries(features: readonly RegionFeature[], o: Pick<GeoJsonOptions, 'crs' | 'digits'>): GeoJsonGeometries {
  return geoJsonGeometriesPacked(packFeatures(features), o);
}

/**
 * {@link geoJsonGeometries} of features packed for another thread (src/geo/transfer.ts), read
 * straight from the packed coordinates: a thread that is handed a full-resolution file's
 * millions of positions writes their GeoJSON without making a position array of each. The bytes
 * are a view of a buffer of their own (transfer `bytes.buffer`).
 *
 * @throws VeerkrachtError as {@link geoJsonBytes} does; Error for a feature without geometry.
 */
export function geoJsonGeometriesPacked(packed: PackedFeatures, o: Pick<GeoJsonOptions, 'crs' | 'digits'>): GeoJsonGeometries {
  const { coordinates, structure, properties } = packed;
  const rr = new RingRounder(o);
  // about 21 bytes a position at 6 decimals (`[4.123456,52.123456],`), and the rest per feature
  const w = new ByteText(12 * coordinates.length + 64 * properties.length + 1024);
  const ends = new Uint32Array(properties.length);
  let s = 0;
  let c = 0;
  const polygon = (code: string, fi: number) =>
    writeRings(w, rr, structure[s++], (_, exterior) => {
      const len = structure[s++];
      const n = rr.roundFlat(coordinates, c, len, exterior, code, fi);
      c += len;
      return n;
    });
  for (let fi = 0; fi < properties.length; fi++) {
    const code = properties[fi].code;
    const kind = structure[s++];
    if (kind === 1) {
      w.ascii('Polygon","coordinates":');
      polygon(code, fi);
    } else if (kind === 2) {
      const n = structure[s++];
      w.ascii('MultiPolygon","coordinates":[');
      for (let k = 0; k < n; k++) {
        if (k > 0) w.byte(COMMA);
        polygon(code, fi);
      }
      w.byte(CLOSE);
    } else throw new Error(`geoJsonGeometriesPacked: feature ${code ?? fi} has no geometry`);
    ends[fi] = w.length;
  }
  return { crs: o.crs, digits: o.digits ?? 6, count: properties.length, bytes: new Uint8Array(w.bytes.buffer, w.bytes.byteOffset, w.length), ends };
}

/**
 * The properties of each feature as {@link geoJsonBytes} writes them (JSON), for
 * {@link GeoJsonOptions.properties}: made while the geometry texts are still being made elsewhere.
 *
 * @example geoJsonBytes(features, { crs, attributes, properties: geoJsonProperties(features, { attributes }) })
 */
export function geoJsonProperties(features: readonly RegionFeature[], o: Pick<GeoJsonOptions, 'attributes'>): string[] {
  const out = new Array<string>(features.length);
  for (let i = 0; i < features.length; i++) out[i] = propertiesJson(features[i], o);
  return out;
}

/** The geometry of one feature, from its type on: `Polygon","coordinates":[…]`. */
function writeGeometry(w: ByteText, rr: RingRounder, ft: RegionFeature, fi: number): void {
  const g = ft.geometry;
  const code = ft.properties.code;
  if (g.type === 'Polygon') {
    w.ascii('Polygon","coordinates":');
    writePolygon(w, rr, g.coordinates, code, fi);
  } else {
    w.ascii('MultiPolygon","coordinates":[');
    g.coordinates.forEach((p, k) => {
      if (k > 0) w.byte(COMMA);
      writePolygon(w, rr, p, code, fi);
    });
    w.byte(CLOSE);
  }
}

/** Properties of one exported feature: `code`, `name`, then the attributes of its code (cleaned). */
function exportProperties(ft: RegionFeature, o: Pick<GeoJsonOptions, 'attributes'>): Record<string, ExportValue> {
  const code = ft.properties.code;
  const props: Record<string, ExportValue> = { code, name: exportValue(ft.properties.name) };
  const extra = o.attributes?.get(code);
  if (extra !== undefined) for (const k of Object.keys(extra)) if (k !== 'code') props[k] = exportValue(extra[k]);
  return props;
}

/**
 * `JSON.stringify(exportProperties(ft, o))`. When the attributes of the code are a plain record
 * that starts with its `code` (as the run's rows do) and holds only strings, numbers, booleans
 * and null, no cleaned copy is needed: that is the record's own JSON with `name` put after
 * `code` (JSON writes a non-finite number as null, as exportValue does).
 */
function propertiesJson(ft: RegionFeature, o: Pick<GeoJsonOptions, 'attributes'>): string {
  const code = ft.properties.code;
  const extra = o.attributes?.get(code);
  if (typeof code === 'string' && extra !== undefined && typeof extra.code === 'string' && isPlainRecord(extra)) {
    const head = `{"code":${JSON.stringify(code)},"name":${JSON.stringify(exportValue(ft.properties.name))}`;
    return head + JSON.stringify(extra).slice(8 + JSON.stringify(extra.code).length); // past {"code":"…"
  }
  return JSON.stringify(exportProperties(ft, o));
}

/**
 * Whether JSON.stringify writes `r` key by key as its values come, `code` first: no toJSON,
 * `code` the first key (so no integer-like key, which JSON would put first), no `name` (the
 * feature's own name goes there), no `__proto__` (not a property of the cleaned copy) and only
 * string, number, boolean or null values.
 */
function isPlainRecord(r: Readonly<Record<string, unknown>>): boolean {
  if ((r as { toJSON?: unknown }).toJSON !== undefined) return false;
  const keys = Object.keys(r);
  if (keys[0] !== 'code') return false;
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i];
    if (k === 'name' || k === '__proto__') return false;
    const v = r[k];
    if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return false;
  }
  return true;
}

/** The error for a position that is not two finite numbers (feature `code`, else its index). */
function nonFinite(x: number, y: number, code: string, fi: number): VeerkrachtError {
  return new VeerkrachtError('non-finite coordinate', { feature: code ?? fi, expected: 'finite x and y', found: `[${x}, ${y}]` });
}

/**
 * Rounds rings for export: reprojects (RD input), rounds to `digits` decimals, drops a position
 * equal to the one before, closes the ring and orients it (exterior counter-clockwise, holes
 * clockwise). The result of {@link round} lies in `x`, `y` (the rounded numbers) and `ix`, `iy`
 * (the same × 10^digits, integers), reused from ring to ring.
 */
class RingRounder {
  /** 10^digits: a coordinate v is written as Math.round(v · f)/f. */
  readonly f: number;
  /** Decimals when {@link writeFixedDecimal} may write the coordinates, −1 when it may not. */
  readonly fixedDigits: number;
  private readonly toWgs: boolean;
  private xy = new Float64Array(0);
  x = new Float64Array(0);
  y = new Float64Array(0);
  ix = new Float64Array(0);
  iy = new Float64Array(0);

  constructor(o: GeoJsonOptions) {
    const digits = o.digits ?? 6;
    this.f = 10 ** digits;
    this.fixedDigits = Number.isInteger(digits) && digits >= 0 && digits < POW10.length && this.f === POW10[digits] ? digits : -1;
    this.toWgs = o.crs === 'EPSG:28992';
  }

  /**
   * Round ring `r` (the exterior when `exterior`); returns its number of positions.
   *
   * @throws VeerkrachtError for a non-finite coordinate or fewer than 4 positions after rounding.
   */
  round(r: readonly Position[], exterior: boolean, code: string, fi: number): number {
    const len = r.length;
    if (this.x.length < len + 1) this.grow(len + 1);
    const xy = this.xy;
    for (let i = 0; i < len; i++) {
      const p = r[i];
      const px = p[0];
      const py = p[1];
      if (!Number.isFinite(px) || !Number.isFinite(py)) throw nonFinite(px, py, code, fi);
      xy[2 * i] = px;
      xy[2 * i + 1] = py;
    }
    return this.finish(len, exterior, code, fi);
  }

  /** {@link round} of the ring of `len` positions from position `start` of packed coordinates (x, y, x, y, …). */
  roundFlat(coordinates: Float64Array, start: number, len: number, exterior: boolean, code: string, fi: number): number {
    if (this.x.length < len + 1) this.grow(len + 1);
    const xy = this.xy;
    xy.set(coordinates.subarray(2 * start, 2 * (start + len)));
    for (let i = 0; i < 2 * len; i += 2) {
      if (!Number.isFinite(xy[i]) || !Number.isFinite(xy[i + 1])) throw nonFinite(xy[i], xy[i + 1], code, fi);
    }
    return this.finish(len, exterior, code, fi);
  }

  /** Convert, round, drop repeats, close and orient the `len` positions in `xy`. */
  private finish(len: number, exterior: boolean, code: string, fi: number): number {
    const xy = this.xy;
    // a vertex neighbouring buurten share is converted once while it is in this thread's cache
    // (one table of all 4.5 M vertices of a full-resolution file measured slower than converting
    // each: its random reads; see bench/RESULTS.md)
    if (this.toWgs) (projected ??= new RdToWgs84Cache()).convert(xy, len);
    const { f, x, y, ix, iy } = this;
    let n = 0;
    for (let i = 0; i < len; i++) {
      const nx = Math.round(xy[2 * i] * f);
      const ny = Math.round(xy[2 * i + 1] * f);
      const vx = nx / f;
      const vy = ny / f;
      if (n === 0 || x[n - 1] !== vx || y[n - 1] !== vy) {
        x[n] = vx;
        y[n] = vy;
        ix[n] = nx;
        iy[n] = ny;
        n++;
      }
    }
    if (n > 0 && (x[0] !== x[n - 1] || y[0] !== y[n - 1])) {
      x[n] = x[0];
      y[n] = y[0];
      ix[n] = ix[0];
      iy[n] = iy[0];
      n++;
    }
    if (n < 4) {
      throw new VeerkrachtError('ring too small after rounding', { feature: code ?? fi, expected: 'a closed ring of at least 4 positions', found: `${n}` });
    }
    // twice the signed area, > 0 counter-clockwise (x east, y north), on the rounded numbers
    let a = 0;
    for (let i = 0, j = n - 1; i < n; j = i++) a += (x[j] - x[i]) * (y[j] + y[i]);
    if (a > 0 !== exterior) {
      for (let i = 0, j = n - 1; i < j; i++, j--) {
        swap(x, i, j);
        swap(y, i, j);
        swap(ix, i, j);
        swap(iy, i, j);
      }
    }
    return n;
  }

  private grow(min: number): void {
    const size = Math.max(min, 2 * this.x.length, 1024);
    this.xy = new Float64Array(2 * size);
    this.x = new Float64Array(size);
    this.y = new Float64Array(size);
    this.ix = new Float64Array(size);
    this.iy = new Float64Array(size);
  }
}

/** This thread's cache of converted positions (made when first needed; ≈ 1.5 MB). */
let projected: RdToWgs84Cache | undefined;

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

const COMMA = 0x2c;
const OPEN = 0x5b;
const CLOSE = 0x5d;
/** A piece is handed out once the text reaches this many bytes (at a feature boundary). */
const CHUNK = 1 << 20;
/**
 * Most bytes one written position can take: `[`, `,` and `]` and two numbers of at most 25
 * characters (`-0.0000012345678901234567`), and the `,` before it.
 */
const MAX_POSITION_BYTES = 54;

/** The rings of one polygon as `[[[x,y],…],…]`. */
function writePolygon(w: ByteText, rr: RingRounder, rings: readonly Position[][], code: string, fi: number): void {
  writeRings(w, rr, rings.length, (i, exterior) => rr.round(rings[i], exterior, code, fi));
}

/** `count` rings as `[[[x,y],…],…]`, ring i rounded into `rr` by `roundRing` (which returns its length). */
function writeRings(w: ByteText, rr: RingRounder, count: number, roundRing: (i: number, exterior: boolean) => number): void {
  w.byte(OPEN);
  for (let i = 0; i < count; i++) {
    const n = roundRing(i, i === 0);
    if (i > 0) w.byte(COMMA);
    w.reserve(n * MAX_POSITION_BYTES + 2);
    const b = w.bytes;
    let pos = w.length;
    b[pos++] = OPEN;
    for (let k = 0; k < n; k++) {
      if (k > 0) b[pos++] = COMMA;
      b[pos++] = OPEN;
      pos = writeCoordinate(b, pos, rr.ix[k], rr.x[k], rr.fixedDigits);
      b[pos++] = COMMA;
      pos = writeCoordinate(b, pos, rr.iy[k], rr.y[k], rr.fixedDigits);
      b[pos++] = CLOSE;
    }
    b[pos++] = CLOSE;
    w.length = pos;
  }
  w.byte(CLOSE);
}

/**
 * One rounded coordinate as JSON.stringify writes it: `v` (= `n`/10^digits, `n` an integer) by
 * {@link writeFixedDecimal} when `n` is small enough, otherwise as `String(v)` (`null` when not finite).
 */
function writeCoordinate(b: Uint8Array, pos: number, n: number, v: number, digits: number): number {
  if (digits >= 0 && n < 2147483648 && n > -2147483648) return writeFixedDecimal(b, pos, n, digits);
  const s = Number.isFinite(v) ? String(v) : 'null';
  for (let i = 0; i < s.length; i++) b[pos++] = s.charCodeAt(i);
  return pos;
}

/** A growing byte buffer of UTF-8 text, handed out as views. */
class ByteText {
  bytes: Buffer;
  length = 0;

  // (never a slice of Node's shared pool: the geometry texts' buffer may move to another thread)
  constructor(capacity = CHUNK + (CHUNK >> 2)) {
    this.bytes = Buffer.allocUnsafeSlow(capacity);
  }

  /** Room for `more` bytes after `length`. */
  reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const next = Buffer.allocUnsafeSlow(Math.max(this.length + more, 2 * this.bytes.length));
    this.bytes.copy(next, 0, 0, this.length);
    this.bytes = next;
  }

  byte(c: number): void {
    this.reserve(1);
    this.bytes[this.length++] = c;
  }

  /** Append a string of ASCII characters. */
  ascii(s: string): void {
    this.reserve(s.length);
    const b = this.bytes;
    let pos = this.length;
    for (let i = 0; i < s.length; i++) b[pos++] = s.charCodeAt(i);
    this.length = pos;
  }

  /** Append any string as UTF-8 (JSON text: no lone surrogates). */
  utf8(s: string): void {
    this.reserve(3 * s.length);
    this.length += this.bytes.write(s, this.length, 'utf8');
  }

  /** Append bytes [from, to) of `b`. */
  copy(b: Uint8Array, from: number, to: number): void {
    this.reserve(to - from);
    this.bytes.set(b.subarray(from, to), this.length);
    this.length += to - from;
  }

  /** The bytes so far (a view, valid until the next append), and start again empty. */
  take(): Buffer {
    const view = this.bytes.subarray(0, this.length);
    this.length = 0;
    return view;
  }
}
