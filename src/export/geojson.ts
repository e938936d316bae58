/**
 * GeoJSON export of buurten with their indicators and categories, as RFC 7946 asks: WGS84
 * longitude/latitude (RD input is reprojected with src/geo), no `crs` member, exterior rings
 * counter-clockwise and holes clockwise, coordinates rounded to 6 decimals (≈ 0.1 m).
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Crs, RegionFeature } from '../sources/boundaries/types.js';
import { VeerkrachtError } from '../util/errors.js';
import { rdToWgs84 } from '../geo/projection.js';

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

function signedArea2(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a; // > 0 counter-clockwise (x east, y north)
}

/**
 * A FeatureCollection in WGS84 for the given buurten (one feature each, in input order),
 * with `code`, `name` and the attributes of its code.
 *
 * @throws VeerkrachtError for a non-finite coordinate or a ring with fewer than 4 positions.
 * @example toGeoJson(boundaries.features, { crs: boundaries.crs, attributes })
 */
export function toGeoJson(features: readonly RegionFeature[], o: GeoJsonOptions): FeatureCollection<Polygon | MultiPolygon> {
  return { type: 'FeatureCollection', features: features.map((ft, fi) => exportFeature(ft, fi, o)) };
}

/**
 * The text of `JSON.stringify(toGeoJson(features, o))` in pieces, one feature at a time, so that
 * a national full-resolution file is written without holding all its converted features at once.
 *
 * @example for (const piece of geoJsonText(features, o)) out.write(piece)
 */
export function* geoJsonText(features: readonly RegionFeature[], o: GeoJsonOptions): Generator<string> {
  yield '{"type":"FeatureCollection","features":[';
  for (let i = 0; i < features.length; i++) yield (i === 0 ? '' : ',') + JSON.stringify(exportFeature(features[i], i, o));
  yield ']}';
}

function exportFeature(ft: RegionFeature, fi: number, o: GeoJsonOptions): Feature<Polygon | MultiPolygon> {
  const f = 10 ** (o.digits ?? 6);
  const toWgs = o.crs === 'EPSG:28992';
  const code = ft.properties.code;
  const ring = (r: Position[], exterior: boolean): Position[] => {
    const q: Position[] = [];
    for (const p of r) {
      if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
        throw new VeerkrachtError('non-finite coordinate', { feature: code ?? fi, expected: 'finite x and y', found: `[${p[0]}, ${p[1]}]` });
      }
      // Every vertex is converted, also where neighbouring buurten share it: converting each
      // distinct vertex once (hash on the two doubles) measured slower on full-resolution files
      // (converting 4.5 M vertices, 2.2 M of them distinct: 1.5 s against 1.2 s), see bench/RESULTS.md.
      const w = toWgs ? rdToWgs84(p) : p;
      const pos: Position = [Math.round(w[0] * f) / f, Math.round(w[1] * f) / f];
      const last = q[q.length - 1];
      if (last === undefined || last[0] !== pos[0] || last[1] !== pos[1]) q.push(pos);
    }
    if (q.length > 0 && (q[0][0] !== q[q.length - 1][0] || q[0][1] !== q[q.length - 1][1])) q.push([q[0][0], q[0][1]]);
    if (q.length < 4) {
      throw new VeerkrachtError('ring too small after rounding', { feature: code ?? fi, expected: 'a closed ring of at least 4 positions', found: `${q.length}` });
    }
    const ccw = signedArea2(q) > 0;
    return ccw === exterior ? q : q.reverse();
  };
  const poly = (rings: Position[][]): Position[][] => rings.map((r, i) => ring(r, i === 0));
  const g = ft.geometry;
  const geometry: Polygon | MultiPolygon =
    g.type === 'Polygon' ? { type: 'Polygon', coordinates: poly(g.coordinates) } : { type: 'MultiPolygon', coordinates: g.coordinates.map(poly) };
  const props: Record<string, ExportValue> = { code, name: exportValue(ft.properties.name) };
  const extra = o.attributes?.get(code);
  if (extra !== undefined) for (const k of Object.keys(extra)) if (k !== 'code') props[k] = exportValue(extra[k]);
  return { type: 'Feature', geometry, properties: props };
}
