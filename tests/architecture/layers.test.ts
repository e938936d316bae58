/**
 * No folder cycles: every import between the folders of src/ goes down the data path of
 * DESIGN.md ("The data path"), never up (issue 16).
 *
 * The layers, bottom → top. A folder may import its own files, any folder on a LOWER rank, and
 * the folders listed as explicit exceptions; nothing else. Folders on the same rank are peers and
 * do not import each other unless an exception says so.
 *
 *   rank 0  util                 errors, atomic file writes (util/fs), output sets, random numbers
 *   rank 1  geo                  planar geometry, projection, the shared geometry types (Crs,
 *                                RegionFeature); may use util only
 *   rank 2  regions              region codes (and RegionLevel), hierarchy, crosswalk
 *   rank 3  sources              parse + validate each format into typed tables
 *   rank 4  indicators           shares and changes on one indeling
 *   rank 5  classify, spatial    schemes and legends; weights, Moran's I, LISA
 *   rank 6  signal               the signal rules: categories, references, summaries
 *   rank 7  viz, export, demo    Vega-Lite specs → SVG / PNG / HTML (and writing those files);
 *                                writers of data files (strings and bytes only: export never
 *                                imports viz); the synthetic demo data set
 *   rank 8  calibrate            sweeps and targets
 *   rank 9  run                  the main job as steps
 *   rank 10 cli                  commands, only orchestrate
 *
 * Where this differs from the sketch in DESIGN.md, and why (what the code needs):
 *   - calibrate sits above signal, not beside classify: a sweep runs the signal rule over a grid
 *     of dead bands and counts signal categories (calibrate/{counts,reference,stability,sweep,
 *     target,chart}.ts use signal/categories.ts), and the issue asks for ONE signal rule shared by
 *     the pipeline and the sweep. Its charts are Vega-Lite specs typed with viz's VegaLiteSpec,
 *     so it sits above viz too. Nothing below run uses calibrate.
 *   - viz and export are peers (DESIGN.md draws them on one line): figures are rendered and
 *     written by viz (viz/files.ts, through util/fs), export writes data.
 *
 * Exceptions and special cases:
 *   - demo sits beside export and may import export (it writes its files with the writers), but
 *     nothing imports demo except run, cli and src/index.ts;
 *   - src/index.ts (the public barrel) and src/version.ts (a constant) are outside the layers:
 *     index.ts may import anything and nothing imports it; version.ts imports nothing from src/
 *     and anything may import it.
 *
 * Type-only imports count like value imports: a type on the wrong floor is still a folder cycle.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const srcDir = join(root, 'src');

/** Rank of each layer folder (bottom = 0). */
export const LAYER_RANK: Readonly<Record<string, number>> = {
  util: 0,
  geo: 1,
  regions: 2,
  sources: 3,
  indicators: 4,
  classify: 5,
  spatial: 5,
  signal: 6,
  viz: 7,
  export: 7,
  demo: 7,
  calibrate: 8,
  run: 9,
  cli: 10,
};

/** Imports allowed against the rank order (importer → imported folders). */
const EXTRA_ALLOWED: Readonly<Record<string, readonly string[]>> = {
  demo: ['export'],
};

/** Only these may import demo. */
const DEMO_IMPORTERS = new Set(['run', 'cli', '<index>']);

/** The top-level files outside the layers. */
const OUTSIDE: Readonly<Record<string, string>> = { index: '<index>', version: '<version>' };

/** One relative import found in a source file. */
export interface FoundImport {
  /** The specifier as written (`'../export/atomic.js'`). */
  specifier: string;
  /** 1-based line of the statement. */
  line: number;
}

/**
 * Relative specifiers of every static `import … from '…'`, side-effect `import '…'`,
 * `export … from '…'` and dynamic `import('…')` in a TypeScript source text. Comments and
 * other strings are blanked first so an example in TSDoc or a message is not taken for an import.
 */
