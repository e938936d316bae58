// Input hygiene: invisible characters in codes and names are removed and reported; duplicate
// column names are reported naming both columns (issue 22: a buurt code with a zero-width space
// became code "null" in signalen.csv, a duplicate header was renamed without a word).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnyTable } from '../../../src/sources/registry.js';
import { cleanInvisible, duplicateHeaderWarnings } from '../../../src/sources/csv/invisible.js';

const home = new URL('../../..', import.meta.url).pathname;

describe('invisible characters', () => {
  it('are removed from fields in place and counted with the first line and field', () => {
    const recs = [['code', 'naam'], ['BU0363\u200B0001', 'Centrum\u202E'], ['BU03630002', 'West\u0007']];
    const r = cleanInvisible(recs, [1, 2, 3]);
    expect(recs[1]).toEqual(['BU03630001', 'Centrum']);
    expect(recs[2][1]).toBe('West');
    expect(r).toEqual({ cells: 3, first: { line: 2, field: 0 } });
  });

  it('a StatLine KWB export with a zero-width space in a buurt code keeps the buurt, with a warning naming the line', async () => {
    const src = readFileSync(join(home, 'data/demo/kwb/synthetisch_kwb2022_85318NED.csv'), 'utf8');
    const lines = src.split('\n');
    const at = lines.findIndex((l) => /BU99010003/.test(l));
    lines[at] = lines[at].replace('BU99010003', 'BU9901\u200B0003');
    const dir = mkdtempSync(join(tmpdir(), 'vk-zw-'));
    const file = join(dir, 'kwb2022_85318NED.csv');
    writeFileSync(file, lines.join('\n'));
    const t = await readAnyTable(file);
    const codes = t.table.array('code') as string[];
    expect(codes).toContain('BU99010003');
    expect(codes.some((c) => c === null || c.includes('\u200B'))).toBe(false);
    expect(t.report.warnings.join('\n')).toMatch(new RegExp(`invisible characters .*first on line ${at + 1}`));
  });
});

describe('duplicate column names', () => {
  it('are reported naming both columns', async () => {
    expect(duplicateHeaderWarnings(['code', 'n', 'code'])).toEqual(['column name "code" occurs twice (columns 1 and 3): the first is used']);
    const dir = mkdtempSync(join(tmpdir(), 'vk-dup-'));
    const file = join(dir, 'tabel.csv');
    writeFileSync(file, 'code,waarde,waarde\nGM0344,1,2\n');
    const t = await readAnyTable(file);
    expect(t.report.warnings.join('\n')).toContain('column name "waarde" occurs twice (columns 2 and 3)');
  });
});
