// The notebook runner must fail on a broken cell and print that cell's source and its error
// (nbconvert alone prints an empty message for tslab). Needs Jupyter + the tslab kernel.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const runner = new URL('../../scripts/run-notebooks.mjs', import.meta.url).pathname;
// inside the project (out/ is git-ignored) so the kernel finds @types/node like real notebooks do
const scratch = new URL('../../out/', import.meta.url).pathname;
mkdirSync(scratch, { recursive: true });
const hasJupyter = spawnSync('/usr/bin/python3', ['-c', 'import nbclient'], { encoding: 'utf8' }).status === 0;
const required = process.env.VEERKRACHT_REQUIRE_NOTEBOOKS === '1';

function notebook(cells: string[]): string {
  return JSON.stringify({
    cells: cells.map((source, i) => ({ cell_type: 'code', id: `c${i}`, metadata: {}, execution_count: null, outputs: [], source })),
    metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

it.runIf(hasJupyter || required)('a broken cell fails the run and is printed with its error', () => {
  const dir = mkdtempSync(join(scratch, 'nb-test-'));
  writeFileSync(
    join(dir, 'kapot.ipynb'),
    notebook(['const ok: number = 1;', 'const buurt = undefined as unknown as { code: string };\nconsole.log(buurt.code.trim());', 'console.log("never")']),
  );
  const r = spawnSync(process.execPath, [runner, '--dir', dir], { encoding: 'utf8' });
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('notebooks: 0 passed, 1 failed');
  expect(r.stderr).toContain('code cell 2');
  expect(r.stderr).toContain('buurt.code.trim()');
  expect(r.stderr).toMatch(/TypeError: Cannot read properties of undefined/);
});

it.runIf(hasJupyter || required)('a type error is reported with its TypeScript message', () => {
  const dir = mkdtempSync(join(scratch, 'nb-test-'));
  writeFileSync(join(dir, 'typefout.ipynb'), notebook(['const n: number = "tien";']));
  const r = spawnSync(process.execPath, [runner, '--dir', dir], { encoding: 'utf8' });
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/not assignable to type 'number'/);
});

it.runIf(hasJupyter || required)('a figure shown only as SVG fails the HTML export check; as PNG it passes', () => {
  const dir = mkdtempSync(join(scratch, 'nb-test-'));
  const out = mkdtempSync(join(scratch, 'nb-out-'));
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
  // a 1×1 PNG
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
  writeFileSync(join(dir, 'a-svg.ipynb'), notebook(["import * as tslab from 'tslab';", `tslab.display.svg('${svg}');`]));
  writeFileSync(join(dir, 'b-png.ipynb'), notebook(["import * as tslab from 'tslab';", `tslab.display.png(Buffer.from('${png}', 'base64'));`]));
  const r = spawnSync(process.execPath, [runner, '--dir', dir, '--out', out], { encoding: 'utf8' });
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/FAIL a-svg\.ipynb .*figures lost in the HTML export/);
  expect(r.stdout).toContain('a-svg.ipynb cell 2 (c1): displays a figure but the HTML export has no <img> (1 image output(s): image/svg+xml)');
  expect(r.stdout).toMatch(/ok {3}b-png\.ipynb .*HTML export keeps every figure/);
  expect(r.stdout).toContain('notebooks: 1 passed, 1 failed');
});
