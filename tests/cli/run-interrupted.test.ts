// Killing `veerkracht run` at any moment leaves the output folder with the complete previous set
// or the complete new set, never a mix: the run writes into a staging folder beside the output
// folder and swaps it in at the end. The kill points are spread over the whole run (loading,
// computing, drawing, writing, the swap), chosen by a seeded generator.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { Rng } from '../../src/util/rng.js';
import { openOutputSet } from '../../src/util/output-set.js';
import { demoInputs } from '../helpers/demo-inputs.js';

const home = new URL('../..', import.meta.url).pathname;
const bin = join(home, 'bin/veerkracht.js');
const built = existsSync(join(home, 'dist/cli/main.js'));

/** sha256 of every file under `dir` (recursively), keyed by relative path; hidden entries skipped. */
function hashes(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir)) {
    if (f.startsWith('.')) continue;
    const p = join(dir, f);
    if (statSync(p).isDirectory()) for (const [k, v] of hashes(p, `${prefix}${f}/`)) out.set(k, v);
    else out.set(prefix + f, createHash('sha256').update(readFileSync(p)).digest('hex'));
  }
  return out;
}

const same = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

function absoluutConfig(dir: string): string {
  const file = join(dir, 'absoluut.json');
  writeFileSync(file, JSON.stringify({
    title: 'Demoregio absoluut',
    synthetic: true,
    period: { t0: 2014, t1: 2022 },
    inputs: demoInputs(),
    reference: { variant: 'absoluut' },
  }));
  return file;
}

it.runIf(built)('a run killed at any point leaves the whole output set old or completely new', async () => {
  const work = mkdtempSync(join(tmpdir(), 'vk-kill-'));
  const out = join(work, 'out');
  const fresh = join(work, 'fresh');
  const cfg = absoluutConfig(work);
  expect(spawnSync(process.execPath, [bin, 'run', '--out', out], { encoding: 'utf8' }).status).toBe(0);
  const before = hashes(out);
  expect(spawnSync(process.execPath, [bin, 'run', '--config', cfg, '--out', fresh], { encoding: 'utf8' }).status).toBe(0);
  const after = hashes(fresh);
  expect(after.get('samenvatting.json')).not.toBe(before.get('samenvatting.json'));
  expect([...after.keys()].some((k) => k.startsWith('gemeenten/'))).toBe(true);

  // how long a run takes here, to spread the kill points over it
  const t0 = Date.now();
  expect(spawnSync(process.execPath, [bin, 'run', '--config', cfg, '--out', join(work, 'timing')], { encoding: 'utf8' }).status).toBe(0);
  const duration = Date.now() - t0;

  const rng = new Rng(process.env.CI ? 20261207 : Date.now() % 2 ** 31);
  const random = () => rng.uniform();
  const outcomes = { old: 0, new: 0 };
  let current = before;
  for (let k = 0; k < 6; k++) {
    const at = Math.round(duration * (0.3 + 0.8 * random()));
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [bin, 'run', '--config', cfg, '--out', out], { stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGKILL'), at);
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    // a reader finds one complete set: the one before this run (old or new, from the last kill)
    // or this run's; leftovers of the killed run are swept by the next run into the folder
    const now = hashes(out);
    const isNew = same(now, after);
    expect(isNew || same(now, current), `kill after ${at} ms of ${duration}: ${now.size} files, neither the previous nor the new set`).toBe(true);
    outcomes[isNew ? 'new' : 'old'] += 1;
    current = now;
  }
  // a completed run afterwards gives the complete new set again
  expect(spawnSync(process.execPath, [bin, 'run', '--config', cfg, '--out', out], { encoding: 'utf8' }).status).toBe(0);
  expect(same(hashes(out), after)).toBe(true);
  // leftovers of the killed runs were swept: only the output folder itself remains beside it
  expect(readdirSync(work).filter((f) => f.startsWith('.out')).length).toBe(0);
}, 180_000);

it.runIf(built)('a second run into the same folder while one runs is refused with a clear message', async () => {
  const work = mkdtempSync(join(tmpdir(), 'vk-lock-'));
  const out = join(work, 'out');
  // another run holds the folder (this process, alive, through the same output-set lock)
  const held = openOutputSet(out);
  try {
    const second = spawnSync(process.execPath, [bin, 'run', '--out', out], { encoding: 'utf8' });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(out);
    expect(second.stderr).toMatch(/lock/);
    expect(second.stderr).not.toMatch(/\n\s+at /);
    // refused before the pipeline ran: no progress line of loading
    expect(second.stderr).not.toContain('invoer laden');
  } finally {
    held.abort();
  }
  // once the lock is released a run goes through
  expect(spawnSync(process.execPath, [bin, 'run', '--out', out], { encoding: 'utf8' }).status).toBe(0);
}, 60_000);
