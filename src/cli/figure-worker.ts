/**
 * Worker thread of `veerkracht run` that draws the maps (see ./figure-drawer.ts). Loading vega,
 * vega-lite and resvg starts as soon as the worker does — while the main thread reads the
 * inputs — and the SVGs and PNGs are drawn here while the main thread writes the data files.
 */
import { parentPort } from 'node:worker_threads';
import { isUserError } from '../util/errors.js';
import { writeFigures, type FigureFile, type WriteFiguresOptions } from '../viz/figure-files.js';
import { simplifyForDrawing } from '../geo/simplify.js';
import type { RegionFeature } from '../geo/types.js';
import { gemeenteOutlines } from '../run/figures.js';
// vega and vega-lite load now, while the main thread reads the inputs
import '../viz/render.js';

/** A request: the figure files of one run, or the gemeente outlines of its t1 boundaries. */
export type FigureRequest = { id: number; files: FigureFile[]; options: WriteFiguresOptions } | { id: number; outlinesOf: RegionFeature[] };

/** The answer to a request: done (with the outlines asked for), or the error it failed with. */
export type FigureReply = { id: number; ok: true; outlines?: RegionFeature[] } | { id: number; ok: false; message: string; user: boolean; exitCode: number; stack?: string };

/** The outlines the maps draw over these features (as drawn: simplified when over the budget). */
async function outlinesOf(features: RegionFeature[]): Promise<RegionFeature[]> {
  return gemeenteOutlines(simplifyForDrawing(features).features);
}

const port = parentPort;
if (port !== null) {
  // the rasteriser is loaded on first use otherwise; load it now, beside the main thread's work
  import('@resvg/resvg-js').catch(() => undefined);
  port.on('message', (m: FigureRequest) => {
    const work = 'outlinesOf' in m ? outlinesOf(m.outlinesOf) : writeFigures(m.files, m.options).then(() => undefined);
    work.then(
      (outlines) => port.postMessage({ id: m.id, ok: true, ...(outlines ? { outlines } : {}) } satisfies FigureReply),
      (e: unknown) => {
        const err = e instanceof Error ? e : new Error(String(e));
        port.postMessage({ id: m.id, ok: false, message: err.message, user: isUserError(e), exitCode: isUserError(e) ? e.exitCode : 1, stack: err.stack } satisfies FigureReply);
      },
    );
  });
}
