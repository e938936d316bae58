/**
 * A package others can install (issue 16): `npm pack` the repository, install the tarball into a
 * fresh folder beside nothing else with `npm install --offline` (no network: every package comes
 * from the npm cache), import it from Node as a consumer would and run the demo job through the
 * package's API on the package's own data (data/demo ships in the tarball). The run's outputs are
 * compared byte for byte with the same job run from this repository's src/.
 *
 * What a consumer gets without this repository's `overrides`:
 *   - `@uwdata/flechette` 2.6.0 (a direct dependency, so npm dedupes arquero's `^2.0.0` to it);
 *   - the real `vega-canvas`: fine for ESM `import`; for CommonJS `require()` (tslab) the consumer
 *     adds the shipped shim through their own overrides, which the second install checks, from
 *     Node and from a tslab notebook (with Jupyter and tools/tslab present; skipped otherwise,
 *     failing under VEERKRACHT_REQUIRE_NOTEBOOKS=1 like the notebooks of `npm test`).
 *
 * Packs from dist/ as built (`npm test` builds first). When the npm cache lacks a package the
 * install needs, the test is skipped with the missing package named, and fails under `CI`
 * (.ci/run fills the cache with one online install first).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfig } from '../../src/run/config.js';
import { runJob, runPipeline } from '../../src/run/job.js';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  exports: Record<string, unknown>;
};
const work = mkdtempSync(join(tmpdir(), 'veerkracht-pack-'));
const LONG = 600_000;

/** Run a command; never throws. */
function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Newest modification time of the .ts files under a folder. */
function newestMtime(dir: string): { file: string; ms: number } {
  let best = { file: '', ms: 0 };
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      const b = newestMtime(p);
      if (b.ms > best.ms) best = b;
    } else if (e.name.endsWith('.ts')) {
      const ms = statSync(p).mtimeMs;
      if (ms > best.ms) best = { file: p, ms };
    }
  }
  return best;
}

interface PackEntry {
  path: string;
  size: number;
}
let tarball = '';
let packed: { entryCount: number; size: number; unpackedSize: number; files: PackEntry[] };

/** Install the tarball into a fresh folder; returns null when the cache lacks a package (skip). */
function installInto(dir: string, manifest: Record<string, unknown>): { skip: string | null; log: string } {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, ...manifest }, null, 2));
  // no --ignore-scripts: that the package runs nothing at install time is part of what is tested
  const r = sh('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], dir);
  const log = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0 && /ENOTCACHED/.test(log)) {
    const missing = /request to (\S+) failed/.exec(log)?.[1] ?? 'a package';
    const msg = `npm cache lacks ${missing}: fill it once with an online \`npm install\` of the packed tarball (.ci/run does)`;
    if (process.env.CI) throw new Error(`pack-install under CI: ${msg}`);
    return { skip: msg, log };
  }
  if (r.status !== 0) throw new Error(`npm install of the tarball failed:\n${log}`);
  return { skip: null, log };
}

