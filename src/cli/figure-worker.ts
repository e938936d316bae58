/**
 * Worker thread of `veerkracht run` that draws the maps (see ./figure-drawer.ts). Loading vega,
 * vega-lite and resvg starts as soon as the worker does — while the main thread reads the
 * inputs — and the SVGs and PNGs are drawn here while the main thread writes the data files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isUserError } from '../util/errors.js';
import { writeFigures, type FigureFile, type WriteFiguresOptions } from '../viz/figure-files.js';
import { readBoundaries } from '../sources/boundaries/read.js';
import type { MapLevel } from '../run/config.js';
import { mapSpecs, prepareDrawing, type MapContent, type PreparedDrawing } from '../run/figures.js';
import type { Boundaries } from '../sources/boundaries/types.js';

/** What the worker starts with: the run's t1 boundaries, whose drawing it makes first. */
export interface FigureWorkerData {
  drawing?: { file: string; level: MapLevel };
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
  | { drawing: PreparedDrawing | null };

const port = parentPort;
if (port !== null) {
  // vega, vega-lite and the rasteriser load beside the main thread's work: after the drawing of
  // the boundaries (the main thread waits for that once it has computed the signals)
  const loadLibraries = () => {
    import('../viz/render.js').catch(() => undefined);
    import('@resvg/resvg-js').catch(() => undefined);
  };
  const t1 = (workerData as FigureWorkerData | null)?.drawing;
  // the boundaries and their drawing, kept for the maps
  let made: { b: Boundaries; drawing: PreparedDrawing } | null = null;
  if (t1 !== undefined) {
    readBoundaries(t1.file, { level: t1.level })
      .then((b) => (made = { b, drawing: prepareDrawing(b) }))
      .then(
        ({ drawing }) => port.postMessage({ drawing } satisfies FigureReply),
        () => port.postMessage({ drawing: null } satisfies FigureReply),
      )
      .finally(loadLibraries);
  } else loadLibraries();
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