export function relativeImports(text: string): FoundImport[] {
  const code = stripComments(text);
  const found: FoundImport[] = [];
  const patterns = [
    // import x from '…'; import type { A } from '…'; export { a } from '…'; export * from '…'
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?)\s+from\s*(['"])([^'"]+)\1/g,
    // import '…' (side effect only)
    /\bimport\s*(['"])([^'"]+)\1/g,
    // import('…')  (dynamic, also inside `typeof import('…')`)
    /\bimport\s*\(\s*(['"])([^'"]+)\1\s*\)/g,
  ];
  for (const re of patterns) {
    for (const m of code.matchAll(re)) {
      const specifier = m[2]!;
      if (!specifier.startsWith('.')) continue;
      const line = code.slice(0, m.index).split('\n').length;
      found.push({ specifier, line });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** Replaces comments and strings other than module specifiers by spaces, keeping line breaks. */
function stripComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const n = text[i + 1];
    if (c === '/' && n === '/') {
      while (i < text.length && text[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (c === '/' && n === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\') j++;
        j++;
      }
      // keep the text of a module specifier, blank every other string (an import in a string is not one)
      const isSpecifier = c !== '`' && /(?:\bfrom|\bimport|\bimport\s*\()\s*$/.test(out.slice(-40));
      out += isSpecifier ? text.slice(i, j + 1) : c + text.slice(i + 1, j).replace(/[^\n]/g, ' ') + c;
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The layer of a path under src/ (`'export'`, `'<index>'`, …), or null for other top-level files. */
export function layerOf(pathInSrc: string): string | null {
  const parts = pathInSrc.split(/[\\/]/);
  if (parts.length === 1) return OUTSIDE[parts[0]!.replace(/\.(d\.)?[jt]sx?$/, '')] ?? null;
  return parts[0]!;
}

/**
 * Why importing `to` from `from` breaks the layering, or null when it is allowed. Both are
 * layer names as returned by {@link layerOf}.
 */
export function violation(from: string, to: string): string | null {
  if (from === to) return null;
  if (from === '<index>') return null;
  if (to === '<version>') return null;
  if (to === '<index>') return 'nothing imports the public barrel src/index.ts';
  if (from === '<version>') return 'src/version.ts imports nothing from src/';
  if (to === 'demo' && !DEMO_IMPORTERS.has(from)) return 'only run, cli and src/index.ts import demo';
  const rf = LAYER_RANK[from];
  const rt = LAYER_RANK[to];
  if (rf === undefined) return `${from} is not a layer of DESIGN.md`;
  if (rt === undefined) return `${to} is not a layer of DESIGN.md`;
  if (rt < rf) return null;
  if (EXTRA_ALLOWED[from]?.includes(to)) return null;
  return rt === rf ? `${from} and ${to} are peers (rank ${rf})` : `${from} (rank ${rf}) imports ${to} (rank ${rt})`;
}

/** Every `.ts` file under a folder, as paths relative to it. */
function tsFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p, base));
    else if (/\.tsx?$/.test(e.name)) out.push(relative(base, p));
  }
  return out.sort();
}

/** One upward (or otherwise forbidden) import. */
interface Offence {
  file: string;
  line: number;
  specifier: string;
  reason: string;
}

/** All forbidden imports between folders of src/. */
function offences(): Offence[] {
  const out: Offence[] = [];
  for (const file of tsFiles(srcDir)) {
    const from = layerOf(file);
    const text = readFileSync(join(srcDir, file), 'utf8');
    for (const imp of relativeImports(text)) {
      const target = relative(srcDir, resolve(srcDir, dirname(file), imp.specifier));
      const where = `src/${file.split(sep).join('/')}:${imp.line} imports '${imp.specifier}'`;
      if (target.startsWith('..')) {
        out.push({ file, line: imp.line, specifier: imp.specifier, reason: `${where}: outside src/` });
        continue;
      }
      const to = layerOf(target);
      if (from === null || to === null) {
        out.push({ file, line: imp.line, specifier: imp.specifier, reason: `${where}: not in a layer` });
        continue;
      }
      const why = violation(from, to);
      if (why) out.push({ file, line: imp.line, specifier: imp.specifier, reason: `${where}: ${why}` });
    }
  }
  return out;
}

describe('import scanner', () => {
  it('finds static, type, re-export, side-effect and dynamic imports, and skips comments and packages', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b/types.js';",
      'import {',
      '  c,',
      '  d,',
      "} from '../c/index.js';",
      "import * as e from './e.js';",
      "import f, { g } from './f.js';",
      "export { h } from '../h.js';",
      "export type { I } from '../i.js';",
      "export * from './j.js';",
      "import './side.js';",
      "const k = await import('../k.js');",
      "type L = typeof import('../l.js');",
      "import { arq } from 'arquero';",
      "// import { no } from '../comment.js';",
      "/** @example import { no2 } from '../doc.js' */",
      "const s = \"import { no3 } from '../string.js'\";",
    ].join('\n');
    const specs = relativeImports(text).map((f) => `${f.line}:${f.specifier}`);
    expect(specs).toEqual([
      '1:./a.js',
      '2:../b/types.js',
      '3:../c/index.js',
      '7:./e.js',
      '8:./f.js',
      '9:../h.js',
      '10:../i.js',
      '11:./j.js',
      '12:./side.js',
      '13:../k.js',
      '14:../l.js',
    ]);
  });

  it('finds the imports of a real file (src/index.ts re-exports from the barrels)', () => {
    const found = relativeImports(readFileSync(join(srcDir, 'index.ts'), 'utf8')).map((f) => f.specifier);
    for (const folder of ['./classify/index.js', './regions/index.js', './run/index.js']) {
      expect(found).toContain(folder);
    }
  });
});

describe('layer rule', () => {
  it('allows downward imports and forbids upward ones', () => {
    expect(violation('regions', 'util')).toBeNull();
    expect(violation('geo', 'util')).toBeNull();
    expect(violation('calibrate', 'classify')).toBeNull();
    expect(violation('demo', 'export')).toBeNull();
    expect(violation('run', 'demo')).toBeNull();
    expect(violation('<index>', 'cli')).toBeNull();
    expect(violation('sources', '<version>')).toBeNull();
    expect(violation('util', 'geo')).not.toBeNull();
    expect(violation('geo', 'sources')).not.toBeNull();
    expect(violation('regions', 'sources')).not.toBeNull();
    expect(violation('sources', 'export')).not.toBeNull();
    expect(violation('export', 'viz')).not.toBeNull();
    expect(violation('viz', 'export')).not.toBeNull();
    expect(violation('signal', 'calibrate')).not.toBeNull();
    expect(violation('calibrate', 'signal')).toBeNull();
    expect(violation('classify', 'calibrate')).not.toBeNull();
    expect(violation('classify', 'spatial')).not.toBeNull();
    expect(violation('export', 'demo')).not.toBeNull();
    expect(violation('viz', 'demo')).not.toBeNull();
    expect(violation('run', '<index>')).not.toBeNull();
    expect(violation('run', 'cli')).not.toBeNull();
  });

  it('knows every folder of src/', () => {
    const folders = readdirSync(srcDir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const unknown = folders.filter((f) => LAYER_RANK[f] === undefined);
    expect(unknown, `folders without a layer (add them to LAYER_RANK and DESIGN.md): ${unknown.join(', ')}`).toEqual([]);
  });
});

describe('src/ layering (DESIGN.md "The data path")', () => {
  it('has no upward import between layers', () => {
    const found = offences().map((o) => o.reason);
    expect(found, `upward imports:\n${found.join('\n')}`).toEqual([]);
  });
});
