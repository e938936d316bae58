/**
 * The fictional region: sites (denser in town centres), their clipped Voronoi cells, gemeenten
 * and wijken grown over cell adjacency (so every unit is contiguous), codes in the non-existent
 * range GM9000–GM9999, and two indelingen: before INDELING_CHANGE_YEAR one buurt that later
 * splits in two is still whole, and two buurten that later merge are still separate.
 */
import { Rng } from './prng.js';
import { buurtNaam, gemeenteNaam, wijkNaam } from './names.js';
import type { DemoOptions } from './options.js';
import { voronoiCells, type Cell } from './voronoi.js';

/** A buurt of one indeling: a union of base cells. */
export interface Buurt {
  code: string;
  naam: string;
  wijkcode: string;
  gemeentecode: string;
  cells: number[];
  /** KWB IndelingswijzigingWijkenEnBuurten: 1 unchanged, 3 boundary changed (new in this indeling). */
  wijziging: 1 | 3;
}

/** A wijk (never changes between the two indelingen here). */
export interface Wijk {
  code: string;
  naam: string;
  gemeentecode: string;
}

/** A gemeente. */
export interface Gemeente {
  code: string;
  naam: string;
  /** Centre (RD New metres). */
  centre: [number, number];
}

/** The region's geometry and hierarchy. */
export interface RegionModel {
  cells: Cell[];
  /** Gemeente index per cell. */
  cellGemeente: Int32Array;
  /** Distance (m) of each cell's site to its gemeente centre. */
  cellCentreDistance: Float64Array;
  gemeenten: Gemeente[];
  wijken: Wijk[];
  /** Buurten before INDELING_CHANGE_YEAR (indeling A) and from it on (indeling B). */
  indelingA: Buurt[];
  indelingB: Buurt[];
  /** The two cells that form one buurt in A and two in B. */
  splitCells: [number, number];
  /** The two cells that are two buurten in A and one in B. */
  mergeCells: [number, number];
}

/** Gemeente code for index i: GM9901… for the demo, GM9000… nationally (no real gemeente uses 9xxx). */
export function gemeenteCode(i: number, scale: DemoOptions['scale']): string {
  return `GM${scale === 'demo' ? 9901 + i : 9000 + i}`;
}

/**
 * Build the region model for the options (pure: same options, same model).
 * @example buildRegion(demoOptions()).indelingB.length // ≈ 219
 */
