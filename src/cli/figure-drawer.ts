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
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { VeerkrachtError } from '../util/errors.js';
import { inProcessFigures, type FigureWriter } from '../run/write.js';
import type { FigureFile, WriteFiguresOptions } from '../viz/figure-files.js';
import type { FigureReply, FigureRequest } from './figure-worker.js';
import { needsDrawSimplification } from '../geo/simplify.js';
import type { RegionFeature } from '../geo/types.js';

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

/** Start the figure worker (or say why the figures are drawn in this thread). */
export function startFigureDrawer(env: NodeJS.ProcessEnv = process.env): FigureDrawer {
  const folder = ownFolder();
  const file = folder === null ? null : join(folder, 'figure-worker.js');
  if (env.VEERKRACHT_FIGURE_WORKER === '0' || file === null || !existsSync(file)) return inThisThread();

  let worker: Worker;
  try {
    worker = new Worker(file);
  } catch {
    // no thread to be had (a resource limit): draw here, as without the compiled worker
    return inThisThread();
  }
  worker.unref(); // never keeps the process alive on its own
  const pending = new Map<number, { resolve: (outlines: RegionFeature[] | undefined) => void; reject: (e: Error) => void }>();
  let failure: Error | null = null;
  const failAll = (e: Error) => {
    failure = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (m: FigureReply) => {
    const p = pending.get(m.id);
    if (p === undefined) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.outlines);
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
      : new Promise<RegionFeature[] | undefined>((resolve, reject) => {
          pending.set(request.id, { resolve, reject });
          worker.postMessage(request);
        });
  return {
    where: 'worker',
    write(files: readonly FigureFile[], options: WriteFiguresOptions = {}) {
      // once, before the first figures go over
      collect?.();
      collect = null;
      return ask({ id: next++, files: [...files], options }).then(() => undefined);
    },
    outlines(features: readonly RegionFeature[]) {
      // full-resolution features are simplified here, when the maps are built: copying millions of
      // vertices to the worker would cost more than it saves
      if (needsDrawSimplification(features)) return null;
      return ask({ id: next++, outlinesOf: [...features] }).then((outlines) => ({ of: features, outlines: outlines ?? [] }));
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
