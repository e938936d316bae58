/**
 * Writing figures to disk, each file atomically (temp file, then rename): SVG, PNG and offline
 * HTML. The renderer lives here in viz and calls down to src/util/fs.ts for the write; export/
 * only writes data (GeoJSON, TopoJSON, CSV, summary JSON) and never imports viz.
 */
import { outputPath, writeFileAtomic, writeStaged } from '../util/fs.js';
import type { VegaLiteSpec } from './compile.js';
import { offlineHtml, type OfflineHtmlOptions } from './html.js';
import { drawGemeentePage, type GemeentePageDraft } from './gemeente-page.js';
import { renderSvg, svgToPng, type PngOptions } from './render.js';

/**
 * Render `spec` to SVG and write it; returns the SVG text (to reuse for a PNG).
 *
 * @example const svg = await writeSvgFile('out/kaart.svg', signalMapSpec(geo, cats, opts));
 */
export async function writeSvgFile(path: string, spec: VegaLiteSpec): Promise<string> {
  const svg = await renderSvg(spec);
  writeFileAtomic(path, svg);
  return svg;
}

/**
 * Write a PNG of `spec`, or of an SVG already rendered (resvg, default 2× scale).
 *
 * @example await writePngFile('out/kaart.png', svg, { scale: 2 });
 */
export async function writePngFile(path: string, specOrSvg: VegaLiteSpec | string, options: PngOptions = {}): Promise<void> {
  const svg = typeof specOrSvg === 'string' ? specOrSvg : await renderSvg(specOrSvg);
  writeFileAtomic(path, await svgToPng(svg, options));
}

/**
 * Write the self-contained offline HTML page of `spec`.
 *
 * @example writeHtmlFile('out/kaart.html', spec, { title: 'Signaleringskaart' });
 */
export function writeHtmlFile(path: string, spec: VegaLiteSpec, options: OfflineHtmlOptions): void {
  writeFileAtomic(path, offlineHtml(spec, options));
}

/**
 * Write a figure as `<name>.svg` and `<name>.png` in `outDir` (rendered once); returns the paths.
 *
 * @example await writeFigureFiles('out', 'signaleringskaart', signalMapSpec(geo, cats, opts))
 */
export async function writeFigureFiles(outDir: string, name: string, spec: VegaLiteSpec, png: PngOptions = {}): Promise<{ svg: string; png: string }> {
  const svgPath = outputPath(outDir, `${name}.svg`);
  const pngPath = outputPath(outDir, `${name}.png`);
  const svg = await writeSvgFile(svgPath, spec);
  await writePngFile(pngPath, svg, png);
  return { svg: svgPath, png: pngPath };
}

/**
 * One figure file set to write: an SVG drawn from a Vega-Lite spec (or given as text), written to
 * `svgPath` and/or rasterised to `pngPath`; or a gemeente page, drawn and written to `htmlPath`
 * (its map rasterised to `pngPath` when given).
 */
export interface FigureFile {
  spec?: VegaLiteSpec;
  svg?: string;
  page?: GemeentePageDraft;
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
}

/**
 * Write figure files: the SVGs one after another, each PNG rasterised on the thread pool while
 * the next SVG is drawn (one PNG at a time). Resolves when every file is written; the first
 * failure rejects.
 *
 * @example await writeFigures([{ spec, svgPath: 'out/kaart.svg', pngPath: 'out/kaart.png' }])
 */
export async function writeFigures(files: readonly FigureFile[], options: WriteFiguresOptions = {}): Promise<void> {
  const write = options.staged ? writeStaged : writeFileAtomic;
  const pngs: Promise<void>[] = [];
  try {
    for (const f of files) {
      let svg = f.svg;
      if (f.page !== undefined) {
        const drawn = drawGemeentePage(f.page);
        svg = drawn.svg;
        if (f.htmlPath !== undefined) write(f.htmlPath, drawn.html);
      } else if (svg === undefined) {
        if (f.spec === undefined) throw new Error('writeFigures: a figure needs a spec, an svg or a page');
        svg = await renderSvg(f.spec);
      }
      if (f.svgPath !== undefined) write(f.svgPath, svg);
      if (f.pngPath !== undefined) {
        const pngPath = f.pngPath;
        const drawnSvg = svg;
        // one rasterisation at a time (a national map at 2× holds ≈ 40 MB of native memory
        // while resvg draws it), still beside the next SVG on the thread pool
        const previous = pngs.length > 0 ? pngs[pngs.length - 1].catch(() => undefined) : Promise.resolve();
        const png = previous.then(() => svgToPng(drawnSvg, f.png)).then((bytes) => write(pngPath, bytes));
        png.catch(() => undefined); // surfaces at Promise.all below, not as an unhandled rejection
        pngs.push(png);
      }
    }
  } finally {
    // never leave a rasteriser writing after this returns, also when an SVG failed
    await Promise.allSettled(pngs);
  }
  await Promise.all(pngs);
}

