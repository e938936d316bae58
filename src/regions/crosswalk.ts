/**
 * Crosswalk between two indelingen (boundary sets of two years): which source buurt went where.
 * Pieces come from polygon overlap in RD New (polygon-clipping); identical codes, renamed codes
 * (same area under a new code), splits and merges are told apart from the pattern of pieces. Each
 * link carries the share of the source buurt (by area, or by addresses when given) that lies in
 * the target buurt, so counts can be re-aggregated onto the target indeling and shares recomputed
 * from re-aggregated numerators and denominators.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { mapPositions, planarArea } from '../geo/area.js';
import { bboxesOverlap, geometryBBox } from '../geo/bbox.js';
import { geometryFingerprint, sameGeometryCoordinates } from '../geo/fingerprint.js';
import { packedGeometryOf } from '../geo/packed-geometry.js';
import { intersectionArea } from '../geo/intersect.js';
import { wgs84ToRd } from '../geo/projection.js';
import type { BBox, Crs, RegionFeature, RegionGeometries } from '../geo/types.js';
import { matchCodes, type MatchReport } from './match.js';
import { reaggregate, type ReaggregatedSum, type ReaggregationColumn } from './reaggregate.js';

/** How a source buurt relates to the target indeling. */
export type CrosswalkRelation =
  | 'identical' // same code, same area (within the tolerance)
  | 'renamed' // same area under another code
  | 'boundary-changed' // one-to-one, but the area changed beyond the tolerance
  | 'split' // one source into several targets that take nothing else
  | 'merged' // with other sources into one target
  | 'reorganised' // several targets, some of which also take other sources
  | 'unmatched'; // no overlap with any target

/** One piece: the share `weight` of source buurt `from` that goes to target buurt `to`. */
export interface CrosswalkWeight {
  from: string;
  to: string;
  /** Share of the source carried to the target (sums to 1 over a matched source's links). */
  weight: number;
  /** What `weight` is based on. */
  basis: 'area' | 'addresses';
  /** Area of the piece in m² (RD New). */
  areaM2: number;
  /** Piece area / source area (before normalising; slivers below `minShare` are left out). */
  shareOfSource: number;
  /** Piece area / target area. */
  shareOfTarget: number;
  /** Addresses in the piece, when address weights were given. */
  addresses?: number;
}

/** Per source buurt: its relation and targets. */
export interface CrosswalkSource {
  code: string;
  relation: CrosswalkRelation;
  targets: string[];
  /** Share of the source's area inside kept target pieces (1 = fully covered). */
  coverage: number;
}

/** What the crosswalk found, for the user. */
export interface CrosswalkReport {
  /** Codes compared as codes (identical codes, only in one year, duplicates). */
  codes: MatchReport;
  /** Number of source buurten per relation. */
  relations: Record<CrosswalkRelation, number>;
  renamed: { from: string; to: string }[];
  split: { from: string; to: string[] }[];
  merged: { to: string; from: string[] }[];
  /** Source buurten without any target, and target buurten that receive nothing. */
  unmatchedFrom: string[];
  unmatchedTo: string[];
  /** Overlaps left out as slivers (below `minShare` of both source and target). */
  slivers: number;
  /** Source buurten with address weights asked for but no addresses (weighted by area instead). */
  areaFallback: string[];
}

/** The crosswalk: links from → to with weights, relations per source, and the report. */
export interface Crosswalk {
  links: CrosswalkWeight[];
  sources: CrosswalkSource[];
  report: CrosswalkReport;
}

/** Address weights: points (addresses with coordinates) or counts per source/target pair (e.g. from the pc6-huisnummer tables of both years). */
export type AddressWeights =
  | { points: readonly Position[]; crs: Crs }
  | { counts: readonly { from: string; to: string; count: number }[] };

/** Address pairs that could not be linked between the two address tables. */
export interface AddressCountsReport {
  /** Addresses in both tables (linked). */
  matched: number;
  /** Addresses only in the source-year table / only in the target-year table (new or gone). */
  onlyFrom: number;
  onlyTo: number;
  /** Rows without a usable buurt code, per side. */
  noBuurtFrom: number;
  noBuurtTo: number;
}

