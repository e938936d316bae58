/** Convert boundaries between RD New and WGS84, and write RFC 7946 GeoJSON. */
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { rewindRfc7946 } from '../../geo/rewind.js';
import { mapPositions } from '../../geo/area.js';
import { convertGeometry } from './assemble.js';
import type { Boundaries, Crs, RegionProperties } from './types.js';

/**
 * The same boundaries in another CRS (a new object; the input is not changed).
 *
 * @example boundariesToCrs(b, 'EPSG:28992').crs // 'EPSG:28992'
 */
export function boundariesToCrs(b: Boundaries, crs: Crs): Boundaries {
  if (b.crs === crs) return b;
  return {
    ...b,
    crs,
    features: b.features.map((f) => ({ ...f, geometry: convertGeometry(f.geometry, b.crs, crs) })),
  };
}

/** Options for {@link toRfc7946}. */
export interface Rfc7946Options {
  /** Decimals kept in longitude/latitude (RFC 7946 §11.2 suggests 6, about 10 cm). Default: all. */
  precision?: number;
}

/**
 * A FeatureCollection as RFC 7946 requires: WGS84 longitude/latitude, no `crs` member, exterior
 * rings counter-clockwise and holes clockwise.
 *
 * @example JSON.stringify(toRfc7946(b, { precision: 6 }))
 */
export function toRfc7946(b: Boundaries, options: Rfc7946Options = {}): FeatureCollection<Polygon | MultiPolygon, RegionProperties> {
  const w = boundariesToCrs(b, 'EPSG:4326');
  const p = options.precision;
  const round = p === undefined ? (q: Position) => q : (q: Position) => [Number(q[0].toFixed(p)), Number(q[1].toFixed(p))];
  return {
    type: 'FeatureCollection',
    features: w.features.map((f) => ({ ...f, geometry: rewindRfc7946(mapPositions(f.geometry, round)) })),
  };
}
