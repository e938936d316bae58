/**
 * Render Vega-Lite specs in Node: to SVG with vega's headless renderer and to PNG with resvg.
 * Notebook front ends do not render Vega-Lite 6 MIME output, so notebooks display these.
 */
import * as vega from 'vega';
import { compileVegaLite, type VegaLiteSpec } from './compile.js';
import { NL_NUMBER_LOCALE } from './locale.js';
import { svgToPng, type PngOptions } from './png.js';
import { splitMap } from './map-paths.js';

export { warmMapPaths } from './map-paths.js';

/** Options for {@link renderSvg}. */
export interface SvgOptions {
  /** Number format of axes, legends and text: `nl` (decimal comma, default) or `en`. */
  locale?: 'nl' | 'en';
}

// vega exports `locale(numberSpec, timeSpec)` without a type declaration
const vegaLocale = (vega as unknown as { locale: (numberSpec?: object) => vega.ViewOptions['locale'] }).locale;

/**
 * Render a Vega-Lite spec to an SVG string (no browser, no canvas). A large map's polygons are
 * written in after vega has drawn the rest, as vega would write them (see {@link splitMap}).
 */
export async function renderSvg(spec: VegaLiteSpec, options: SvgOptions = {}): Promise<string> {
  const split = splitMap(spec);
  if (split !== null) {
    const svg = split.fill(await drawWithVega(split.frame, options));
    if (svg !== null) return svg;
  }
  return drawWithVega(spec, options);
}

async function drawWithVega(spec: VegaLiteSpec, options: SvgOptions): Promise<string> {
  const view = new vega.View(vega.parse(compileVegaLite(spec)), { renderer: 'none' });
  // the `locale` constructor option is ignored by vega 6.4; the method works
  const locale = (options.locale ?? 'nl') === 'nl' ? vegaLocale(NL_NUMBER_LOCALE) : undefined;
  if (locale !== undefined) view.locale(locale);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Render a Vega-Lite spec straight to PNG bytes. */
export async function renderPng(spec: VegaLiteSpec, options: PngOptions & SvgOptions = {}): Promise<Uint8Array> {
  const svg = await renderSvg(spec, options);
  return svgToPng(svg, options);
}
