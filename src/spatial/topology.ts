/**
 * Contiguity read from a TopoJSON topology itself: two geometries are queen neighbours when
 * their arcs share a (quantised) vertex, rook neighbours when they share an edge — two
 * consecutive vertices of an arc, which every shared arc has. This is libpysal's definition on
 * the integer grid of the topology: exact (no floating-point comparison after decoding) and
 * linear in the number of arc vertices.
 */
import { VeerkrachtError, showValue } from '../util/errors.js';
import { checkContiguity, type Contiguity, type ContiguityWeights } from './contiguity.js';
import { weightsFromPairs } from './weights.js';

/** The parts of a TopoJSON topology this module reads. */
export interface TopologyArcs {
  /** Arcs: lists of positions, delta-encoded integers when `transform` is present. */
  arcs: ReadonlyArray<ReadonlyArray<ArrayLike<number>>>;
  /** Present for quantised topologies. */
  transform?: unknown;
}

/** A TopoJSON Polygon or MultiPolygon geometry object (its arc references). */
export interface TopologyPolygon {
  type: string;
  arcs?: unknown;
}

/**
 * Queen or rook contiguity of the polygon geometries of a topology.
 *
 * @param topology - the topology (its `arcs` and `transform`).
 * @param geometries - one Polygon/MultiPolygon geometry object per region, in row order.
 * @param ids - the region code of each geometry (unique).
 * @param contiguity - queen (shared vertex) or rook (shared edge).
 * @returns binary weights with `method: 'topology'` and tolerance 0.
 * @throws VeerkrachtError for an arc reference outside the topology or a non-polygon geometry.
 * @example
 * const o = topology.objects.wijk_2023;
 * topologyContiguity(topology, o.geometries, o.geometries.map((g) => g.properties.statcode), 'rook');
 */
export function topologyContiguity(
  topology: TopologyArcs, geometries: readonly TopologyPolygon[], ids: readonly string[], contiguity: Contiguity = 'queen',
): ContiguityWeights {
  checkContiguity(contiguity);
  if (geometries.length !== ids.length) throw new RangeError(`expected ${ids.length} geometries, got ${geometries.length}`);
  const arcs = topology.arcs;
  const quantised = topology.transform !== undefined && topology.transform !== null;
  const arcUsers = new Map<number, number[]>();
  geometries.forEach((g, i) => {
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
      throw new VeerkrachtError('not a polygon', { feature: ids[i], column: 'geometry', expected: 'Polygon or MultiPolygon', found: showValue(g.type) });
    }
    const seen = new Set<number>();
    const visit = (a: unknown): void => {
      if (typeof a === 'number') {
        const j = a < 0 ? ~a : a;
        if (!Number.isInteger(a) || j >= arcs.length) {
          throw new VeerkrachtError('arc reference outside the topology', { feature: ids[i], column: 'arcs', expected: `0–${arcs.length - 1}`, found: showValue(a) });
        }
        if (seen.has(j)) return;
        seen.add(j);
        const users = arcUsers.get(j);
        if (users) users.push(i);
        else arcUsers.set(j, [i]);
      } else if (Array.isArray(a)) {
        for (const b of a) visit(b);
      }
    };
    visit(g.arcs);
  });
  // Vertex (queen) or edge (rook) keys → the geometries that have them.
  const owners = new Map<string, number[]>();
  const add = (key: string, users: readonly number[]): void => {
    const list = owners.get(key);
    if (list) {
      for (const u of users) if (list[list.length - 1] !== u && !list.includes(u)) list.push(u);
    } else owners.set(key, users.slice());
  };
  for (const [j, users] of arcUsers) {
    const arc = arcs[j];
    let x = 0;
    let y = 0;
    let prev: string | null = null;
    for (let k = 0; k < arc.length; k++) {
      const p = arc[k];
      if (quantised) {
        x = k === 0 ? p[0] : x + p[0];
        y = k === 0 ? p[1] : y + p[1];
      } else {
        x = p[0];
        y = p[1];
      }
      const key = `${x} ${y}`;
      if (key === prev) continue;
      if (contiguity === 'queen') add(key, users);
      else if (prev !== null) add(prev < key ? `${prev}|${key}` : `${key}|${prev}`, users);
      prev = key;
    }
  }
  const n = ids.length;
  const found = new Set<number>();
  const pairs: number[] = [];
  for (const list of owners.values()) {
    for (let p = 0; p < list.length; p++) {
      for (let q = p + 1; q < list.length; q++) {
        const a = list[p];
        const b = list[q];
        if (a === b) continue;
        const key = a < b ? a * n + b : b * n + a;
        if (found.has(key)) continue;
        found.add(key);
        pairs.push(a, b);
      }
    }
  }
  return { ...weightsFromPairs(ids, pairs), contiguity, tolerance: 0, method: 'topology' };
}
