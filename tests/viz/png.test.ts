import { describe, expect, it } from 'vitest';
import { Resvg, renderAsync } from '@resvg/resvg-js';
import { opaquePng, svgToPng } from '../../src/viz/png.js';
import { crc32Bitwise } from '../helpers/crc32.js';

// a small map in the run's style: filled polygons with thin outlines (anti-aliased edges), a label
const MAP = '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90"><rect width="160" height="90" fill="#fff"/>'
  + '<path d="M5,5L100,20L60,70Z" fill="#D55E00" stroke="#8c8c8c" stroke-width="0.3"/><path d="M100,20L150,10L140,80L60,70Z" fill="#E69F00" stroke="#8c8c8c" stroke-width="0.3"/>'
  + '<text x="10" y="82" font-size="11">Sterrenkade</text></svg>';

const RESVG_OPTIONS = { fitTo: { mode: 'zoom' as const, value: 1.5 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } };

/** The pixels resvg decodes from a PNG: its own decoder (the Rust png crate, which checks every chunk's CRC), drawn 1:1. */
function decodedByResvg(png: Uint8Array, width: number, height: number): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}">`
    + `<image width="${width}" height="${height}" style="image-rendering:pixelated" xlink:href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`;
  return Buffer.from(new Resvg(svg).render().pixels);
}

describe('svgToPng', () => {
  it('writes the very pixels resvg drew, as a PNG that an independent decoder reads', async () => {
    const image = await renderAsync(MAP, { background: 'white', ...RESVG_OPTIONS });
    const png = await svgToPng(MAP, { scale: 1.5 });
    expect(Buffer.from(png.subarray(12, 16)).toString('latin1')).toBe('IHDR');
    expect([Buffer.from(png).readUInt32BE(16), Buffer.from(png).readUInt32BE(20)]).toEqual([image.width, image.height]);
    const back = decodedByResvg(png, image.width, image.height);
    expect(back.equals(Buffer.from(image.pixels))).toBe(true);
    // and resvg's own encoder gives the same picture (only the compression differs)
    expect(decodedByResvg(image.asPng(), image.width, image.height).equals(back)).toBe(true);
  });

  it('writes correct chunk checksums (a flipped bit is refused by the decoder)', async () => {
    const png = Buffer.from(await svgToPng(MAP, { scale: 1 }));
    let off = 8;
    const types: string[] = [];
    while (off < png.length) {
      const len = png.readUInt32BE(off);
      types.push(png.toString('latin1', off + 4, off + 8));
      expect(png.readUInt32BE(off + 8 + len)).toBe(crc32Bitwise(png.subarray(off + 4, off + 8 + len)));
      off += 12 + len;
    }
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
    const bad = Buffer.from(png);
    bad[40] ^= 1; // inside the IDAT data
    const back = decodedByResvg(bad, 160, 90);
    expect(back.some((v, i) => i % 4 === 3 && v !== 0)).toBe(false);
  });

  it('leaves an image with transparent pixels to resvg’s encoder (its pixels are premultiplied)', async () => {
    const png = await svgToPng(MAP.replace('<rect width="160" height="90" fill="#fff"/>', ''), { scale: 1.5, background: 'rgba(0,0,0,0)' });
    const image = await renderAsync(MAP.replace('<rect width="160" height="90" fill="#fff"/>', ''), { background: 'rgba(0,0,0,0)', ...RESVG_OPTIONS });
    expect(Buffer.from(png).equals(Buffer.from(image.asPng()))).toBe(true);
    expect(await opaquePng(image.width, image.height, image.pixels)).toBeNull();
  });

  it('splits the image data over several IDAT chunks when it is longer than a chunk may be', async () => {
    const image = await renderAsync(MAP, { background: 'white', ...RESVG_OPTIONS });
    const png = Buffer.from((await opaquePng(image.width, image.height, image.pixels, 100))!);
    let idat = 0;
    for (let off = 8; off < png.length; off += 12 + png.readUInt32BE(off)) if (png.toString('latin1', off + 4, off + 8) === 'IDAT') idat++;
    expect(idat).toBeGreaterThan(5);
    expect(decodedByResvg(png, image.width, image.height).equals(Buffer.from(image.pixels))).toBe(true);
  });

  it('refuses pixels that do not fit the size', async () => {
    await expect(opaquePng(3, 2, new Uint8Array(20))).rejects.toThrow(/20 bytes for 3 × 2/);
  });
});
