import { describe, expect, it } from 'vitest';
import { demoOptions } from '../../src/demo/index.js';
import { unionRings } from '../../src/demo/rings.js';
import { voronoiCells } from '../../src/demo/voronoi.js';
import { demoText } from './files.js';

type Pt = [number, number];

// independent shoelace area (absolute) of a closed ring
const area = (ring: Pt[]): number => {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(s / 2);
};

const box = demoOptions('demo').box;
const boxArea = (box.x1 - box.x0) * (box.y1 - box.y0);

for (const file of ['geo/synthetisch_buurten_2014-2018_rd.geojson', 'geo/synthetisch_buurten_2019-2022_rd.geojson']) {
  describe(file, () => {
    const fc = JSON.parse(demoText(file));
    const features = fc.features as Array<{ properties: Record<string, string>; geometry: { type: string; coordinates: Pt[][] } }>;

    it('is RD New GeoJSON with the CBS property names', () => {
      expect(fc.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::28992');
      expect(features.length).toBeGreaterThanOrEqual(150);
      expect(features.length).toBeLessThanOrEqual(300);
      for (const f of features) {
        expect(Object.keys(f.properties).sort()).toEqual(['buurtcode', 'buurtnaam', 'gemeentecode', 'gemeentenaam', 'wijkcode']);
        expect(f.properties.buurtcode).toMatch(/^BU99\d{6}$/);
        expect(f.properties.buurtcode.slice(2, 8)).toBe(f.properties.wijkcode.slice(2));
        expect(f.geometry.type).toBe('Polygon');
        const ring = f.geometry.coordinates[0];
        expect(ring[0]).toEqual(ring[ring.length - 1]);
      }
    });

    it('tiles the region: areas sum to the box area, each edge is shared by at most two buurten', () => {
      const total = features.reduce((s, f) => s + area(f.geometry.coordinates[0]), 0);
      expect(Math.abs(total - boxArea) / boxArea).toBeLessThan(1e-6);
      const edges = new Map<string, number>();
      for (const f of features) {
        const r = f.geometry.coordinates[0];
        for (let i = 0; i + 1 < r.length; i++) {
          const a = r[i].join(',');
          const b = r[i + 1].join(',');
          const k = a < b ? `${a}|${b}` : `${b}|${a}`;
          edges.set(k, (edges.get(k) ?? 0) + 1);
        }
      }
      let outer = 0;
      for (const [k, n] of edges) {
        expect(n).toBeLessThanOrEqual(2);
        if (n === 1) {
          // an edge used once lies on the region's outline
          outer++;
          const [[x0, y0], [x1, y1]] = k.split('|').map((p) => p.split(',').map(Number));
          const onX = (x0 === box.x0 && x1 === box.x0) || (x0 === box.x1 && x1 === box.x1);
          const onY = (y0 === box.y0 && y1 === box.y0) || (y0 === box.y1 && y1 === box.y1);
          expect(onX || onY).toBe(true);
        }
      }
      expect(outer).toBeGreaterThan(4);
    });
  });
}

describe('indeling change', () => {
  it('one buurt splits in two and two merge into one, with equal total area', () => {
    const a = JSON.parse(demoText('geo/synthetisch_buurten_2014-2018_rd.geojson')).features;
    const b = JSON.parse(demoText('geo/synthetisch_buurten_2019-2022_rd.geojson')).features;
    const codesA = new Set<string>(a.map((f: { properties: { buurtcode: string } }) => f.properties.buurtcode));
    const codesB = new Set<string>(b.map((f: { properties: { buurtcode: string } }) => f.properties.buurtcode));
    const onlyA = [...codesA].filter((c) => !codesB.has(c));
    const onlyB = [...codesB].filter((c) => !codesA.has(c));
    expect(onlyA.length).toBe(3); // the split buurt and the two merged ones
    expect(onlyB.length).toBe(3); // the two parts and the merged buurt
    const areaOf = (fs: Array<{ properties: { buurtcode: string }; geometry: { coordinates: Pt[][] } }>, codes: string[]): number =>
      fs.filter((f) => codes.includes(f.properties.buurtcode)).reduce((s, f) => s + area(f.geometry.coordinates[0]), 0);
    expect(areaOf(a, onlyA)).toBeCloseTo(areaOf(b, onlyB), 3);
  });
});

describe('voronoiCells and unionRings', () => {
  it('two sites split a rectangle into two halves', () => {
    const cells = voronoiCells(
      [
        [1, 1],
        [3, 1],
      ],
      { x0: 0, y0: 0, x1: 4, y1: 2 },
    );
    expect(cells.map((c) => c.area)).toEqual([4, 4]);
    expect(cells[0].neighbours).toEqual([1]);
    const u = unionRings(cells.map((c) => c.ring));
    expect(area(u)).toBe(8);
  });

  it('unionRings refuses rings that do not touch', () => {
    const sq = (x: number): Pt[] => [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ];
    expect(() => unionRings([sq(0), sq(5)])).toThrow();
  });
});

describe('buildRegion at a larger scale', () => {
  it('gives contiguous gemeenten and wijken with unique codes in GM9xxx', async () => {
    const { buildRegion } = await import('../../src/demo/regions.js');
    const opts = { ...demoOptions('national'), buurten: 1500, gemeenten: 40, box: { x0: 0, y0: 300000, x1: 100000, y1: 420000 } };
    const r = buildRegion(opts);
    const total = r.cells.reduce((s, c) => s + area(c.ring), 0);
    expect(Math.abs(total - 100000 * 120000) / (100000 * 120000)).toBeLessThan(1e-6);
    const codes = r.indelingB.map((b) => b.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const g of r.gemeenten) expect(g.code).toMatch(/^GM9\d{3}$/);
    // contiguity: each wijk's cells are connected through shared edges
    const wijkOf = new Map<number, string>();
    for (const b of r.indelingB) for (const c of b.cells) wijkOf.set(c, b.wijkcode);
    for (const w of r.wijken) {
      const cells = [...wijkOf].filter(([, code]) => code === w.code).map(([c]) => c);
      const seen = new Set([cells[0]]);
      const stack = [cells[0]];
      while (stack.length) for (const n of r.cells[stack.pop()!].neighbours) if (wijkOf.get(n) === w.code && !seen.has(n)) seen.add(n), stack.push(n);
      expect(seen.size).toBe(cells.length);
    }
  });
});
