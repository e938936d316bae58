import { readFileSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const CONTRACT = ['run', 'inspect', 'classify', 'moran', 'calibrate', 'fetch'];
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

describe('veerkracht CLI dispatcher', () => {
  it('--help lists every command of the CLI contract in DESIGN.md', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const name of CONTRACT) expect(r.out).toMatch(new RegExp(`^  ${name}\\s+\\S`, 'm'));
  });

  it.each(CONTRACT)('%s --help prints its own usage line and exits 0', async (name) => {
    const r = await runCli([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(new RegExp(`^veerkracht ${name}( |$)`));
  });

  it('an unknown command exits 2 with one line naming it', async () => {
    const r = await runCli(['signaleer']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('"signaleer"');
  });

  it('a bad flag exits 2 with one line naming the flag, no stack trace', async () => {
    const r = await runCli(['run', '--colour', 'rood']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('--colour');
    expect(r.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('--version prints the version of package.json', async () => {
    const r = await runCli(['--version']);
    expect(r.out.trim()).toBe(pkg.version);
  });
});

describe('bin/veerkracht.js (the installed command)', () => {
  const bin = new URL('../../bin/veerkracht.js', import.meta.url).pathname;
  const built = existsSync(new URL('../../dist/cli/main.js', import.meta.url));

  it.runIf(built)('runs as a process: --help exits 0, an unknown command exits non-zero', () => {
    const ok = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Commands:');
    const bad = spawnSync(process.execPath, [bin, 'nope'], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.runIf(built)('run --out DIR writes samenvatting.json carrying the toolkit version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-run-'));
    const r = spawnSync(process.execPath, [bin, 'run', '--out', dir], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'samenvatting.json'), 'utf8'));
    expect(summary.version).toBe(pkg.version);
  });
});
