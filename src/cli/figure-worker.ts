/**
 * The second thread of `veerkracht run` (see ./figure-drawer.ts). While the main thread reads the
 * boundaries, it loads the KWB editions for it (and the Leefbaarometer, when asked); then it makes
 * the drawing of the t1 boundaries the main thread hands it (gemeente outlines dissolved) and the
 * geometry texts of signalen.geojson, and loads vega, vega-lite and resvg. Once the signals are
 * computed it builds the two maps and the threshold explorer from that drawing and draws them
 * (SVG, PNG, HTML), then the pages per gemeente, while the main thread writes the data files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isUserError } from '../util/errors.js';
import { fullCollection } from '../util/gc.js';
import { writeFigures, type FigureFile, type WriteFiguresOptions } from '../viz/figure-files.js';
import type { KwbInput } from '../run/config.js';
import { loadKwb } from '../run/load.js';
import { loadLeefbaarometer } from '../sources/leefbaarometer/load.js';
import type { LoadedTable } from '../sources/types.js';
import type { Crs, RegionFeature } from '../geo/types.js';
import { packedOffsets, packedSlice, packFeatures, unpackFeatures, type PackedFeatures } from '../geo/transfer.js';
import { simplifyPackedForDrawing } from '../geo/simplify.js';
import { geoJsonGeometriesPacked, type GeoJsonGeometries } from '../export/geojson.js';
import { plainBuffers, plainLoaded, type PlainLoaded } from './table-transfer.js';
import { explorerFromContent, mapSpecs, prepareDrawing, type ExplorerContent, type MapContent, type PreparedDrawing } from '../run/figures.js';
import { offlineHtml } from '../viz/html.js';

/** What the worker starts with: the inputs it loads for the main thread (KWB editions, the Leefbaarometer). */
export interface FigureWorkerData {
  prefetch?: { kwb: { year: number; input: KwbInput }[]; leefbaarometer?: string };
}

/**
 * A request: figure files to draw; with `maps`, the two maps of the run, whose specs are built
 * here from the drawing made here and this content (signaleringskaart, focuskaart).
 */
export interface FigureRequest {
  id: number;
  files: FigureFile[];
  options: WriteFiguresOptions;
  maps?: MapContent;
  /** The threshold explorer of the run, built here from the drawing made here and this content: written to the one file's `htmlPath`. */
  explorer?: ExplorerContent;
  /** The pages' regions come without geometry: each takes its drawn geometry from the drawing made here. */
  pagesFromDrawing?: boolean;
}

/**
 * The t1 boundaries as the main thread read them, packed (moved, not copied): make their drawing
 * and the geometry texts of signalen.geojson. Full-resolution boundaries (`simplify`) are
 * simplified for drawing here, from the packed coordinates; their drawing goes back first (with
 * the drawn features, packed), then their texts in runs of `texts.chunk` features: each run is
 * claimed from the shared counter `texts.claims` (the main thread makes the runs nobody has
 * claimed when it needs them) and sent back as made.
 */
export interface DrawFromRequest {
  drawFrom: { packed: PackedFeatures; crs: Crs; checksum: string; simplify?: boolean; texts?: { claims: Int32Array; chunk: number } };
}

/**
 * The answer to a request (done, or the error it failed with), the drawing of the t1 boundaries
 * (null when it failed: the main thread makes it and says why), or a loaded input (null when it
 * failed: the main thread loads it and says why).
 */
export type FigureReply =
  | { id: number; ok: true }
  | { id: number; ok: false; message: string; user: boolean; exitCode: number; stack?: string }
  | { drawing: PreparedDrawing | null; drawn?: PackedFeatures }
  | { geoJsonPart: number; texts: GeoJsonGeometries | null }
  | { prefetched: string; loaded: PlainLoaded<LoadedTable> | null };

/** Map content without any region: every buurt in the no-data class (what warm-up draws). */
const NO_CONTENT: MapContent = { codes: [], categorie: [], focus: [], title: '', period: '', focusTitle: '', focusPeriod: '', synthetic: false };

