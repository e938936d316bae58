/**
 * SVG to PNG with resvg (no vega here: the page per gemeente is rasterised without loading it).
 */

/** Options for {@link renderPng}. */
export interface PngOptions {
  /** Scale factor relative to the SVG's own size (default 2, for crisp slides). */
  scale?: number;
  /** Background colour (default white). */
  background?: string;
}

/**
 * Render an SVG string to PNG bytes with resvg and the system fonts (DejaVu on Debian). The
 * rasterising runs on libuv's thread pool, so other work (writing GeoJSON, CSV) goes on meanwhile.
 */
export async function svgToPng(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, {
    background: options.background ?? 'white',
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return image.asPng();
}
