/**
 * Region features packed for another thread: all coordinates in one Float64Array and the ring
 * structure in one Int32Array, which `postMessage` moves without copying (a transfer), plus the
 * properties. The structured clone of nested coordinate arrays costs the sending thread about
 * ten times as much.
 */
import type { Position } from 'geojson';
import type { RegionFeature, RegionProperties } from './types.js';
import { forEachPackedRing, packedGeometryOf, readPackedGeometry, type PackedGeometryRef } from './packed-geometry.js';

/** Packed features: see {@link packFeatures}. */
export interface PackedFeatures {
  /** x, y of every position, ring after ring. */
  coordinates: Float64Array;
  /**
   * Per feature: its kind (0 no geometry, 1 Polygon, 2 MultiPolygon); for a MultiPolygon the
   * number of polygons; per polygon the number of rings; per ring the number of positions.
   */
  structure: Int32Array;
  properties: RegionProperties[];
}

/**
 * Pack features for {@link unpackFeatures} in another thread; pass
 * `[packed.coordinates.buffer, packed.structure.buffer]` as the transfer list.
 *
 * @example worker.postMessage(p, [p.coordinates.buffer, p.structure.buffer]) // p = packFeatures(features)
 */
export function packFeatures(features: readonly RegionFeature[]): PackedFeatures {
  let positions = 0;
  let entries = 0;
  // geometries kept packed (src/geo/packed-geometry.ts) are copied from there, as they are
  const packed: (PackedGeometryRef | undefined)[] = features.map((f) => packedGeometryOf(f.geometry));
  const ends: { s: number; c: number }[] = [];
  for (let i = 0; i < features.length; i++) {
    const g = features[i].geometry;
    const ref = packed[i];
    if (ref !== undefined) {
      const end = forEachPackedRing(ref);
      ends[i] = end;
      entries += end.s - ref.s;
      positions += (end.c - ref.c) / 2;
      continue;
    }
    entries++;
    if (!g) continue;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    if (g.type === 'MultiPolygon') entries++;
    for (const p of polygons) {
      entries += 1 + p.length;
      for (const r of p) positions += r.length;
    }
  }
  const coordinates = new Float64Array(positions * 2);
  const structure = new Int32Array(entries);
  let c = 0;
  let s = 0;
  const ring = (r: Position[]) => {
    structure[s++] = r.length;
    for (const q of r) {
      coordinates[c++] = q[0];
      coordinates[c++] = q[1];
    }
  };
  const polygon = (p: Position[][]) => {
    structure[s++] = p.length;
    p.forEach(ring);
  };
  for (let i = 0; i < features.length; i++) {
    const g = features[i].geometry;
    const ref = packed[i];
    if (ref !== undefined) {
      const end = ends[i];
      structure.set(ref.store.structure.subarray(ref.s, end.s), s);
      coordinates.set(ref.store.coordinates.subarray(ref.c, end.c), c);
      s += end.s - ref.s;
      c += end.c - ref.c;
    } else if (!g) structure[s++] = 0;
    else if (g.type === 'Polygon') {
      structure[s++] = 1;
      polygon(g.coordinates);
    } else {
      structure[s++] = 2;
      structure[s++] = g.coordinates.length;
      g.coordinates.forEach(polygon);
    }
  }
  return { coordinates, structure, properties: features.map((f) => f.properties) };
}

/**
 * The features of {@link packFeatures} again: the same geometry (positions as `[x, y]`, equal
 * values) and properties.
 *
 * @example const features = unpackFeatures(message.packed)
 */
export function unpackFeatures(packed: PackedFeatures): RegionFeature[] {
  const { coordinates, structure, properties } = packed;
  let c = 0;
  let s = 0;
  return properties.map((p) => {
    const kind = structure[s];
    if (kind !== 1 && kind !== 2) {
      s++;
      return { type: 'Feature', geometry: null, properties: p } as unknown as RegionFeature;
    }
    const g = readPackedGeometry(coordinates, structure, s, c);
    s = g.s;
    c = g.c;
    return { type: 'Feature', geometry: { type: kind === 1 ? 'Polygon' : 'MultiPolygon', coordinates: g.coordinates }, properties: p } as RegionFeature;
  });
}

/** What {@link walkPacked} calls, each optional. */
export interface PackedVisitor {
  /**
   * Feature `i` begins: its kind (0 no geometry, 1 Polygon, 2 MultiPolygon), its number of
   * polygons (0, 1 or the MultiPolygon's), and where it begins in `structure` and `coordinates`.
   */
  feature?(i: number, kind: number, polygons: number, structureAt: number, coordinatesAt: number): void;
  /** A polygon of the current feature begins, with this many rings. */
  polygon?(rings: number): void;
  /** A ring of `positions` positions, its first x at `coordinates[at]`. */
  ring?(positions: number, at: number): void;
}

/**
 * Walk packed features in their order (the layout {@link packFeatures} writes), calling the
 * visitor per feature, polygon and ring; returns where the walk ended in `structure` and
 * `coordinates`.
 *
 * @example walkPacked(packed, { ring: (n) => (vertices += n) })
 */
export function walkPacked(packed: PackedFeatures, visit: PackedVisitor): { structureAt: number; coordinatesAt: number } {
  const { structure } = packed;
  let s = 0;
  let c = 0;
  const polygon = () => {
    const rings = structure[s++];
    visit.polygon?.(rings);
    for (let r = 0; r < rings; r++) {
      const n = structure[s++];
      visit.ring?.(n, c);
      c += 2 * n;
    }
  };
  for (let i = 0; i < packed.properties.length; i++) {
    const at = s;
    const kind = structure[s++];
    const polygons = kind === 2 ? structure[s++] : kind === 1 ? 1 : 0;
    visit.feature?.(i, kind, polygons, at, c);
    for (let k = 0; k < polygons; k++) polygon();
  }
  return { structureAt: s, coordinatesAt: c };
}

/**
 * Where each packed feature starts: `structure[i]` in {@link PackedFeatures.structure} and
 * `coordinates[i]` in {@link PackedFeatures.coordinates} (numbers, not positions), with the ends
 * at index `properties.length`: for {@link packedSlice}.
 *
 * @example const at = packedOffsets(packed); packedSlice(packed, at, 0, 100)
 */
export function packedOffsets(packed: PackedFeatures): { structure: Int32Array; coordinates: Int32Array } {
  const n = packed.properties.length;
  const structure = new Int32Array(n + 1);
  const coordinates = new Int32Array(n + 1);
  const end = walkPacked(packed, {
    feature(i, _kind, _polygons, s, c) {
      structure[i] = s;
      coordinates[i] = c;
    },
  });
  structure[n] = end.structureAt;
  coordinates[n] = end.coordinatesAt;
  return { structure, coordinates };
}

/**
 * Features `from` … `to − 1` of packed features, as packed features of their own (views of the
 * same buffers, not copies).
 *
 * @example packedSlice(packed, packedOffsets(packed), 100, 200).properties.length // 100
 */
export function packedSlice(packed: PackedFeatures, at: { structure: Int32Array; coordinates: Int32Array }, from: number, to: number): PackedFeatures {
  return {
    coordinates: packed.coordinates.subarray(at.coordinates[from], at.coordinates[to]),
    structure: packed.structure.subarray(at.structure[from], at.structure[to]),
    properties: packed.properties.slice(from, to),
  };
}
