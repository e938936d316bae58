// Bundle the CLI (`veerkracht`) and its figure worker into dist/bundle with esbuild, after `tsc`
// has compiled src/ to dist/. Why: Node's ESM loader spends ≈ 0.5 ms per module, and a run loads
// ≈ 370 in the main thread and as many again in the worker (arquero alone is 166 files: 120–135 ms
// to import, 25 ms as one file). One national run measured 3.65 → 3.39 s median, 6.75 → 6.26 s of
// CPU (bench/RESULTS.md). The library (dist/**, what notebooks and other packages import) stays
// as tsc wrote it; bin/veerkracht.js runs the bundle when it is there, dist/cli otherwise.
//
// Left out of the bundle, loaded from node_modules as before: native and WebAssembly packages
// (resvg, DuckDB, sql.js find their binaries next to their own files), shapefile, and `canvas`
// (vega's optional canvas renderer, which the CLI never loads).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/main.js', 'dist/cli/figure-worker.js'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@resvg/resvg-js', '@duckdb/node-api', 'sql.js', 'shapefile', 'canvas'],
  // CommonJS code inside the bundle may `require` Node's own modules
  banner: { js: "import { createRequire as __veerkrachtRequire } from 'node:module'; const require = __veerkrachtRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});
