// The HTML export check must see a figure lost in `jupyter nbconvert --to html`: an SVG-only
// display has no <img>, a PNG display has one. The pairing of cells and the figure-cell rule are
// checked on hand-made notebooks; the real nbconvert (no kernel needed) on notebooks with outputs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { checkHtml, exportAndCheck, figureHelpers, hasNbconvert, isFigureCell } from '../../scripts/notebook-tools/html-check.mjs';

type Output = Record<string, unknown>;
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
const png: Output = { output_type: 'display_data', data: { 'image/png': PNG_1PX }, metadata: {} };
const svg: Output = { output_type: 'display_data', data: { 'image/svg+xml': SVG }, metadata: {} };
const text: Output = { output_type: 'stream', name: 'stdout', text: 'klaar\n' };

function nb(cells: { source: string; outputs?: Output[]; md?: boolean }[]) {
  return {
    cells: cells.map((c, i) =>
      c.md
        ? { cell_type: 'markdown', id: `m${i}`, metadata: {}, source: c.source }
        : { cell_type: 'code', id: `c${i}`, metadata: {}, execution_count: i + 1, outputs: c.outputs ?? [], source: c.source },
    ),
    metadata: { kernelspec: { name: 'veerkracht-tslab', display_name: 'TypeScript', language: 'typescript' }, language_info: { name: 'typescript' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** nbconvert-like HTML: one jp-Cell div per cell, with the given inner HTML. */
const html = (inner: string[]) => inner.map((x) => `<div class="jp-Cell jp-CodeCell jp-Notebook-cell   ">${x}</div>`).join('\n');
const img = `<img src="data:image/png;base64,${PNG_1PX}">`;

describe('figure cells', () => {
  const book = nb([
    { source: "const toon = async (spec: vk.VegaLiteSpec) => tslab.display.png(await vk.renderPng(spec));\nconst n = 1;" },
    { source: 'await toon(kaart);' },
    { source: 'tslab.display.svg(await vk.renderSvg(spec));' },
    { source: 'const ontoon = 3;\nconsole.log(ontoon);' },
    { source: '# kop met toon(x)', md: true },
    { source: "const regels = ['tslab.display.png(await vk.renderPng(spec));', \"toon(x)\"];" },
  ]);
  it('finds one-line helpers and their calls, not their definition or look-alike names', () => {
    const h = figureHelpers(book);
    expect([...h]).toEqual(['toon']);
    expect(book.cells.map((c) => isFigureCell(c, h))).toEqual([false, true, true, false, false, false]);
  });
});

describe('checkHtml', () => {
  const book = nb([{ source: 'tslab.display.png(x);', outputs: [png] }, { source: 'toon', md: true }, { source: 'tslab.display.svg(y);', outputs: [svg] }]);
  it('passes when every figure cell has its <img>', () => {
    expect(checkHtml(book, html([img, '<p>toon</p>', `${img}`]), 'x.ipynb')).toEqual([]);
  });
  it('names the cell whose figure has no <img>', () => {
    const p = checkHtml(book, html([img, '<p>toon</p>', SVG]), 'x.ipynb');
    expect(p).toHaveLength(1);
    expect(p[0]).toContain('x.ipynb cell 3 (c2)');
    expect(p[0]).toContain('image/svg+xml');
  });
  it('counts figures: two displayed, one <img> fails', () => {
    const two = nb([{ source: 'for (const s of specs) tslab.display.png(s);', outputs: [png, text, png] }]);
    expect(checkHtml(two, html([img]), 'y')).toHaveLength(1);
    expect(checkHtml(two, html([img + img]), 'y')).toEqual([]);
  });
  it('refuses to pair cells when the counts differ', () => {
    expect(checkHtml(book, html([img]), 'z')[0]).toContain('cannot pair');
  });
});

const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import sys'], { encoding: 'utf8' }).status === 0) ?? 'python3';
const canExport = hasNbconvert(python);
const required = process.env.VEERKRACHT_REQUIRE_NOTEBOOKS === '1';

describe.runIf(canExport || required)('with the real jupyter nbconvert', () => {
  it('an SVG-only figure is lost, a PNG figure is kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'html-check-'));
    const file = join(dir, 'figuren.ipynb');
    writeFileSync(
      file,
      JSON.stringify(
        nb([
          { source: '# Figuren', md: true },
          { source: 'tslab.display.png(await vk.renderPng(a));', outputs: [text, png] },
          { source: 'tslab.display.svg(await vk.renderSvg(b));', outputs: [svg] },
          { source: "console.log('geen figuur');", outputs: [text] },
        ]),
      ),
    );
    const r = exportAndCheck(python, file, dir);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toContain('cell 3 (c2)');
  });
});
