// Contiguity on national TopoJSON boundaries (decoded with topojson-client): the islands must be
// the Wadden islands, known geography rather than our own output.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as topo from 'topojson-client';
import { sharedData } from '../helpers/shared.js';
import { runCli } from '../helpers/cli.js';
import { contiguityWeights } from '../../src/spatial/contiguity.js';
import { polygonCentroids } from '../../src/spatial/centroid.js';
import { attachIslands } from '../../src/spatial/knn.js';
import { entryIndex, islands, isSymmetric, neighboursOf, type SpatialWeights } from '../../src/spatial/weights.js';
import type { PolygonFeature } from '../../src/spatial/rings.js';

function load(file: string, object: string, codeProperty: string): PolygonFeature[] {
  const tj = JSON.parse(readFileSync(sharedData(file), 'utf8'));
  const fc = topo.feature(tj, tj.objects[object]) as unknown as { features: { geometry: PolygonFeature['geometry']; properties: Record<string, string> }[] };
  return fc.features.map((f) => ({ geometry: f.geometry, properties: { code: f.properties[codeProperty] } }));
}
const rookInQueen = (rook: SpatialWeights, queen: SpatialWeights) => {
  for (let i = 0; i < rook.ids.length; i++) for (const j of neighboursOf(rook, i)) if (entryIndex(queen, i, j) < 0) return false;
  return true;
};

// Ameland, Schiermonnikoog, Terschelling, Vlieland, Texel
const WADDEN = ['GM0060', 'GM0088', 'GM0093', 'GM0096', 'GM0448'];

describe('contiguity of the 342 gemeenten (2023)', () => {
  const features = load('geo/gemeenten_2023_wgs84.topojson', 'gm_features', 'code');
  const queen = contiguityWeights(features, { contiguity: 'queen' });
  const rook = contiguityWeights(features, { contiguity: 'rook' });

  it('the islands are exactly the five Wadden gemeenten, for queen and rook', () => {
    expect(features).toHaveLength(342);
    expect(islands(queen).slice().sort()).toEqual(WADDEN);
    expect(islands(rook).slice().sort()).toEqual(WADDEN);
  });

  it('is symmetric, queen ⊇ rook, and attaching islands to their nearest gemeente leaves none', () => {
    expect(isSymmetric(queen)).toBe(true);
    expect(rookInQueen(rook, queen)).toBe(true);
    const c = polygonCentroids(features);
    const attached = attachIslands(queen, c.x, c.y, 1);
    expect(islands(attached)).toEqual([]);
    expect(isSymmetric(attached)).toBe(true);
    // each island gets exactly its one nearest gemeente (k = 1)
    const schier = queen.ids.indexOf('GM0088');
    expect(neighboursOf(attached, schier)).toHaveLength(1);
  });
});

describe('contiguity of the 3,352 wijken (2023)', () => {
  const features = load('geo/wijken_2023_nl_wgs84.topojson', 'wijk_2023', 'statcode');
  const queen = contiguityWeights(features, { contiguity: 'queen' });
  const rook = contiguityWeights(features, { contiguity: 'rook' });

  it('does not crash on the national file; the single-wijk Wadden gemeenten are islands, and islands are few', () => {
    expect(features).toHaveLength(3352);
    for (const code of ['WK006000', 'WK008800', 'WK009600']) expect(islands(queen)).toContain(code);
    expect(islands(queen).length).toBeLessThanOrEqual(10);
    expect(isSymmetric(rook)).toBe(true);
    expect(rookInQueen(rook, queen)).toBe(true);
    // Texel (GM0448) and Terschelling (GM0093) have several wijken: neighbours among themselves only
    const texel = queen.ids.map((c, i) => [c, i] as const).filter(([c]) => c.startsWith('WK0448'));
    expect(texel.length).toBeGreaterThan(1);
    for (const [, i] of texel) for (const j of neighboursOf(queen, i)) expect(queen.ids[j].startsWith('WK0448')).toBe(true);
  });
});

describe('veerkracht moran on the national wijken TopoJSON', () => {
  it('runs end to end and lists the Wadden wijken as islands (value: the file\'s numeric id, only to exercise the path)', async () => {
    const r = await runCli(['moran', sharedData('geo/wijken_2023_nl_wgs84.topojson'), '--object', 'wijk_2023', '--column', 'id', '--permutations', '9', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.n + j.missing.length).toBe(j.regions);
    for (const code of ['WK006000', 'WK008800', 'WK009600']) expect(j.islands).toContain(code);
    const island = j.local.find((x: { code: string }) => x.code === 'WK006000');
    expect(island).toMatchObject({ Ii: null, quadrant: null, cluster: 'geen buren' });
  });
});
