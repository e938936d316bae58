/**
 * The CLI's figure writer for `veerkracht run`: a worker thread (./figure-worker.ts) started
 * before the inputs are read, so that loading vega (≈ 0.3 s) and drawing the two national maps
 * (≈ 0.5 s) run on the second core beside loading, computing and writing the data files. The
 * files are the same bytes as drawn in-process (tests/cli/figure-drawer.test.ts compares them).
 *
 * Falls back to drawing in this thread when the worker's compiled file is not there (the tests
 * run src/ as TypeScript) or when `VEERKRACHT_FIGURE_WORKER=0`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { VeerkrachtError } from '../util/errors.js';
import { fullCollection } from '../util/gc.js';
import { inProcessFigures, type FigureWriter } from '../run/write.js';
import type { FigureFile, WriteFiguresOptions } from '../viz/figure-files.js';
import type { DrawFromRequest, FigureReply, FigureRequest, FigureWorkerData } from './figure-worker.js';
import { packFeatures, unpackFeatures, type PackedFeatures } from '../geo/transfer.js';
import { geoJsonGeometries, type GeoJsonGeometries, type GeoJsonRun } from '../export/geojson.js';
import { needsDrawSimplification } from '../geo/simplify.js';
import type { Boundaries } from '../sources/boundaries/types.js';
import type { ExplorerContent, MapContent, PreparedDrawing } from '../run/figures.js';
import type { LoadedTable } from '../sources/types.js';
import type { LeefbaarometerTable } from '../sources/leefbaarometer/load.js';
import { loadedFromPlain, type PlainLoaded } from './table-transfer.js';

/** A figure writer that must be closed when the run is over. */
export interface FigureDrawer extends FigureWriter {
  /** Where the figures are drawn: `'worker'` or `'in-process'`. */
  readonly where: 'worker' | 'in-process';
  close(): Promise<void>;
}

/**
 * The folder of this module, from V8's structured stack trace (a call site's file name): works
 * compiled to ES modules and to CommonJS alike (the module-URL meta property does not exist in CommonJS, which
 * tslab emits; tests/tslab-compat.test.ts keeps it out of src/).
 */
function ownFolder(): string | null {
  const original = Error.prepareStackTrace;
  try {
    Error.prepareStackTrace = (_e, sites) => sites;
    const sites = new Error().stack as unknown as NodeJS.CallSite[] | undefined;
    const file = Array.isArray(sites) ? sites[0]?.getFileName() : undefined;
    if (typeof file !== 'string' || file === '') return null;
    return dirname(file.startsWith('file:') ? fileURLToPath(file) : file);
  } catch {
    return null;
  } finally {
    Error.prepareStackTrace = original;
  }
}

/** Features per run of geometry texts shared between the two threads (full resolution). */
const TEXT_RUN = 256;

const inThisThread = (): FigureDrawer => ({ ...inProcessFigures, where: 'in-process', close: async () => {} });

/**
 * Start the figure worker (or say why the figures are drawn in this thread). Given `inputs`, the
 * worker loads them first (see `prefetched()`); given the t1 boundaries (`drawFrom`), it makes
 * their drawing (see `drawing()`).
 */
