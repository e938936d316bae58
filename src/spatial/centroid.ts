/**
 * Area-weighted centroids of region polygons (holes subtracted, all parts of a MultiPolygon
 * together), for k-nearest-neighbour weights.
 */
import { featureRings, signedRingArea, type PolygonFeature } from './rings.js';

/**
 * Centroid of each feature; falls back to the mean vertex when the area is zero. Ring
 * orientation in real files is unreliable, so the first ring of each polygon counts as outer
 * (positive) and the others as holes (negative), whatever their winding.
 *
 * @param features - Polygon/MultiPolygon features.
 * @returns x and y of each centroid.
 * @throws VeerkrachtError for a feature without polygonal geometry.
 * @example polygonCentroids([unitSquareFeature]).x[0] // 0.5
 */
export function polygonCentroids(features: readonly PolygonFeature[]): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(features.length);
  const y = new Float64Array(features.length);
  features.forEach((f, i) => {
    featureRings(f, i); // validates the geometry
    const g = f.geometry!;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    let area = 0, cx = 0, cy = 0;
    for (const poly of polys) {
      poly.forEach((ring, r) => {
        const ra = signedRingArea(ring);
        if (ra === 0) return;
        const sign = (r === 0 ? 1 : -1) * (ra < 0 ? -1 : 1);
        let sx = 0, sy = 0;
        for (let k = 0, m = ring.length; k < m; k++) {
          const p = ring[k];
          const q = ring[(k + 1) % m];
          const c = p[0] * q[1] - q[0] * p[1];
          sx += (p[0] + q[0]) * c;
          sy += (p[1] + q[1]) * c;
        }
        area += sign * ra;
        cx += (sign * sx) / 6;
        cy += (sign * sy) / 6;
      });
    }
    if (area !== 0) {
      x[i] = cx / area;
      y[i] = cy / area;
    } else {
      const pts = polys.flat(2);
      x[i] = pts.length > 0 ? pts.reduce((s, p) => s + p[0], 0) / pts.length : NaN;
      y[i] = pts.length > 0 ? pts.reduce((s, p) => s + p[1], 0) / pts.length : NaN;
    }
  });
  return { x, y };
}
