import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { topology } from 'topojson-server';
import { flatPolygonTopology, polygonTopology } from '../../src/geo/topology.js';

type Geom = Polygon | MultiPolygon;

/** topojson-server's topology of the geometries (the reference). */
function reference(geoms: Geom[]) {
  return topology({ d: { type: 'FeatureCollection', features: geoms.map((g) => ({ type: 'Feature', properties: {}, geometry: g })) } } as never);
}

/** Same arcs (the very same position arrays, in order), same arc indices per ring, same bbox. */
function expectSame(geoms: Geom[]) {
  const a = reference(geoms) as unknown as { arcs: Position[][]; objects: unknown; bbox: number[] };
  const b = polygonTopology(geoms);
  expect(b.arcs.length).toBe(a.arcs.length);
  a.arcs.forEach((arc, i) => {
    expect(b.arcs[i].length).toBe(arc.length);
    arc.forEach((p, k) => expect(b.arcs[i][k]).toBe(p));
  });
  expect(b.objects).toEqual(a.objects);
  expect(b.bbox).toEqual(a.bbox);
  expectSameFlat(geoms, b);
}

/** flatPolygonTopology of the same rings in typed arrays: arcs equal in value, same arc indices and bbox. */
function expectSameFlat(geoms: Geom[], nested: ReturnType<typeof polygonTopology>) {
  const xs: number[] = [];
  const ys: number[] = [];
  const ringLengths: number[] = [];
  const shape: number[] = [];
  const polygon = (p: Position[][]) => {
    shape.push(p.length);
    for (const r of p) {
      ringLengths.push(r.length);
      for (const q of r) (xs.push(q[0]), ys.push(q[1]));
    }
  };
  for (const g of geoms) {
    if (g.type === 'Polygon') (shape.push(1), polygon(g.coordinates));
    else (shape.push(2, g.coordinates.length), g.coordinates.forEach(polygon));
  }
  const flat = flatPolygonTopology(Float64Array.from(xs), Float64Array.from(ys), Int32Array.from(ringLengths), Int32Array.from(shape));
  const arcs = [...flat.arcStart].map((start, k) => {
    const arc: number[][] = [];
    for (let i = start; i <= flat.arcEnd[k]; i++) arc.push([flat.xs[i], flat.ys[i]]);
    return arc;
  });
  expect(arcs).toEqual(nested.arcs);
  expect(flat.geometries).toEqual(nested.objects.d.geometries);
  expect(flat.bbox).toEqual(nested.bbox);
}

/** The boundary of the rectangle [x0,x1]×[y0,y1] through every integer point, from corner `start`, either way round. */
function rectRing(x0: number, y0: number, x1: number, y1: number, start: number, reverse: boolean): Position[] {
  const pts: Position[] = [];
  for (let x = x0; x < x1; x++) pts.push([x, y0]);
  for (let y = y0; y < y1; y++) pts.push([x1, y]);
  for (let x = x1; x > x0; x--) pts.push([x, y1]);
  for (let y = y1; y > y0; y--) pts.push([x0, y]);
  const k = start % pts.length;
  const r = [...pts.slice(k), ...pts.slice(0, k)];
  if (reverse) r.reverse();
  r.push(r[0]);
  return r;
}

describe('polygonTopology (and flatPolygonTopology) is topojson-server’s topology', () => {
  it('on an enclave (a hole filled by another buurt, its ring started elsewhere and run the other way)', () => {
    const outer: Polygon = { type: 'Polygon', coordinates: [rectRing(0, 0, 6, 6, 0, false), rectRing(2, 2, 4, 4, 3, true)] };
    const enclave: Polygon = { type: 'Polygon', coordinates: [rectRing(2, 2, 4, 4, 5, false)] };
    const neighbour: Polygon = { type: 'Polygon', coordinates: [rectRing(6, 0, 9, 6, 7, true)] };
    expectSame([outer, enclave, neighbour]);
    expect(polygonTopology([outer, enclave, neighbour]).arcs.length).toBeGreaterThan(2);
  });

  it('on duplicate rings, a MultiPolygon, a ring touching itself and a ring with repeated points', () => {
    const a: Polygon = { type: 'Polygon', coordinates: [rectRing(0, 0, 2, 2, 1, false)] };
    const b: Polygon = { type: 'Polygon', coordinates: [rectRing(0, 0, 2, 2, 6, true)] };
    const m: MultiPolygon = { type: 'MultiPolygon', coordinates: [[rectRing(2, 0, 4, 2, 0, false)], [rectRing(5, 5, 7, 8, 2, false)]] };
    const pinch: Polygon = { type: 'Polygon', coordinates: [[[10, 0], [12, 0], [11, 1], [12, 2], [10, 2], [11, 1], [10, 0]]] };
    const repeats: Polygon = { type: 'Polygon', coordinates: [[[20, 0], [21, 0], [21, 0], [21, 1], [20, 1], [20, 0]]] };
    expectSame([a, b, m, pinch, repeats]);
  });

  it('on random tilings of rectangles (guillotine cuts), each ring started anywhere and run either way', () => {
    const cut = (x0: number, y0: number, x1: number, y1: number, choices: number[], out: number[][]): void => {
      const c = choices.pop() ?? 0;
      const w = x1 - x0;
      const h = y1 - y0;
      if (c % 3 === 0 || (w < 2 && h < 2)) {
        out.push([x0, y0, x1, y1, c]);
        return;
      }
      if ((c % 2 === 0 && w >= 2) || h < 2) {
        const x = x0 + 1 + (c % (w - 1));
        cut(x0, y0, x, y1, choices, out);
        cut(x, y0, x1, y1, choices, out);
      } else {
        const y = y0 + 1 + (c % (h - 1));
        cut(x0, y0, x1, y, choices, out);
        cut(x0, y, x1, y1, choices, out);
      }
    };
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }), (choices) => {
        const rects: number[][] = [];
        cut(0, 0, 9, 7, choices.slice(), rects);
        const geoms: Geom[] = rects.map(([x0, y0, x1, y1, c], i) =>
          i % 4 === 3
            ? { type: 'MultiPolygon', coordinates: [[rectRing(x0, y0, x1, y1, c, c % 2 === 1)]] }
            : { type: 'Polygon', coordinates: [rectRing(x0, y0, x1, y1, c, c % 2 === 1)] },
        );
        expectSame(geoms);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
