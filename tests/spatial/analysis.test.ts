import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { moranAnalysis } from '../../src/spatial/analysis.js';
import { moranGlobal } from '../../src/spatial/moran.js';
import { neighboursOf, weightsFromLists } from '../../src/spatial/weights.js';
import type { PolygonFeature } from '../../src/spatial/rings.js';
import { latticeFeatures, latticeIds, latticeLists } from './fixtures.js';

const square = (code: string, x: number, y: number): PolygonFeature => ({
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] } as Polygon,
  properties: { code },
});

describe('moranAnalysis', () => {
  it('binary transform equals moranGlobal on hand-built rook weights', () => {
    const y = Array.from({ length: 16 }, (_, i) => (i * 7) % 5 + Math.floor(i / 4));
    const r = moranAnalysis(latticeFeatures(4, 4), y, { contiguity: 'rook', transform: 'B', permutations: 0 });
    const g = moranGlobal(y, weightsFromLists(latticeIds(4, 4), latticeLists(4, 4, false)), { permutations: 0 });
    expect(r.global.I).toBeCloseTo(g.I, 12);
    expect(r.global.VI_rand).toBeCloseTo(g.VI_rand, 12);
    expect(r.transform).toBe('B');
  });

  it('leaves missing values out first, then attaches islands to the nearest region that has a value', () => {
    const features = [...latticeFeatures(2, 2), square('BU99990010', 5, 0), square('BU99990011', 3, 0)];
    // BU99990011 (at x 3..4) is nearer to the far square but has no value; it touches nobody either
    const values = [1, 2, 3, 5, 4, null];
    const r = moranAnalysis(features, values, { islandNeighbours: 1, permutations: 0 });
    expect(r.missing).toEqual(['BU99990011']);
    expect(r.islands).toEqual([]);
    const far = r.weights.ids.indexOf('BU99990010');
    expect(neighboursOf(r.weights, far).map((j) => r.weights.ids[j])).toEqual(['BU99990001']); // cell (0,1) at x 1..2
    const without = moranAnalysis(features, values, { permutations: 0 });
    expect(without.islands).toEqual(['BU99990010']);
    expect(without.local.cluster[without.local.ids.indexOf('BU99990010')]).toBe('geen buren');
  });
});
