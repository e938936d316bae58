import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { parseBoundaries } from '../../../src/sources/boundaries/read.js';
import { simplifyBoundaries } from '../../../src/sources/boundaries/simplify.js';
import { boundariesToCrs, toRfc7946 } from '../../../src/sources/boundaries/convert.js';
import { planarArea } from '../../../src/geo/area.js';
import { unionArea } from '../../../src/geo/intersect.js';
import { ringSignedArea } from '../../../src/geo/ring.js';
import { collection, polygonFeature } from './fixtures.js';

// Two buurten sharing a wiggly edge x = 136000 ± 0.5 m that bulges 40 m east, 1 km squares in RD.
const X = 135000;
const Y = 455000;
const edge: Position[] = [];
for (let k = 0; k <= 100; k++) {
  const wiggle = k === 0 || k === 100 ? 0 : k % 2 ? 0.5 : -0.5;
  edge.push([X + 1000 + 40 * Math.sin((Math.PI * k) / 100) + wiggle, Y + k * 10]);
}
const left = [[X, Y], ...edge, [X, Y + 1000], [X, Y]];
const rightRing = [edge[100], ...edge.slice().reverse().slice(1), [X + 2000, Y], [X + 2000, Y + 1000], edge[100]];
const b = parseBoundaries(collection([
  polygonFeature({ statcode: 'BU03440101' }, [left]),
  polygonFeature({ statcode: 'BU03440102' }, [rightRing]),
]));

function segments(rings: Position[][]): Set<string> {
  const s = new Set<string>();
  for (const r of rings) for (let i = 0; i + 1 < r.length; i++) {
    const a = r[i].join(',');
    const c = r[i + 1].join(',');
    s.add(a < c ? `${a}|${c}` : `${c}|${a}`);
  }
  return s;
}
const ringsOf = (g: { type: string; coordinates: unknown }) => (g.type === 'Polygon' ? g.coordinates : (g.coordinates as unknown[]).flat()) as Position[][];

describe('topology-preserving simplification', () => {
  it('drops the ±0.5 m wiggles at 30 m tolerance, keeps the 40 m bulge, and both neighbours keep the same edge', () => {
    const s = simplifyBoundaries(b, { toleranceMeters: 30 });
    const [l, r] = s.features.map((f) => segments(ringsOf(f.geometry)));
    const shared = [...l].filter((k) => r.has(k));
    // every simplified edge segment is in both buurten; only the 3 outer sides of each are not
    expect(shared.length).toBeGreaterThanOrEqual(2);
    expect(shared.length).toBe(l.size - 3);
    expect(shared.length).toBe(r.size - 3);
    expect(ringsOf(s.features[0].geometry)[0].some((p) => p[0] > X + 1030)).toBe(true);
    const n0 = ringsOf(b.features[0].geometry)[0].length;
    expect(ringsOf(s.features[0].geometry)[0].length).toBeLessThan(n0 / 10);
    // no gap, no overlap: the areas still add up to the union, and to the original 2 km²
    const areas = s.features.map((f) => planarArea(f.geometry));
    expect(areas[0] + areas[1]).toBeCloseTo(unionArea(s.features.map((f) => f.geometry)), 3);
    expect(areas[0] + areas[1]).toBeCloseTo(2e6, 3);
  });

  it('retains a fraction of the points, and works in WGS84 (computed in RD, returned as given)', () => {
    const w = boundariesToCrs(b, 'EPSG:4326');
    const s = simplifyBoundaries(w, { retain: 0.1 });
    expect(s.crs).toBe('EPSG:4326');
    const n = (x: typeof b) => x.features.reduce((t, f) => t + ringsOf(f.geometry)[0].length, 0);
    expect(n(s)).toBeLessThan(n(w) * 0.25);
    const [l, r] = s.features.map((f) => segments(ringsOf(f.geometry)));
    expect([...l].filter((k) => r.has(k)).length).toBeGreaterThan(0);
    const all = simplifyBoundaries(b, { retain: 1 });
    expect(n(all)).toBe(n(b));
    expect(planarArea(all.features[0].geometry)).toBeCloseTo(planarArea(b.features[0].geometry), 6);
  });

  it('never collapses a small island: its arcs stay unsimplified', () => {
    const tiny = parseBoundaries(collection([polygonFeature({ statcode: 'BU03440103' }, [[[X, Y], [X + 5, Y], [X + 5, Y + 5], [X, Y + 5], [X, Y]]])]));
    const s = simplifyBoundaries(tiny, { toleranceMeters: 100 });
    expect(planarArea(s.features[0].geometry)).toBe(25);
    expect(s.report.warnings.at(-1)).toBe('1 features too small to simplify kept their edges unsimplified: BU03440103');
  });

  it('is deterministic: the same input gives byte-identical RFC 7946 GeoJSON', () => {
    const once = () => JSON.stringify(toRfc7946(simplifyBoundaries(b, { toleranceMeters: 30 }), { precision: 7 }));
    expect(once()).toBe(once());
  });

  it('rejects a negative tolerance or a fraction outside (0, 1]', () => {
    expect(() => simplifyBoundaries(b, { toleranceMeters: -1 })).toThrow(/invalid simplification tolerance/);
    expect(() => simplifyBoundaries(b, { retain: 0 })).toThrow(/invalid fraction/);
  });
});

describe('RFC 7946 output', () => {
  it('is WGS84 with exteriors counter-clockwise and holes clockwise, rounded as asked', () => {
    const cwHole = parseBoundaries(collection([polygonFeature({ statcode: 'BU03440101' }, [
      [[X, Y], [X, Y + 1000], [X + 1000, Y + 1000], [X + 1000, Y], [X, Y]], // clockwise exterior
      [[X + 100, Y + 100], [X + 200, Y + 100], [X + 200, Y + 200], [X + 100, Y + 200], [X + 100, Y + 100]], // ccw hole
    ])]));
    const fc = toRfc7946(cwHole, { precision: 6 });
    expect('crs' in fc).toBe(false);
    const [outer, hole] = fc.features[0].geometry.coordinates as Position[][];
    expect(ringSignedArea(outer)).toBeGreaterThan(0);
    expect(ringSignedArea(hole)).toBeLessThan(0);
    expect(outer[0][0]).toBeGreaterThan(4);
    expect(outer[0][0]).toBeLessThan(6);
    expect(String(outer[1][0]).split('.')[1].length).toBeLessThanOrEqual(6);
  });
});
