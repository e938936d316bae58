#!/usr/bin/env node
// Generate the synthetic demo region (src/demo) into data/demo, or a national-scale region for
// benchmarks into a folder outside the repository. Run `npm run build` first: this script
// imports the built generator from dist/.
//
//   node scripts/generate-demo.mjs                                 # writes data/demo
//   node scripts/generate-demo.mjs --scale national --out /tmp/nl  # ≈14,000 buurten, outside the repo
//   node scripts/generate-demo.mjs --seed 7 --out /tmp/other       # another seed
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'demo', 'index.js');
if (!existsSync(built)) {
  console.error('generate-demo: dist/demo/index.js not found; run `npm run build` first');
  process.exit(1);
}
const { generateDemo, writeDemoFiles, demoOptions, DEMO_SEED } = await import(built);

const args = process.argv.slice(2);
let scale = 'demo';
let out;
let seed = DEMO_SEED;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const value = () => {
    if (i + 1 >= args.length) fail(`${a} needs a value`);
    return args[++i];
  };
  if (a === '--scale') scale = value();
  else if (a === '--out') out = value();
  else if (a === '--seed') seed = Number(value());
  else if (a === '--help' || a === '-h') {
    console.log('usage: node scripts/generate-demo.mjs [--scale demo|national] [--out DIR] [--seed N]');
    process.exit(0);
  } else fail(`unknown argument ${a}`);
}
if (scale !== 'demo' && scale !== 'national') fail(`--scale must be demo or national, found ${scale}`);
if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) fail('--seed must be an integer 0…4294967295');
const defaultOut = join(root, 'data', 'demo');
if (out === undefined) {
  if (scale === 'national') fail('--scale national needs --out DIR (outside the repository)');
  out = defaultOut;
}
out = resolve(out);
const rel = relative(root, out);
const insideRepo = !rel.startsWith('..') && !isAbsolute(rel);
if (scale === 'national' && insideRepo) fail(`--out must be outside the repository for --scale national (found ${out})`);

function fail(msg) {
  console.error(`generate-demo: ${msg}`);
  process.exit(2);
}

const t0 = Date.now();
const output = generateDemo(demoOptions(scale, seed));
const bytes = writeDemoFiles(output, out);
// data/demo must hold exactly the generated files: remove stale ones from earlier layouts
if (out === defaultOut) {
  const keep = new Set(output.files.keys());
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        walk(p);
        if (readdirSync(p).length === 0) rmSync(p, { recursive: true });
      } else if (!keep.has(relative(out, p).split('\\').join('/'))) rmSync(p);
    }
  };
  walk(out);
}
const s = output.stats;
console.error(
  `generate-demo: ${output.files.size} files, ${(bytes / 1e6).toFixed(2)} MB in ${out} (${s.gemeenten} gemeenten, ${s.wijken} wijken, ${s.buurten} buurten, seed ${seed}, ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
);