/**
 * Address counts per (source buurt, target buurt) from the CBS postcode-huisnummer tables of
 * the two years (tables with columns `postcode`, `huisnummer` and `buurt`, as the pc6 reader
 * returns them; without `huisnummer`, postcodes are counted). Feed the result to
 * `buildCrosswalk(…, { addresses: { counts } })`.
 *
 * @example addressCountsFromTables(pc6hnr2017.table, pc6hnr2023.table).counts
 */
export function addressCountsFromTables(
  from: ColumnTable,
  to: ColumnTable,
): { counts: { from: string; to: string; count: number }[]; report: AddressCountsReport } {
  const key = (t: ColumnTable, i: number) =>
    t.columnNames().includes('huisnummer') ? `${t.get('postcode', i)} ${t.get('huisnummer', i)}` : String(t.get('postcode', i));
  const target = new Map<string, string>();
  let noBuurtTo = 0;
  for (let i = 0; i < to.numRows(); i++) {
    const b = to.get('buurt', i);
    if (typeof b !== 'string' || b === '') noBuurtTo++;
    else target.set(key(to, i), b);
  }
  const pairs = new Map<string, number>();
  const seen = new Set<string>();
  let matched = 0;
  let onlyFrom = 0;
  let noBuurtFrom = 0;
  for (let i = 0; i < from.numRows(); i++) {
    const b = from.get('buurt', i);
    if (typeof b !== 'string' || b === '') {
      noBuurtFrom++;
      continue;
    }
    const k = key(from, i);
    const t = target.get(k);
    if (t === undefined) {
      onlyFrom++;
      continue;
    }
    seen.add(k);
    matched++;
    pairs.set(`${b} ${t}`, (pairs.get(`${b} ${t}`) ?? 0) + 1);
  }
  const counts = [...pairs].map(([k, count]) => {
    const [f, t] = k.split(' ');
    return { from: f, to: t, count };
  });
  return { counts, report: { matched, onlyFrom, onlyTo: target.size - seen.size, noBuurtFrom, noBuurtTo } };
}

/** Options for {@link buildCrosswalk}. */
export interface CrosswalkOptions {
  /** Labels for the report (`buurten 2017`, `buurten 2023`). */
  labels?: { from: string; to: string };
  /** Overlaps below this share of both the source and the target are slivers from digitising, not pieces. Default 0.01. */
  minShare?: number;
  /** Shares at or above this count as "the same area" for identical and renamed. Default 0.99. */
  sameAreaShare?: number;
  /** Weight by addresses instead of area where a source has addresses. */
  addresses?: AddressWeights;
}

type G = Polygon | MultiPolygon;

function pointInRing(p: Position, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when a point lies inside a polygon geometry (even–odd rule, so holes are excluded). */
export function pointInGeometry(p: Position, g: G): boolean {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) {
    let inside = false;
    for (const ring of poly) if (pointInRing(p, ring)) inside = !inside;
    if (inside) return true;
  }
  return false;
}

function locate(p: Position, geoms: readonly G[], boxes: readonly BBox[]): number {
  for (let i = 0; i < geoms.length; i++) {
    const b = boxes[i];
    if (p[0] < b[0] || p[0] > b[2] || p[1] < b[1] || p[1] > b[3]) continue;
    if (pointInGeometry(p, geoms[i])) return i;
  }
  return -1;
}

/**
 * A uniform grid over boxes (RD metres): returns, for a query box, the indices whose cells it
 * touches, ascending. Built on the first query (a crosswalk whose buurten all have an identical
 * twin asks none).
 */