export function buildRegion(opts: DemoOptions): RegionModel {
  const rng = new Rng(opts.seed).fork('regions');
  const { box } = opts;
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;

  // town centres: spread by best-of-k candidate sampling
  const centres: [number, number][] = [];
  for (let g = 0; g < opts.gemeenten; g++) {
    let best: [number, number] = [0, 0];
    let bestD = -1;
    for (let k = 0; k < 12; k++) {
      const p: [number, number] = [box.x0 + w * rng.between(0.06, 0.94), box.y0 + h * rng.between(0.06, 0.94)];
      let d = Infinity;
      for (const c of centres) d = Math.min(d, Math.hypot(c[0] - p[0], c[1] - p[1]));
      if (d > bestD) {
        bestD = d;
        best = p;
      }
    }
    centres.push(best);
  }
  const townSize = centres.map(() => rng.between(0.5, 1.5));
  const spacing = Math.sqrt((w * h) / opts.gemeenten);

  // sites: rejection sampling on a density with urban peaks; a minimum distance avoids slivers
  const density = (x: number, y: number): number => {
    let s = 0.12;
    for (let g = 0; g < centres.length; g++) {
      const d2 = (centres[g][0] - x) ** 2 + (centres[g][1] - y) ** 2;
      const s2 = (0.22 * spacing * townSize[g]) ** 2;
      s += townSize[g] * Math.exp(-d2 / (2 * s2));
    }
    return s;
  };
  const minDist = 0.18 * Math.sqrt((w * h) / opts.buurten);
  const grid = new Map<string, [number, number][]>();
  const cellKey = (x: number, y: number): string => `${Math.floor(x / minDist)},${Math.floor(y / minDist)}`;
  const sites: [number, number][] = [];
  let tries = 0;
  while (sites.length < opts.buurten && tries < opts.buurten * 200) {
    tries++;
    const x = box.x0 + w * rng.uniform();
    const y = box.y0 + h * rng.uniform();
    if (rng.uniform() * 1.7 > density(x, y)) continue;
    let ok = x - box.x0 > 1 && box.x1 - x > 1 && y - box.y0 > 1 && box.y1 - y > 1;
    const gx = Math.floor(x / minDist);
    const gy = Math.floor(y / minDist);
    for (let dx = -1; dx <= 1 && ok; dx++) {
      for (let dy = -1; dy <= 1 && ok; dy++) {
        for (const p of grid.get(`${gx + dx},${gy + dy}`) ?? []) if (Math.hypot(p[0] - x, p[1] - y) < minDist) ok = false;
      }
    }
    if (!ok) continue;
    const p: [number, number] = [Math.round(x * 100) / 100, Math.round(y * 100) / 100];
    sites.push(p);
    const k = cellKey(x, y);
    const list = grid.get(k) ?? [];
    list.push(p);
    grid.set(k, list);
  }
  const cells = voronoiCells(sites, box);
  const n = cells.length;

  // gemeenten: multi-source Dijkstra over adjacency from the cell nearest each centre
  const seeds = centres.map((c) => nearestCell(cells, c));
  const uniqueSeeds = seeds.filter((s, i) => seeds.indexOf(s) === i);
  const cellGemeente = grow(cells, uniqueSeeds, () => true);
  const gemeenten: Gemeente[] = [];
  const usedGm = new Set<string>();
  for (let g = 0; g < uniqueSeeds.length; g++) {
    gemeenten.push({ code: gemeenteCode(g, opts.scale), naam: gemeenteNaam(g, rng, usedGm), centre: cells[uniqueSeeds[g]].site });
  }
  const cellCentreDistance = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = gemeenten[cellGemeente[i]].centre;
    cellCentreDistance[i] = Math.hypot(cells[i].site[0] - c[0], cells[i].site[1] - c[1]);
  }

  // wijken: per gemeente about one per 4.5 cells, grown from spread seeds; wijk 00 holds the centre
  const wijken: Wijk[] = [];
  const cellWijk = new Int32Array(n).fill(-1);
  for (let g = 0; g < gemeenten.length; g++) {
    const members = [];
    for (let i = 0; i < n; i++) if (cellGemeente[i] === g) members.push(i);
    const k = Math.max(1, Math.min(99, Math.round(members.length / 4.5)));
    const wSeeds = [uniqueSeeds[g]];
    while (wSeeds.length < k) {
      let best = -1;
      let bestD = -1;
      for (const m of members) {
        let d = Infinity;
        for (const s of wSeeds) d = Math.min(d, Math.hypot(cells[m].site[0] - cells[s].site[0], cells[m].site[1] - cells[s].site[1]));
        d *= rng.between(0.8, 1.2);
        if (d > bestD) {
          bestD = d;
          best = m;
        }
      }
      wSeeds.push(best);
    }
    // order wijk seeds by distance to the centre so wijk 00 is the centre
    wSeeds.sort((a, b) => cellCentreDistance[a] - cellCentreDistance[b]);
    const local = grow(cells, wSeeds, (i) => cellGemeente[i] === g);
    const usedWk = new Set<string>();
    const gm = gemeenten[g];
    for (let j = 0; j < wSeeds.length; j++) {
      wijken.push({ code: `WK${gm.code.slice(2)}${String(j).padStart(2, '0')}`, naam: wijkNaam(j, gm.naam, rng, usedWk), gemeentecode: gm.code });
    }
    const offset = wijken.length - wSeeds.length;
    for (const m of members) cellWijk[m] = offset + local[m];
  }

  // split pair and merge pair: adjacent cells in the same wijk of gemeente 0, populated area
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    if (cellGemeente[i] !== 0) continue;
    for (const j of cells[i].neighbours) if (j > i && cellWijk[j] === cellWijk[i]) pairs.push([i, j]);
  }
  pairs.sort((a, b) => cellCentreDistance[a[0]] + cellCentreDistance[a[1]] - cellCentreDistance[b[0]] - cellCentreDistance[b[1]]);
  const splitCells = pairs[2];
  const mergeCells = pairs.find((p) => !p.includes(splitCells[0]) && !p.includes(splitCells[1]) && cellWijk[p[0]] !== cellWijk[splitCells[0]]) ?? pairs.find((p) => !p.includes(splitCells[0]) && !p.includes(splitCells[1]))!;

  // buurt codes: per wijk in order of distance to the wijk's first cell; A and B share codes
  // except that the split buurt (A) and the merged buurt (B) get codes of their own
  const indelingA: Buurt[] = [];
  const indelingB: Buurt[] = [];
  const usedBu = gemeenten.map(() => new Set<string>());
  for (let wi = 0; wi < wijken.length; wi++) {
    const wk = wijken[wi];
    const members = [];
    for (let i = 0; i < n; i++) if (cellWijk[i] === wi) members.push(i);
    members.sort((a, b) => cellCentreDistance[a] - cellCentreDistance[b] || a - b);
    let next = 0;
    const code = (): string => `BU${wk.code.slice(2)}${String(next++).padStart(2, '0')}`;
    const g = cellGemeente[members[0]];
    for (const m of members) {
      if (m === splitCells[1] || m === mergeCells[1]) continue;
      if (m === splitCells[0]) {
        const naam = buurtNaam(rng, usedBu[g]);
        indelingA.push({ code: code(), naam, wijkcode: wk.code, gemeentecode: wk.gemeentecode, cells: [...splitCells], wijziging: 1 });
        continue;
      }
      if (m === mergeCells[0]) {
        const a = { code: code(), naam: buurtNaam(rng, usedBu[g]), wijkcode: wk.code, gemeentecode: wk.gemeentecode, cells: [mergeCells[0]], wijziging: 1 as const };
        const b = { code: code(), naam: buurtNaam(rng, usedBu[g]), wijkcode: wk.code, gemeentecode: wk.gemeentecode, cells: [mergeCells[1]], wijziging: 1 as const };
        indelingA.push(a, b);
        continue;
      }
      const bu: Buurt = { code: code(), naam: buurtNaam(rng, usedBu[g]), wijkcode: wk.code, gemeentecode: wk.gemeentecode, cells: [m], wijziging: 1 };
      indelingA.push(bu);
      indelingB.push({ ...bu, cells: [m] });
    }
    // new codes of the later indeling take the next free numbers of the wijk
    if (members.includes(splitCells[0])) {
      const whole = indelingA.find((b) => b.cells.length === 2)!;
      indelingB.push({ code: code(), naam: `${whole.naam}-Noord`, wijkcode: wk.code, gemeentecode: wk.gemeentecode, cells: [splitCells[0]], wijziging: 3 });
      indelingB.push({ code: code(), naam: `${whole.naam}-Zuid`, wijkcode: wk.code, gemeentecode: wk.gemeentecode, cells: [splitCells[1]], wijziging: 3 });
    }
    if (members.includes(mergeCells[0])) {
      const a = indelingA.find((b) => b.cells[0] === mergeCells[0])!;
      const b = indelingA.find((x) => x.cells[0] === mergeCells[1])!;
      indelingB.push({ code: code(), naam: `${a.naam}-${b.naam}`, wijkcode: wk.code, gemeentecode: wk.gemeentecode, cells: [...mergeCells], wijziging: 3 });
    }
  }
  const byCode = (a: Buurt, b: Buurt): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  indelingA.sort(byCode);
  indelingB.sort(byCode);
  return { cells, cellGemeente, cellCentreDistance, gemeenten, wijken, indelingA, indelingB, splitCells, mergeCells };
}

