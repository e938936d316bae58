/**
 * Parse TopoJSON (quantized or not) into raw boundary features: pick the object, check every arc
 * reference and the transform, and decode each geometry with topojson-client.
 */
import * as topojsonClient from 'topojson-client';
import type { Geometry } from 'geojson';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { VeerkrachtError } from '../../util/errors.js';
import type { Provenance } from '../types.js';
import type { RawBoundaries, RawFeature } from './assemble.js';
import { detectCodeSource } from './code-property.js';
import { crsFromGeoJsonMember } from './crs.js';

const POLYGONAL = new Set(['Polygon', 'MultiPolygon']);

function isPolygonObject(o: { type: unknown; geometries?: { type: unknown }[] }): boolean {
  if (o.type === 'GeometryCollection') return (o.geometries ?? []).some((g) => POLYGONAL.has(g.type as string));
  return POLYGONAL.has(o.type as string);
}

function badArc(arcs: unknown, all: readonly unknown[]): string | null {
  const n = all.length;
  if (typeof arcs === 'number') {
    const j = arcs < 0 ? ~arcs : arcs;
    if (!Number.isInteger(arcs) || j >= n) return `arc index ${arcs} outside 0–${n - 1}`;
    const arc = all[j];
    if (!Array.isArray(arc) || arc.length === 0 || !arc.every((p) => Array.isArray(p) && p.length >= 2)) {
      return `arc ${j} is not a list of positions: ${JSON.stringify(arc)?.slice(0, 40)}`;
    }
    return null;
  }
  if (!Array.isArray(arcs)) return `arcs is ${JSON.stringify(arcs)}`;
  for (const a of arcs) {
    const b = badArc(a, all);
    if (b) return b;
  }
  return null;
}

/**
 * Raw features of one object of a parsed TopoJSON topology: the named one, else the only
 * polygon object, else the first polygon object whose features carry region codes.
 *
 * @throws VeerkrachtError when it is not a Topology, the named object does not exist or is not
 *   polygons, or the transform is malformed.
 */
export function parseTopoJson(doc: unknown, provenance: Provenance, objectName?: string): RawBoundaries & { object: string } {
  const file = provenance.file;
  const t = doc as Topology;
  if (!t || typeof t !== 'object' || t.type !== 'Topology' || !t.objects || typeof t.objects !== 'object') {
    throw new VeerkrachtError('not a TopoJSON topology', { file, column: 'type', expected: 'Topology with objects', found: JSON.stringify((t as { type?: unknown })?.type) });
  }
  if (!Array.isArray(t.arcs)) throw new VeerkrachtError('TopoJSON without arcs', { file, column: 'arcs', expected: 'an array of arcs', found: typeof t.arcs });
  if (t.transform !== undefined) {
    const ok = (v: unknown) => Array.isArray(v) && v.length === 2 && v.every((x) => Number.isFinite(x));
    if (!ok(t.transform.scale) || !ok(t.transform.translate)) {
      throw new VeerkrachtError('malformed TopoJSON transform', { file, column: 'transform', expected: 'scale and translate as two finite numbers each', found: JSON.stringify(t.transform).slice(0, 60) });
    }
  }
  const names = Object.keys(t.objects);
  const polygonNames = names.filter((k) => isPolygonObject(t.objects[k] as never));
  let name = objectName;
  const warnings: string[] = [];
  if (name === undefined) {
    // the only polygon object, else the first whose features carry region codes, else the first
    const withCodes = polygonNames.find((k) => {
      type G = { id?: unknown; properties?: Record<string, unknown>; geometries?: G[] };
      const o = t.objects[k] as unknown as G;
      const feats = (o.geometries ?? [o]).map((g) => ({ id: g.id, properties: g.properties ?? null }));
      return detectCodeSource(feats) !== null;
    });
    name = withCodes ?? polygonNames[0];
    const others = polygonNames.filter((k) => k !== name);
    if (others.length > 0) warnings.push(`read object ${JSON.stringify(name)}; the file also has ${others.map((s) => JSON.stringify(s)).join(', ')} (choose with object)`);
  }
  if (name === undefined || !(name in t.objects)) {
    throw new VeerkrachtError(name === undefined ? 'TopoJSON has no polygon object' : 'TopoJSON object not found', {
      file, column: 'objects', expected: name === undefined ? 'a Polygon/MultiPolygon object' : JSON.stringify(name), found: JSON.stringify(names),
    });
  }
  const obj = t.objects[name] as unknown as GeometryObject;
  const geoms: GeometryObject[] = obj.type === 'GeometryCollection' ? (obj as GeometryCollection).geometries ?? [] : [obj];
  const features: RawFeature[] = geoms.map((g) => {
    const base = { id: g.id, properties: (g.properties ?? null) as Record<string, unknown> | null };
    if (g.type === null || (g as { type: unknown }).type === undefined) return { ...base, geometry: null };
    if (!POLYGONAL.has(g.type as string)) return { ...base, geometry: { type: g.type, coordinates: [] } as unknown as Geometry };
    const bad = badArc((g as { arcs?: unknown }).arcs, t.arcs);
    if (bad) return { ...base, geometry: null, problem: { code: 'broken-arc', detail: bad } };
    try {
      const f = topojsonClient.feature(t, g) as unknown as { geometry: Geometry | null };
      return { ...base, geometry: f.geometry };
    } catch (e) {
      return { ...base, geometry: null, problem: { code: 'broken-arc', detail: `cannot decode: ${(e as Error).message}` } };
    }
  });
  // TopoJSON has no CRS member in its spec; some writers add a GeoJSON-style one: honour it
  const crsLabel = crsFromGeoJsonMember((t as unknown as { crs?: unknown }).crs, file);
  return { features, crsLabel, provenance, warnings, object: name };
}
