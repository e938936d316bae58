/**
 * What the boundary readers return: polygon features with a normalised region code, in one
 * known CRS, plus the same provenance and load report as tabular loaders.
 */
import type { Crs, RegionFeature } from '../../geo/types.js';
import type { LoadReport, Provenance, RegionLevel } from '../types.js';

// The feature and CRS types live in src/geo/types.ts (the lowest layer that needs them); kept
// here under their old names so every existing importer works unchanged.
export type { Crs, RegionFeature, RegionProperties } from '../../geo/types.js';

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