function nearestCell(cells: Cell[], p: [number, number]): number {
  let best = 0;
  let bestD = Infinity;
  for (const c of cells) {
    const d = Math.hypot(c.site[0] - p[0], c.site[1] - p[1]);
    if (d < bestD) {
      bestD = d;
      best = c.index;
    }
  }
  return best;
}

/** Multi-source Dijkstra over cell adjacency: label per cell = index of the seed reaching it first. */
function grow(cells: Cell[], seeds: number[], allowed: (i: number) => boolean): Int32Array {
  const n = cells.length;
  const label = new Int32Array(n).fill(-1);
  const dist = new Float64Array(n).fill(Infinity);
  const heap = new MinHeap();
  seeds.forEach((s, k) => {
    dist[s] = 0;
    label[s] = k;
    heap.push(0, s);
  });
  const done = new Uint8Array(n);
  while (heap.size > 0) {
    const [d, i] = heap.pop();
    if (done[i]) continue;
    done[i] = 1;
    for (const j of cells[i].neighbours) {
      if (!allowed(j) || done[j]) continue;
      const nd = d + Math.hypot(cells[i].site[0] - cells[j].site[0], cells[i].site[1] - cells[j].site[1]);
      if (nd < dist[j]) {
        dist[j] = nd;
        label[j] = label[i];
        heap.push(nd, j);
      }
    }
  }
  for (let i = 0; i < n; i++) if (allowed(i) && label[i] < 0) throw new Error(`region growing left cell ${i} unassigned`);
  return label;
}

class MinHeap {
  private keys: number[] = [];
  private vals: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(k: number, v: number): void {
    const { keys, vals } = this;
    let i = keys.length;
    keys.push(k);
    vals.push(v);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] < k || (keys[p] === k && vals[p] <= v)) break;
      keys[i] = keys[p];
      vals[i] = vals[p];
      i = p;
    }
    keys[i] = k;
    vals[i] = v;
  }
  pop(): [number, number] {
    const { keys, vals } = this;
    const top: [number, number] = [keys[0], vals[0]];
    const k = keys.pop()!;
    const v = vals.pop()!;
    if (keys.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= keys.length) break;
        const r = l + 1;
        const c = r < keys.length && (keys[r] < keys[l] || (keys[r] === keys[l] && vals[r] < vals[l])) ? r : l;
        if (keys[c] > k || (keys[c] === k && vals[c] >= v)) break;
        keys[i] = keys[c];
        vals[i] = vals[c];
        i = c;
      }
      keys[i] = k;
      vals[i] = v;
    }
    return top;
  }
}
