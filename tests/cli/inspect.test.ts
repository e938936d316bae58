import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/shared.js';

interface Desc {
  kind: string;
  rows: number;
  columns: { name: string; type: string; missing: number; unit?: string }[];
  regions: { land: number; gemeente: number; wijk: number; buurt: number };
  years: number[];
  warnings: string[];
  report: { rowsRead: number; rowsKept: number; dropped: { count: number }[] };
}

async function inspectJson(file: string): Promise<Desc> {
  const r = await runCli(['inspect', file, '--json']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Desc;
}

describe('veerkracht inspect', () => {
  it('describes the KWB 2017 national CSV export', async () => {
    const d = await inspectJson(sharedData('kwb/kwb2017_83765NED_nl_22topics.csv'));
    expect(d.kind).toBe('statline-csv');
    expect(d.rows).toBe(16653);
    expect(d.regions).toEqual({ land: 1, gemeente: 387, wijk: 3067, buurt: 13198 });
    expect(d.years).toEqual([2017]);
    expect(d.report).toMatchObject({ rowsRead: 16667, rowsKept: 16653 });
    const low = d.columns.find((c) => c.name === 'HuishoudensMetEenLaagInkomen_72')!;
    expect(low).toMatchObject({ type: 'number', missing: 4446 });
    expect(d.columns.find((c) => c.name === 'Gemeentenaam_1')?.type).toBe('string');
    expect(d.warnings.some((w) => /14 rows not kept: unusable/.test(w) && w.includes('GM0820'))).toBe(true);
  });
  it('describes the OData 80137ned TypedDataSet with its years from Perioden and units from DataProperties', async () => {
    const d = await inspectJson(sharedData('statline/odata_v3_80137ned/meta_8.json'));
    expect(d.kind).toBe('statline-odata');
    expect(d.rows).toBe(675);
    expect(d.years).toEqual([2001, 2002, 2003, 2004, 2005]);
    expect(d.regions).toEqual({ land: 0, gemeente: 0, wijk: 0, buurt: 0 });
    expect(d.columns.find((c) => c.name === 'Totaal_1')).toMatchObject({ type: 'number', unit: '1 000 banen', missing: 0 });
  });
  it('falls back to the generic csv reader for the 10-gemeenten decimal-comma table and still finds its regions', async () => {
    const d = await inspectJson(sharedData('kwb/kwb2021_10gemeenten_buurten_translated.csv'));
    expect(d.kind).toBe('csv');
    expect(d.rows).toBe(772);
    expect(d.regions).toMatchObject({ gemeente: 10, buurt: 762 });
    expect(d.columns.find((c) => c.name === 'Average household size')?.type).toBe('number');
  });
  it('describes the statistical-symbols export and warns that it has names, not codes', async () => {
    const d = await inspectJson(sharedData('kwb/kwb2015_amsterdam_statline_symbols.csv'));
    expect(d.kind).toBe('statline-csv');
    expect(d.rows).toBe(106);
    expect(d.years).toEqual([2015]);
    expect(d.warnings.some((w) => /names only/.test(w))).toBe(true);
  });
  it('prints a readable summary without --json', async () => {
    const r = await runCli(['inspect', sharedData('kwb/kwb2017_83765NED_nl_22topics.csv')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/statline-csv, 16653 rows/);
    expect(r.out).toMatch(/1 land, 387 gemeenten, 3067 wijken, 13198 buurten/);
    expect(r.out).toMatch(/rows read 16667, kept 16653, not kept 14/);
  });
  it('fails with one line naming the file for a missing file, and the line for a broken CSV', async () => {
    const r = await runCli(['inspect', '/nonexistent/kwb.csv']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('veerkracht inspect: /nonexistent/kwb.csv: file not found\n');
    const dir = mkdtempSync(join(tmpdir(), 'vk-inspect-'));
    const p = join(dir, 'broken.csv');
    writeFileSync(p, 'code;n\nGM0363;1\nGM0344;"2\n');
    const b = await runCli(['inspect', p, '--json']);
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/broken\.csv, line 3: quoted field is not closed/);
    expect(b.err.trim().split('\n')).toHaveLength(1);
  });
  it('rejects unknown flags and a missing FILE with exit code 2', async () => {
    expect((await runCli(['inspect', 'x.csv', '--bogus'])).code).toBe(2);
    expect((await runCli(['inspect'])).code).toBe(2);
  });
});
