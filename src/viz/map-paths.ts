/**
 * A large map drawn by vega without its polygons, which are then written in: byte for byte what
 * vega writes, at a fraction of the cost. For 14,000 buurten vega spends most of a map on them
 * (a geoshape item each, its bounds, its path) and draws the same paths again for the next map of
 * the same geometry; here each polygon's path is made once, with vega's own path generator and
 * the projection vega would fit, and kept with its geometry for the next map.
 *
 * Only the buurt layer of a {@link mapPanel} without per-feature ARIA labels is taken over, and
 * only when the spec has exactly that shape (plain fills from a fixed class domain, one stroke, an
 * identity projection fitted to the plot): anything else is drawn by vega as it is. Tests compare
 * the result with vega's own drawing of the same spec.
 */
import * as vega from 'vega';
import type { VegaLiteSpec } from './compile.js';

/** What vega draws (the spec without the buurt polygons) and how to write them in afterwards. */
export interface SplitMap {
  /** The spec with the buurt layer empty and the fitted projection written out. */
  frame: VegaLiteSpec;
  /** The frame's SVG with the polygons written in; null when the frame is not as expected. */
  fill(svg: string): string | null;
  /** Each polygon's path, made once and kept with its geometry for the maps that follow; null when one has none. */
  paths(): string[] | null;
}

type Obj = Record<string, unknown>;
type Geometry = { type: string; coordinates: unknown };

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const onlyKeys = (o: Obj, allowed: readonly string[]) => Object.keys(o).every((k) => allowed.includes(k));
// a colour vega writes as it is (no escaping needed)
const plainColour = (x: unknown): x is string => typeof x === 'string' && /^(#[0-9a-fA-F]{3,8}|[a-z]+)$/.test(x);

// vega's identity projection (vega-projection over d3-geo): its `path` is what the geoshape mark draws with
type Projection = {
  reflectY(r: boolean): Projection;
  fitSize(size: [number, number], object: unknown): Projection;
  scale(): number;
  scale(s: number): Projection;
  translate(): [number, number];
  translate(t: [number, number]): Projection;
  path: ((object: unknown) => string | null) & { context(c: null): unknown };
};
const identityProjection = (vega as unknown as { projection(type: string): () => Projection }).projection('identity');

/** Each geometry's path under the last projection it was drawn with (shared by the maps of a run). */
const pathCache = new WeakMap<object, { key: string; d: string }>();

/**
 * The projection last fitted to a list of geometries (by the first one): the maps of a run share
 * their geometry objects and plot size, so the second map (and a map after {@link warmMapPaths})
 * takes the fit instead of streaming every vertex again. Used only for the very same geometry
 * objects in the same order.
 */
const fitCache = new WeakMap<object, { geometries: unknown[]; width: number; height: number; scale: number; translate: [number, number] }>();

function fitted(width: number, height: number, features: Obj[]): { scale: number; translate: [number, number] } {
  const geometries = features.map((f) => f.geometry);
  const hit = geometries.length > 0 ? fitCache.get(geometries[0] as object) : undefined;
  if (hit !== undefined && hit.width === width && hit.height === height && hit.geometries.length === geometries.length && hit.geometries.every((g, i) => g === geometries[i])) {
    return hit;
  }
  const proj = identityProjection().reflectY(true).fitSize([width, height], { type: 'FeatureCollection', features });
  const fit = { geometries, width, height, scale: proj.scale(), translate: proj.translate() };
  if (geometries.length > 0 && isObj(geometries[0])) fitCache.set(geometries[0], fit);
  return fit;
}

/**
 * Each geometry's path under the projection (from the cache, else made and kept); null when one
 * has no drawable path.
 */
function pathsOf(features: readonly Obj[], scale: number, translate: [number, number]): string[] | null {
  const key = `${scale} ${translate[0]} ${translate[1]}`;
  let path: Projection['path'] | null = null;
  const out: string[] = new Array<string>(features.length);
  for (let i = 0; i < features.length; i++) {
    const g = features[i].geometry as Geometry;
    let cached = pathCache.get(g);
    if (cached === undefined || cached.key !== key) {
      if (path === null) {
        path = identityProjection().reflectY(true).scale(scale).translate(translate).path;
        path.context(null);
      }
      const d = path(g);
      if (d === null || d === '' || d.includes('NaN')) return null;
      cached = { key, d };
      pathCache.set(g, cached);
    }
    out[i] = cached.d;
  }
  return out;
}

const GROUP = '<g class="mark-shape role-mark layer_0_marks" aria-hidden="true">';

/** [xmin, ymin, xmax, ymax] of every position of the features; null when one is not a finite number. */
function boxOf(features: readonly Obj[]): [number, number, number, number] | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const f of features) {
    const g = f.geometry as Geometry;
    const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (const p of ring) {
          const x = p[0];
          const y = p[1];
          if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
      }
    }
  }
  return x0 <= x1 && y0 <= y1 ? [x0, y0, x1, y1] : null;
}

