/**
 * One call from polygons plus values to global and local Moran: contiguity weights, missing
 * values left out (see {@link dropMissing}), the chosen weights form, Moran's I and LISA.
 * This is what `veerkracht moran` runs.
 */
import { contiguityWeights, type Contiguity, type ContiguityMethod, type ContiguityWeights } from './contiguity.js';
import { polygonCentroids } from './centroid.js';
import { attachIslands } from './knn.js';
import { moranGlobal, type MoranGlobal } from './moran.js';
import { moranLocal, type MoranLocal } from './lisa.js';
import { dropMissing } from './missing.js';
import type { PolygonFeature } from './rings.js';
import { islands, rowStandardise, toBinary, type SpatialWeights, type WeightsTransform } from './weights.js';

/** Options for {@link moranAnalysis}. */
export interface MoranAnalysisOptions {
  /** queen (default) or rook. */
  contiguity?: Contiguity;
  /**
   * Snap vertices within this distance (coordinate units); default 0: identical vertices only,
   * as libpysal. See {@link contiguityWeights}.
   */
  tolerance?: number;
  /**
   * Contiguity weights built elsewhere (e.g. `topologyContiguity` from a TopoJSON file),
   * one row per feature in feature order; replaces `contiguity` and `tolerance`.
   */
  contiguityWeights?: ContiguityWeights;
  /** Weights form: 'R' row-standardised (default, as esda) or 'B' binary. */
  transform?: WeightsTransform;
  /**
   * Connect islands (after leaving out missing values) to their k nearest regions with a value,
   * by centroid, in both directions (default 0: leave them as islands).
   */
  islandNeighbours?: number;
  /** Permutations for both pseudo p-values (default 999). */
  permutations?: number;
  /** Seed (default 12345). */
  seed?: number;
  /** Significance level of the LISA cluster category (default 0.05). */
  alpha?: number;
}

/** Result of {@link moranAnalysis}. */
export interface MoranAnalysis {
  global: MoranGlobal;
  local: MoranLocal;
  /** The weights used (over the regions with a value). */
  weights: SpatialWeights;
  contiguity: Contiguity;
  /** Snapping tolerance used (0: identical vertices only). */
  tolerance: number;
  /** How contiguity was found: shared vertices, snapped vertices or the TopoJSON topology. */
  method: ContiguityMethod;
  transform: WeightsTransform;
  /** Codes of regions without a value, left out of everything. */
  missing: string[];
  /** Codes of regions (with a value) that have no neighbour in the weights used. */
  islands: string[];
  /** Number of regions in the input. */
  regions: number;
}

/**
 * Global and local Moran of `values` on the polygons `features`.
 *
 * @param features - Polygon/MultiPolygon features with unique `properties.code`.
 * @param values - one value per feature (null/NaN = missing, left out and reported).
 * @param options - weights and inference options.
 * @returns the statistics, the weights and what was left out.
 * @throws VeerkrachtError for bad geometry, too few values, a constant variable or no neighbours.
 * @example
 * const r = moranAnalysis(boundaries.features, values, { contiguity: 'queen', seed: 1 });
 * r.global.I; r.local.cluster;
 */
export function moranAnalysis(
  features: readonly PolygonFeature[], values: ArrayLike<number | null | undefined>, options: MoranAnalysisOptions = {},
): MoranAnalysis {
  const transform = options.transform ?? 'R';
  const cw = options.contiguityWeights ?? contiguityWeights(features, { contiguity: options.contiguity, tolerance: options.tolerance });
  const contiguity = cw.contiguity;
  if (cw.ids.length !== features.length || features.some((f, i) => f.properties?.code !== cw.ids[i])) {
    throw new RangeError('contiguityWeights must have one row per feature, in feature order');
  }
  // Missing values first (rows and columns removed), then islands of what remains are attached
  // to their nearest regions that do have a value.
  const { values: kept, weights: sub, missing, kept: rows } = dropMissing(values, cw);
  let binary: SpatialWeights = sub;
  const k = options.islandNeighbours ?? 0;
  if (k > 0 && rows.length > 1) {
    const c = polygonCentroids(features);
    binary = attachIslands(sub, Array.from(rows, (i) => c.x[i]), Array.from(rows, (i) => c.y[i]), k);
  }
  const weights = transform === 'R' ? rowStandardise(binary) : toBinary(binary);
  const inference = { permutations: options.permutations, seed: options.seed };
  return {
    global: moranGlobal(kept, weights, inference),
    local: moranLocal(kept, weights, { ...inference, alpha: options.alpha }),
    weights,
    contiguity,
    tolerance: cw.tolerance,
    method: cw.method,
    transform,
    missing,
    islands: islands(weights),
    regions: features.length,
  };
}
