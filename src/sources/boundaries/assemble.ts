/**
 * The part every boundary reader shares: from raw features (GeoJSON-like, from any format) to
 * `Boundaries`. Each feature is kept or counted as dropped with its reason, index and code, so
 * `rowsRead = rowsKept + Σ dropped.count` always holds.
 */
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { VeerkrachtError } from '../../util/errors.js';
import { emptyBBox, extendBBoxByGeometry } from '../../geo/bbox.js';
import { packedGeometry, packedGeometryOf } from '../../geo/packed-geometry.js';
import { completeSelfIntersections, validatePolygonGeometry, validateWithMemo, type GeometryProblem, type ValidationMemo, type ValidationMemoEntry } from '../../geo/validate.js';
import { mapPositions } from '../../geo/area.js';
import { rdToWgs84, wgs84ToRd } from '../../geo/projection.js';
import { regionLevel } from '../../regions/codes.js';
import type { DroppedRows, LoadReport, Provenance, RegionLevel } from '../types.js';
import { detectCodeSource, detectNameProperty, normalizeBoundaryCode, propertyNames, CODE_PROPERTY_CANDIDATES } from './code-property.js';
import { resolveCrs } from './crs.js';
import type { Boundaries, Crs, RegionFeature } from './types.js';
import type { GeometryTextIndex } from './geometry-texts.js';
import type { PackedGeometries } from './packed-parse.js';

/** Options every boundary reader accepts. */
export interface BoundaryReadOptions {
  /** Property holding the region code (`--code-property`); `id` for the feature id. Detected when absent. */
  codeProperty?: string;
  /** Expected level; codes of other levels are dropped and counted. Detected (the most common level) when absent. */
  level?: RegionLevel;
  /** TopoJSON object to read (`wijk_2023`); default the only or first polygon object. */
  object?: string;
  /**
   * GeoPackage layer to read (`buurten`, `--layer`); default the layer of `level` (buurt →
   * buurten, wijk → wijken, gemeente → gemeenten) or the only layer.
   */
  layer?: string;
  /** CRS to return the features in (converted with src/geo/projection, EPSG:28992 with its datum shift); default as read. */
  crs?: Crs;
  /** Throw on the first unusable feature instead of counting it. */
  strict?: boolean;
  /** Look for self-intersecting rings (reported as warnings, features kept). Default true. */
  checkSelfIntersections?: boolean;
  /**
   * Look for self-intersecting rings later (the search takes most of the validation of a
   * full-resolution file, and only ever adds a warning): the features are validated without it
   * and this callback receives `finish`, which runs the search and adds its warning to the
   * report (and the memo) exactly as the read would have. The caller must call `finish` before it
   * uses the report or reads another file through the same memo.
   */
  selfIntersectionsLater?: (finish: () => void) => void;
  /**
   * Compute the file's SHA-256 (`provenance.checksum`) later: it is unset until `finish`, which
   * this callback receives, is called (the run hands a full-resolution file on first; hashing
   * its 100 MB takes about 60 ms). The caller must call `finish` before it uses the provenance.
   */
  checksumLater?: (finish: () => void) => void;
  /**
   * Receives the file's geometries packed (src/geo/transfer.ts layout, every feature of the file
   * in its order) when the reader makes them on the way: a GeoJSON FeatureCollection is then
   * read by a scanner of its own instead of `JSON.parse` (see packed-parse.ts), much faster at
   * full resolution. Not called for other formats or a file the scanner leaves to JSON.parse.
   */
  packedGeometries?: (packed: PackedGeometries) => void;
  /**
   * Geometries validated by an earlier read (`createValidationMemo()`, shared between the reads
   * of two years): a feature whose geometry is identical to one in the memo is not validated
   * again, and keeps the memo's coordinate arrays (one copy in memory for both years). Features
   * validated here are added to it.
   */
  memo?: ValidationMemo;
  /**
   * Geometry texts of a GeoJSON file read before (`createGeometryTextIndex()`, shared between
   * the reads of two years): a feature whose geometry text is identical is not parsed again but
   * takes that geometry. The first GeoJSON file read with an empty index fills it.
   */
  geometryTexts?: GeometryTextIndex;
  /**
   * The file's bytes, already being read (`readAhead(path)` of util/fs started earlier, so that
   * the read overlaps other work: the run reads its t0 file while it parses the t1 file). A
   * failed read is reported as reading the file here would report it.
   */
  bytes?: Promise<Uint8Array>;
}