function gridIndex(boxes: readonly BBox[], cell = 2000): (q: BBox) => number[] {
  // cells by column, then row (numbers: no key string per cell)
  let columns: Map<number, Map<number, number[]>> | null = null;
  const build = () => {
    const built = new Map<number, Map<number, number[]>>();
    boxes.forEach((b, j) => {
      if (!(b[0] <= b[2])) return;
      const x0 = Math.floor(b[0] / cell);
      const y0 = Math.floor(b[1] / cell);
      const x1 = Math.floor(b[2] / cell);
      const y1 = Math.floor(b[3] / cell);
      for (let x = x0; x <= x1; x++) {
        let column = built.get(x);
        if (column === undefined) built.set(x, (column = new Map()));
        for (let y = y0; y <= y1; y++) {
          const list = column.get(y);
          if (list) list.push(j);
          else column.set(y, [j]);
        }
      }
    });
    return built;
  };
  return (q) => {
    if (!(q[0] <= q[2])) return [];
    columns ??= build();
    const x0 = Math.floor(q[0] / cell);
    const y0 = Math.floor(q[1] / cell);
    const x1 = Math.floor(q[2] / cell);
    const y1 = Math.floor(q[3] / cell);
    const found = new Set<number>();
    for (let x = x0; x <= x1; x++) {
      const column = columns.get(x);
      if (column === undefined) continue;
      for (let y = y0; y <= y1; y++) for (const j of column.get(y) ?? []) found.add(j);
    }
    return [...found].sort((a, b) => a - b);
  };
}

/** The features in RD New (a new array when converted; the input is not changed). */
function featuresInRd(g: RegionGeometries): readonly RegionFeature[] {
  if (g.crs === 'EPSG:28992') return g.features;
  return g.features.map((f) => ({ ...f, geometry: mapPositions(f.geometry, wgs84ToRd) }));
}

/**
 * Build the crosswalk from one indeling to another.
 *
 * @param from boundaries of the source year (`Boundaries` from a reader, or any features with
 *   their CRS; overlap is computed in RD New)
 * @param to boundaries of the target year
 * @example
 * const cw = buildCrosswalk(buurten2017, buurten2023);
 * cw.report.split; // [{ from: 'BU03440101', to: ['BU03440105', 'BU03440106'] }]
 */
