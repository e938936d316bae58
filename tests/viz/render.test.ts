import { describe, expect, it } from 'vitest';
import { renderPng, renderSvg } from '../../src/viz/render.js';

const spec = { data: { values: [{ a: 0.5 }, { a: 2500.5 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } };
const labels = (svg: string): string[] => (svg.match(/>[0-9.,−-]+<\/text>/g) ?? []).map((t) => t.slice(1, -7));

describe('renderSvg', () => {
  it('formats numbers the Dutch way by default (thousands dot)', async () => {
    expect(labels(await renderSvg(spec))).toContain('2.500');
  });
  it('can format the English way', async () => {
    expect(labels(await renderSvg(spec, { locale: 'en' }))).toContain('2,500');
  });
  it('does not leak the Dutch locale into other views', async () => {
    await renderSvg(spec);
    expect(labels(await renderSvg(spec, { locale: 'en' }))).not.toContain('2.500');
  });
});

describe('renderPng', () => {
  it('renders a PNG at the requested scale', async () => {
    const svg = await renderSvg(spec);
    const w = Number(/width="(\d+)"/.exec(svg)![1]);
    const png = Buffer.from(await renderPng(spec, { scale: 2 }));
    expect(png.readUInt32BE(16)).toBe(2 * w);
  });
});
