import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe as group, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sharedData, sharedVector } from '../helpers/shared.js';

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
    const a = await runCli(['classify', file, '--column', 'emp', '--scheme', 'JenksCaspall']);
    expect(a.code).toBe(2);
    expect(a.err).toContain('fisher_jenks');
    expect(a.err).toContain('quantiles');
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

const close = (got: number[], want: number[]) => {
  expect(got).toHaveLength(want.length);
  got.forEach((x, i) => expect(x).toBeCloseTo(want[i], 9));
};

group('veerkracht classify: names and numbers as users type them (issue 21)', () => {
  it('mapclassify class names, hyphens, underscores, any case and "jenks" all mean fisher_jenks', async () => {
    for (const name of ['FisherJenks', 'fisher-jenks', 'FISHER_JENKS', 'Fisher Jenks', 'jenks']) {
      const r = await runCli(['classify', file, '--column', 'emp', '--scheme', name, '--json']);
      expect(r.code, name).toBe(0);
      const j = JSON.parse(r.out);
      expect(j.scheme).toBe('fisher_jenks');
      expect(j.bins).toEqual(V.expected.FisherJenks_k5.bins);
    }
    const q = JSON.parse((await runCli(['classify', file, '--column', 'emp', '--scheme', 'Quantiles', '--json'])).out);
    close(q.bins, V.expected.Quantiles_k5.bins);
    const e = JSON.parse((await runCli(['classify', file, '--column', 'emp', '--scheme', 'EqualInterval', '--json'])).out);
    close(e.bins, V.expected.EqualInterval_k5.bins);
  });

  it('decimal commas: --hinge 1,5 = 1.5 (mapclassify BoxPlot); --bins 20,5;30 = 20.5 and 30', async () => {
    const b = JSON.parse((await runCli(['classify', file, '--column', 'emp', '--scheme', 'box_plot', '--hinge', '1,5', '--json'])).out);
    close(b.bins, V.expected['BoxPlot_hinge1.5'].bins);
    const u = await runCli(['classify', file, '--column', 'emp', '--scheme', 'user_defined', '--bins', '20,5;30', '--json']);
    expect(u.err).toBe('');
    const values: number[] = V.calemp;
    const j = JSON.parse(u.out);
    expect(j.bins.slice(0, 2)).toEqual([20.5, 30]);
    expect(j.counts[0]).toBe(values.filter((x) => x <= 20.5).length);
    expect(j.counts[1]).toBe(values.filter((x) => x > 20.5 && x <= 30).length);
    const bad = await runCli(['classify', file, '--column', 'emp', '--scheme', 'box_plot', '--hinge', '1.500,5']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--hinge must be a number.*decimal point or comma/);
  });

  it('a generic table with an lbm column and no jaar (wk_code,lbm) is classified, not refused', async () => {
    const lbm = join(dir, 'wk_lbm.csv');
    const vals = [3.9, 4.1, 4.4, 3.7, 4.0, 4.25, 3.95];
    writeFileSync(lbm, ['wk_code,lbm', ...vals.map((v, i) => `WK00140${i},${v}`)].join('\n') + '\n');
    const r = await runCli(['classify', lbm, '--column', 'lbm', '--scheme', 'user_defined', '--bins', '4', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.n).toBe(7);
    expect(j.counts).toEqual([vals.filter((v) => v <= 4).length, vals.filter((v) => v > 4).length]);
  });
});

group('veerkracht classify --level on the national KWB 2017 file (real data)', () => {
  const kwb = sharedData('kwb/kwb2017_83765NED_nl_22topics.csv');
  // independent count from the raw CSV: SoortRegio_2 per row, AantalInwoners_5 per level
  const raw = readFileSync(kwb, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
  const head = raw[0].split(',');
  const soort = head.indexOf('SoortRegio_2');
  const inw = head.indexOf('AantalInwoners_5');
  const byLevel = new Map<string, number[]>();
  for (const line of raw.slice(1)) {
    const c = line.split(',');
    const lvl = c[soort].trim().toLowerCase();
    if (!byLevel.has(lvl)) byLevel.set(lvl, []);
    byLevel.get(lvl)!.push(Number(c[inw]));
  }

  it('defaults to the finest level (buurt) and reports the other levels as left out', async () => {
    const r = await runCli(['classify', kwb, '--column', 'AantalInwoners_5', '--scheme', 'quantiles', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.level).toBe('buurt');
    expect(j.n).toBe(byLevel.get('buurt')!.length);
    expect(j.left_out).toEqual({ wijk: byLevel.get('wijk')!.length, gemeente: byLevel.get('gemeente')!.length, land: 1 });
    expect(j.bins[j.bins.length - 1]).toBe(Math.max(...byLevel.get('buurt')!));
    const t = await runCli(['classify', kwb, '--column', 'AantalInwoners_5', '--scheme', 'quantiles']);
    expect(t.out).toMatch(/left out \d+ wijken, \d+ gemeenten, 1 land \(choose with --level\)/);
  });

  it('--level wijk / gemeente classify only those rows; an unknown level lists the accepted ones', async () => {
    for (const level of ['wijk', 'gemeente']) {
      const j = JSON.parse((await runCli(['classify', kwb, '--column', 'AantalInwoners_5', '--scheme', 'quantiles', '--level', level, '--json'])).out);
      expect(j.level).toBe(level);
      expect(j.n).toBe(byLevel.get(level)!.length);
      expect(j.bins[j.bins.length - 1]).toBe(Math.max(...byLevel.get(level)!));
    }
    const bad = await runCli(['classify', kwb, '--column', 'AantalInwoners_5', '--scheme', 'quantiles', '--level', 'provincie']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('buurt, wijk, gemeente');
  });
});
