/**
 * Worker thread of `veerkracht run` that draws the maps (see ./figure-drawer.ts). Loading vega,
 * vega-lite and resvg starts as soon as the worker does — while the main thread reads the
 * inputs — and the SVGs and PNGs are drawn here while the main thread writes the data files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isUserError } from '../util/errors.js';
import { writeFigures, type FigureFile, type WriteFiguresOptions } from '../viz/figure-files.js';
import { readBoundaries } from '../sources/boundaries/read.js';
import type { KwbInput, MapLevel } from '../run/config.js';
import { loadKwb } from '../run/load.js';
import { loadLeefbaarometer } from '../sources/leefbaarometer/load.js';
import type { LoadedTable } from '../sources/types.js';
import { plainLoaded, type PlainLoaded } from './table-transfer.js';
import { mapSpecs, prepareDrawing, type MapContent, type PreparedDrawing } from '../run/figures.js';
import type { Boundaries } from '../sources/boundaries/types.js';

/**
 * What the worker starts with: the inputs it loads for the main thread first (the KWB editions,
 * the Leefbaarometer), then the run's t1 boundaries, whose drawing it makes.
 */
export interface FigureWorkerData {
  drawing?: { file: string; level: MapLevel };
  prefetch?: { kwb: { year: number; input: KwbInput }[]; leefbaarometer: string };
}

/**
 * A request: figure files to draw; with `maps`, the two maps of the run, whose specs are built
 * here from the drawing made at the start and this content (signaleringskaart, focuskaart).
 */
export interface FigureRequest {
  id: number;
  files: FigureFile[];
  options: WriteFiguresOptions;
  maps?: MapContent;
}

/**
 * The answer to a request (done, or the error it failed with), or the drawing of the t1
 * boundaries (null when they could not be read here: the main thread reads them and says why).
 */
export type FigureReply =
  | { id: number; ok: true }
  | { id: number; ok: false; message: string; user: boolean; exitCode: number; stack?: string }
  | { drawing: PreparedDrawing | null }
  | { prefetched: string; loaded: PlainLoaded<LoadedTable> | null };

const port = parentPort;
if (port !== null) {
  // vega, vega-lite and the rasteriser load beside the main thread's work: after the inputs and
  // the drawing of the boundaries (the main thread waits for those)
  const loadLibraries = () => {
    import('../viz/render.js').catch(() => undefined);
    import('@resvg/resvg-js').catch(() => undefined);
  };
  const data = workerData as FigureWorkerData | null;
  // the inputs the main thread waits for after reading the boundaries (a failure is loaded again
  // there, where its error surfaces)
  const prefetch = async () => {
    const send = async (key: string, load: () => LoadedTable | Promise<LoadedTable>) => {
      let loaded: PlainLoaded<LoadedTable> | null = null;
      try {
        loaded = plainLoaded(await load());
      } catch {
        // (loaded again in the main thread)
      }
      port.postMessage({ prefetched: key, loaded } satisfies FigureReply);
    };
    const p = data?.prefetch;
    if (p === undefined) return;
    for (const { year, input } of p.kwb) await send(`kwb ${year}`, () => loadKwb(input, year));
    await send('leefbaarometer', () => loadLeefbaarometer(p.leefbaarometer));
  };
  const t1 = data?.drawing;
  // the boundaries and their drawing, kept for the maps
  let made: { b: Boundaries; drawing: PreparedDrawing } | null = null;
  const drawing = async () => {
    if (t1 === undefined) return;
    await readBoundaries(t1.file, { level: t1.level })
      .then((b) => (made = { b, drawing: prepareDrawing(b) }))
      .then(
        ({ drawing }) => port.postMessage({ drawing } satisfies FigureReply),
        () => port.postMessage({ drawing: null } satisfies FigureReply),
      );
  };
  prefetch().then(drawing).finally(loadLibraries);
  /** The files of a request, the maps' specs built from the drawing made here. */
  const filesOf = (m: FigureRequest): FigureFile[] => {
    if (m.maps === undefined) return m.files;
    if (made === null) throw new Error('the figure worker was asked for the maps of a drawing it did not make');
    const { b, drawing } = made;
    made = null; // (the boundaries are not needed after the maps)
    const specs = mapSpecs({ features: drawing.drawn ?? b.features, crs: b.crs }, { features: drawing.outlines, crs: b.crs }, m.maps);
    return [
      { ...m.files[0], spec: specs.signaleringskaart },
      { ...m.files[1], spec: specs.focuskaart },
    ];
  };
  // one request after the other: the maps (sent first) before the pages, which the main thread
  // also draws once its data files are written; the next request starts once the SVGs of the
  // previous one are drawn (its last PNG is rasterised on the thread pool meanwhile)
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (m: FigureRequest) => {
    let drawn!: () => void;
    const after = previous;
    previous = new Promise<void>((resolve) => (drawn = resolve));
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
