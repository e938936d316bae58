/**
 * Planar ring helpers for the demo geometry (RD New metres): signed area (shoelace formula),
 * orientation, and the union of edge-adjacent rings that share exact vertices.
 */

/** A closed ring: first point equals last point. */
export type Ring = Array<[number, number]>;

/**
 * Signed area of a closed ring (shoelace formula): positive when counter-clockwise.
 * @example ringArea([[0,0],[1,0],[1,1],[0,0]]) // 0.5
 */
export function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

/** The ring counter-clockwise (RFC 7946 exterior orientation), as a copy. */
export function counterClockwise(ring: Ring): Ring {
  return ringArea(ring) < 0 ? ring.slice().reverse() : ring.slice();
}

const key = (p: [number, number]): string => `${p[0]},${p[1]}`;

/**
 * Union of counter-clockwise rings that tile a connected, hole-free area and share edges with
 * exactly equal vertices: edges present in both directions are interior and cancel; the rest
 * chain into the outer ring. Collinear leftovers are kept (they are shared with neighbours).
 * @throws Error when the remaining edges do not form one simple ring (not edge-adjacent, or a hole)
 * @example unionRings([[[0,0],[1,0],[1,1],[0,1],[0,0]], [[1,0],[2,0],[2,1],[1,1],[1,0]]]) // the 2×1 rectangle
 */
export function unionRings(rings: readonly Ring[]): Ring {
  if (rings.length === 1) return rings[0].slice();
  const edges = new Map<string, [number, number][]>();
  const directed = new Set<string>();
  for (const r of rings) for (let i = 0; i + 1 < r.length; i++) directed.add(`${key(r[i])}>${key(r[i + 1])}`);
  for (const r of rings) {
    for (let i = 0; i + 1 < r.length; i++) {
      const a = r[i];
      const b = r[i + 1];
      if (directed.has(`${key(b)}>${key(a)}`)) continue;
      const list = edges.get(key(a)) ?? [];
      list.push(b);
      edges.set(key(a), list);
    }
  }
  let start: string | undefined;
  let count = 0;
  for (const [k, v] of edges) {
    count += v.length;
    if (start === undefined || k < start) start = k;
  }
  if (start === undefined) throw new Error('unionRings: no boundary edges');
  const first = edges.get(start)!;
  const [sx, sy] = start.split(',').map(Number);
  const out: Ring = [[sx, sy]];
  let cur = first.shift()!;
  let used = 1;
  while (key(cur) !== start) {
    out.push(cur);
    const next = edges.get(key(cur));
    if (!next || next.length !== 1) throw new Error('unionRings: boundary is not one simple ring');
    cur = next.shift()!;
    used++;
  }
  out.push([sx, sy]);
  if (used !== count) throw new Error('unionRings: rings are not edge-connected or enclose a hole');
  return out;
}
