/**
 * Drawing the figure files of a run: maps from Vega-Lite specs (vega is loaded only when a spec is
 * drawn), SVG text, and the page per gemeente; PNGs with resvg. The CLI runs this in its figure
 * worker and, for the pages, in the main thread as well (a shared counter splits them).
 */
import { writeFileAtomic, writeStaged } from '../util/fs.js';
import { fileSystemError } from '../util/output-set.js';
import type { VegaLiteSpec } from './compile.js';
import { drawGemeentePage, type GemeentePageDraft } from './gemeente-page.js';
import { svgToPng, type PngOptions } from './png.js';

/**
 * One figure file set to write: an SVG drawn from a Vega-Lite spec (or given as text), written to
 * `svgPath` and/or rasterised to `pngPath`; or a gemeente page, drawn and written to `htmlPath`
 * (its map rasterised to `pngPath` when given); or an HTML page given as text, written to `htmlPath`.
 */
export interface FigureFile {
  spec?: VegaLiteSpec;
  svg?: string;
  page?: GemeentePageDraft;
  html?: string;
  svgPath?: string;
  htmlPath?: string;
  pngPath?: string;
  png?: PngOptions;
}

/** Options of {@link writeFigures}. */
export interface WriteFiguresOptions {
  /**
   * The paths are inside a private staging folder (an output set, src/util/output-set.ts): write
   * them plainly, without a temp file and fsync each.
   */
  staged?: boolean;
  /**
   * Share the files from index `from` on with other threads: each is drawn by whoever claims it
   * first from the counter `claims[0]` (a SharedArrayBuffer), so two threads drawing the same
   * list split it between them and every file is drawn once.
   */
  shared?: { claims: Int32Array; from: number };
  /** Called when every SVG is drawn, before the last PNGs are rasterised (on the thread pool). */
  drawn?: () => void;
}

/**
 * Write figure files: the SVGs one after another, each PNG rasterised on the thread pool while
 * the next SVG is drawn (two PNGs at a time). Resolves when every file is written; the first
 * failure rejects.
 *
 * @example await writeFigures([{ spec, svgPath: 'out/kaart.svg', pngPath: 'out/kaart.png' }])
 */
export async function writeFigures(files: readonly FigureFile[], options: WriteFiguresOptions = {}): Promise<void> {
  const plain = options.staged ? writeStaged : writeFileAtomic;
  // a full or read-only disk is one line naming the file (as the other files of a run), not a stack
  const write = (path: string, data: string | Uint8Array) => {
    try {
      plain(path, data);
    } catch (e) {
      throw fileSystemError(e, path, 'write');
    }
  };
  const shared = options.shared;
  const pngs: Promise<void>[] = [];
  /** The next index to draw: in order up to `shared.from`, then what the shared counter hands out. */
  let own = 0;
  const next = (): number => {
    if (shared === undefined || own < shared.from) return own++;
    return shared.from + Atomics.add(shared.claims, 0, 1);
  };
  try {
    for (let i = next(); i < files.length; i = next()) {
      // between shared files, let other work of this thread in (the worker starts the maps as
      // soon as they arrive, while it draws pages)
      if (shared !== undefined && i > shared.from) await new Promise<void>((resolve) => setImmediate(resolve));
      const f = files[i];
      if (f.html !== undefined) {
        if (f.htmlPath === undefined) throw new Error('writeFigures: an HTML page needs an htmlPath');
        write(f.htmlPath, f.html);
        continue;
      }
      let svg = f.svg;
      if (f.page !== undefined) {
        const drawn = drawGemeentePage(f.page);
        svg = drawn.svg;
        if (f.htmlPath !== undefined) write(f.htmlPath, drawn.html);
      } else if (svg === undefined) {
        if (f.spec === undefined) throw new Error('writeFigures: a figure needs a spec, an svg or a page');
        const { renderSvg } = await import('./render.js');
        svg = await renderSvg(f.spec);
      }
      if (f.svgPath !== undefined) write(f.svgPath, svg);
      if (f.pngPath !== undefined) {
        const pngPath = f.pngPath;
        const drawnSvg = svg;
        // two rasterisations at a time (a national map at 2× holds ≈ 40 MB of native memory
        // while resvg draws it), beside the next SVGs on the thread pool: the two maps' PNGs
        // are drawn together, not the second only after the first
        const previous = pngs.length > 1 ? pngs[pngs.length - 2].catch(() => undefined) : Promise.resolve();
        const png = previous.then(() => svgToPng(drawnSvg, f.png)).then((bytes) => write(pngPath, bytes));
        png.catch(() => undefined); // surfaces at Promise.all below, not as an unhandled rejection
        pngs.push(png);
      }
    }
    options.drawn?.();
  } finally {
    // never leave a rasteriser writing after this returns, also when an SVG failed
    await Promise.allSettled(pngs);
  }
  await Promise.all(pngs);
}

