/**
 * What the boundary readers return: polygon features with a normalised region code, in one
 * known CRS, plus the same provenance and load report as tabular loaders.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LoadReport, Provenance, RegionLevel } from '../types.js';

/** Coordinate reference systems we read and write. */
export type Crs = 'EPSG:28992' | 'EPSG:4326';

/** Properties every boundary feature carries after loading (the source's own properties stay too). */
export interface RegionProperties {
  /** Normalised region code (`BU03440101`, `WK034401`, `GM0344`). */
  code: string;
  /** Region name when the file has one. */
  name: string | null;
  [key: string]: unknown;
}

export type RegionFeature = Feature<Polygon | MultiPolygon, RegionProperties>;

export interface Boundaries {
  features: RegionFeature[];
  /** CRS of the coordinates in `features` (as read, or after conversion). */
  crs: Crs;
  /** Level detected from the codes. */
  level: RegionLevel;
  /** The source property the codes came from (`statcode`, `buurtcode`, `bu_code`, …). */
  codeProperty: string;
  provenance: Provenance;
  /** Features that were not usable (no code, empty or invalid geometry) are counted here by reason. */
  report: LoadReport;
}
