/**
 * Geometry types shared by every layer above geo (regions, sources, viz, export): kept here, at
 * the lowest layer that needs them, so no lower folder imports a higher one.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** Coordinate reference systems we read and write: RD New and WGS84 longitude/latitude. */
export type Crs = 'EPSG:28992' | 'EPSG:4326';

/** Coordinate reference systems the geometry helpers know (the same values as {@link Crs}). */
export type GeoCrs = Crs;

/** Bounding box `[minX, minY, maxX, maxY]`. */
export type BBox = [number, number, number, number];

/** Properties every boundary feature carries after loading (the source's own properties stay too). */
export interface RegionProperties {
  /** Normalised region code (`BU03440101`, `WK034401`, `GM0344`). */
  code: string;
  /** Region name when the file has one. */
  name: string | null;
  [key: string]: unknown;
}

/** A region polygon with its normalised code, as the boundary readers of src/sources return it. */
export type RegionFeature = Feature<Polygon | MultiPolygon, RegionProperties>;

/**
 * Region polygons in one known CRS: the part of `Boundaries` (src/sources/boundaries) that
 * geometry code needs. Every `Boundaries` is one.
 *
 * @example const g: RegionGeometries = { features: boundaries.features, crs: boundaries.crs };
 */
export interface RegionGeometries {
  features: readonly RegionFeature[];
  crs: Crs;
}
