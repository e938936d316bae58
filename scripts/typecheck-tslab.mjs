#!/usr/bin/env node
// Compile what notebooks can reach (src/index.ts) with tslab's own TypeScript 5.0.4 and the
// options tslab fixes (ESNext modules, node10 resolution, lib es2022, declarations on), so code
// that only TypeScript 5.9 accepts (toSorted, findLast, `using`, types behind `exports`) fails
// here in `npm test` instead of in a researcher's notebook.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tsc = join(root, 'tools', 'tslab', 'node_modules', '@tslab', 'typescript-for-tslab', 'bin', 'tsc');
if (!existsSync(tsc)) {
  console.error('typecheck:tslab: tools/tslab is not installed (run `npm ci` or `node scripts/setup-tslab.mjs`)');
  process.exit(1);
}
const out = mkdtempSync(join(tmpdir(), 'veerkracht-tslab-tsc-'));
const r = spawnSync(
  process.execPath,
  [
    tsc,
    '--module', 'esnext',
    '--moduleResolution', 'node10',
    '--target', 'es2022',
    '--lib', 'es2022',
    '--esModuleInterop',
    '--declaration',
    '--skipLibCheck',
    '--resolveJsonModule',
    '--types', 'node',
    '--outDir', out,
    join(root, 'src', 'index.ts'),
  ],
  { cwd: root, stdio: 'inherit' },
);
rmSync(out, { recursive: true, force: true });
if (r.status === 0) console.log('typecheck:tslab: src/index.ts compiles under tslab\'s TypeScript 5.0.4');
process.exit(r.status ?? 1);
