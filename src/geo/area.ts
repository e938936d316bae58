/**
 * Planar area of polygons: exterior minus holes, summed over the parts of a MultiPolygon.
 * Areas are in the squared unit of the coordinates: m² for RD New. For WGS84 geometries use
 * `geometryAreaKm2`, which projects to RD New first.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringSignedArea } from './ring.js';
import { wgs84ToRd } from './projection.js';
import type { GeoCrs } from './types.js';
import { packedGeometryOf, type PackedGeometryRef } from './packed-geometry.js';

/** Planar area of one polygon (rings as coordinates): |exterior| − Σ|holes|. */
export function polygonArea(rings: readonly (readonly Position[])[]): number {
  let a = 0;
  rings.forEach((r, i) => {
    const s = Math.abs(ringSignedArea(r));
    a += i === 0 ? s : -s;
  });
  return a;
}

/**
 * Planar area of a Polygon or MultiPolygon in the squared coordinate unit.
 *
 * @example planarArea({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }) // 4
 */
export function planarArea(g: Polygon | MultiPolygon): number {
  const ref = packedGeometryOf(g);
  if (ref !== undefined) return packedPlanarArea(ref);
  if (g.type === 'Polygon') return polygonArea(g.coordinates);
  let a = 0;
  for (const p of g.coordinates) a += polygonArea(p);
  return a;
}

/** {@link planarArea} on packed numbers: the same sums in the same order (the same result to the bit). */
function packedPlanarArea(ref: PackedGeometryRef): number {
  const { coordinates: xy, structure: st } = ref.store;
  let s = ref.s;
  let c = ref.c;
  const multi = st[s++] === 2;
  const parts = multi ? st[s++] : 1;
  let total = 0;
  for (let p = 0; p < parts; p++) {
    const rings = st[s++];
    let a = 0;
    for (let r = 0; r < rings; r++) {
      const n = st[s++];
      const area = Math.abs(packedRingSignedArea(xy, c, n));
      a += r === 0 ? area : -area;
      c += 2 * n;
    }
    if (!multi) return a;
    total += a;
  }
  return total;
}

/** ringSignedArea (ring.ts) of `n` packed positions from `xy[at]`. */
function packedRingSignedArea(xy: Float64Array, at: number, n: number): number {
  if (n < 3) return 0;
  const x0 = xy[at];
  const y0 = xy[at + 1];
  let s = 0;
  for (let i = 0; i < n; i++) {
    const a = at + 2 * i;
    const b = at + 2 * ((i + 1) % n);
    s += (xy[a] - x0) * (xy[b + 1] - y0) - (xy[b] - x0) * (xy[a + 1] - y0);
  }
  return s / 2;
}

/**
 * Area in km² of a geometry in RD New or WGS84 (WGS84 is projected to RD New first). RD New is a
 * stereographic projection with scale 0.9999079 at Amersfoort growing to about 1.0001 at the
 * borders (EPSG:28992), so planar RD areas are within about 0.02 % of the ellipsoidal area.
 *
 * @example geometryAreaKm2({ type: 'Polygon', coordinates: [[[0, 0], [1000, 0], [1000, 1000], [0, 1000], [0, 0]]] }, 'EPSG:28992') // 1
 */
export function geometryAreaKm2(g: Polygon | MultiPolygon, crs: GeoCrs): number {
  const rd = crs === 'EPSG:28992' ? g : mapPositions(g, wgs84ToRd);
  return planarArea(rd) / 1e6;
}

/** Apply a function to every position of a Polygon or MultiPolygon (returns a new geometry). */
export function mapPositions<G extends Polygon | MultiPolygon>(g: G, f: (p: Position) => Position): G {
  if (g.type === 'Polygon') {
    return { type: 'Polygon', coordinates: (g as Polygon).coordinates.map((r) => r.map(f)) } as G;
  }
  return {
    type: 'MultiPolygon',
    coordinates: (g as MultiPolygon).coordinates.map((p) => p.map((r) => r.map(f))),
  } as G;
}
