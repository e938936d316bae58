// Independent reference computations for contiguity tests (written without src/spatial):
// libpysal's queen (shared vertex) and rook (shared edge) pairs, and esda's Moran's I with
// row-standardised weights.
import type { MultiPolygon, Polygon } from 'geojson';
import type { SpatialWeights } from '../../src/spatial/weights.js';

export type Feat = { geometry: Polygon | MultiPolygon; properties: { code: string } };

/** Independent shared-vertex / shared-edge pairs, as "i j" with i < j. */
export function independent(features: readonly Feat[]): { queen: Set<string>; rook: Set<string> } {
  const byVertex = new Map<string, Set<number>>();
  const byEdge = new Map<string, Set<number>>();
  const put = (m: Map<string, Set<number>>, k: string, i: number) => {
    if (!m.has(k)) m.set(k, new Set());
    m.get(k)!.add(i);
  };
  features.forEach((f, i) => {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) {
      for (const ring of poly) {
        const keys = ring.map((p) => `${p[0]},${p[1]}`);
        for (const k of keys) put(byVertex, k, i);
        for (let t = 0; t + 1 < keys.length; t++) {
          if (keys[t] !== keys[t + 1]) put(byEdge, [keys[t], keys[t + 1]].sort().join(';'), i);
        }
      }
    }
  });
  const pairs = (m: Map<string, Set<number>>) => {
    const out = new Set<string>();
    for (const s of m.values()) {
      const l = [...s].sort((a, b) => a - b);
      for (let p = 0; p < l.length; p++) for (let q = p + 1; q < l.length; q++) out.add(`${l[p]} ${l[q]}`);
    }
    return out;
  };
  return { queen: pairs(byVertex), rook: pairs(byEdge) };
}

export function pairsOf(w: SpatialWeights): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < w.ids.length; i++) for (let t = w.offsets[i]; t < w.offsets[i + 1]; t++) if (i < w.neighbours[t]) out.add(`${i} ${w.neighbours[t]}`);
  return out;
}

/** Moran's I with row-standardised weights from pairs, over the regions with a value (esda's formula). */
export function moranI(values: readonly number[], pairs: Set<string>): number {
  const keep = values.map((v) => Number.isFinite(v));
  const nb: number[][] = values.map(() => []);
  for (const p of pairs) {
    const [i, j] = p.split(' ').map(Number);
    if (keep[i] && keep[j]) { nb[i].push(j); nb[j].push(i); }
  }
  const idx = values.map((_, i) => i).filter((i) => keep[i]);
  const mean = idx.reduce((s, i) => s + values[i], 0) / idx.length;
  let num = 0, den = 0, s0 = 0;
  for (const i of idx) {
    const zi = values[i] - mean;
    den += zi * zi;
    if (nb[i].length === 0) continue;
    s0 += 1;
    for (const j of nb[i]) num += (zi * (values[j] - mean)) / nb[i].length;
  }
  return (idx.length / s0) * (num / den);
}

export function isolated(n: number, pairs: Set<string>): number[] {
  const has = new Array<boolean>(n).fill(false);
  for (const p of pairs) for (const i of p.split(' ').map(Number)) has[i] = true;
  return has.map((h, i) => (h ? -1 : i)).filter((i) => i >= 0);
}

