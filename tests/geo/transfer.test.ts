// Features packed for the CLI's worker come back with the same geometry and properties.
import { describe, expect, it } from 'vitest';
import { packFeatures, unpackFeatures } from '../../src/geo/transfer.js';
import type { RegionFeature } from '../../src/geo/types.js';

const square = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];

describe('packFeatures / unpackFeatures', () => {
  it('gives back the same polygons, multipolygons with holes, missing geometry and properties', () => {
    const features = [
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [square(0, 0, 10), square(2, 2, 1).reverse()] }, properties: { code: 'BU00010001', name: 'Één' } },
      { type: 'Feature', geometry: null, properties: { code: 'BU00010002', name: null } },
      {
        type: 'Feature',
        geometry: { type: 'MultiPolygon', coordinates: [[square(20, 0, 5)], [square(30, 0, 5), square(31, 1, 1).reverse(), square(33, 3, 0.5).reverse()]] },
        properties: { code: 'BU00010003', name: 'Drie', extra: 7 },
      },
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [square(-0.123456789, 52.987654321, 1e-9)] }, properties: { code: 'BU00010004', name: 'Vier' } },
    ] as unknown as RegionFeature[];
    const packed = packFeatures(features);
    // one coordinate pair per position, nothing else
    const positions = JSON.stringify(features.map((f) => f.geometry?.coordinates ?? [])).match(/\[-?[\d.e-]+,-?[\d.e-]+\]/g)!.length;
    expect(packed.coordinates.length).toBe(positions * 2);
    expect(unpackFeatures(structuredClone(packed))).toEqual(features);
  });

  it('packs nothing for no features', () => {
    const packed = packFeatures([]);
    expect(packed.coordinates.length).toBe(0);
    expect(unpackFeatures(packed)).toEqual([]);
  });
});