export function buildCrosswalk(from: RegionGeometries, to: RegionGeometries, options: CrosswalkOptions = {}): Crosswalk {
  const minShare = options.minShare ?? 0.01;
  const same = options.sameAreaShare ?? 0.99;
  const labels = options.labels ?? { from: 'from', to: 'to' };
  const A = featuresInRd(from);
  const B = featuresInRd(to);
  const bBox = B.map((f) => geometryBBox(f.geometry));
  const bArea = B.map((f) => planarArea(f.geometry));

  // Identical geometries need no clipping (the common case between two years). In a tiling, a
  // source buurt with an identical target is that target's only overlap, and a target with an
  // identical source overlaps no other source: only the changed buurten are clipped. Identical
  // means the same type and the same numbers: found by a fingerprint of the coordinates,
  // confirmed by comparing them (the same array, as the run's loader shares between the years,
  // at once). With several identical targets the last one is the twin.
  // (each geometry's numbers fingerprinted once: the run's loader shares them between the years,
  // as the same coordinate arrays or the same packed geometry)
  const fingerprints = new Map<unknown, number | null>();
  const fingerprint = (g: RegionFeature['geometry']): number | null => {
    const c = packedGeometryOf(g) ?? g.coordinates;
    let k = fingerprints.get(c);
    if (k === undefined) fingerprints.set(c, (k = geometryFingerprint(g)));
    return k;
  };
  const bByKey = new Map<number, number[]>();
  B.forEach((f, j) => {
    const k = fingerprint(f.geometry);
    if (k === null) return;
    const list = bByKey.get(k);
    if (list) list.push(j);
    else bByKey.set(k, [j]);
  });
  const bTwinned = new Set<number>();
  const aTwin = A.map((f) => {
    const k = fingerprint(f.geometry);
    const list = k === null ? undefined : bByKey.get(k);
    if (!list) return undefined;
    for (let n = list.length - 1; n >= 0; n--) {
      const j = list[n];
      if (B[j].geometry.type === f.geometry.type && sameGeometryCoordinates(B[j].geometry, f.geometry)) {
        bTwinned.add(j);
        return j;
      }
    }
    return undefined;
  });
  // a twin's area and box are its target's (the same numbers)
  const aBox = A.map((f, i) => (aTwin[i] !== undefined ? bBox[aTwin[i]!] : geometryBBox(f.geometry)));
  const aArea = A.map((f, i) => (aTwin[i] !== undefined ? bArea[aTwin[i]!] : planarArea(f.geometry)));

  // pieces by area
  type Piece = { i: number; j: number; area: number };
  const pieces: Piece[] = [];
  let slivers = 0;
  const grid = gridIndex(bBox);
  for (let i = 0; i < A.length; i++) {
    const twin = aTwin[i];
    if (twin !== undefined) {
      if (aArea[i] > 0) pieces.push({ i, j: twin, area: aArea[i] });
      continue;
    }
    for (const j of grid(aBox[i])) {
      if (bTwinned.has(j) || !bboxesOverlap(aBox[i], bBox[j])) continue;
      const area = intersectionArea(A[i].geometry, B[j].geometry);
      if (!(area > 0)) continue;
      if (area / aArea[i] < minShare && area / bArea[j] < minShare) {
        slivers++;
        continue;
      }
      pieces.push({ i, j, area });
    }
  }

  // address counts per (i, j)
  const addr = new Map<string, number>();
  const addrTotal = new Map<number, number>();
  const codeIndexA = new Map(A.map((f, i) => [f.properties.code, i] as const));
  const codeIndexB = new Map(B.map((f, j) => [f.properties.code, j] as const));
  if (options.addresses) {
    const w = options.addresses;
    const add = (i: number, j: number, n: number) => {
      addr.set(`${i} ${j}`, (addr.get(`${i} ${j}`) ?? 0) + n);
      addrTotal.set(i, (addrTotal.get(i) ?? 0) + n);
    };
    if ('points' in w) {
      for (const p0 of w.points) {
        const p = w.crs === 'EPSG:4326' ? wgs84ToRd(p0) : p0;
        const i = locate(p, A.map((f) => f.geometry), aBox);
        const j = i < 0 ? -1 : locate(p, B.map((f) => f.geometry), bBox);
        if (i >= 0 && j >= 0) add(i, j, 1);
      }
    } else {
      for (const c of w.counts) {
        const i = codeIndexA.get(c.from);
        const j = codeIndexB.get(c.to);
        if (i !== undefined && j !== undefined && c.count > 0) add(i, j, c.count);
      }
    }
  }

  const bySource = new Map<number, Piece[]>();
  const byTarget = new Map<number, Piece[]>();
  for (const p of pieces) {
    const s = bySource.get(p.i);
    if (s) s.push(p);
    else bySource.set(p.i, [p]);
    const t = byTarget.get(p.j);
    if (t) t.push(p);
    else byTarget.set(p.j, [p]);
  }

  const links: CrosswalkWeight[] = [];
  const sources: CrosswalkSource[] = [];
  const areaFallback: string[] = [];
  const relations: Record<CrosswalkRelation, number> = {
    identical: 0, renamed: 0, 'boundary-changed': 0, split: 0, merged: 0, reorganised: 0, unmatched: 0,
  };
  const renamed: { from: string; to: string }[] = [];
  const split: { from: string; to: string[] }[] = [];
  A.forEach((f, i) => {
    const ps = bySource.get(i) ?? [];
    const code = f.properties.code;
    const covered = ps.reduce((s, p) => s + p.area, 0);
    let relation: CrosswalkRelation;
    if (ps.length === 0) relation = 'unmatched';
    else if (ps.length === 1) {
      const p = ps[0];
      const shared = (byTarget.get(p.j) ?? []).length > 1;
      const sameArea = p.area / aArea[i] >= same && p.area / bArea[p.j] >= same;
      const toCode = B[p.j].properties.code;
      if (shared) relation = 'merged';
      else if (!sameArea) relation = 'boundary-changed';
      else relation = toCode === code ? 'identical' : 'renamed';
      if (relation === 'renamed') renamed.push({ from: code, to: toCode });
    } else {
      relation = ps.every((p) => (byTarget.get(p.j) ?? []).length === 1) ? 'split' : 'reorganised';
      if (relation === 'split') split.push({ from: code, to: ps.map((p) => B[p.j].properties.code).sort() });
    }
    relations[relation]++;
    const nAddr = addrTotal.get(i) ?? 0;
    const useAddr = options.addresses !== undefined && nAddr > 0;
    if (options.addresses !== undefined && !useAddr && ps.length > 0) areaFallback.push(code);
    // with addresses, every target that holds addresses of the source is a piece
    let js: number[];
    if (ps.length === 1 && !useAddr) js = [ps[0].j]; // (the common case, without a set and a sort)
    else {
      const set = new Set(ps.map((p) => p.j));
      if (useAddr) for (const key of addr.keys()) if (key.startsWith(`${i} `)) set.add(Number(key.split(' ')[1]));
      js = [...set];
    }
    if (js.length > 1) js.sort((x, y) => x - y);
    for (const j of js) {
      const area = ps.find((p) => p.j === j)?.area ?? 0;
      const n = options.addresses !== undefined ? addr.get(`${i} ${j}`) ?? 0 : 0;
      const weight = useAddr ? n / nAddr : area / covered;
      if (!(weight > 0)) continue;
      const link: CrosswalkWeight = {
        from: code, to: B[j].properties.code, weight, basis: useAddr ? 'addresses' : 'area', areaM2: area,
        shareOfSource: area / aArea[i], shareOfTarget: area / bArea[j],
      };
      if (options.addresses !== undefined) link.addresses = n;
      links.push(link);
    }
    sources.push({ code, relation, targets: js.map((j) => B[j].properties.code).sort(), coverage: covered / aArea[i] });
  });

  const merged: { to: string; from: string[] }[] = [];
  for (const [j, ps] of byTarget) {
    if (ps.length > 1 && ps.every((p) => (bySource.get(p.i) ?? []).length === 1)) {
      merged.push({ to: B[j].properties.code, from: ps.map((p) => A[p.i].properties.code).sort() });
    }
  }
  merged.sort((a, b) => (a.to < b.to ? -1 : 1));
  const receiving = new Set(links.map((l) => l.to));
  return {
    links,
    sources,
    report: {
      codes: matchCodes(A.map((f) => f.properties.code), B.map((f) => f.properties.code), { left: labels.from, right: labels.to }),
      relations,
      renamed,
      split,
      merged,
      unmatchedFrom: sources.filter((s) => s.relation === 'unmatched').map((s) => s.code).sort(),
      unmatchedTo: B.map((f) => f.properties.code).filter((c) => !receiving.has(c)).sort(),
      slivers,
      areaFallback,
    },
  };
}

