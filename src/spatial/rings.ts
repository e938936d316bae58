/**
 * Reading the rings of region polygons (GeoJSON Polygon / MultiPolygon), with a clear error for
 * a feature that has no usable geometry.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { VeerkrachtError, showValue } from '../util/errors.js';

/** The minimal feature shape the spatial module needs: a code and a polygonal geometry. */
export interface PolygonFeature {
  geometry: Polygon | MultiPolygon | null;
  properties: { code: string; [key: string]: unknown } | null;
}

/**
 * All linear rings of a feature (outer rings and holes of every part), each as its positions.
 *
 * @param feature - a Polygon or MultiPolygon feature.
 * @param index - the feature's index, for error messages.
 * @returns the rings.
 * @throws VeerkrachtError when the geometry is missing, not polygonal, or has non-numeric coordinates.
 * @example featureRings({ geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 1], [0, 0]]] }, properties: { code: 'BU1' } }, 0).length // 1
 */
export function featureRings(feature: PolygonFeature, index: number): Position[][] {
  const g = feature.geometry;
  const where = { feature: feature.properties?.code ?? index, column: 'geometry' };
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    throw new VeerkrachtError('not a polygon', { ...where, expected: 'Polygon or MultiPolygon', found: showValue((g as { type?: unknown } | null)?.type ?? null) });
  }
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const rings: Position[][] = [];
  for (const poly of polys) {
    if (!Array.isArray(poly)) throw new VeerkrachtError('malformed coordinates', { ...where, expected: 'an array of rings', found: showValue(poly) });
    for (const ring of poly) {
      if (!Array.isArray(ring)) throw new VeerkrachtError('malformed ring', { ...where, expected: 'an array of positions', found: showValue(ring) });
      for (const p of ring) {
        if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
          throw new VeerkrachtError('malformed position', { ...where, expected: '[x, y] with finite numbers', found: showValue(p) });
        }
      }
      if (ring.length > 0) rings.push(ring);
    }
  }
  return rings;
}

/**
 * Signed area (shoelace) of a ring: positive when counter-clockwise.
 *
 * @param ring - positions, closed or not.
 * @returns the signed area.
 * @example signedRingArea([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]) // 1
 */
export function signedRingArea(ring: Position[]): number {
  let a = 0;
  for (let k = 0, m = ring.length; k < m; k++) {
    const p = ring[k];
    const q = ring[(k + 1) % m];
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}
