/** Parse GeoJSON (FeatureCollection, Feature or bare geometry) into raw boundary features. */
import type { Geometry } from 'geojson';
import { VeerkrachtError } from '../../util/errors.js';
import type { Provenance } from '../types.js';
import { crsFromGeoJsonMember } from './crs.js';
import type { RawBoundaries, RawFeature } from './assemble.js';

/**
 * Raw features of a parsed GeoJSON object, with its `crs` label if any.
 *
 * @throws VeerkrachtError when the object is not GeoJSON.
 */
export function parseGeoJson(doc: unknown, provenance: Provenance): RawBoundaries {
  const file = provenance.file;
  const d = doc as { type?: unknown; features?: unknown; crs?: unknown };
  if (d === null || typeof d !== 'object') {
    throw new VeerkrachtError('not a GeoJSON object', { file, expected: 'a FeatureCollection', found: JSON.stringify(doc)?.slice(0, 40) });
  }
  let list: unknown[];
  if (d.type === 'FeatureCollection') {
    if (!Array.isArray(d.features)) {
      throw new VeerkrachtError('FeatureCollection without a features array', { file, column: 'features', expected: 'an array', found: typeof d.features });
    }
    list = d.features;
  } else if (d.type === 'Feature') list = [d];
  else if (d.type === 'Polygon' || d.type === 'MultiPolygon') list = [{ type: 'Feature', properties: {}, geometry: d }];
  else {
    throw new VeerkrachtError('not a GeoJSON FeatureCollection', { file, column: 'type', expected: 'FeatureCollection', found: JSON.stringify(d.type) });
  }
  const features: RawFeature[] = list.map((f) => {
    const o = (f ?? {}) as { id?: unknown; properties?: unknown; geometry?: unknown };
    const props = o.properties && typeof o.properties === 'object' ? (o.properties as Record<string, unknown>) : null;
    return { id: o.id, properties: props, geometry: (o.geometry ?? null) as Geometry | null };
  });
  return { features, crsLabel: crsFromGeoJsonMember(d.crs, file), provenance };
}