/** A feature as a format parser hands it over, before validation. */
export interface RawFeature {
  id?: unknown;
  properties: Record<string, unknown> | null;
  geometry: Geometry | null;
  /** A problem the format parser already found (e.g. a broken TopoJSON arc). */
  problem?: { code: string; detail: string };
  /**
   * Left out on purpose, not a defect (a CBS water-only area): counted under `reason` in the
   * load report, never an error, not even with `strict`.
   */
  excluded?: { reason: string; detail: string };
}

/** What a format parser found besides the features. */
export interface RawBoundaries {
  features: RawFeature[];
  /** CRS named in the file (GeoJSON `crs`, `.prj`), if any. */
  crsLabel?: Crs;
  provenance: Provenance;
  warnings?: string[];
}

const REASONS: Record<string, string> = {
  'no-code': 'no region code',
  'other-level': 'code of another level',
  'duplicate-code': 'duplicate code',
  'empty-geometry': 'empty geometry',
  'not-polygon': 'not a polygon',
  'malformed-coordinates': 'malformed coordinates',
  'non-finite-coordinate': 'non-finite coordinate',
  'ring-too-short': 'ring with fewer than 4 positions',
  'ring-not-closed': 'unclosed ring',
  'ring-without-area': 'ring without area',
  'broken-arc': 'broken TopoJSON arc reference',
  'bad-geometry-blob': 'unreadable GeoPackage geometry',
};

function where(p: GeometryProblem): string {
  if (p.ring === undefined) return p.detail;
  return `${p.part ? `part ${p.part} ` : ''}ring ${p.ring}: ${p.detail}`;
}

/** Convert a geometry between RD New and WGS84 (a new object). */
export function convertGeometry<G extends Polygon | MultiPolygon>(g: G, from: Crs, to: Crs): G {
  if (from === to) return g;
  return mapPositions(g, from === 'EPSG:28992' ? rdToWgs84 : wgs84ToRd);
}

/**
 * `geometry` with the coordinates of `identical`, an earlier geometry with the same numbers: one
 * copy in memory for both. A packed geometry (src/geo/packed-geometry.ts) stays as it is (its
 * numbers are kept packed already); one of arrays takes the earlier geometry's arrays, or its
 * packed numbers, beside its own other members.
 */
function withCoordinatesOf(geometry: Geometry, identical: Geometry): Geometry {
  if (packedGeometryOf(geometry) !== undefined) return geometry;
  const ref = packedGeometryOf(identical);
  if (ref === undefined) return { ...geometry, coordinates: (identical as Polygon | MultiPolygon).coordinates } as Geometry;
  const { type: _, coordinates: __, ...members } = geometry as Polygon | MultiPolygon;
  return Object.assign(packedGeometry(ref), members);
}

/**
 * Validate, detect code property, level and CRS, and build `Boundaries`.
 *
 * @throws VeerkrachtError when no property holds region codes, when the CRS label contradicts the
 *   coordinates, when no feature is usable, or (with `strict`) on the first unusable feature.
 */
