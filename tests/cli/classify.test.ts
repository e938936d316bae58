import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe as group, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sharedVector } from '../helpers/shared.js';

const V = JSON.parse(readFileSync(sharedVector('mapclassify_calemp.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'vk-classify-'));
const file = join(dir, 'calemp.csv');
// calemp with two missing rows and a text column, decimal points
writeFileSync(file, ['county,emp', ...V.calemp.map((x: number, i: number) => `c${i},${x}`), 'x1,', 'x2,NA'].join('\n') + '\n');
const flat = join(dir, 'flat.csv');
writeFileSync(flat, 'code,v\na,1\nb,1\nc,1\nd,1\n');

group('veerkracht classify', () => {
  it('--json has the contract fields and reproduces mapclassify FisherJenks k=5', async () => {
    const r = await runCli(['classify', file, '--column', 'emp', '--scheme', 'fisher_jenks', '--k', '5', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const f of ['scheme', 'k', 'bins', 'counts', 'adcm', 'gadf', 'tss', 'legend', 'missing']) expect(j).toHaveProperty(f);
    expect(j.scheme).toBe('fisher_jenks');
    expect(j.bins).toEqual(V.expected.FisherJenks_k5.bins);
    expect(j.counts).toEqual(V.expected.FisherJenks_k5.counts);
    expect(j.adcm).toBeCloseTo(799.24, 6);
    expect(j.missing).toBe(2);
    expect(j.legend[0]).toBe('[   0.13,   75.29]');
    expect(j.legend[1]).toBe('(  75.29,  192.05]');
  });

  it('user_defined with --bins reproduces mapclassify counts; text output lists "geen gegevens"', async () => {
    const r = await runCli(['classify', file, '--column', 'emp', '--scheme', 'user_defined', '--bins', '20,30', '--json']);
    const j = JSON.parse(r.out);
    expect(j.bins).toEqual(V.expected.UserDefined_20_30.bins);
    expect(j.counts).toEqual(V.expected.UserDefined_20_30.counts);
    const t = await runCli(['classify', file, '--column', 'emp', '--scheme', 'user_defined', '--bins', '20,30']);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/geen gegevens\s*\|\s*2/);
    expect(t.out).toContain('meer dan 20,00 tot en met 30,00');
  });

  it('too few distinct values: one line with file, column and the mapclassify message, exit 1', async () => {
    const r = await runCli(['classify', flat, '--column', 'v', '--scheme', 'equal_interval']);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('Not enough unique values in array to form 5 classes');
    expect(r.err).toContain('"v"');
    expect(r.err).toContain('flat.csv');
  });

  it('unknown scheme or missing flags exit 2 naming the problem; text column is a user error', async () => {
    const a = await runCli(['classify', file, '--column', 'emp', '--scheme', 'jenks']);
    expect(a.code).toBe(2);
    expect(a.err).toContain('fisher_jenks');
    const b = await runCli(['classify', file, '--scheme', 'quantiles']);
    expect(b.code).toBe(2);
    expect(b.err).toContain('--column');
    const c = await runCli(['classify', file, '--column', 'county', '--scheme', 'quantiles']);
    expect(c.code).toBe(1);
    expect(c.err).toMatch(/line 2, column "county": value is not a number/);
    const d = await runCli(['classify', file, '--column', 'nope', '--scheme', 'quantiles']);
    expect(d.err).toContain('column "nope"');
  });

  it('help names every scheme the code accepts', async () => {
    const r = await runCli(['classify', '--help']);
    for (const s of ['quantiles', 'equal_interval', 'fisher_jenks', 'std_mean', 'maximum_breaks', 'head_tail_breaks', 'box_plot', 'percentiles', 'pretty', 'user_defined', 'natural_breaks']) {
      expect(r.out).toContain(s);
    }
  });
});

group('veerkracht classify --decimals', () => {
  it('formats the legend with the asked decimals (4111.45 is 4111.4499… in binary, as in Python)', async () => {
    const r = await runCli(['classify', file, '--column', 'emp', '--scheme', 'user_defined', '--bins', '20', '--decimals', '1', '--json']);
    expect(JSON.parse(r.out).legend).toEqual(['[   0.1,   20.0]', '(  20.0, 4111.4]']);
  });
});
