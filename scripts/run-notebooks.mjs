#!/usr/bin/env node
// Run every notebooks/*.ipynb top to bottom with the tslab kernel through Jupyter (nbclient),
// in name order. A failing cell stops that notebook and is printed with its source and stderr.
//
//   npm run notebooks [-- NAME…]   executed copies go to out/notebooks/
//   node scripts/run-notebooks.mjs --dir DIR [--out OUT]   runs the notebooks of another folder
//       (executed copies and HTML into OUT, default out/notebooks)
//   node scripts/run-notebooks.mjs --test   (part of `npm test`) executed copies go to a temp dir;
//       without Jupyter it prints one SKIPPED line, unless VEERKRACHT_REQUIRE_NOTEBOOKS=1.
//   node scripts/run-notebooks.mjs --check-kernel   only check (and repair) the kernel registration
// Every executed notebook is then exported with `jupyter nbconvert --to html` (beside the executed
// copy) and checked: each figure cell must have an <img> per displayed figure in the HTML
// (scripts/notebook-tools/html-check.mjs), so a shared copy keeps its charts and maps. Without
// nbconvert that check fails, or prints SKIPPED under --test unless VEERKRACHT_REQUIRE_NOTEBOOKS=1.
// The kernel is `veerkracht-tslab` (never a user's own `tslab`). When it points at another clone's
// tools/tslab (or at nothing), it is re-registered for this checkout first, and that is said.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportAndCheck, hasNbconvert } from './notebook-tools/html-check.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const testMode = args.includes('--test');
const checkKernelOnly = args.includes('--check-kernel');
const KERNEL_NAME = 'veerkracht-tslab';
const tslabBin = join(root, 'tools', 'tslab', 'node_modules', '.bin', 'tslab');
const dirFlag = args.indexOf('--dir');
const notebookDir = dirFlag >= 0 ? resolve(args[dirFlag + 1]) : join(root, 'notebooks');
const outFlag = args.indexOf('--out');
const only = args.filter((a, i) => !a.startsWith('--') && (dirFlag < 0 || i !== dirFlag + 1) && (outFlag < 0 || i !== outFlag + 1));
const required = process.env.VEERKRACHT_REQUIRE_NOTEBOOKS === '1';
const timeoutPerCell = Number(process.env.VEERKRACHT_CELL_TIMEOUT ?? 300);
const INSTALL =
  'apt-get install jupyter-nbconvert python3-nbclient python3-jupyter-client jupyter-client && npm install';

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', ...opts });
  return { ok: r.status === 0, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const python = ['/usr/bin/python3', 'python3'].find((p) => run(p, ['-c', 'import nbclient, nbformat']).ok);
if (!python) {
  if (testMode && !required) {
    console.log(`SKIPPED notebooks: Jupyter (nbclient) is not installed; to run them: ${INSTALL}`);
    process.exit(0);
  }
  console.error(`notebooks: Jupyter (nbclient) is not installed; install it with: ${INSTALL}`);
  process.exit(1);
}

/** The registered veerkracht-tslab kernel's command (argv[0]), or null when there is none. */
function kernelCommand() {
  const r = run(python, ['-m', 'jupyter_client.kernelspecapp', 'list', '--json']);
  if (!r.ok) return null;
  try {
    const spec = JSON.parse(r.stdout).kernelspecs[KERNEL_NAME];
    return spec ? String(spec.spec?.argv?.[0] ?? '') : null;
  } catch {
    return null;
  }
}
const before = kernelCommand();
if (before !== tslabBin) {
  if (before !== null) {
    console.error(`notebooks: kernel ${KERNEL_NAME} points at ${before || '(nothing)'}, not at this checkout; registering it for ${root}`);
  }
  run(process.execPath, [join(root, 'scripts', 'setup-tslab.mjs')], { stdio: 'inherit' });
  if (kernelCommand() !== tslabBin) {
    console.error(`notebooks: the ${KERNEL_NAME} kernel is not registered for this checkout and could not be registered (see above)`);
    process.exit(1);
  }
}
if (checkKernelOnly) {
  console.log(`notebooks: kernel ${KERNEL_NAME} → ${tslabBin}`);
  process.exit(0);
}

const notebooks = readdirSync(notebookDir)
  .filter((f) => f.endsWith('.ipynb'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
if (notebooks.length === 0) {
  console.error(`notebooks: no notebook matches ${only.join(', ') || '*.ipynb'} in notebooks/`);
  process.exit(1);
}
const outDir = outFlag >= 0 ? resolve(args[outFlag + 1]) : testMode ? mkdtempSync(join(tmpdir(), 'veerkracht-nb-')) : join(root, 'out', 'notebooks');
mkdirSync(outDir, { recursive: true });

const canExport = hasNbconvert(python);
if (!canExport) {
  if (testMode && !required) console.log(`SKIPPED HTML export check: jupyter nbconvert is not installed; ${INSTALL}`);
  else {
    console.error(`notebooks: jupyter nbconvert is not installed (needed for the HTML export check); install it with: ${INSTALL}`);
    process.exit(1);
  }
}

let passed = 0;
let failed = 0;
for (const nb of notebooks) {
  const started = Date.now();
  const r = run(
    python,
    [
      join(root, 'scripts', 'execute_notebook.py'),
      join(notebookDir, nb),
      join(outDir, basename(nb)),
      KERNEL_NAME,
      String(timeoutPerCell),
      notebookDir,
    ],
    { cwd: notebookDir, stdio: ['ignore', 'inherit', 'pipe'] },
  );
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const exported = r.ok && canExport ? exportAndCheck(python, join(outDir, basename(nb)), outDir) : null;
  if (r.ok && exported !== null && exported.problems.length > 0) {
    failed++;
    console.log(`FAIL ${nb} (${secs} s): figures lost in the HTML export ${exported.html}`);
    for (const p of exported.problems) console.log(`  ${p}`);
  } else if (r.ok) {
    passed++;
    console.log(`ok   ${nb} (${secs} s)${exported ? ', HTML export keeps every figure' : ''}`);
  } else {
    failed++;
    console.log(`FAIL ${nb} (${secs} s)`);
    process.stderr.write(r.stderr);
  }
}
console.log(`executed notebooks in ${outDir}`);
console.log(`notebooks: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
