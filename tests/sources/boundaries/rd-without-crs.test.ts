// A GeoJSON in RD New coordinates without a `crs` member (RFC 7946 says WGS84) is read as RD New
// with a warning that says so; with the member, or in WGS84, there is no such warning.
import { describe, expect, it } from 'vitest';
import { parseBoundaries } from '../../../src/sources/boundaries/read.js';

const square = (x: number, y: number, d: number) => [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];
const fc = (coords: number[][][], crs?: string) => ({
  type: 'FeatureCollection',
  ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
  features: [{ type: 'Feature', properties: { statcode: 'BU03440001' }, geometry: { type: 'Polygon', coordinates: coords } }],
});

describe('GeoJSON in RD New without a crs member', () => {
  it('is read as RD New with a warning naming RFC 7946', () => {
    const b = parseBoundaries(fc(square(136000, 455000, 500)), { file: 'rd.geojson' });
    expect(b.crs).toBe('EPSG:28992');
    expect(b.report.warnings.join('\n')).toContain('RFC 7946 expects WGS84): read as RD New');
  });

  it('gives no such warning when the crs member says RD New, or for WGS84', () => {
    expect(parseBoundaries(fc(square(136000, 455000, 500), 'urn:ogc:def:crs:EPSG::28992')).report.warnings.join('\n')).not.toContain('RFC 7946');
    expect(parseBoundaries(fc(square(5.1, 52.0, 0.01))).report.warnings.join('\n')).not.toContain('RFC 7946');
  });
});
