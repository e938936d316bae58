/**
 * Which CRS a boundary file is in: from its label (GeoJSON `crs` member, shapefile `.prj`) and
 * from the coordinates themselves, which in the Netherlands tell RD New and WGS84 apart without
 * doubt (RD x ≈ 0–300 km, y ≈ 289–629 km; WGS84 longitude 3–7.3°, latitude 50.7–53.6°). A label
 * that contradicts the coordinates is a user error naming the file.
 */
import { VeerkrachtError } from '../../util/errors.js';
import type { BBox } from '../../geo/types.js';
import type { Crs } from './types.js';

// Ranges with a margin for the sea and the borders.
const WGS84 = { x: [2.5, 7.6], y: [50.5, 54.0] } as const;
const RD = { x: [-10_000, 310_000], y: [280_000, 640_000] } as const;

function inside(b: BBox, r: { x: readonly number[]; y: readonly number[] }): boolean {
  return b[0] >= r.x[0] && b[2] <= r.x[1] && b[1] >= r.y[0] && b[3] <= r.y[1];
}

/** What the coordinates look like: a CRS, WGS84 with latitude first, or nothing Dutch. */
export type CoordinateGuess = Crs | 'EPSG:4326 (latitude, longitude)' | null;

/**
 * Guess the CRS from the bounding box of all coordinates.
 *
 * @example crsFromBBox([5.0, 52.0, 5.2, 52.1]) // 'EPSG:4326'
 * @example crsFromBBox([130000, 450000, 140000, 460000]) // 'EPSG:28992'
 */
export function crsFromBBox(b: BBox): CoordinateGuess {
  if (!(b[0] <= b[2])) return null;
  if (inside(b, WGS84)) return 'EPSG:4326';
  if (inside(b, RD)) return 'EPSG:28992';
  if (inside([b[1], b[0], b[3], b[2]], WGS84)) return 'EPSG:4326 (latitude, longitude)';
  return null;
}

/**
 * The CRS a GeoJSON `crs` member names (`urn:ogc:def:crs:OGC:1.3:CRS84`, `EPSG:4326`,
 * `urn:ogc:def:crs:EPSG::28992`, …), undefined when there is none.
 *
 * @throws VeerkrachtError for a CRS other than WGS84 or RD New.
 */
export function crsFromGeoJsonMember(crs: unknown, file?: string): Crs | undefined {
  if (crs === undefined || crs === null) return undefined;
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  const s = typeof name === 'string' ? name : JSON.stringify(crs);
  return crsFromName(s, file, 'crs');
}

/**
 * The CRS a shapefile `.prj` (ESRI WKT) describes.
 *
 * @throws VeerkrachtError for a projection other than WGS84 or RD New.
 */
export function crsFromPrj(wkt: string, file?: string): Crs {
  const s = wkt.trim();
  if (/Amersfoort|RD[_ ]New|28992|Double_Stereographic|Oblique_Stereographic/i.test(s)) return 'EPSG:28992';
  if (/^GEOGCS\[/i.test(s) && /WGS[_ ]?(19)?84/i.test(s)) return 'EPSG:4326';
  throw new VeerkrachtError('unsupported coordinate reference system', {
    file, column: '.prj', expected: 'RD New (EPSG:28992) or WGS84 (EPSG:4326)', found: JSON.stringify(s.slice(0, 60)),
  });
}

function crsFromName(s: string, file: string | undefined, column: string): Crs {
  if (/CRS:?84\b|EPSG:+4326\b|4326$/i.test(s)) return 'EPSG:4326';
  if (/EPSG:+28992\b|28992$/i.test(s)) return 'EPSG:28992';
  throw new VeerkrachtError('unsupported coordinate reference system', {
    file, column, expected: 'RD New (EPSG:28992) or WGS84 (EPSG:4326, CRS84)', found: JSON.stringify(s.slice(0, 60)),
  });
}

const fmt = (b: BBox) => `[${b.map((v) => +v.toPrecision(7)).join(', ')}]`;

/**
 * Settle the CRS of a file from its label (if any) and its coordinates' bounding box.
 *
 * @throws VeerkrachtError when the label contradicts the coordinates (RD coordinates labelled
 *   WGS84 or the other way round), when latitude and longitude are swapped, or when the
 *   coordinates lie in neither CRS's range for the Netherlands.
 */
export function resolveCrs(label: Crs | undefined, bbox: BBox, file?: string): Crs {
  const guess = crsFromBBox(bbox);
  const describe = (g: CoordinateGuess) => (g === null ? 'outside the Netherlands in both RD New and WGS84' : `which looks like ${g}`);
  if (guess === 'EPSG:4326 (latitude, longitude)') {
    throw new VeerkrachtError('coordinates are latitude, longitude; GeoJSON needs longitude, latitude', {
      file, column: 'coordinates', expected: 'longitude 2.5–7.6, latitude 50.5–54', found: `bounding box ${fmt(bbox)}`,
    });
  }
  if (label !== undefined && guess !== label) {
    throw new VeerkrachtError(`the CRS label says ${label} but the coordinates are not`, {
      file, column: 'crs',
      expected: label === 'EPSG:4326' ? 'longitude 2.5–7.6, latitude 50.5–54' : 'RD x −10–310 km, y 280–640 km',
      found: `bounding box ${fmt(bbox)}, ${describe(guess)}`,
    });
  }
  if (guess === null) {
    throw new VeerkrachtError('cannot tell the CRS: coordinates lie outside the Netherlands', {
      file, column: 'coordinates', expected: 'RD New (x 0–300 km, y 289–629 km) or WGS84 (lon 3–7.3, lat 50.7–53.6)',
      found: `bounding box ${fmt(bbox)}`,
    });
  }
  return guess;
}