export function assembleBoundaries(raw: RawBoundaries, options: BoundaryReadOptions = {}): Boundaries {
  const file = raw.provenance.file;
  if (raw.features.length === 0) {
    throw new VeerkrachtError('no features', { file, expected: 'at least one polygon with a region code', found: 'an empty collection' });
  }
  const source = detectCodeSource(raw.features, options.codeProperty);
  if (source === null && raw.features.every((f) => f.properties === null || Object.keys(f.properties).length === 0)) {
    // a shapefile whose .dbf is empty or cut short gives shapes without attributes
    throw new VeerkrachtError('features have no properties at all', {
      file, expected: 'a region code property on each feature (for a shapefile: a complete .dbf beside the .shp)', found: `${raw.features.length} features without properties`,
    });
  }
  if (source === null) {
    throw new VeerkrachtError(
      options.codeProperty !== undefined ? 'code property not found' : 'no property holds region codes',
      {
        file, column: options.codeProperty,
        expected: options.codeProperty !== undefined ? `a property ${JSON.stringify(options.codeProperty)}` : `one of ${CODE_PROPERTY_CANDIDATES.join(', ')} (or --code-property)`,
        found: `properties ${JSON.stringify(propertyNames(raw.features).slice(0, 12))}`,
      },
    );
  }
  const nameProp = detectNameProperty(raw.features);
  const hint = options.level ?? source.hint;
  const dropped = new Map<string, DroppedRows>();
  const drop = (reason: string, index: number, code: string | null, detail: string, column?: string, excluded = false) => {
    if (options.strict && !excluded) {
      throw new VeerkrachtError(`unusable feature: ${reason}`, {
        file, feature: code ? `${index} (${code})` : index, column, expected: expectedFor(reason), found: detail,
      });
    }
    const d = dropped.get(reason) ?? { reason, count: 0, examples: [] };
    d.count++;
    if (d.examples.length < 5) d.examples.push(`feature ${index}${code ? ` (${code})` : ''}: ${detail}`);
    dropped.set(reason, d);
  };

  // 1. codes and geometry per feature
  type Candidate = { index: number; code: string; raw: RawFeature; geometry: Polygon | MultiPolygon; level: RegionLevel; entry?: ValidationMemoEntry };
  const candidates: Candidate[] = [];
  const selfIntersecting: string[] = [];
  let selfCount = 0;
  const searchSelf = options.checkSelfIntersections ?? true;
  const later = searchSelf && options.selfIntersectionsLater !== undefined;
  const validateOptions = { selfIntersections: searchSelf && !later };
  const selfIntersection = (c: Candidate, problems: readonly GeometryProblem[]) => {
    const warn = problems.find((p) => p.code === 'self-intersection');
    if (warn) {
      selfCount++;
      if (selfIntersecting.length < 5) selfIntersecting.push(`feature ${c.index} (${c.code}) ${where(warn)}`);
    }
  };
  raw.features.forEach((f, index) => {
    const rawCode = source.fromId ? f.id : f.properties?.[source.property];
    const code = normalizeBoundaryCode(rawCode, hint);
    const label = code ?? (rawCode === undefined || rawCode === null || rawCode === '' ? null : String(rawCode));
    if (f.excluded) {
      drop(f.excluded.reason, index, label, f.excluded.detail, undefined, true);
      return;
    }
    if (f.problem) {
      drop(REASONS[f.problem.code] ?? f.problem.code, index, label, f.problem.detail, 'geometry');
      return;
    }
    let geometry = f.geometry;
    let problems: readonly GeometryProblem[];
    let entry: ValidationMemoEntry | undefined;
    if (options.memo) {
      const v = validateWithMemo(f.geometry, options.memo, validateOptions);
      problems = v.problems;
      entry = v.entry;
      // an identical geometry read before: keep its arrays (the raw feature is not changed)
      if (geometry && v.geometry && v.geometry !== geometry) geometry = withCoordinatesOf(geometry, v.geometry);
    } else problems = validatePolygonGeometry(f.geometry, validateOptions);
    const err = problems.find((p) => p.severity === 'error');
    if (err) {
      drop(REASONS[err.code] ?? err.code, index, label, where(err), 'geometry');
      return;
    }
    if (code === null) {
      drop(REASONS['no-code'], index, null, `${source.property} = ${JSON.stringify(rawCode ?? null)}`, source.property);
      return;
    }
    const candidate: Candidate = { index, code, raw: f, geometry: geometry as Polygon | MultiPolygon, level: regionLevel(code) as RegionLevel, ...(entry ? { entry } : {}) };
    if (!later) selfIntersection(candidate, problems);
    candidates.push(candidate);
  });

  // 2. level: the expected one, or the most common
  let level = options.level;
  if (level === undefined) {
    const counts = new Map<RegionLevel, number>();
    for (const c of candidates) counts.set(c.level, (counts.get(c.level) ?? 0) + 1);
    level = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  }
  // 3. duplicates and other levels
  const seen = new Set<string>();
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (c.level !== level) drop(REASONS['other-level'], c.index, c.code, `a ${c.level} code, expected ${level}`, source.property);
    else if (seen.has(c.code)) drop(REASONS['duplicate-code'], c.index, c.code, `${c.code} already read`, source.property);
    else {
      seen.add(c.code);
      kept.push(c);
    }
  }
  if (kept.length === 0 || level === undefined) {
    throw new VeerkrachtError('no usable boundary feature', {
      file, expected: 'polygon features with a region code',
      found: [...dropped.values()].map((d) => `${d.count} × ${d.reason}`).join(', ') || 'no features',
    });
  }

  // 4. CRS from label and coordinates
  const bbox = emptyBBox();
  for (const c of kept) extendBBoxByGeometry(bbox, c.geometry);
  const readCrs = resolveCrs(raw.crsLabel, bbox, file);
  const crs = options.crs ?? readCrs;

  const features: RegionFeature[] = kept.map((c) => ({
    type: 'Feature',
    ...(c.raw.id !== undefined && c.raw.id !== null ? { id: c.raw.id as string | number } : {}),
    properties: {
      ...(c.raw.properties ?? {}),
      code: c.code,
      name: nameProp !== undefined && c.raw.properties?.[nameProp] != null ? String(c.raw.properties[nameProp]) : null,
    },
    geometry: convertGeometry(c.geometry, readCrs, crs),
  }));

  const warnings = [...(raw.warnings ?? [])];
  const selfWarning = () => `${selfCount} feature${selfCount === 1 ? '' : 's'} with a self-intersecting ring (kept): ${selfIntersecting.join('; ')}`;
  if (selfCount > 0) warnings.push(selfWarning());
  if (readCrs !== crs) warnings.push(`converted from ${readCrs} to ${crs}`);
  if (raw.provenance.kind === 'boundaries-geojson' && raw.crsLabel === undefined && readCrs === 'EPSG:28992') {
    warnings.push('GeoJSON without a "crs" member holds RD New coordinates (RFC 7946 expects WGS84): read as RD New (EPSG:28992)');
  }
  const report: LoadReport = {
    rowsRead: raw.features.length,
    rowsKept: features.length,
    dropped: [...dropped.values()],
    warnings,
  };
  if (later) {
    // the search over the candidates (features of other levels and duplicates included, as
    // above), its warning in its place: after the format's own warnings
    const at = raw.warnings?.length ?? 0;
    let finished = false;
    options.selfIntersectionsLater!(() => {
      if (finished) return;
      finished = true;
      for (const c of candidates) selfIntersection(c, c.entry ? completeSelfIntersections(c.entry) : validatePolygonGeometry(c.geometry, { selfIntersections: true }));
      if (selfCount > 0) warnings.splice(at, 0, selfWarning());
    });
  }
  return { features, crs, level, codeProperty: source.property, provenance: raw.provenance, report };
}

function expectedFor(reason: string): string {
  if (reason === REASONS['no-code']) return 'a region code (BU/WK/GM…)';
  if (reason === REASONS['duplicate-code']) return 'each code once';
  if (reason === REASONS['other-level']) return 'codes of one level';
  if (reason === REASONS['broken-arc']) return 'arc indices within the topology';
  if (reason === REASONS['bad-geometry-blob']) return 'GeoPackage binary geometry (GP header + WKB Polygon or MultiPolygon)';
  return 'a polygon with closed rings of at least 4 finite positions';
}
