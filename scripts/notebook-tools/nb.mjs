#!/usr/bin/env node
// Keep the tslab notebooks diff-friendly: write them from a plain text form, clear outputs,
// and print a notebook back as text so it can be edited in any editor.
//
//   node scripts/notebook-tools/nb.mjs build TEXT NOTEBOOK   text form → .ipynb (outputs cleared)
//   node scripts/notebook-tools/nb.mjs text NOTEBOOK          .ipynb → text form on stdout
//   node scripts/notebook-tools/nb.mjs clear NOTEBOOK…        clear outputs and execution counts in place
//
// Text form: every cell starts with a marker line `#%% md ID` or `#%% code ID`; the lines up to
// the next marker are the cell's source (trailing blank lines dropped). IDs must be unique and
// stay the same between edits (they are the cell ids in the notebook, so diffs stay small).
import { readFileSync, writeFileSync } from 'node:fs';

const KERNEL = {
  kernelspec: { display_name: 'TypeScript (tslab, veerkracht)', language: 'typescript', name: 'veerkracht-tslab' },
  language_info: { name: 'typescript' },
};

function sourceLines(text) {
  const lines = text.split('\n');
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)).filter((l) => l !== '');
}

function parseText(text, file) {
  const cells = [];
  const ids = new Set();
  let current = null;
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /^#%% (md|code) ([A-Za-z0-9_-]+)\s*$/.exec(line);
    if (m) {
      if (ids.has(m[2])) throw new Error(`${file}:${i + 1}: duplicate cell id ${m[2]}`);
      ids.add(m[2]);
      current = { kind: m[1], id: m[2], lines: [] };
      cells.push(current);
    } else if (current) current.lines.push(line);
    else if (line.trim() !== '') throw new Error(`${file}:${i + 1}: text before the first #%% marker`);
  });
  return cells.map((c) => {
    while (c.lines.length > 0 && c.lines[c.lines.length - 1].trim() === '') c.lines.pop();
    const source = sourceLines(c.lines.join('\n'));
    return c.kind === 'md'
      ? { cell_type: 'markdown', id: c.id, metadata: {}, source }
      : { cell_type: 'code', execution_count: null, id: c.id, metadata: {}, outputs: [], source };
  });
}

function writeNotebook(path, nb) {
  writeFileSync(path, `${JSON.stringify(nb, null, 1)}\n`);
}

function clear(nb) {
  for (const c of nb.cells) {
    if (c.cell_type === 'code') {
      c.outputs = [];
      c.execution_count = null;
    }
    c.metadata = {};
  }
  nb.metadata = { ...nb.metadata, kernelspec: KERNEL.kernelspec, language_info: KERNEL.language_info };
  return nb;
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'build' && args.length === 2) {
  const cells = parseText(readFileSync(args[0], 'utf8'), args[0]);
  writeNotebook(args[1], { cells, metadata: KERNEL, nbformat: 4, nbformat_minor: 5 });
} else if (cmd === 'text' && args.length === 1) {
  const nb = JSON.parse(readFileSync(args[0], 'utf8'));
  const out = nb.cells.map((c) => `#%% ${c.cell_type === 'markdown' ? 'md' : 'code'} ${c.id}\n${[].concat(c.source).join('')}\n`);
  process.stdout.write(out.join('\n'));
} else if (cmd === 'clear' && args.length > 0) {
  for (const p of args) writeNotebook(p, clear(JSON.parse(readFileSync(p, 'utf8'))));
} else {
  console.error('usage: nb.mjs build TEXT NOTEBOOK | text NOTEBOOK | clear NOTEBOOK…');
  process.exit(2);
}
