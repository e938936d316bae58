/**
 * TopoJSON export (topojson-server): the same buurten and properties as the GeoJSON export, with
 * shared edges stored once, which makes national files several times smaller.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import type { Objects, Topology } from 'topojson-specification';

/** Options for {@link toTopoJson}. */
export interface TopoJsonOptions {
  /** Object name in the topology (default `buurten`). */
  object?: string;
  /** Quantization (e.g. 1e6); default none, keeping the exported coordinates as they are. */
  quantization?: number;
}

/**
 * A topology of a WGS84 FeatureCollection (typically the output of `toGeoJson`).
 *
 * @example toTopoJson(toGeoJson(features, { crs }), { quantization: 1e6 })
 */
export function toTopoJson(fc: FeatureCollection<Polygon | MultiPolygon>, o: TopoJsonOptions = {}): Topology<Objects> {
  const objects: Record<string, FeatureCollection<Polygon | MultiPolygon>> = { [o.object ?? 'buurten']: fc };
  return (o.quantization !== undefined ? topology(objects, o.quantization) : topology(objects)) as Topology<Objects>;
}
