// What a researcher sees when real inputs do not fit the configuration: one line naming the
// file, the field or column, what was expected and what was found; never a TypeError or a stack
// trace, and never after the whole pipeline has run.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const home = new URL('../..', import.meta.url).pathname;
const configs = join(home, 'configs');

/** The repository's Utrecht config with a change, written where its relative paths still hold. */
async function runWith(change: (c: any) => void): Promise<{ code: number; err: string }> {
  const c = JSON.parse(readFileSync(join(configs, 'utrecht-buurten-2017-2021.json'), 'utf8'));
  change(c);
  const dir = mkdtempSync(join(tmpdir(), 'vk-real-err-'));
  const file = join(configs, `.test-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(c));
  try {
    const r = await runCli(['run', '--config', file, '--out', join(dir, 'out')]);
    return { code: r.code, err: r.err };
  } finally {
    (await import('node:fs')).rmSync(file, { force: true });
  }
}

const lastLine = (err: string) => err.trim().split('\n').pop() ?? '';

describe('real inputs that do not fit', () => {
  it('a processed KWB table without a column mapping: one line showing the mapping to write', async () => {
    const r = await runWith((c) => (c.inputs.kwb['2021'] = c.inputs.kwb['2021'].file));
    expect(r.code).toBe(1);
    expect(lastLine(r.err)).toMatch(/kwb2021_10gemeenten_buurten_translated\.csv, column "inputs\.kwb\.2021": not a StatLine layout .*"columns": \{ "code": "gwb_code(_10)?", "inwoners": "Number of inhabitants", "laag_inkomen_huishoudens_pct": "p_low_income_household" \}/);
    expect(r.err).not.toMatch(/TypeError|\n\s+at /);
  });

  it('an O year without the dimension names the years that have it', async () => {
    const r = await runWith((c) => (c.period.O = { t0: 2016, t1: 2022 }));
    expect(r.code).toBe(1);
    expect(lastLine(r.err)).toContain('Leefbaarometer-scores wijken 2002-2022.csv, column "onv": Leefbaarometer 2016 has no onv scores');
    expect(lastLine(r.err)).toContain('expected a year with onv scores: 2014, 2018, 2020, 2022');
  });

  it('a wijk-level Leefbaarometer file with O at the map level says which level to set', async () => {
    const r = await runWith((c) => (c.indicators = { O: 'onv' }));
    expect(r.code).toBe(1);
    expect(lastLine(r.err)).toContain('Leefbaarometer scores are at wijk level, not buurt; for scores of a coarser level than the map set indicators.O to { "dimension": "onv", "level": "wijk" }');
  });

  it('boundaries of another level than the map name the level they hold and the levels supported', async () => {
    const r = await runWith((c) => (c.level = 'wijk'));
    expect(r.code).toBe(1);
    expect(lastLine(r.err)).toContain('boundaries of buurt level, not wijk; expected wijk boundaries (levels supported: buurt, wijk, gemeente)');
    expect(lastLine(r.err)).toContain('found 111 buurt features');
  });

  it('a mapped column that is not in the table lists the columns it has', async () => {
    const r = await runWith((c) => (c.inputs.kwb['2021'].columns.inwoners = 'Inhabitants'));
    expect(r.code).toBe(1);
    expect(lastLine(r.err)).toContain('column "Inhabitants" (mapped to inwoners) is not in the table; expected one of the table\'s columns: "column_1", "gwb_code_10"');
  });
});
