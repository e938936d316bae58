/**
 * The CLI as `bin/veerkracht.js` runs it: the esbuild bundle of dist/bundle (scripts/bundle-cli.mjs).
 * It must answer as the compiled modules do, also where it loads packages it leaves out of the
 * bundle (sql.js for a GeoPackage, resvg for the PNGs) and where the worker is a file of its own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CBS_COLUMNS, writeGpkg } from '../sources/boundaries/gpkg-fixtures.js';

const home = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(home, 'bin/veerkracht.js');
const bundled = existsSync(join(home, 'dist/bundle/main.js'));
const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, VEERKRACHT_FIGURE_WORKER: '1' } });

describe('the bundled CLI', () => {
  it.runIf(bundled)('is what bin/veerkracht.js runs after a build', async () => {
    const { cliEntry } = (await import(join(home, 'bin/cli-entry.js'))) as { cliEntry(): URL | null };
    expect(cliEntry()?.pathname).toBe(join(home, 'dist/bundle/main.js'));
  });

  it("sets V8 flags that this Node's V8 knows (an unknown flag would only print an error)", () => {
    // V8 does not throw for a flag it does not know: it writes `Error: unrecognized flag` to
    // stderr and runs on, so a renamed flag would go unnoticed but for this check
    const tune = (flags: string) =>
      spawnSync(process.execPath, ['--input-type=module', '-e', `import(${JSON.stringify(join(home, 'bin/cli-entry.js'))}).then(async (m) => { m.tuneV8ForCli(); ${flags ? `(await import('node:v8')).setFlagsFromString(${JSON.stringify(flags)});` : ''} })`], { encoding: 'utf8' });
    const ours = tune('');
    expect(ours.status).toBe(0);
    expect(ours.stderr).toBe('');
    const unknown = tune('--no-such-v8-flag');
    expect(unknown.stderr).toMatch(/unrecognized flag/);
  });

  it.runIf(bundled)('reads a GeoPackage (sql.js, loaded from node_modules) as the compiled modules do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-bundle-'));
    const gpkg = join(dir, 'wijkenbuurten_2023.gpkg');
    const rows = Array.from({ length: 9 }, (_, i) => {
      const x = 135000 + (i % 3) * 1000;
      const y = 455000 + Math.floor(i / 3) * 1000;
      const ring = [[x, y], [x + 1000, y], [x + 1000, y + 1000], [x, y + 1000], [x, y]];
      return { geom: { type: 'MultiPolygon' as const, coordinates: [[ring]] }, buurtcode: `BU034401${i}0`, buurtnaam: `Buurt ${i}`, water: 'NEE', aantal_inwoners: (i % 3) * 10 + Math.floor(i / 3) * 3 };
    });
    await writeGpkg(gpkg, [{ name: 'buurten', columns: CBS_COLUMNS.buurten, rows }]);
    const args = ['moran', gpkg, '--layer', 'buurten', '--column', 'aantal_inwoners', '--permutations', '0', '--json'];
    const b = cli(args);
    expect(b.status, b.stderr).toBe(0);
    const here = await runCli(args);
    expect(here.code).toBe(0);
    expect(JSON.parse(b.stdout)).toEqual(JSON.parse(here.out));
  });

  it.runIf(bundled)('runs the demo job with its worker, and reads back the workbook it wrote', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vk-bundle-run-')), 'out');
    const run = cli(['run', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('in een aparte thread');
    const png = readFileSync(join(out, 'signaleringskaart.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const args = ['inspect', join(out, 'signalen.xlsx')];
    const b = cli(args);
    expect(b.status, b.stderr).toBe(0);
    const here = await runCli(args);
    expect(b.stdout).toBe(here.out);
    expect(b.stdout.length).toBeGreaterThan(0);
  });
});