/**
 * The crosswalk as a table for CSV export and notebooks: one row per link with `from`, `to`,
 * `weight`, `basis`, `area_m2`, `share_of_source`, `share_of_target`, `addresses` (null when not
 * weighted by addresses) and the source's `relation`; unmatched source buurten get a row with
 * `to` null and weight null, so nothing disappears from the table.
 *
 * @example crosswalkTable(cw).print()
 */
export function crosswalkTable(cw: Crosswalk): ColumnTable {
  const relation = new Map(cw.sources.map((s) => [s.code, s.relation] as const));
  const rows = cw.links.map((l) => ({
    from: l.from, to: l.to as string | null, weight: l.weight as number | null, basis: l.basis as string | null,
    area_m2: l.areaM2 as number | null, share_of_source: l.shareOfSource as number | null, share_of_target: l.shareOfTarget as number | null,
    addresses: l.addresses ?? null, relation: relation.get(l.from) ?? null,
  }));
  for (const s of cw.sources) {
    if (s.relation !== 'unmatched') continue;
    rows.push({ from: s.code, to: null, weight: null, basis: null, area_m2: null, share_of_source: null, share_of_target: null, addresses: null, relation: 'unmatched' });
  }
  return aq.from(rows);
}

/** Values per region code: a Map or a plain object; null (or absent) is missing. */
export type RegionValues = ReadonlyMap<string, number | null> | Readonly<Record<string, number | null>>;

function getter(v: RegionValues): (code: string) => number | null | undefined {
  return v instanceof Map ? (c) => v.get(c) : (c) => (v as Record<string, number | null>)[c];
}

/** What re-aggregation could not carry over. */
export interface ReaggregateReport {
  /** Codes with a value that are not in the crosswalk (their counts are not carried over). */
  sourceNotInCrosswalk: string[];
  /** Targets whose value is missing because a contributing source is missing. */
  targetIncomplete: string[];
}

