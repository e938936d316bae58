/**
 * Ring orientation as RFC 7946 §3.1.6 asks (the right-hand rule): exterior rings
 * counter-clockwise, holes clockwise.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringSignedArea } from './ring.js';

function orient(ring: Position[], ccw: boolean): Position[] {
  const s = ringSignedArea(ring);
  return (s > 0) === ccw || s === 0 ? ring : ring.slice().reverse();
}

/**
 * Return the geometry with exteriors counter-clockwise and holes clockwise (x east, y north; the
 * same in RD New and WGS84). The input is not changed.
 *
 * @example rewindRfc7946({ type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [0, 0]]] }).coordinates[0] // [[0,0],[1,1],[0,1],[0,0]]
 */
export function rewindRfc7946<G extends Polygon | MultiPolygon>(g: G): G {
  const fix = (p: Position[][]): Position[][] => p.map((r, i) => orient(r, i === 0));
  if (g.type === 'Polygon') return { ...g, coordinates: fix((g as Polygon).coordinates) };
  return { ...g, coordinates: (g as MultiPolygon).coordinates.map(fix) };
}
