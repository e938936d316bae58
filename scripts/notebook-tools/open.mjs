#!/usr/bin/env node
// `npm run notebooks:open [-- ARGS…]`: start the classic Jupyter Notebook (Debian package
// jupyter-notebook) on the notebooks folder, with the veerkracht-tslab kernel registered for this
// checkout first. ARGS go to Jupyter (e.g. `-- --no-browser --port 8890`). Stop it with Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const INSTALL = 'apt-get install jupyter-notebook jupyter-nbconvert python3-nbclient python3-jupyter-client jupyter-client';

const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import notebook, nbclient'], { encoding: 'utf8' }).status === 0);
if (!python) {
  console.error(`notebooks:open: the classic Jupyter Notebook is not installed; install it with: ${INSTALL}`);
  process.exit(1);
}
// the notebooks name the kernel veerkracht-tslab: make sure it points at this checkout
const check = spawnSync(process.execPath, [join(root, 'scripts', 'run-notebooks.mjs'), '--check-kernel'], { stdio: 'inherit' });
if (check.status !== 0) process.exit(check.status ?? 1);

const child = spawn(python, ['-m', 'notebook', `--notebook-dir=${join(root, 'notebooks')}`, ...process.argv.slice(2)], {
  cwd: join(root, 'notebooks'),
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
