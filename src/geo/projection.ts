/**
 * Projection between RD New (EPSG:28992, Amersfoort / RD New) and WGS84 (EPSG:4326) with proj4,
 * using the official EPSG definition including the 7-parameter datum shift (towgs84). Without
 * that shift positions are off by about 100 m.
 */
import * as proj4Import from 'proj4';
import type { Position } from 'geojson';

/**
 * The proj4 definition of EPSG:28992 as published by EPSG (oblique stereographic on the Bessel
 * ellipsoid, with the Bursa–Wolf parameters to WGS84).
 */
export const RD_NEW_PROJ4 =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
  '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

interface Converter {
  forward(p: number[]): number[];
  inverse(p: number[]): number[];
}
// proj4 is CommonJS with an ES-style `export default` in its types: the function sits on
// `default` under Node's ESM loader and under tslab's CommonJS interop alike.
type Proj4 = (from: string, to: string) => Converter;
const lib = proj4Import as unknown as { default?: Proj4 };
const proj4: Proj4 = typeof lib === 'function' ? (lib as unknown as Proj4) : (lib.default as Proj4);
const converter = proj4('EPSG:4326', RD_NEW_PROJ4);

/**
 * RD New (x, y in metres) to WGS84 (longitude, latitude in degrees).
 *
 * @example rdToWgs84([155000, 463000]) // ≈ [5.38721, 52.15517] (Amersfoort, the RD origin)
 */
export function rdToWgs84(p: Position): Position {
  const [x, y] = converter.inverse([p[0], p[1]]);
  return [x, y];
}

/**
 * WGS84 (longitude, latitude in degrees) to RD New (x, y in metres).
 *
 * @example wgs84ToRd([5.38721, 52.15517]) // ≈ [155000, 463000]
 */
export function wgs84ToRd(p: Position): Position {
  const [x, y] = converter.forward([p[0], p[1]]);
  return [x, y];
}
