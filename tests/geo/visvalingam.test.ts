import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Position } from 'geojson';
import { presimplify } from 'topojson-simplify';
import { visvalingamWeights } from '../../src/geo/visvalingam.js';

/** topojson-simplify's weights (the reference): presimplify of a topology holding the arcs. */
function reference(arcs: Position[][]): number[][] {
  const pre = presimplify({ type: 'Topology', objects: {}, arcs } as never) as unknown as { arcs: number[][][] };
  return pre.arcs.map((arc) => arc.map((p) => p[2]));
}

function ours(arcs: Position[][]): number[][] {
  const { weights, offsets } = visvalingamWeights(arcs);
  return arcs.map((_, k) => Array.from(weights.subarray(offsets[k], offsets[k + 1])));
}

describe('Visvalingam weights', () => {
  it('a triangle’s apex weighs its area; ends are kept', () => {
    expect(ours([[[0, 0], [1, 1], [2, 0]]])).toEqual([[Infinity, 1, Infinity]]);
    // an eliminated point never weighs less than one eliminated before it
    expect(ours([[[0, 0], [1, 0.1], [2, 0], [3, 5], [4, 0]]])[0][1]).toBeCloseTo(0.1, 12);
  });

  it('equal topojson-simplify to the bit, ties (equal areas on a grid) included', () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }));
    fc.assert(
      fc.property(fc.array(fc.array(point, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 6 }), (arcs) => {
        expect(ours(arcs as Position[][])).toEqual(reference(arcs as Position[][]));
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('equal topojson-simplify on long jittered arcs', () => {
    const arcs: Position[][] = [];
    let s = 7;
    const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let k = 0; k < 20; k++) arcs.push(Array.from({ length: 50 + k * 40 }, (_, i) => [i * 2.5, Math.round(rnd() * 300) / 100]));
    expect(ours(arcs)).toEqual(reference(arcs));
  });
});
