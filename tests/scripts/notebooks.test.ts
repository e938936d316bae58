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