export function startFigureDrawer(env: NodeJS.ProcessEnv = process.env, inputs?: FigureWorkerData['prefetch']): FigureDrawer {
  const folder = ownFolder();
  const file = folder === null ? null : join(folder, 'figure-worker.js');
  if (env.VEERKRACHT_FIGURE_WORKER === '0' || file === null || !existsSync(file)) return inThisThread();

  let worker: Worker;
  try {
    worker = new Worker(file, { workerData: { prefetch: inputs } satisfies FigureWorkerData });
  } catch {
    // no thread to be had (a resource limit): draw here, as without the compiled worker
    return inThisThread();
  }
  worker.unref(); // never keeps the process alive on its own
  const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  // the inputs the worker loads, each resolved when it arrives (null: load it here)
  const arrived = new Map<string, (t: PlainLoaded<LoadedTable> | null) => void>();
  const loading = (key: string) => new Promise<PlainLoaded<LoadedTable> | null>((resolve) => arrived.set(key, resolve));
  const kwb = Object.fromEntries((inputs?.kwb ?? []).map(({ year }) => [String(year), loading(`kwb ${year}`).then((t) => (t === null ? null : loadedFromPlain(t)))]));
  const leefbaarometer = inputs?.leefbaarometer !== undefined ? loading('leefbaarometer').then((t) => (t === null ? null : loadedFromPlain(t as PlainLoaded<LeefbaarometerTable>))) : undefined;
  let drawn: (d: PreparedDrawing | null, features?: PackedFeatures) => void = () => {};
  // the runs of texts of signalen.geojson the worker made (full resolution), and a look at them
  // each time one arrives or the worker fails
  let textParts: (GeoJsonGeometries | null | undefined)[] = [];
  let textsChanged: () => void = () => {};
  let drawing: Promise<PreparedDrawing | null> | null = null;
  // what this thread does while it waits for the drawing (full resolution: texts of signalen.geojson)
  let meanwhile: () => void = () => {};
  let failure: Error | null = null;
  const failAll = (e: Error) => {
    failure = e;
    drawn(null);
    textsChanged();
    for (const resolve of arrived.values()) resolve(null);
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (m: FigureReply) => {
    if ('drawing' in m) return drawn(m.drawing, m.drawn);
    if ('geoJsonPart' in m) {
      textParts[m.geoJsonPart] = m.texts;
      return textsChanged();
    }
    if ('prefetched' in m) return arrived.get(m.prefetched)?.(m.loaded);
    const p = pending.get(m.id);
    if (p === undefined) return;
    pending.delete(m.id);
    if (m.ok) p.resolve();
    else if (m.user) p.reject(new VeerkrachtError(m.message, {}, m.exitCode));
    else p.reject(Object.assign(new Error(m.message), { stack: m.stack }));
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`the figure worker stopped (exit code ${code}) before the maps were drawn`)));
  let next = 0;
  let collect = fullCollection();
  const ask = (request: FigureRequest) =>
    failure !== null
      ? Promise.reject(failure)
      : new Promise<void>((resolve, reject) => {
          pending.set(request.id, { resolve, reject });
          worker.postMessage(request);
        });
  return {
    where: 'worker',
    write(files: readonly FigureFile[], options: WriteFiguresOptions = {}) {
      // once, before the first figures go over
      collect?.();
      collect = null;
      return ask({ id: next++, files: [...files], options });
    },
    drawing: () => {
      meanwhile();
      return drawing;
    },
    drawFrom(t1: Boundaries, options: { whole: boolean; packed?: PackedFeatures } = { whole: true }) {
      if (drawing !== null || failure !== null) return;
      // full-resolution boundaries go over exact and are simplified for drawing there, straight
      // from the packed coordinates, while this thread reads and computes the rest; the drawn
      // features come back packed with the drawing, the texts of signalen.geojson after it. With
      // a study area or filter the map shows fewer regions, drawn in this thread.
      const simplify = needsDrawSimplification(t1.features);
      if (simplify && !options.whole) return;
      // (full resolution) the texts in runs, made by whichever thread claims a run first
      const claims = new Int32Array(new SharedArrayBuffer(4));
      const n = t1.features.length;
      const runs = Math.ceil(n / TEXT_RUN);
      textParts = simplify ? new Array<GeoJsonGeometries | null | undefined>(runs) : [];
      const here = (k: number): GeoJsonGeometries | null => {
        try {
          return geoJsonGeometries(t1.features.slice(k * TEXT_RUN, Math.min(n, (k + 1) * TEXT_RUN)), { crs: t1.crs });
        } catch {
          return null; // (the writer makes them and names the problem)
        }
      };
      /** Claim the next run nobody has claimed and make it here; false when none is left. */
      const makeNext = (): boolean => {
        const k = Atomics.add(claims, 0, 1);
        if (k >= runs) return false;
        textParts[k] = here(k);
        return true;
      };
      // the runs in order, for the writer to write each as it comes: while it waits for one the
      // worker makes, this thread makes the next that nobody has claimed, one at a time (made
      // here after all if the worker stopped); a written run's texts are let go
      const texts = async function* (): AsyncGenerator<GeoJsonRun> {
        for (let k = 0; k < runs; k++) {
          while (textParts[k] === undefined) {
            // (after each, the runs the worker sent meanwhile are taken in, so that they are written now)
            if (makeNext()) await new Promise<void>((resolve) => setImmediate(resolve));
            else if (failure !== null) textParts[k] = here(k);
            else await new Promise<void>((resolve) => (textsChanged = resolve));
          }
          yield { from: k * TEXT_RUN, to: Math.min(n, (k + 1) * TEXT_RUN), texts: textParts[k] ?? null };
          textParts[k] = null;
        }
      };
      // asked for the drawing before it came, this thread makes runs of texts until it comes (the
      // worker is still simplifying; a run at a time, so that the drawing is taken as it arrives)
      let arrived = false;
      meanwhile = () => {
        meanwhile = () => {};
        const step = () => {
          if (!arrived && failure === null && makeNext()) setImmediate(step);
        };
        setImmediate(step);
      };
      drawing = new Promise<PreparedDrawing | null>((resolve) => {
        drawn = (drawing, features) => {
          arrived = true;
          // marked with the file's SHA-256 here: the loader may compute it after handing the
          // boundaries over (readBoundaries option checksumLater), before any reply can arrive
          const d = drawing === null ? null : { ...drawing, checksum: t1.provenance.checksum ?? drawing.checksum };
          if (!simplify) return resolve(d);
          resolve(d === null || features === undefined ? null : { ...d, drawn: unpackFeatures(features), geoJson: texts });
        };
      });
      const packed = options.packed ?? packFeatures(t1.features);
      const request: DrawFromRequest = { drawFrom: { packed, crs: t1.crs, checksum: t1.provenance.checksum ?? '', simplify, ...(simplify ? { texts: { claims, chunk: TEXT_RUN } } : {}) } };
      // (buffers in shared memory, as the packing read makes them, are shared, not moved: the
      // geometries of this thread keep their numbers there)
      const moved = [packed.coordinates.buffer, packed.structure.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
      worker.postMessage(request, moved);
    },
    prefetched: () => (inputs ? { kwb, ...(leefbaarometer ? { leefbaarometer } : {}) } : {}),
    writePages(pages: readonly FigureFile[], options: WriteFiguresOptions = {}) {
      // the regions without their geometry: the worker has it, in the drawing it made
      const light = pages.map((f) => (f.page === undefined ? f : { ...f, page: { ...f.page, input: { ...f.page.input, regions: f.page.input.regions.map(({ geometry: _, ...r }) => r) } } }));
      return ask({ id: next++, files: light as FigureFile[], options, pagesFromDrawing: true });
    },
    writeExplorer(content: ExplorerContent, htmlPath: string, options: WriteFiguresOptions = {}) {
      return ask({ id: next++, files: [{ htmlPath }], options, explorer: content });
    },
    writeMaps(content: MapContent, maps: readonly FigureFile[], options: WriteFiguresOptions = {}) {
      collect?.();
      collect = null;
      return ask({ id: next++, files: [...maps], options, maps: content });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
