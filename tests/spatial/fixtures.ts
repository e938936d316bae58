// Test fixtures for src/spatial: square-lattice polygons and lattice neighbour lists built by
// hand (independent of the contiguity builder).
import type { Polygon } from 'geojson';
import type { PolygonFeature } from '../../src/spatial/rings.js';

/** Code of lattice cell (r, c): BU9999 + 4 digits, row by row. */
export function cellCode(r: number, c: number, cols: number): string {
  return `BU9999${String(r * cols + c).padStart(4, '0')}`;
}

/** Unit squares on a rows × cols lattice, numbered row by row. */
export function latticeFeatures(rows: number, cols: number, size = 1): PolygonFeature[] {
  const out: PolygonFeature[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = c * size;
      const y = r * size;
      const geometry: Polygon = {
        type: 'Polygon',
        coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
      };
      out.push({ geometry, properties: { code: cellCode(r, c, cols) } });
    }
  }
  return out;
}

/** Rook (4) or queen (8) neighbour lists of a lattice, by index arithmetic. */
export function latticeLists(rows: number, cols: number, queen: boolean): number[][] {
  const lists: number[][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const l: number[] = [];
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          if (dr === 0 && dc === 0) continue;
          if (!queen && dr !== 0 && dc !== 0) continue;
          const rr = r + dr;
          const cc = c + dc;
          if (rr >= 0 && rr < rows && cc >= 0 && cc < cols) l.push(rr * cols + cc);
        }
      }
      lists.push(l.sort((a, b) => a - b));
    }
  }
  return lists;
}

/** Lattice codes, row by row. */
export function latticeIds(rows: number, cols: number): string[] {
  const ids: string[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) ids.push(cellCode(r, c, cols));
  return ids;
}
