// Planted truth: random partitions of a grid into regions (each region a MultiPolygon of its unit
// cells), vertices jittered by a deterministic function of the grid point (so shared vertices stay
// identical) and rounded to 4 decimals, some edges split by an extra vertex on one side only
// (T-junctions). Rook/queen neighbours must equal 4-/8-adjacency of the cells.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MultiPolygon } from 'geojson';
import { contiguityWeights } from '../../src/spatial/contiguity.js';
import { neighboursOf } from '../../src/spatial/weights.js';
import type { PolygonFeature } from '../../src/spatial/rings.js';

const R = 6, C = 7;

function build(labels: number[], split: boolean[], seed: number, roundSplits = false) {
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
      const corners = [pt(c, r), pt(c + 1, r), pt(c + 1, r + 1), pt(c, r + 1)];
      const ring: number[][] = [];
      for (let k = 0; k < 4; k++) {
        ring.push(corners[k]);
        if (split[cell]) {
          const a = corners[k], b = corners[(k + 1) % 4];
          const m = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]; // on the edge, absent on the other side
          // rounding to the file's 4 decimals moves it off the edge by up to ~0.7 grid steps
          ring.push(roundSplits ? m.map((v) => Math.round(v * 1e4) / 1e4) : m);
        }
      }
      ring.push(corners[0]);
      polys.push([ring]);
    });
    return { geometry: { type: 'MultiPolygon', coordinates: polys } as MultiPolygon, properties: { code: `R${lab}` } };
  });
  const truth = (queen: boolean) => regions.map((lab) => {
    const out = new Set<number>();
    labels.forEach((l, cell) => {
      if (l !== lab) return;
      const r = Math.floor(cell / C), c = cell % C;
      for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) {
        if ((dr === 0 && dc === 0) || (!queen && dr !== 0 && dc !== 0)) continue;
        const rr = r + dr, cc = c + dc;
        if (rr < 0 || rr >= R || cc < 0 || cc >= C) continue;
        const other = labels[rr * C + cc];
        if (other !== lab) out.add(regions.indexOf(other));
      }
    });
    return [...out].sort((a, b) => a - b);
  });
  return { features, truth };
}

describe('contiguity on random partitions with planted adjacency', () => {
  it('rook = 4-adjacency and queen = 8-adjacency of the cells', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 7 }), { minLength: R * C, maxLength: R * C }),
      fc.array(fc.boolean(), { minLength: R * C, maxLength: R * C }),
      fc.integer({ min: 0, max: 1000 }),
      (labels, split, seed) => {
        const { features, truth } = build(labels, split, seed);
        const rook = contiguityWeights(features, { contiguity: 'rook' });
        const queen = contiguityWeights(features, { contiguity: 'queen' });
        expect(rook.ids.map((_, i) => neighboursOf(rook, i))).toEqual(truth(false));
        expect(queen.ids.map((_, i) => neighboursOf(queen, i))).toEqual(truth(true));
      },
    ), { numRuns: 60 });
  });

  it('T-junction vertices moved off the edge by rounding: found with a tolerance of 0.75 grid step (the rounding bound is 0.71)', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 7 }), { minLength: R * C, maxLength: R * C }),
      fc.array(fc.boolean(), { minLength: R * C, maxLength: R * C }),
      fc.integer({ min: 0, max: 1000 }),
      (labels, split, seed) => {
        const { features, truth } = build(labels, split, seed, true);
        const rook = contiguityWeights(features, { contiguity: 'rook', tolerance: 0.75e-4 });
        const queen = contiguityWeights(features, { contiguity: 'queen', tolerance: 0.75e-4 });
        expect(rook.ids.map((_, i) => neighboursOf(rook, i))).toEqual(truth(false));
        expect(queen.ids.map((_, i) => neighboursOf(queen, i))).toEqual(truth(true));
      },
    ), { numRuns: 60 });
  });
});
