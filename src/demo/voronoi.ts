/**
 * A clipped Voronoi tessellation (d3-delaunay) whose cells tile a rectangle with exactly shared
 * edges: vertices are snapped to a common registry and rounded to centimetres, so two
 * neighbouring cells carry bit-identical coordinates on their common edge.
 */
import { Delaunay } from 'd3-delaunay';
import { counterClockwise, type Ring } from './rings.js';

/** Axis-aligned rectangle in RD New metres. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One cell of the tessellation. */
export interface Cell {
  /** Index of the generating site. */
  index: number;
  site: [number, number];
  /** Counter-clockwise closed ring, coordinates in whole centimetres (metres with 2 decimals). */
  ring: Ring;
  /** Area in m². */
  area: number;
  /** Indices of edge-adjacent cells (Delaunay neighbours whose cells share an edge). */
  neighbours: number[];
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

/**
 * Voronoi cells of `sites` clipped to `box`.
 * @param sites distinct points strictly inside the box
 * @returns one cell per site, in site order
 * @example voronoiCells([[1,1],[3,1]], {x0:0,y0:0,x1:4,y1:2}).map(c => c.area) // [4, 4]
 */
export function voronoiCells(sites: ReadonlyArray<[number, number]>, box: Box): Cell[] {
  const delaunay = Delaunay.from(sites as Array<[number, number]>);
  const voronoi = delaunay.voronoi([box.x0, box.y0, box.x1, box.y1]);
  // snap every vertex to a grid of 1 cm: coordinates computed twice (once per cell) differ at
  // most in the last bits, far below the grid step, so both cells round to the same point.
  const cells: Cell[] = [];
  for (let i = 0; i < sites.length; i++) {
    const poly = voronoi.cellPolygon(i) as Array<[number, number]> | null;
    if (!poly) throw new Error(`voronoiCells: site ${i} has no cell (duplicate site?)`);
    const ring: Ring = [];
    for (const [x, y] of poly) {
      const p: [number, number] = [round2(x), round2(y)];
      const last = ring[ring.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
    }
    if (ring[0][0] !== ring[ring.length - 1][0] || ring[0][1] !== ring[ring.length - 1][1]) ring.push([ring[0][0], ring[0][1]]);
    const ccw = counterClockwise(ring);
    cells.push({ index: i, site: [sites[i][0], sites[i][1]], ring: ccw, area: 0, neighbours: [] });
  }
  // area from the rounded ring; neighbours = cells sharing an edge (two common vertices)
  const owners = new Map<string, number[]>();
  for (const c of cells) {
    let s = 0;
    for (let k = 0; k + 1 < c.ring.length; k++) {
      s += c.ring[k][0] * c.ring[k + 1][1] - c.ring[k + 1][0] * c.ring[k][1];
      const a = c.ring[k];
      const b = c.ring[k + 1];
      const e = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? `${a}|${b}` : `${b}|${a}`;
      const list = owners.get(e) ?? [];
      list.push(c.index);
      owners.set(e, list);
    }
    c.area = s / 2;
  }
  for (const list of owners.values()) {
    if (list.length === 2) {
      const [a, b] = list;
      if (!cells[a].neighbours.includes(b)) cells[a].neighbours.push(b);
      if (!cells[b].neighbours.includes(a)) cells[b].neighbours.push(a);
    }
  }
  for (const c of cells) c.neighbours.sort((p, q) => p - q);
  return cells;
}
