#!/usr/bin/env node
// A shared notebook must keep its figures: export an executed notebook to HTML with
// `jupyter nbconvert --to html` (the Debian nbconvert the README installs) and check that every
// figure cell produced an <img> for each figure it displayed. SVG-only output does not count:
// GitHub, VS Code, e-mail and most viewers of an exported notebook show a PNG, not an inline SVG.
//
//   node scripts/notebook-tools/html-check.mjs EXECUTED.ipynb… [--out DIR]
//       converts each notebook to DIR (default: beside it) and checks it; exit 1 on a lost figure.
//
// A figure cell is a code cell whose source displays an image: it calls tslab.display.png/svg/jpeg,
// or a helper defined on one line as `const NAME = … tslab.display.png(…)` in any cell of the
// notebook (e.g. `const toon = async (spec) => tslab.display.png(await vk.renderPng(spec))`).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DISPLAY = /tslab\s*\.\s*display\s*\.\s*(png|svg|jpeg)\s*\(/;
const IMAGE_MIME = /^image\/(png|svg\+xml|jpeg|gif)$/;

/** The cell's source with '…' and "…" string literals blanked (code written into a string is not a display). */
function sourceOf(cell) {
  return [].concat(cell.source ?? []).join('').replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
}

/** Names of one-line helpers that display an image, found in any cell of the notebook. */
export function figureHelpers(nb) {
  const names = new Set();
  for (const c of nb.cells) {
    if (c.cell_type !== 'code') continue;
    for (const line of sourceOf(c).split('\n')) {
      const m = /^\s*(?:const|let|var|function)\s+([A-Za-z_$][\w$]*)\b/.exec(line);
      if (m && DISPLAY.test(line)) names.add(m[1]);
    }
  }
  return names;
}

/** True when the code cell's source displays a figure (directly or through a helper). */
export function isFigureCell(cell, helpers) {
  if (cell.cell_type !== 'code') return false;
  const lines = sourceOf(cell)
    .split('\n')
    // a helper's own definition line is not a display
    .filter((l) => !/^\s*(?:const|let|var|function)\s+[A-Za-z_$][\w$]*\b.*tslab\s*\.\s*display\s*\./.test(l));
  const body = lines.join('\n');
  if (DISPLAY.test(body)) return true;
  for (const h of helpers) if (new RegExp(`(?<![\\w$.])${h.replace(/\$/g, '\\$')}\\s*\\(`).test(body)) return true;
  return false;
}

/** The number of image outputs (display_data / execute_result with an image MIME type) of a cell. */
export function imageOutputs(cell) {
  return (cell.outputs ?? []).filter((o) => Object.keys(o.data ?? {}).some((k) => IMAGE_MIME.test(k))).length;
}

/** Split nbconvert's HTML into one chunk per notebook cell (jp-Cell divs, in order). */
export function htmlCells(html) {
  const marker = /<div\s+class="jp-Cell\s/g;
  const starts = [];
  let m;
  while ((m = marker.exec(html)) !== null) starts.push(m.index);
  return starts.map((s, i) => html.slice(s, i + 1 < starts.length ? starts[i + 1] : html.length));
}

/**
 * Check one executed notebook against its HTML export.
 *
 * @returns the problems found (empty = every figure cell has an <img> per displayed figure)
 */
export function checkHtml(nb, html, name = 'notebook') {
  const problems = [];
  const helpers = figureHelpers(nb);
  const chunks = htmlCells(html);
  if (chunks.length !== nb.cells.length) {
    return [`${name}: the HTML has ${chunks.length} cells, the notebook ${nb.cells.length}: cannot pair them`];
  }
  nb.cells.forEach((cell, i) => {
    if (!isFigureCell(cell, helpers)) return;
    const imgs = (chunks[i].match(/<img\s[^>]*src="data:image\/(png|jpeg|gif)/g) ?? []).length;
    const shown = imageOutputs(cell);
    const where = `${name} cell ${i + 1}${cell.id ? ` (${cell.id})` : ''}`;
    if (imgs === 0) problems.push(`${where}: displays a figure but the HTML export has no <img> (${shown} image output(s): ${mimeList(cell)})`);
    else if (imgs < shown) problems.push(`${where}: ${shown} figures displayed, only ${imgs} <img> in the HTML export (${mimeList(cell)})`);
  });
  return problems;
}

function mimeList(cell) {
  const kinds = (cell.outputs ?? []).flatMap((o) => Object.keys(o.data ?? {}).filter((k) => IMAGE_MIME.test(k)));
  return kinds.length === 0 ? 'none' : kinds.join(', ');
}

/** Whether `python -m nbconvert` works with this python. */
export function hasNbconvert(python) {
  return spawnSync(python, ['-c', 'import nbconvert'], { encoding: 'utf8' }).status === 0;
}

/**
 * Convert an executed notebook to HTML in `outDir` and check it.
 *
 * @returns { html: path of the HTML file, problems: string[] }
 */
export function exportAndCheck(python, notebookPath, outDir) {
  const r = spawnSync(python, ['-m', 'nbconvert', '--to', 'html', '--output-dir', outDir, notebookPath], { encoding: 'utf8' });
  const htmlPath = join(outDir, basename(notebookPath).replace(/\.ipynb$/, '.html'));
  if (r.status !== 0) return { html: htmlPath, problems: [`${basename(notebookPath)}: jupyter nbconvert --to html failed:\n${r.stderr}`] };
  const nb = JSON.parse(readFileSync(notebookPath, 'utf8'));
  return { html: htmlPath, problems: checkHtml(nb, readFileSync(htmlPath, 'utf8'), basename(notebookPath)) };
}

// CLI
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const o = args.indexOf('--out');
  const outFlag = o >= 0 ? resolve(args[o + 1]) : null;
  const files = args.filter((a, i) => !a.startsWith('--') && (o < 0 || i !== o + 1));
  const python = ['/usr/bin/python3', 'python3'].find((p) => hasNbconvert(p));
  if (files.length === 0) {
    console.error('usage: html-check.mjs EXECUTED.ipynb… [--out DIR]');
    process.exit(2);
  }
  if (!python) {
    console.error('html-check: jupyter nbconvert is not installed (apt-get install jupyter-nbconvert)');
    process.exit(1);
  }
  let bad = 0;
  for (const f of files) {
    const out = outFlag ?? dirname(resolve(f));
    const { html, problems } = exportAndCheck(python, resolve(f), out);
    if (problems.length === 0) console.log(`ok   ${basename(f)} → ${html}`);
    else {
      bad++;
      console.log(`FAIL ${basename(f)}\n  ${problems.join('\n  ')}`);
    }
  }
  process.exit(bad === 0 ? 0 : 1);
}
