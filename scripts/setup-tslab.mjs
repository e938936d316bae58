#!/usr/bin/env node
// prepare (this repository's own `npm ci` / `npm install`, never a consumer's install of the
// published package): install tslab in its own package (tools/tslab) and register it as a Jupyter
// kernel when Jupyter is present, under the project's own name `veerkracht-tslab` (a user's own
// `tslab` kernel is never replaced), pointing at this checkout's tools/tslab.
//   node scripts/setup-tslab.mjs [--register-only]   (--register-only: no npm ci in tools/tslab) tslab bundles TypeScript 5.0.4; keeping it apart stops its
// `tsc` from shadowing the project's TypeScript 5.9.
// Never fails the project's install: without Jupyter the notebooks are simply not runnable yet,
// and `npm run notebooks` says so with the install command.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tslabDir = join(root, 'tools', 'tslab');
const tslabBin = join(tslabDir, 'node_modules', '.bin', 'tslab');
/** The kernel name: the project's own, so a user's `tslab` kernel stays as it is. */
const KERNEL_NAME = 'veerkracht-tslab';
const registerOnly = process.argv.includes('--register-only');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

if (process.env.VEERKRACHT_SKIP_TSLAB === '1') {
  console.error('veerkracht: VEERKRACHT_SKIP_TSLAB=1, tslab not installed');
  process.exit(0);
}
// npm also runs `prepare` before `npm pack` / `npm publish`: no tslab there. An install started
// from another folder (INIT_CWD outside this checkout, e.g. a consumer's project) leaves tslab
// alone too; a consumer installing the packed tarball never runs `prepare` at all.
const npmCommand = process.env.npm_command;
if (npmCommand === 'pack' || npmCommand === 'publish') process.exit(0);
const initCwd = process.env.INIT_CWD;
if (initCwd !== undefined && initCwd !== root && !initCwd.startsWith(root + sep)) {
  console.error(`veerkracht: installed from ${initCwd}, not this checkout: tslab is set up only by the repository's own npm ci`);
  process.exit(0);
}

if (!existsSync(tslabBin) && !registerOnly) {
  const r = run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: tslabDir });
  if (!r.ok) {
    console.error(`veerkracht: could not install tslab in tools/tslab (notebooks will not run):\n${r.out}`);
    process.exit(0);
  }
}

const python = ['/usr/bin/python3', 'python3'].find((p) => run(p, ['-c', 'import jupyter_client']).ok);
if (!python) {
  console.error(
    'veerkracht: Jupyter not found, tslab kernel not registered. To run the notebooks install\n' +
      '  apt-get install jupyter-nbconvert python3-nbclient python3-jupyter-client jupyter-client\n' +
      'and run `npm run notebooks` (it registers the kernel itself).',
  );
  process.exit(0);
}
// Register the kernel ourselves (tslab's own installer needs IPython and puts a bare `tslab` on
// the kernel's command line, which is not on PATH here): an absolute path to tools/tslab.
const kernelDir = mkdtempSync(join(tmpdir(), 'tslab-kernel-'));
writeFileSync(
  join(kernelDir, 'kernel.json'),
  JSON.stringify({
    argv: [tslabBin, 'kernel', '--config-path', '{connection_file}'],
    display_name: 'TypeScript (tslab, veerkracht)',
    language: 'typescript',
    metadata: { veerkracht_checkout: root },
  }),
);
const r = run(python, [
  '-c',
  // replace=True only ever replaces our own kernel (e.g. one registered by another clone)
  'import sys; from jupyter_client.kernelspec import KernelSpecManager as M; M().install_kernel_spec(sys.argv[1], sys.argv[2], user=True, replace=True)',
  kernelDir,
  KERNEL_NAME,
]);
rmSync(kernelDir, { recursive: true, force: true });
console.error(
  r.ok
    ? `veerkracht: Jupyter kernel ${KERNEL_NAME} registered with ${python} (tools/tslab of ${root})`
    : `veerkracht: ${KERNEL_NAME} kernel registration failed:\n${r.out}`,
);
