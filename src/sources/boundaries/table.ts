/** Boundaries as a table: one row per feature with code, name, level, area and centroid. */
import * as aq from 'arquero';
import { geometryAreaKm2 } from '../../geo/area.js';
import { geometryCentroid } from '../../geo/centroid.js';
import { rdToWgs84 } from '../../geo/projection.js';
import type { ColumnMeta, LoadedTable } from '../types.js';
import type { Boundaries } from './types.js';

const RESERVED = new Set(['code', 'name', 'level', 'area_km2', 'centroid_lon', 'centroid_lat']);

/**
 * A LoadedTable of the features: `code`, `name`, `level`, `area_km2` (planar in RD New),
 * `centroid_lon`, `centroid_lat` (WGS84), then the file's own scalar properties.
 *
 * @example boundariesTable(b).table.columnNames() // ['code', 'name', 'level', 'area_km2', …]
 */
export function boundariesTable(b: Boundaries): LoadedTable {
  const cols: Record<string, unknown[]> = { code: [], name: [], level: [], area_km2: [], centroid_lon: [], centroid_lat: [] };
  const extra = new Set<string>();
  for (const f of b.features) for (const k of Object.keys(f.properties)) if (!RESERVED.has(k)) extra.add(k);
  for (const k of extra) cols[k] = [];
  for (const f of b.features) {
    const c = geometryCentroid(f.geometry);
    const [lon, lat] = b.crs === 'EPSG:4326' ? c : rdToWgs84(c);
    cols.code.push(f.properties.code);
    cols.name.push(f.properties.name);
    cols.level.push(b.level);
    cols.area_km2.push(geometryAreaKm2(f.geometry, b.crs));
    cols.centroid_lon.push(lon);
    cols.centroid_lat.push(lat);
    for (const k of extra) {
      const v = f.properties[k];
      cols[k].push(v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : v);
    }
  }
  const missing = (k: string) => cols[k].filter((v) => v === null).length;
  const columns: ColumnMeta[] = [
    { name: 'code', title: 'Regiocode', sourceKey: b.codeProperty, missing: 0 },
    { name: 'name', title: 'Naam', missing: missing('name') },
    { name: 'level', title: 'Niveau', missing: 0 },
    { name: 'area_km2', title: 'Oppervlakte (planair in RD New)', unit: 'km²', missing: 0 },
    { name: 'centroid_lon', title: 'Zwaartepunt lengtegraad (WGS84)', unit: '°', missing: 0 },
    { name: 'centroid_lat', title: 'Zwaartepunt breedtegraad (WGS84)', unit: '°', missing: 0 },
    ...[...extra].map((k) => ({ name: k, missing: missing(k) })),
  ];
  const edition = [b.provenance.edition, b.crs, `${b.features.length} × ${b.level}`].filter(Boolean).join(', ');
  return { table: aq.table(cols), columns, provenance: { ...b.provenance, edition }, report: b.report };
}