/**
 * Value sets by code through the links, as {@link reaggregate} `sum` columns: sources and
 * targets numbered in order of first appearance in `links`; a value that is null, absent or not
 * finite is missing. Per set, the target values (null where a piece is missing) in that order.
 */
function reaggregateByCode(
  links: readonly Pick<CrosswalkWeight, 'from' | 'to' | 'weight'>[],
  sets: readonly RegionValues[],
): { targets: string[]; values: (number | null)[][]; incomplete: string[] } {
  const sources = new Map<string, number>();
  const targets = new Map<string, number>();
  const rowOf = (m: Map<string, number>, code: string) => {
    let n = m.get(code);
    if (n === undefined) m.set(code, (n = m.size));
    return n;
  };
  const pieces = links.map((l) => ({ from: rowOf(sources, l.from), to: rowOf(targets, l.to), weight: l.weight }));
  const codes = [...sources.keys()];
  const columns: Record<string, ReaggregationColumn> = {};
  sets.forEach((set, s) => {
    const get = getter(set);
    const values = Float64Array.from(codes, (c) => {
      const v = get(c);
      return v === null || v === undefined || !Number.isFinite(v) ? NaN : v;
    });
    columns[s] = { kind: 'sum', values };
  });
  const r = reaggregate(pieces, targets.size, columns);
  const out = [...targets.keys()];
  const incomplete = new Set<number>();
  const values = sets.map((_set, s) => {
    const missing = new Set(r.report.withMissingPiece[s]);
    for (const j of missing) incomplete.add(j);
    const present = (r.columns[s] as ReaggregatedSum).present;
    return out.map((_c, j) => (missing.has(j) ? null : present[j]));
  });
  return { targets: out, values, incomplete: [...incomplete].map((j) => out[j]) };
}

/**
 * Re-aggregate counts onto the target indeling: target value = Σ weight × source value. A target
 * is missing (null) when any contributing source is missing — a partial sum never passes as
 * complete. Totals are preserved for complete targets because each source's weights sum to 1.
 * (The `sum` column of {@link reaggregate}.)
 *
 * @example reaggregateCounts(cw.links, { BU01: 100 }) // Map { 'BU02' => 60, 'BU03' => 40 } for a 60/40 split
 */
export function reaggregateCounts(
  links: readonly Pick<CrosswalkWeight, 'from' | 'to' | 'weight'>[],
  values: RegionValues,
): { values: Map<string, number | null>; report: ReaggregateReport } {
  const r = reaggregateByCode(links, [values]);
  const get = getter(values);
  const inCrosswalk = new Set(links.map((l) => l.from));
  const codes = values instanceof Map ? [...values.keys()] : Object.keys(values);
  return {
    values: new Map(r.targets.map((code, j) => [code, r.values[0][j]])),
    report: {
      sourceNotInCrosswalk: codes.filter((c) => !inCrosswalk.has(c) && get(c) !== null).sort(),
      targetIncomplete: r.incomplete.sort(),
    },
  };
}

/**
 * Recompute a share on the target indeling from re-aggregated numerator and denominator counts
 * (never by averaging source shares). `share` is numerator / denominator (×100 for a percentage);
 * null when either is missing or the denominator is 0. (Two `sum` columns of {@link reaggregate}.)
 *
 * @example reaggregateShares(cw.links, { BU01: 30 }, { BU01: 100 }).get('BU02') // { numerator: 18, denominator: 60, share: 0.3 }
 */
export function reaggregateShares(
  links: readonly Pick<CrosswalkWeight, 'from' | 'to' | 'weight'>[],
  numerators: RegionValues,
  denominators: RegionValues,
): Map<string, { numerator: number | null; denominator: number | null; share: number | null }> {
  const r = reaggregateByCode(links, [numerators, denominators]);
  const out = new Map<string, { numerator: number | null; denominator: number | null; share: number | null }>();
  r.targets.forEach((code, j) => {
    const num = r.values[0][j];
    const den = r.values[1][j];
    out.set(code, { numerator: num, denominator: den, share: num === null || den === null || den === 0 ? null : num / den });
  });
  return out;
}