const port = parentPort;
if (port !== null) {
  const data = workerData as FigureWorkerData | null;
  // the inputs first: the main thread waits for them once it has read the boundaries
  const prefetch = async () => {
    const send = async (key: string, load: () => LoadedTable | Promise<LoadedTable>) => {
      let loaded: PlainLoaded<LoadedTable> | null = null;
      try {
        loaded = plainLoaded(await load());
      } catch {
        // (loaded again in the main thread)
      }
      port.postMessage({ prefetched: key, loaded } satisfies FigureReply, loaded === null ? [] : plainBuffers(loaded));
    };
    const p = data?.prefetch;
    if (p === undefined) return;
    for (const { year, input } of p.kwb) await send(`kwb ${year}`, () => loadKwb(input, year));
    const lbm = p.leefbaarometer;
    if (lbm !== undefined) await send('leefbaarometer', () => loadLeefbaarometer(lbm));
  };
  // the boundaries and their drawing, kept for the maps
  let made: { features: RegionFeature[]; crs: Crs; drawing: PreparedDrawing } | null = null;
  let drawFrom: DrawFromRequest['drawFrom'] | null = null;
  // the geometry texts of signalen.geojson (an error in them is found and named in the main thread)
  const geometryTexts = (packed: PackedFeatures, crs: Crs): GeoJsonGeometries | undefined => {
    try {
      return geoJsonGeometriesPacked(packed, { crs });
    } catch {
      return undefined;
    }
  };
  const draw = () => {
    if (drawFrom === null) return;
    const { packed, crs, checksum, simplify, texts: shared } = drawFrom;
    drawFrom = null;
    let drawing: PreparedDrawing | null = null;
    let drawn: PackedFeatures | undefined;
    try {
      // (full resolution: simplified straight from the packed coordinates, never unpacked)
      const simplified = simplify === true ? simplifyPackedForDrawing(packed) : undefined;
      const features = simplified !== undefined ? (simplified.features as RegionFeature[]) : unpackFeatures(packed);
      drawing = prepareDrawing({ features, provenance: { checksum } }, simplified?.topology);
      made = { features, crs, drawing };
      if (simplify === true) drawn = packFeatures(features);
    } catch {
      // (made in the main thread)
    }
    if (simplify === true) {
      // the drawing first: the main thread waits for it, and for the texts only when it writes
      // signalen.geojson, its last file
      if (drawing !== null && drawn !== undefined) {
        port.postMessage({ drawing, drawn } satisfies FigureReply, [drawn.coordinates.buffer as ArrayBuffer, drawn.structure.buffer as ArrayBuffer]);
      } else port.postMessage({ drawing: null } satisfies FigureReply);
      // the texts, run by run (the figure requests of the main thread get in between)
      if (drawing === null || shared === undefined) return;
      const at = packedOffsets(packed);
      const n = packed.properties.length;
      const runs = Math.ceil(n / shared.chunk);
      const next = () => {
        const k = Atomics.add(shared.claims, 0, 1);
        if (k >= runs) return;
        const texts = geometryTexts(packedSlice(packed, at, k * shared.chunk, Math.min(n, (k + 1) * shared.chunk)), crs) ?? null;
        port.postMessage({ geoJsonPart: k, texts } satisfies FigureReply, texts === null ? [] : [texts.bytes.buffer as ArrayBuffer, texts.ends.buffer as ArrayBuffer]);
        setImmediate(next);
      };
      next();
      return;
    }
    const geoJson = drawing === null ? undefined : geometryTexts(packed, crs);
    if (drawing !== null && geoJson !== undefined) {
      port.postMessage({ drawing: { ...drawing, geoJson } } satisfies FigureReply, [geoJson.bytes.buffer as ArrayBuffer, geoJson.ends.buffer as ArrayBuffer]);
    } else port.postMessage({ drawing } satisfies FigureReply);
  };
  // vega, vega-lite and the rasteriser load after the inputs and the drawing (if the boundaries
  // have arrived by then: otherwise the drawing is made when they do)
  let started = false;
  let render: Promise<typeof import('../viz/render.js')> | null = null;
  // while the signals are computed, what the maps need that does not depend on them: the
  // drawing's display geometry, the projection's fit and every polygon's path (all kept for the
  // maps, see warmMapPaths); an error here is left to surface when the maps are drawn
  let warmed: PreparedDrawing | null = null;
  const warm = () => {
    const m = made;
    if (m === null || render === null || warmed === m.drawing) return;
    warmed = m.drawing;
    render.then(
      ({ warmMapPaths }) => {
        try {
          const specs = mapSpecs({ features: m.drawing.drawn ?? m.features, crs: m.crs }, { features: m.drawing.outlines, crs: m.crs }, NO_CONTENT);
          warmMapPaths(specs.signaleringskaart);
        } catch {
          // (drawn for real later)
        }
      },
      () => undefined,
    );
  };
  const loadLibraries = () => {
    started = true;
    draw();
    // the copies of the tables handed over are garbage now, before vega fills this heap
    fullCollection()?.();
    render = import('../viz/render.js');
    render.catch(() => undefined);
    import('@resvg/resvg-js').catch(() => undefined);
    warm();
  };
  prefetch().finally(loadLibraries);

  /** The files of a request, the maps' specs built from the drawing made here. */
  const filesOf = (m: FigureRequest): FigureFile[] => {
    if (m.maps === undefined && m.explorer === undefined && m.pagesFromDrawing !== true) return m.files;
    if (made === null) throw new Error('the figure worker was asked for figures of a drawing it did not make');
    const { features, crs, drawing } = made;
    const drawn = drawing.drawn ?? features;
    if (m.pagesFromDrawing === true) {
      const geometry = new Map(drawn.map((f) => [f.properties.code, f.geometry]));
      return m.files.map((f) => (f.page === undefined ? f : { ...f, page: { ...f.page, input: { ...f.page.input, regions: f.page.input.regions.map((r) => ({ ...r, geometry: geometry.get(r.code)! })) } } }));
    }
    if (m.explorer !== undefined) {
      const { spec, page } = explorerFromContent({ features: drawn, crs }, { features: drawing.outlines, crs }, m.explorer);
      return [{ ...m.files[0], html: offlineHtml(spec, page) }];
    }
    const specs = mapSpecs({ features: drawn, crs }, { features: drawing.outlines, crs }, m.maps!);
    return [
      { ...m.files[0], spec: specs.signaleringskaart },
      { ...m.files[1], spec: specs.focuskaart },
    ];
  };
  // one request after the other: the maps (sent first) before the pages, which the main thread
  // also draws once its data files are written; the next request starts once the SVGs of the
  // previous one are drawn (its last PNG is rasterised on the thread pool meanwhile)
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (m: FigureRequest | DrawFromRequest) => {
    if ('drawFrom' in m) {
      drawFrom = m.drawFrom;
      if (started) {
        draw();
        warm();
      }
      return;
    }
    let svgsDrawn!: () => void;
    const after = previous;
    previous = new Promise<void>((resolve) => (svgsDrawn = resolve));
    // after the two maps, what vega built for them is garbage: one full collection, so that it is
    // not still in this heap while the main thread's heap grows with the data files
    // (once: writeFigures calls it when the SVGs are drawn, the finally below after a failure
    // before that; a second collection after the last PNG would only delay the end of the run)
    let collected = false;
    const drawn = m.maps === undefined ? svgsDrawn : () => (collected || ((collected = true), fullCollection()?.()), svgsDrawn());
    after
      .then(() => writeFigures(filesOf(m), { ...m.options, drawn }))
      .finally(drawn)
      .then(
        () => port.postMessage({ id: m.id, ok: true } satisfies FigureReply),
        (e: unknown) => {
          const err = e instanceof Error ? e : new Error(String(e));
          port.postMessage({ id: m.id, ok: false, message: err.message, user: isUserError(e), exitCode: isUserError(e) ? e.exitCode : 1, stack: err.stack } satisfies FigureReply);
        },
      );
  });
}
