// Killing `veerkracht run` halfway leaves every output file either as the previous run wrote it
// or as the new run wrote it completely: writes are atomic (temp file + rename).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const home = new URL('../..', import.meta.url).pathname;
const bin = join(home, 'bin/veerkracht.js');
const built = existsSync(join(home, 'dist/cli/main.js'));
const demo = join(home, 'data/demo');

function hashes(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).filter((f) => !f.startsWith('.')).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

function absoluutConfig(dir: string): string {
  const file = join(dir, 'absoluut.json');
  writeFileSync(file, JSON.stringify({
    title: 'Demoregio absoluut',
    synthetic: true,
    period: { t0: 2014, t1: 2022 },
    inputs: {
      kwb: { '2014': join(demo, 'kwb/synthetisch_kwb2014_82931NED.csv'), '2022': join(demo, 'kwb/synthetisch_kwb2022_85318NED.csv') },
      leefbaarometer: join(demo, 'leefbaarometer/synthetisch_leefbaarometer-scores-buurten-2014-2022.csv'),
      boundaries: { t0: join(demo, 'geo/synthetisch_buurten_2014-2018_rd.geojson'), t1: join(demo, 'geo/synthetisch_buurten_2019-2022_rd.geojson') },
    },
    reference: { variant: 'absoluut' },
  }));
  return file;
}

it.runIf(built)('a run killed while writing leaves each file old or completely new', async () => {
  const work = mkdtempSync(join(tmpdir(), 'vk-kill-'));
  const out = join(work, 'out');
  const fresh = join(work, 'fresh');
  const cfg = absoluutConfig(work);
  expect(spawnSync(process.execPath, [bin, 'run', '--out', out], { encoding: 'utf8' }).status).toBe(0);
  const before = hashes(out);
  expect(spawnSync(process.execPath, [bin, 'run', '--config', cfg, '--out', fresh], { encoding: 'utf8' }).status).toBe(0);
  const after = hashes(fresh);
  expect(after.get('samenvatting.json')).not.toBe(before.get('samenvatting.json'));

  // kill the second run in the middle of writing: after the maps, while GeoJSON and CSV are written
  await new Promise<void>((resolve) => {
    const child = spawn(process.execPath, [bin, 'run', '--config', cfg, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (d: Buffer) => {
      if (d.toString().includes('GeoJSON en CSV')) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve());
  });
  const now = hashes(out);
  expect([...now.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [file, h] of now) expect([before.get(file), after.get(file)], file).toContain(h);
  // the kill came after the maps were replaced (the summary may or may not have been written yet)
  expect(now.get('signaleringskaart.svg')).toBe(after.get('signaleringskaart.svg'));
  // the summary still parses: no half-written JSON
  expect(() => JSON.parse(readFileSync(join(out, 'samenvatting.json'), 'utf8'))).not.toThrow();
});
