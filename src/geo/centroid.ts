/**
 * Area-weighted centroid of a polygon geometry (holes subtract), planar. For WGS84 input the
 * result is the planar centroid in degrees, which within a buurt differs from the RD centroid by
 * far less than a metre.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Centroid `[x, y]` of a Polygon or MultiPolygon by the standard polygon-centroid formula
 * (signed areas, so holes subtract). Returns `[NaN, NaN]` for a geometry without area.
 *
 * @example geometryCentroid({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }) // [1, 1]
 */
export function geometryCentroid(g: Polygon | MultiPolygon): Position {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let a = 0;
  let cx = 0;
  let cy = 0;
  let x0 = NaN;
  let y0 = NaN;
  for (const p of polys) {
    p.forEach((ring, i) => {
      if (ring.length < 3) return;
      if (Number.isNaN(x0)) {
        x0 = ring[0][0];
        y0 = ring[0][1];
      }
      let ra = 0;
      let rx = 0;
      let ry = 0;
      const n = ring.length;
      for (let k = 0; k < n; k++) {
        const ax = ring[k][0] - x0;
        const ay = ring[k][1] - y0;
        const bx = ring[(k + 1) % n][0] - x0;
        const by = ring[(k + 1) % n][1] - y0;
        const c = ax * by - bx * ay;
        ra += c;
        rx += (ax + bx) * c;
        ry += (ay + by) * c;
      }
      // exterior counts positive, holes negative, whatever the winding in the file
      const sign = (i === 0 ? 1 : -1) * Math.sign(ra);
      a += (sign * ra) / 2;
      cx += (sign * rx) / 6;
      cy += (sign * ry) / 6;
    });
  }
  if (a === 0) return [NaN, NaN];
  return [cx / a + x0, cy / a + y0];
}