/** The layers' features, when every layer is plain geoshape data. */
function layerValues(layer: unknown): Obj[][] | null {
  const out: Obj[][] = [];
  for (const l of layer as unknown[]) {
    if (!isObj(l) || !isObj(l.data) || !onlyKeys(l.data, ['values']) || !Array.isArray(l.data.values)) return null;
    if (!isObj(l.mark) || l.mark.type !== 'geoshape' || 'clip' in l.mark) return null;
    if (!onlyKeys(l, ['data', 'mark', 'encoding'])) return null;
    out.push(l.data.values as Obj[]);
  }
  return out;
}

/**
 * Split a map spec into what vega draws and the polygons written in afterwards; null when the spec
 * is not a map panel whose buurt layer can be taken over (it is then drawn by vega as it is).
 *
 * @example const split = splitMap(spec); const svg = split ? split.fill(await draw(split.frame)) : await draw(spec)
 */
export function splitMap(spec: VegaLiteSpec): SplitMap | null {
  if (!onlyKeys(spec, ['$schema', 'title', 'config', 'width', 'height', 'projection', 'layer'])) return null;
  const { width, height, projection, layer, config } = spec;
  if (typeof width !== 'number' || typeof height !== 'number' || !(width > 0) || !(height > 0)) return null;
  if (!isObj(projection) || !onlyKeys(projection, ['type', 'reflectY']) || projection.type !== 'identity' || projection.reflectY !== true) return null;
  // a config may restyle marks; only the view's frame is left to it
  if (config !== undefined && (!isObj(config) || !onlyKeys(config, ['view']))) return null;
  if (!Array.isArray(layer) || layer.length === 0) return null;
  const values = layerValues(layer);
  if (values === null) return null;
  const buurten = layer[0] as Obj;
  const mark = buurten.mark as Obj;
  if (!onlyKeys(mark, ['type', 'stroke', 'strokeWidth', 'aria']) || mark.aria !== false) return null;
  if (!plainColour(mark.stroke) || typeof mark.strokeWidth !== 'number' || !Number.isFinite(mark.strokeWidth)) return null;
  const enc = buurten.encoding;
  if (!isObj(enc) || !onlyKeys(enc, ['color']) || !isObj(enc.color)) return null;
  const color = enc.color;
  if (color.field !== 'properties.klasse' || color.type !== 'nominal' || 'condition' in color) return null;
  if (!isObj(color.scale) || !onlyKeys(color.scale, ['domain', 'range'])) return null;
  const { domain, range } = color.scale;
  if (!Array.isArray(domain) || !Array.isArray(range) || domain.length !== range.length || !range.every(plainColour)) return null;
  const fillOf = new Map<unknown, string>(domain.map((d, i) => [d, range[i] as string]));
  const features = values[0];
  const fills: string[] = [];
  for (const f of features) {
    const g = f.geometry;
    const fill = isObj(f.properties) ? fillOf.get(f.properties.klasse) : undefined;
    if (f.type !== 'Feature' || !isObj(g) || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || fill === undefined) return null;
    fills.push(fill);
  }

  // the projection vega-lite fits to the plot from the features of every layer
  const { scale, translate } = fitted(width, height, values.flat());
  // vega sizes the figure by the bounds of every mark, so the buurt layer keeps one stand-in of
  // the same bounds: a ring through the corners of the polygons' box, drawn with the same stroke
  const box = boxOf(features);
  if (box === null) return null;
  const [x0, y0, x1, y1] = box;
  const standIn = { ...features[0], geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] } };
  const frame: VegaLiteSpec = {
    ...spec,
    // written out, vega-lite would clip the marks to the plot: a fitted map is not clipped
    projection: { type: 'identity', reflectY: true, scale, translate: [translate[0], translate[1]] },
    layer: layer.map((l: Obj, i: number) => ({ ...l, mark: { ...(l.mark as Obj), clip: false }, ...(i === 0 ? { data: { values: [standIn] } } : {}) })),
  };
  const tail = `" stroke="${mark.stroke}" stroke-width="${mark.strokeWidth}"/>`;
  const paths = () => pathsOf(features, scale, translate);
  return {
    frame,
    paths,
    fill(svg) {
      // the group with the stand-in's one path
      const at = svg.indexOf(GROUP);
      const end = at < 0 ? -1 : svg.indexOf('</g>', at);
      if (at < 0 || svg.indexOf(GROUP, at + 1) >= 0 || svg.slice(at + GROUP.length, end).split('<path ').length !== 2) return null;
      const d = paths();
      if (d === null) return null;
      const parts: string[] = [svg.slice(0, at + GROUP.length)];
      for (let i = 0; i < features.length; i++) parts.push('<path transform="translate(0,0)" d="', d[i], '" fill="', fills[i], tail);
      parts.push(svg.slice(end));
      return parts.join('');
    },
  };
}

/**
 * Make ahead what {@link splitMap} would make for `spec` (the projection's fit and each polygon's
 * path) and keep it for the maps that follow with the same geometry and plot size: the CLI's
 * worker does this while the signals are still being computed. Returns whether the spec is one
 * splitMap takes over (false: nothing was made).
 */
export function warmMapPaths(spec: VegaLiteSpec): boolean {
  const split = splitMap(spec);
  return split !== null && split.paths() !== null;
}