beforeAll(() => {
  const dist = join(root, 'dist', 'index.js');
  if (!existsSync(dist)) throw new Error('dist/index.js missing: run `npm run build` first (npm test does)');
  const src = newestMtime(join(root, 'src'));
  if (statSync(dist).mtimeMs < src.ms) {
    throw new Error(`dist/ is older than ${src.file}: run \`npm run build\` first (npm test does)`);
  }
  // --ignore-scripts: `prepare` would build again and set up tslab; dist is already built
  const r = sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root);
  if (r.status !== 0) throw new Error(`npm pack failed:\n${r.stderr}`);
  packed = (JSON.parse(r.stdout) as (typeof packed & { filename: string })[])[0]!;
  tarball = join(work, (JSON.parse(r.stdout) as { filename: string }[])[0]!.filename);
}, LONG);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack', () => {
  it('ships the built library, the CLI launcher and the demo data, and nothing of the workshop', () => {
    const paths = packed.files.map((f) => f.path);
    for (const p of ['package.json', 'README.md', 'bin/veerkracht.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js']) {
      expect(paths).toContain(p);
    }
    // every export target is in the tarball
    for (const [sub, target] of Object.entries(pkg.exports)) {
      const files = typeof target === 'string' ? [target] : Object.values(target as Record<string, string>);
      for (const f of files) expect(paths, `export ${sub} → ${f}`).toContain(f.replace(/^\.\//, ''));
    }
    // the demo job's inputs
    const demo = demoConfig('HOME');
    const inputs = JSON.stringify(demo.inputs).match(/HOME\/[^"]+/g)!;
    expect(inputs.length).toBeGreaterThan(3);
    for (const f of inputs) expect(paths).toContain(f.replace('HOME/', ''));
    const workshop = paths.filter((p) => /^(src|tests|bench|notebooks|scripts|configs|\.ci|tools\/tslab)\//.test(p) || p.endsWith('.map') || /^tsconfig|^vitest/.test(p));
    expect(workshop, 'files that are not for consumers').toEqual([]);
  });
});

describe('a consumer installing the tarball (no overrides, offline)', () => {
  const dir = join(work, 'consumer');
  let skip: string | null = null;
  let installLog = '';

  beforeAll(() => {
    const r = installInto(dir, { type: 'module' });
    skip = r.skip;
    installLog = r.log;
    if (skip) console.warn(`SKIPPED pack-install: ${skip}`);
  }, LONG);

  it('runs nothing of this repository at install time (no tslab setup, no build)', (ctx) => {
    if (skip) ctx.skip();
    const installed = join(dir, 'node_modules', pkg.name);
    expect(existsSync(join(installed, 'dist', 'index.js'))).toBe(true);
    expect(existsSync(join(installed, 'tools', 'tslab'))).toBe(false);
    expect(existsSync(join(installed, 'scripts'))).toBe(false);
    expect(installLog).not.toMatch(/veerkracht: (Jupyter|tslab|could not install)/);
  });

  it('gets @uwdata/flechette 2.6.0 once, arquero deduped to it', (ctx) => {
    if (skip) ctx.skip();
    const top = JSON.parse(readFileSync(join(dir, 'node_modules/@uwdata/flechette/package.json'), 'utf8')) as { version: string };
    expect(top.version).toBe('2.6.0');
    expect(existsSync(join(dir, 'node_modules/arquero/node_modules/@uwdata/flechette'))).toBe(false);
  });

  it('imports every export from Node (ESM) and runs the demo job on the package’s own data, byte-identical to the repository', async (ctx) => {
    if (skip) ctx.skip();
    const out = join(work, 'out-package');
    const script = [
      "import { createRequire } from 'node:module';",
      "import { dirname } from 'node:path';",
      `const subs = ${JSON.stringify(Object.keys(pkg.exports).filter((k) => k !== '.' && k !== './package.json'))};`,
      `const v = await import('${pkg.name}');`,
      'const counts = {};',
      `for (const s of subs) counts[s] = Object.keys(await import('${pkg.name}' + s.slice(1))).length;`,
      `const home = dirname(createRequire(import.meta.url).resolve('${pkg.name}/package.json'));`,
      `const r = await v.runJob(v.demoConfig(home), ${JSON.stringify(out)});`,
      'console.log(JSON.stringify({ names: Object.keys(v).sort(), counts, home, rows: r.result.signalen.numRows(), files: r.files }));',
    ].join('\n');
    writeFileSync(join(dir, 'consumer.mjs'), script);
    const r = sh('node', ['consumer.mjs'], dir);
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout.trim().split('\n').pop()!) as { names: string[]; counts: Record<string, number>; home: string; rows: number; files: string[] };
    expect(got.home).toBe(join(dir, 'node_modules', pkg.name));
    for (const [s, n] of Object.entries(got.counts)) expect(n, `names exported by ${s}`).toBeGreaterThan(0);
    // the package root exports what src/index.ts exports (the public API)
    expect(got.names).toEqual(Object.keys(await import('../../src/index.js')).sort());
    // the same job from this repository's src/
    const repoOut = join(work, 'out-repo');
    const mine = await runJob(demoConfig(root), repoOut);
    expect(got.rows).toBe(mine.result.signalen.numRows());
    expect(got.files.slice().sort()).toEqual(mine.files.slice().sort());
    for (const f of ['signalen.csv', 'signalen-plain.csv', 'signalen.geojson', 'matrix-handelingskaders.json', 'signaleringskaart.svg']) {
      expect(readFileSync(join(out, f)).equals(readFileSync(join(repoOut, f))), `${f} differs between package and repository`).toBe(true);
    }
  }, LONG);
});

describe('a consumer using CommonJS require() (as tslab does), with the shim through their own overrides', () => {
  const dir = join(work, 'consumer-cjs');
  let skip: string | null = null;

  beforeAll(() => {
    // what the README tells a tslab user: copy the shipped shim, point vega-canvas at it
    const r0 = sh('tar', ['xzf', tarball, '-C', work], work);
    if (r0.status !== 0) throw new Error(r0.stderr);
    mkdirSync(join(dir, 'vendor'), { recursive: true });
    cpSync(join(work, 'package', 'tools', 'vega-canvas-shim'), join(dir, 'vendor', 'vega-canvas-shim'), { recursive: true });
    const r = installInto(dir, { overrides: { 'vega-canvas': 'file:./vendor/vega-canvas-shim' } });
    skip = r.skip;
    if (skip) console.warn(`SKIPPED pack-install (CommonJS): ${skip}`);
  }, LONG);

  it('require()s the package root and a sub-path and classifies', (ctx) => {
    if (skip) ctx.skip();
    const script = [
      `const v = require('${pkg.name}');`,
      `const c = require('${pkg.name}/classify');`,
      'const values = Float64Array.from([1, 2, 3, 10, 11, 12, 30, 31, 32]);',
      "console.log(JSON.stringify({ version: v.VERSION, same: v.classify === c.classify, bins: c.classify(values, { scheme: 'fisher_jenks', k: 3 }).bins }));",
    ].join('\n');
    writeFileSync(join(dir, 'consumer.cjs'), script);
    const r = sh('node', ['consumer.cjs'], dir);
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout.trim().split('\n').pop()!) as { version: string; same: boolean; bins: number[] };
    expect(got.version).toBe(pkg.version);
    expect(got.same).toBe(true);
    // three well separated groups: Fisher-Jenks puts the class bounds at each group's maximum
    expect(got.bins).toEqual([3, 12, 32]);
  });
});

/** Python with nbclient (Jupyter), or null. */
function jupyterPython(): string | null {
  return ['/usr/bin/python3', 'python3'].find((p) => sh(p, ['-c', 'import nbclient, nbformat'], root).status === 0) ?? null;
}

describe('a tslab notebook in the consumer folder (CommonJS, the shim through their overrides)', () => {
  const dir = join(work, 'consumer-cjs');
  const tslab = join(root, 'tools', 'tslab', 'node_modules', '.bin', 'tslab');

  it('imports the package, runs the demo pipeline on its data and classifies', async (ctx) => {
    const python = jupyterPython();
    const why = !existsSync(join(dir, 'node_modules', pkg.name))
      ? 'the consumer install above was skipped'
      : python === null
        ? 'Jupyter (nbclient) is not installed'
        : !existsSync(tslab)
          ? 'tools/tslab is not installed (npm ci sets it up)'
          : null;
    if (why) {
      if (process.env.VEERKRACHT_REQUIRE_NOTEBOOKS === '1') throw new Error(`tslab pack-install: ${why}`);
      console.warn(`SKIPPED tslab pack-install: ${why}`);
      ctx.skip();
    }
    // a kernel spec of our own in a temporary JUPYTER_PATH: no registration on the machine changes
    const jupyterPath = join(work, 'jupyter');
    mkdirSync(join(jupyterPath, 'kernels', 'veerkracht-pack-tslab'), { recursive: true });
    writeFileSync(
      join(jupyterPath, 'kernels', 'veerkracht-pack-tslab', 'kernel.json'),
      JSON.stringify({ argv: [tslab, 'kernel', '--config-path', '{connection_file}'], display_name: 'tslab (pack test)', language: 'typescript' }),
    );
    // tslab turns a cell's top-level declarations into exports, so globals go through globalThis
    const cells = [
      `import { VERSION, classify, demoConfig, runPipeline } from '${pkg.name}';\nconst g = globalThis as any;\ng.console.log('version', VERSION);`,
      `const home = g.process.cwd() + '/node_modules/${pkg.name}';\nconst r = await runPipeline(demoConfig(home));\ng.console.log('rows', r.signalen.numRows());`,
      `const c = classify(Float64Array.from([1, 2, 3, 10, 11, 12, 30, 31, 32]), { scheme: 'fisher_jenks', k: 3 });\ng.console.log('bins', JSON.stringify(c.bins));`,
    ];
    const nbPath = join(dir, 'probe.ipynb');
    writeFileSync(
      nbPath,
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: { kernelspec: { name: 'veerkracht-pack-tslab', display_name: 'tslab (pack test)', language: 'typescript' } },
        cells: cells.map((source, i) => ({ cell_type: 'code', id: `c${i}`, metadata: {}, execution_count: null, outputs: [], source })),
      }),
    );
    const code = [
      'import sys, nbformat, nbclient',
      'nb = nbformat.read(sys.argv[1], 4)',
      "nbclient.NotebookClient(nb, timeout=300, kernel_name='veerkracht-pack-tslab', resources={'metadata': {'path': sys.argv[2]}}).execute()",
      "print('\\n'.join(o.get('text', '') for c in nb.cells for o in c.get('outputs', [])))",
    ].join('\n');
    const r = sh(python!, ['-c', code, nbPath, dir], dir, { JUPYTER_PATH: jupyterPath });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toContain(`version ${pkg.version}`);
    expect(r.stdout).toContain('bins [3,12,32]');
    const rows = /rows (\d+)/.exec(r.stdout)?.[1];
    expect(Number(rows)).toBe((await runPipeline(demoConfig(root))).signalen.numRows());
  }, LONG);
});
