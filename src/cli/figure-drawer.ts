/**
 * The CLI's figure writer for `veerkracht run`: a worker thread (./figure-worker.ts) started
 * before the inputs are read, so that loading vega (≈ 0.3 s) and drawing the two national maps
 * (≈ 0.5 s) run on the second core beside loading, computing and writing the data files. The
 * files are the same bytes as drawn in-process (tests/cli/figure-drawer.test.ts compares them).
 *
 * Falls back to drawing in this thread when the worker's compiled file is not there (the tests
 * run src/ as TypeScript) or when `VEERKRACHT_FIGURE_WORKER=0`.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { VeerkrachtError } from '../util/errors.js';
import { inProcessFigures, type FigureWriter } from '../run/write.js';
import type { FigureFile, WriteFiguresOptions } from '../viz/figure-files.js';
import type { FigureReply, FigureRequest, FigureWorkerData } from './figure-worker.js';
import type { MapContent, PreparedDrawing } from '../run/figures.js';
import type { LoadedTable } from '../sources/types.js';
import type { LeefbaarometerTable } from '../sources/leefbaarometer/load.js';
import { loadedFromPlain, type PlainLoaded } from './table-transfer.js';
import type { MapLevel } from '../run/config.js';

/** A figure writer that must be closed when the run is over. */
export interface FigureDrawer extends FigureWriter {
  /** Where the figures are drawn: `'worker'` or `'in-process'`. */
  readonly where: 'worker' | 'in-process';
  close(): Promise<void>;
}

/**
 * V8's full garbage collection, made callable at run time (as jest's leak detector does): the
 * main thread's heap still holds what parsing the inputs left behind when the worker starts
 * drawing, and the two heaps would peak together (national region: ≈ 640 MB against ≈ 580 MB
 * with this collection first, ≈ 70 ms). Null when the flag cannot be set.
 */
function fullCollection(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
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

const inThisThread = (): FigureDrawer => ({ ...inProcessFigures, where: 'in-process', close: async () => {} });

/**
 * The largest boundary file the worker reads itself for the drawing (32 MiB: the national
 * generalised files). A second parse of a full-resolution file (≈ 100 MB, 4.5 M vertices) beside
 * the main thread's would raise the run's peak memory by ≈ 500 MB; the main thread makes its
 * drawing after computing the signals instead.
 */
export const DRAWING_WORKER_MAX_BYTES = 32 * 1024 * 1024;

/** The file the worker may read for the drawing: a file no larger than {@link DRAWING_WORKER_MAX_BYTES}. */
function readableHere(file: string): boolean {
  try {
    const s = statSync(file);
    return s.isFile() && s.size <= DRAWING_WORKER_MAX_BYTES;
  } catch {
    return false;
  }
}

/**
 * Start the figure worker (or say why the figures are drawn in this thread). Given the run's t1
 * boundaries (a file up to {@link DRAWING_WORKER_MAX_BYTES}), the worker first reads them itself
 * and makes their drawing (see `drawing()`).
 */
export function startFigureDrawer(env: NodeJS.ProcessEnv = process.env, t1?: { file: string; level: MapLevel }, inputs?: FigureWorkerData['prefetch']): FigureDrawer {
  const boundaries = t1 !== undefined && readableHere(t1.file) ? t1 : undefined;
  const folder = ownFolder();
  const file = folder === null ? null : join(folder, 'figure-worker.js');
  if (env.VEERKRACHT_FIGURE_WORKER === '0' || file === null || !existsSync(file)) return inThisThread();

  let worker: Worker;
  try {
    worker = new Worker(file, { workerData: { drawing: boundaries, prefetch: inputs } satisfies FigureWorkerData });
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
  const leefbaarometer = inputs ? loading('leefbaarometer').then((t) => (t === null ? null : loadedFromPlain(t as PlainLoaded<LeefbaarometerTable>))) : undefined;
  let drawn: (d: PreparedDrawing | null) => void = () => {};
  const drawing = boundaries ? new Promise<PreparedDrawing | null>((resolve) => (drawn = resolve)) : null;
  let failure: Error | null = null;
  const failAll = (e: Error) => {
    failure = e;
    drawn(null);
    for (const resolve of arrived.values()) resolve(null);
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (m: FigureReply) => {
    if ('drawing' in m) return drawn(m.drawing);
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
    drawing: () => drawing,
    prefetched: () => (inputs ? { kwb, ...(leefbaarometer ? { leefbaarometer } : {}) } : {}),
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
