/**
 * Worker thread of `veerkracht run` that draws the maps (see ./figure-drawer.ts). Loading vega,
 * vega-lite and resvg starts as soon as the worker does — while the main thread reads the
 * inputs — and the SVGs and PNGs are drawn here while the main thread writes the data files.
 */
import { parentPort } from 'node:worker_threads';
import { isUserError } from '../util/errors.js';
import { writeFigures, type FigureFile, type WriteFiguresOptions } from '../viz/figure-files.js';
// vega and vega-lite load now, while the main thread reads the inputs
import '../viz/render.js';

/** A request: the figure files of one run. */
export interface FigureRequest {
  id: number;
  files: FigureFile[];
  options: WriteFiguresOptions;
}

/** The answer to a request: done, or the error it failed with. */
export type FigureReply = { id: number; ok: true } | { id: number; ok: false; message: string; user: boolean; exitCode: number; stack?: string };

const port = parentPort;
if (port !== null) {
  // the rasteriser is loaded on first use otherwise; load it now, beside the main thread's work
  import('@resvg/resvg-js').catch(() => undefined);
  port.on('message', (m: FigureRequest) => {
    writeFigures(m.files, m.options).then(
      () => port.postMessage({ id: m.id, ok: true } satisfies FigureReply),
      (e: unknown) => {
        const err = e instanceof Error ? e : new Error(String(e));
        port.postMessage({ id: m.id, ok: false, message: err.message, user: isUserError(e), exitCode: isUserError(e) ? e.exitCode : 1, stack: err.stack } satisfies FigureReply);
      },
    );
  });
}
