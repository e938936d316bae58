/** Small planted geometries for map tests: a 3 × 3 grid of 1 km RD squares and two gemeenten. */
import type { Position } from 'geojson';
import type { RegionFeature } from '../../src/sources/boundaries/types.js';
import type { MapGeometry } from '../../src/viz/geometry.js';

function rect(code: string, name: string | null, x: number, y: number, w: number, h: number): RegionFeature {
  const ring: Position[] = [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]];
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { code, name } };
}

/** Buurt codes of the grid, row by row from the south-west: BU00010001 … BU00020009. */
export const GRID_CODES = Array.from({ length: 9 }, (_, i) => `BU000${i % 3 === 2 ? 2 : 1}000${i + 1}`);

/** The 3 × 3 grid in RD New (columns 0–1 in GM0001, column 2 in GM0002). */
export function grid(): MapGeometry {
  const features = GRID_CODES.map((code, i) => rect(code, `Buurt ${i + 1}`, 150000 + (i % 3) * 1000, 450000 + Math.floor(i / 3) * 1000, 1000, 1000));
  return { features, crs: 'EPSG:28992' };
}

/** The two gemeenten over the grid. */
export function gemeenten(): MapGeometry {
  return { features: [rect('GM0001', 'Eerste', 150000, 450000, 2000, 3000), rect('GM0002', 'Tweede', 152000, 450000, 1000, 3000)], crs: 'EPSG:28992' };
}
