/**
 * Writing figures to disk, each file atomically (temp file, then rename): SVG, PNG and offline
 * HTML. The renderer lives here in viz and calls down to src/util/fs.ts for the write; export/
 * only writes data (GeoJSON, TopoJSON, CSV, summary JSON) and never imports viz.
 */
import { outputPath, writeFileAtomic } from '../util/fs.js';
import type { VegaLiteSpec } from './compile.js';
import { offlineHtml, type OfflineHtmlOptions } from './html.js';
import { renderSvg } from './render.js';
import { svgToPng, type PngOptions } from './png.js';

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
