// Planted truth: random partitions of a grid into regions (each region a MultiPolygon of its unit
// cells), vertices jittered by a deterministic function of the grid point (so shared vertices stay
// identical) and rounded to 4 decimals. Some cells carry an extra vertex in the middle of each
// edge. libpysal's definitions give the truth by index arithmetic on the cells:
// queen = 8-adjacency (shared corners); rook = 4-adjacency through a cell edge that both sides
// write with the same vertices (both split or both unsplit). A midpoint on one side only is a
// T-junction, which libpysal does not count as a shared edge.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MultiPolygon } from 'geojson';
import { contiguityWeights } from '../../src/spatial/contiguity.js';
import { neighboursOf } from '../../src/spatial/weights.js';
import type { PolygonFeature } from '../../src/spatial/rings.js';

const R = 6, C = 7;

/** `noise(cell, gx, gy)` moves one cell's copy of a grid point (0 keeps shared vertices identical). */
function build(labels: number[], split: boolean[], seed: number, noise: (cell: number, gx: number, gy: number, axis: number) => number = () => 0) {
  const regions = [...new Set(labels)].sort((a, b) => a - b);
  const jitter = (i: number, j: number, axis: number) => (Math.sin(i * 12.9898 + j * 78.233 + axis * 3.1 + seed) * 43758.5453) % 1;
  const pt = (gx: number, gy: number) => [
    Math.round((5 + gx * 0.01 + jitter(gx, gy, 0) * 0.002) * 1e4) / 1e4,
    Math.round((52 + gy * 0.01 + jitter(gx, gy, 1) * 0.002) * 1e4) / 1e4,
  ];
  const features: PolygonFeature[] = regions.map((lab) => {
    const polys: number[][][][] = [];
    labels.forEach((l, cell) => {
      if (l !== lab) return;
      const r = Math.floor(cell / C), c = cell % C;
      const grid = [[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1]];
      const corners = grid.map(([gx, gy]) => pt(gx, gy));
      const ring: number[][] = [];
      for (let k = 0; k < 4; k++) {
        const [gx, gy] = grid[k];
        ring.push([corners[k][0] + noise(cell, gx, gy, 0), corners[k][1] + noise(cell, gx, gy, 1)]);
        if (split[cell]) {
          const a = corners[k], b = corners[(k + 1) % 4];
          ring.push([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
        }
      }
      ring.push(ring[0]);
      polys.push([ring]);
    });
    return { geometry: { type: 'MultiPolygon', coordinates: polys } as MultiPolygon, properties: { code: `R${lab}` } };
  });
  const truth = (queen: boolean, edgeShared: (p: number, q: number) => boolean = () => true) => regions.map((lab) => {
    const out = new Set<number>();
    labels.forEach((l, cell) => {
      if (l !== lab) return;
      const r = Math.floor(cell / C), c = cell % C;
      for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) {
        if ((dr === 0 && dc === 0) || (!queen && dr !== 0 && dc !== 0)) continue;
        const rr = r + dr, cc = c + dc;
        if (rr < 0 || rr >= R || cc < 0 || cc >= C) continue;
        const other = labels[rr * C + cc];
        if (other !== lab && (queen || edgeShared(cell, rr * C + cc))) out.add(regions.indexOf(other));
      }
    });
    return [...out].sort((a, b) => a - b);
  });
  return { features, truth };
}

const arbitrary = [
  fc.array(fc.integer({ min: 0, max: 7 }), { minLength: R * C, maxLength: R * C }),
  fc.array(fc.boolean(), { minLength: R * C, maxLength: R * C }),
  fc.integer({ min: 0, max: 1000 }),
] as const;
const lists = (w: ReturnType<typeof contiguityWeights>) => w.ids.map((_, i) => neighboursOf(w, i));

describe('contiguity on random partitions with planted adjacency', () => {
  it('no cell split: rook = 4-adjacency and queen = 8-adjacency of the cells', () => {
    fc.assert(fc.property(arbitrary[0], arbitrary[2], (labels, seed) => {
      const { features, truth } = build(labels, labels.map(() => false), seed);
      expect(lists(contiguityWeights(features, { contiguity: 'rook' }))).toEqual(truth(false));
      expect(lists(contiguityWeights(features, { contiguity: 'queen' }))).toEqual(truth(true));
    }), { numRuns: 60 });
  });

  it('T-junctions (a midpoint on one side only) are not shared edges: rook only where both sides split alike; queen unchanged', () => {
    fc.assert(fc.property(...arbitrary, (labels, split, seed) => {
      const { features, truth } = build(labels, split, seed);
      const rook = contiguityWeights(features, { contiguity: 'rook' });
      const queen = contiguityWeights(features, { contiguity: 'queen' });
      expect(lists(rook)).toEqual(truth(false, (p, q) => split[p] === split[q]));
      expect(lists(queen)).toEqual(truth(true));
      expect(rook.method).toBe('shared-vertices');
      expect(rook.tolerance).toBe(0);
    }), { numRuns: 60 });
  });

  it('snapping: every cell copy of a corner moved by ≤ 0.3e-4 on each axis (copies ≤ 0.85e-4 apart) is found with tolerance 1e-4, and not without', () => {
    fc.assert(fc.property(arbitrary[0], arbitrary[2], (labels, seed) => {
      const noise = (cell: number, gx: number, gy: number, axis: number) => 0.3e-4 * Math.sin(cell * 7.1 + gx * 3.3 + gy * 1.7 + axis + seed);
      const { features, truth } = build(labels, labels.map(() => false), seed, noise);
      const rook = contiguityWeights(features, { contiguity: 'rook', tolerance: 1e-4 });
      const queen = contiguityWeights(features, { contiguity: 'queen', tolerance: 1e-4 });
      expect(lists(rook)).toEqual(truth(false));
      expect(lists(queen)).toEqual(truth(true));
      expect(queen.method).toBe('snapped');
      expect(queen.tolerance).toBe(1e-4);
      // without snapping, the moved copies do not coincide: no contact at all
      expect(contiguityWeights(features, { contiguity: 'queen' }).neighbours.length).toBe(0);
    }), { numRuns: 40 });
  });
});
