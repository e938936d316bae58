import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'vk-calibrate-grid-'));
const file = join(dir, 'buurten.csv');
writeFileSync(file, ['code,dk,do', 'BU1,0.1,-1', 'BU2,0.5,2'].join('\n') + '\n');

/** One line on stderr, exit 2 (a usage error), no stack trace. */
function usageLine(r: { code: number; err: string }): string {
  expect(r.code).toBe(2);
  expect(r.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
  const lines = r.err.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe('calibrate grid sizes are bounded (issue 22)', () => {
  it('--grid-k 0:1e9:0.001 is refused before reading the file, naming the flag and the bound', async () => {
    const line = usageLine(await runCli(['calibrate', join(dir, 'absent.csv'), '--dk', 'dk', '--do', 'do', '--grid-k', '0:1e9:0.001']));
    expect(line).toContain('--grid-k 0:1e9:0.001');
    expect(line).toContain('1000000000001 points');
    expect(line).toContain('at most 10000');
  });

  it('the product of two grids is bounded too', async () => {
    const line = usageLine(await runCli(['calibrate', file, '--dk', 'dk', '--do', 'do', '--grid-k', '0:1:0.001', '--grid-o', '0:1:0.001']));
    expect(line).toContain('1002001 points');
  });

  it('a grid at the bound still runs', async () => {
    const r = await runCli(['calibrate', file, '--dk', 'dk', '--do', 'do', '--grid-k', '0:9.999:0.001', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).mode).toBe('sweep');
  });
});
