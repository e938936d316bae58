// The tslab kernel is registered under the project's own name (veerkracht-tslab), never over a
// user's own `tslab` kernel, and `run-notebooks --check-kernel` re-registers it when it points at
// another clone. Jupyter's user data folder is redirected (JUPYTER_DATA_DIR) to a temp folder, so
// the machine's real kernels are never touched. Needs Jupyter (jupyter_client) at /usr/bin/python3.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const tslabBin = join(root, 'tools', 'tslab', 'node_modules', '.bin', 'tslab');
const jupyter = spawnSync('/usr/bin/python3', ['-c', 'import jupyter_client, nbclient, nbformat'], { encoding: 'utf8' }).status === 0;

function userKernels(): { dataDir: string; userSpec: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'vk-jupyter-'));
  const own = join(dataDir, 'kernels', 'tslab');
  mkdirSync(own, { recursive: true });
  const userSpec = JSON.stringify({ argv: ['/home/someone/bin/tslab', 'kernel', '--config-path', '{connection_file}'], display_name: 'TypeScript (my own tslab)', language: 'typescript' });
  writeFileSync(join(own, 'kernel.json'), userSpec);
  return { dataDir, userSpec };
}
const env = (dataDir: string) => ({ ...process.env, JUPYTER_DATA_DIR: dataDir, VEERKRACHT_SKIP_TSLAB: undefined });
const ours = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, 'kernels', 'veerkracht-tslab', 'kernel.json'), 'utf8'));

describe.skipIf(!jupyter)('tslab kernel registration', () => {
  it('setup-tslab registers veerkracht-tslab for this checkout and leaves the user\'s tslab kernel as it was', () => {
    const { dataDir, userSpec } = userKernels();
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'setup-tslab.mjs'), '--register-only'], { env: env(dataDir), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dataDir, 'kernels', 'tslab', 'kernel.json'), 'utf8')).toBe(userSpec);
    expect(ours(dataDir).argv[0]).toBe(tslabBin);
    expect(r.stderr).toContain('veerkracht-tslab');
  });

  it.skipIf(!existsSync(tslabBin))('run-notebooks --check-kernel re-registers a veerkracht-tslab kernel that points at another clone', () => {
    const { dataDir, userSpec } = userKernels();
    const moved = join(dataDir, 'kernels', 'veerkracht-tslab');
    mkdirSync(moved, { recursive: true });
    writeFileSync(join(moved, 'kernel.json'), JSON.stringify({ argv: ['/elsewhere/clone/tools/tslab/node_modules/.bin/tslab', 'kernel', '--config-path', '{connection_file}'], display_name: 'x', language: 'typescript' }));
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'run-notebooks.mjs'), '--check-kernel'], { env: env(dataDir), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('points at /elsewhere/clone/tools/tslab/node_modules/.bin/tslab, not at this checkout');
    expect(ours(dataDir).argv[0]).toBe(tslabBin);
    expect(readFileSync(join(dataDir, 'kernels', 'tslab', 'kernel.json'), 'utf8')).toBe(userSpec);
  });
});
