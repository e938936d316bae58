/**
 * LISA cluster map (Anselin 1995, local Moran's I): significant High-High, Low-High, Low-Low and
 * High-Low buurten, "niet significant", islands ("geen buren"), and buurten without a value
 * ("geen gegevens"). Categories and labels come from src/spatial/lisa.ts; colours follow GeoDa.
 */
import type { VegaLiteSpec } from '../compile.js';
import { NO_DATA_COLOUR, NO_DATA_LABEL } from '../classes.js';
import type { MapGeometry } from '../geometry.js';
import { LISA_CLUSTERS, LISA_CLUSTER_LABELS, type LisaCluster } from '../../spatial/lisa.js';
import { lookupByCode, mapSpec, type MapOptions } from './base.js';

/**
 * GeoDa's cluster colours; "niet significant" a light grey visible on the white page (GeoDa's
 * #EEEEEE is not) and islands ("geen buren") a dark grey, apart from the mid-grey "geen
 * gegevens" (CIEDE2000 ≥ 10 between all classes and to the page, tests/viz/palette.test.ts).
 */
export const LISA_COLOURS: Readonly<Record<LisaCluster, string>> = {
  HH: '#D7191C',
  LL: '#2C7BB6',
  LH: '#ABD9E9',
  HL: '#FDAE61',
  'niet significant': '#CCCCCC',
  'geen buren': '#5F5F5F',
};

/**
 * A LISA cluster map spec.
 *
 * @param clusters Cluster per buurt code (e.g. from `moranLocal`); a missing code or null is "geen gegevens".
 * @example lisaMapSpec(geo, new Map([['BU03440111', 'HH']]), { title: 'LISA onv', synthetic: false })
 */
export function lisaMapSpec(
  buurten: MapGeometry,
  clusters: ReadonlyMap<string, LisaCluster | null> | Readonly<Record<string, LisaCluster | null>>,
  options: MapOptions,
): VegaLiteSpec {
  const legend = {
    labels: [...LISA_CLUSTERS.map((c) => LISA_CLUSTER_LABELS[c]), NO_DATA_LABEL],
    colours: [...LISA_CLUSTERS.map((c) => LISA_COLOURS[c]), NO_DATA_COLOUR],
  };
  return mapSpec(
    buurten,
    (code) => {
      const c = lookupByCode(clusters, code);
      return c === undefined || c === null ? NO_DATA_LABEL : LISA_CLUSTER_LABELS[c];
    },
    legend,
    { legendTitle: 'LISA-cluster', ...options },
  );
}
