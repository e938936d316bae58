/**
 * GeoPackage binary geometry (OGC 12-128r18 §2.1.3): a `GP` header (version, flags, srs_id,
 * optional envelope of 0/32/48/64 bytes) followed by ISO WKB. We read Polygon and MultiPolygon
 * in either byte order, with Z, M or ZM coordinates (the extra ordinates are dropped), and also
 * accept the EWKB flag bits some writers use. Everything else is reported, not thrown, so a bad
 * feature is counted instead of stopping the file.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** A decoded GeoPackage geometry blob, or the reason it could not be used. */
export interface GpkgGeometry {
  geometry: Polygon | MultiPolygon | null;
  /** srs_id from the header (0 when the header could not be read). */
  srsId: number;
  /** Why the geometry is not usable (code as in the boundary load report). */
  problem?: { code: 'empty-geometry' | 'not-polygon' | 'bad-geometry-blob'; detail: string };
}

/** Envelope size in bytes per envelope indicator (flags bits 1–3). */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

const WKB_NAMES: Record<number, string> = {
  1: 'Point', 2: 'LineString', 3: 'Polygon', 4: 'MultiPoint', 5: 'MultiLineString', 6: 'MultiPolygon', 7: 'GeometryCollection',
  8: 'CircularString', 9: 'CompoundCurve', 10: 'CurvePolygon', 11: 'MultiCurve', 12: 'MultiSurface', 15: 'PolyhedralSurface', 17: 'Triangle',
};

class Cursor {
  pos: number;
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array, pos: number) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = pos;
  }
  need(n: number, what: string): void {
    if (this.pos + n > this.bytes.length) throw new BlobError(`blob ends inside ${what} (byte ${this.pos} of ${this.bytes.length})`);
  }
  u8(what: string): number {
    this.need(1, what);
    return this.bytes[this.pos++];
  }
  u32(le: boolean, what: string): number {
    this.need(4, what);
    const v = this.view.getUint32(this.pos, le);
    this.pos += 4;
    return v;
  }
  f64(le: boolean): number {
    const v = this.view.getFloat64(this.pos, le);
    this.pos += 8;
    return v;
  }
}

class BlobError extends Error {}

/** Split a WKB type code into base type and number of ordinates (ISO 1000s and EWKB flag bits). */
function wkbType(code: number): { base: number; dims: number } {
  let hasZ = (code & 0x80000000) !== 0;
  let hasM = (code & 0x40000000) !== 0;
  let t = code & 0x0fffffff;
  if (t >= 3000 && t < 4000) {
    hasZ = true;
    hasM = true;
    t -= 3000;
  } else if (t >= 2000 && t < 3000) {
    hasM = true;
    t -= 2000;
  } else if (t >= 1000 && t < 2000) {
    hasZ = true;
    t -= 1000;
  }
  return { base: t, dims: 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0) };
}

function readRings(c: Cursor, le: boolean, dims: number): Position[][] {
  const nRings = c.u32(le, 'the ring count');
  const rings: Position[][] = [];
  for (let r = 0; r < nRings; r++) {
    const n = c.u32(le, `the point count of ring ${r + 1}`);
    c.need(n * dims * 8, `ring ${r + 1} (${n} points)`);
    const ring: Position[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const x = c.f64(le);
      const y = c.f64(le);
      c.pos += (dims - 2) * 8; // Z and/or M dropped
      ring[i] = [x, y];
    }
    rings.push(ring);
  }
  return rings;
}

function readHeader(c: Cursor): { le: boolean; base: number; dims: number } {
  const order = c.u8('the byte order');
  if (order !== 0 && order !== 1) throw new BlobError(`byte order ${order} at byte ${c.pos - 1}, expected 0 or 1`);
  const le = order === 1;
  const code = c.u32(le, 'the geometry type');
  const { base, dims } = wkbType(code);
  if ((code & 0x20000000) !== 0) c.u32(le, 'the EWKB SRID'); // an EWKB SRID follows the type when its flag is set
  return { le, base, dims };
}

/**
 * Read WKB (Polygon or MultiPolygon) starting at `offset`.
 *
 * @returns the geometry, or a problem for other geometry types
 * @example parseWkb(bytes).geometry?.type // 'MultiPolygon'
 */
export function parseWkb(bytes: Uint8Array, offset = 0): Pick<GpkgGeometry, 'geometry' | 'problem'> {
  try {
    const c = new Cursor(bytes, offset);
    const h = readHeader(c);
    if (h.base === 3) return { geometry: { type: 'Polygon', coordinates: readRings(c, h.le, h.dims) } };
    if (h.base === 6) {
      const n = c.u32(h.le, 'the polygon count');
      const polys: Position[][][] = [];
      for (let p = 0; p < n; p++) {
        const ph = readHeader(c);
        if (ph.base !== 3) throw new BlobError(`part ${p + 1} of the MultiPolygon is a ${WKB_NAMES[ph.base] ?? `type ${ph.base}`}`);
        polys.push(readRings(c, ph.le, ph.dims));
      }
      return { geometry: { type: 'MultiPolygon', coordinates: polys } };
    }
    return { geometry: null, problem: { code: 'not-polygon', detail: `a ${WKB_NAMES[h.base] ?? `WKB type ${h.base}`}` } };
  } catch (e) {
    if (e instanceof BlobError || e instanceof RangeError) return { geometry: null, problem: { code: 'bad-geometry-blob', detail: e.message } };
    throw e;
  }
}

/**
 * Decode one GeoPackage geometry blob: the `GP` header, then WKB.
 *
 * @example parseGpkgGeometry(blob) // { geometry: { type: 'MultiPolygon', … }, srsId: 28992 }
 */
export function parseGpkgGeometry(blob: unknown): GpkgGeometry {
  if (blob === null || blob === undefined) return { geometry: null, srsId: 0, problem: { code: 'empty-geometry', detail: 'geometry is NULL' } };
  if (!(blob instanceof Uint8Array)) {
    return { geometry: null, srsId: 0, problem: { code: 'bad-geometry-blob', detail: `geometry column holds a ${typeof blob}, not a blob` } };
  }
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) {
    return { geometry: null, srsId: 0, problem: { code: 'bad-geometry-blob', detail: 'no GeoPackage header (magic "GP")' } };
  }
  const flags = blob[3];
  if (flags & 0x20) {
    return { geometry: null, srsId: 0, problem: { code: 'bad-geometry-blob', detail: 'extended GeoPackage geometry (flag X) is not supported' } };
  }
  const le = (flags & 1) === 1;
  const srsId = new DataView(blob.buffer, blob.byteOffset, blob.byteLength).getInt32(4, le);
  const envelope = (flags >> 1) & 7;
  if (envelope > 4) return { geometry: null, srsId, problem: { code: 'bad-geometry-blob', detail: `invalid envelope indicator ${envelope}` } };
  if (flags & 0x10) return { geometry: null, srsId, problem: { code: 'empty-geometry', detail: 'empty geometry (flag E)' } };
  const start = 8 + ENVELOPE_BYTES[envelope];
  if (start >= blob.length) return { geometry: null, srsId, problem: { code: 'bad-geometry-blob', detail: 'header without WKB' } };
  return { ...parseWkb(blob, start), srsId };
}
