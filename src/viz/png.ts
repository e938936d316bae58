/**
 * SVG to PNG with resvg (no vega here: the page per gemeente is rasterised without loading it).
 */
import { crc32, deflate } from 'node:zlib';
import { promisify } from 'node:util';

const deflateAsync = promisify(deflate);

/** Options for {@link renderPng}. */
export interface PngOptions {
  /** Scale factor relative to the SVG's own size (default 2, for crisp slides). */
  scale?: number;
  /** Background colour (default white). */
  background?: string;
}

/**
 * Render an SVG string to PNG bytes with resvg and the system fonts (DejaVu on Debian). The
 * rasterising and the compression run on libuv's thread pool, so other work (writing GeoJSON,
 * CSV) goes on meanwhile.
 */
export async function svgToPng(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, {
    background: options.background ?? 'white',
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return (await opaquePng(image.width, image.height, image.pixels)) ?? image.asPng();
}

// zlib level of the PNG data. Measured on the national signaleringskaart at 2× (1526 × 1318):
// level 1 44 ms 1.24 MB, level 3 53 ms 1.14 MB, level 6 105 ms 1.05 MB; resvg's own encoder
// (asPng) 72–85 ms on the calling thread for 1.47 MB
const PNG_DEFLATE_LEVEL = 3;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Largest IDAT chunk written (PNG spec §5.3: a length below 2^31). */
const MAX_CHUNK = 2 ** 30;

/** One PNG chunk (PNG spec §5.3): length, type, data, CRC-32 of type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * A PNG of an opaque RGBA image (8-bit, colour type 6, filter type None on every row), deflated
 * on libuv's thread pool: resvg's own encoder (`asPng`) compresses on the calling thread — the
 * figure worker's, which meanwhile could draw the next figure — and writes larger files. Null
 * when a pixel is not opaque: resvg's pixels are premultiplied by alpha, and its encoder undoes
 * that.
 *
 * @param pixels width × height × 4 bytes, row by row (resvg's `pixels`)
 * @param maxChunk the largest IDAT chunk (default 2^30; smaller only to test the split)
 */
export async function opaquePng(width: number, height: number, pixels: Uint8Array, maxChunk = MAX_CHUNK): Promise<Uint8Array | null> {
  const stride = width * 4;
  if (pixels.length !== stride * height) throw new Error(`opaquePng: ${pixels.length} bytes for ${width} × ${height} RGBA pixels`);
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 255) return null;
  // each row behind its filter-type byte (0: None)
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  // (compression 0, filter method 0, no interlace)
  const data = await deflateAsync(rows, { level: PNG_DEFLATE_LEVEL });
  // (a chunk holds at most 2^31 − 1 bytes: a larger stream goes in several IDAT chunks, as the spec allows)
  const idat: Buffer[] = [];
  // (a zlib stream is never empty: at least its header and checksum)
  for (let at = 0; at < data.length; at += maxChunk) idat.push(chunk('IDAT', data.subarray(at, at + maxChunk)));
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), ...idat, chunk('IEND', new Uint8Array(0))]);
}
