/**
 * Planar ring measures: signed area (shoelace) and orientation. Coordinates are taken as planar
 * (use RD New metres for areas in m²).
 */
import type { Position } from 'geojson';

/**
 * Signed area of a closed ring by the shoelace formula: positive when counter-clockwise
 * (x east, y north). The closing position may or may not be repeated.
 *
 * @example ringSignedArea([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]) // 1
 */
export function ringSignedArea(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  // shift to the first point for numerical stability with large RD coordinates
  const x0 = ring[0][0];
  const y0 = ring[0][1];
  let s = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    s += (a[0] - x0) * (b[1] - y0) - (b[0] - x0) * (a[1] - y0);
  }
  return s / 2;
}

/** True when the ring runs counter-clockwise (positive signed area). */
export function isCounterClockwise(ring: readonly Position[]): boolean {
  return ringSignedArea(ring) > 0;
}
