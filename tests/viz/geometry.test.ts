import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { displayGeometry, prepareGeometry, projectionFor } from '../../src/viz/geometry.js';
import type { RegionFeature } from '../../src/sources/boundaries/types.js';

function poly(code: string, ring: Position[]): RegionFeature {
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { code, name: null, extra: 1 } };
}

describe('prepareGeometry', () => {
  const a = poly('BU00010001', [[0.4, 0.4], [10.2, 0.4], [10.2, 10.6], [0.4, 10.6], [0.4, 0.4]]);
  const b = poly('BU00010002', [[10.2, 0.4], [20.9, 0.4], [20.9, 10.6], [10.2, 10.6], [10.2, 0.4]]);

  it('rounds RD to whole metres, keeps code and name only, and does not mutate the input', () => {
    const before = JSON.stringify([a, b]);
    const g = prepareGeometry({ features: [a, b], crs: 'EPSG:28992' });
    expect((g.features[0].geometry.coordinates as Position[][])[0]).toEqual([[0, 0], [10, 0], [10, 11], [0, 11], [0, 0]]);
    expect(g.features[0].properties).toEqual({ code: 'BU00010001', name: null });
    expect(JSON.stringify([a, b])).toBe(before);
  });

  it('snaps to a grid with shared edges staying shared, and keeps rings that would collapse', () => {
    const tiny = poly('BU00010003', [[30, 30], [31, 30], [31, 31], [30, 31], [30, 30]]);
    const g = prepareGeometry({ features: [a, b, tiny], crs: 'EPSG:28992' }, { gridSize: 5 });
    const ra = (g.features[0].geometry.coordinates as Position[][])[0];
    const rb = (g.features[1].geometry.coordinates as Position[][])[0];
    expect(ra).toEqual([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]);
    expect(rb[0]).toEqual([10, 0]);
    expect(rb).toContainEqual([10, 10]);
    expect((g.features[2].geometry.coordinates as Position[][])[0]).toHaveLength(5);
  });

  it('projects WGS84 input to RD New once (Amersfoort lands on the RD origin)', () => {
    const ring: Position[] = [[5.387206, 52.155174], [5.4, 52.155174], [5.4, 52.16], [5.387206, 52.16], [5.387206, 52.155174]];
    const g = prepareGeometry({ features: [poly('BU00010001', ring)], crs: 'EPSG:4326' });
    expect(g.crs).toBe('EPSG:28992');
    const p = (g.features[0].geometry.coordinates as Position[][])[0][0];
    expect(Math.abs(p[0] - 155000)).toBeLessThanOrEqual(2);
    expect(Math.abs(p[1] - 463000)).toBeLessThanOrEqual(2);
  });

  it('simplifies with topojson while keeping one feature per input and its code', () => {
    const wiggly: Position[] = [];
    for (let i = 0; i <= 100; i++) wiggly.push([i * 10, i % 2 === 0 ? 0 : 0.5]);
    wiggly.push([1000, 500], [0, 500], [0, 0]);
    const g = prepareGeometry({ features: [poly('BU00010009', wiggly)], crs: 'EPSG:28992' }, { simplifyArea: 100 });
    const ring = (g.features[0].geometry.coordinates as Position[][])[0];
    expect(g.features[0].properties.code).toBe('BU00010009');
    expect(ring.length).toBeLessThan(20);
    expect(ring.length).toBeGreaterThanOrEqual(4);
  });

  it('displayGeometry prepares once per features array', () => {
    const geo = { features: [a], crs: 'EPSG:28992' as const };
    expect(displayGeometry(geo)).toBe(displayGeometry(geo));
  });
});

describe('projectionFor', () => {
  it('draws RD planar (identity, y up) and refuses unprojected WGS84', () => {
    expect(projectionFor('EPSG:28992')).toEqual({ type: 'identity', reflectY: true });
    expect(() => projectionFor('EPSG:4326')).toThrow(RangeError);
  });
});
