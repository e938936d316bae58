import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { writeXlsxFile, xlsxBytes, xlsxSheetNames, type XlsxWriteSheet } from '../../src/export/xlsx.js';
import { readXlsxSheet } from '../../src/sources/xlsx/read.js';
import { loadDelimitedTable } from '../../src/sources/csv/reader.js';

const buurten: XlsxWriteSheet = {
  name: 'buurten',
  columns: [
    { key: 'code', header: 'Buurtcode' },
    { key: 'gm', header: 'Gemeentecode' },
    { key: 'inwoners', header: 'Inwoners', numFmt: 'geheel' },
    { key: 'aandeel', header: 'Aandeel corporatie', numFmt: 'procent1', width: 14 },
    { key: 'afw', header: 'Afwijking', numFmt: 'decimaal2' },
    { key: 'ratio', header: 'Ratio', numFmt: '0.000' },
    { key: 'naam', header: 'Naam & <omschrijving>' },
  ],
  rows: [
    { code: 'BU03440101', gm: '0344', inwoners: 1805, aandeel: 0.412, afw: -0.125, ratio: 1 / 3, naam: 'Binnenstad "oud" & <nieuw>' },
    { code: 'BU03440102', gm: '0344', inwoners: null, aandeel: Number.NaN, afw: 1234567.891, ratio: 2e-7, naam: 'tab\there\u0001_x0041_' },
    { code: 'BU03440103', gm: '0014', inwoners: 0, aandeel: 0, afw: undefined, ratio: -0, naam: null },
  ],
};
const summary: XlsxWriteSheet = {
  name: 'per categorie/gemeente',
  columns: [{ key: 'cat', header: 'Categorie' }, { key: 'n', header: 'Aantal', numFmt: 'geheel' }, { key: 'ok', header: 'Volledig' }],
  rows: [{ cat: 'Versterken', n: 12, ok: true }, { cat: 'Stabiel', n: 80, ok: false }],
};

describe('writeXlsxFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'veerkracht-xlsx-out-'));
  const path = join(dir, 'sub', 'signalen.xlsx');
  writeXlsxFile(path, [buurten, summary]);
  const bytes = new Uint8Array(readFileSync(path));
  const parts = unzipSync(bytes);
  const text = (name: string) => strFromU8(parts[name]);

  it('reads back with real numbers, text codes with leading zeros, and empty cells for missing', () => {
    const s = readXlsxSheet(bytes);
    expect(s.sheetNames).toEqual(['buurten', 'per categorie_gemeente']);
    expect(s.rows[0].cells.map((c) => c.value)).toEqual(['Buurtcode', 'Gemeentecode', 'Inwoners', 'Aandeel corporatie', 'Afwijking', 'Ratio', 'Naam & <omschrijving>']);
    const r1 = s.rows[1].cells;
    expect(r1.map((c) => c.value)).toEqual(['BU03440101', '0344', 1805, 0.412, -0.125, 1 / 3, 'Binnenstad "oud" & <nieuw>']);
    expect(r1.map((c) => c.kind)).toEqual(['text', 'text', 'number', 'number', 'number', 'number', 'text']);
    // null and NaN are empty cells, never 0; strings with control characters survive
    const r2 = s.rows[2].cells;
    expect(r2.map((c) => c.col)).toEqual([0, 1, 4, 5, 6]);
    expect(r2.map((c) => c.value)).toEqual(['BU03440102', '0344', 1234567.891, 2e-7, 'tab\there\u0001_x0041_']);
    expect(s.rows[3].cells.map((c) => c.value)).toEqual(['BU03440103', '0014', 0, 0, 0]);
    const second = readXlsxSheet(bytes, { sheet: 2 });
    expect(second.rows.map((r) => r.cells.map((c) => c.value))).toEqual([['Categorie', 'Aantal', 'Volledig'], ['Versterken', 12, true], ['Stabiel', 80, false]]);
  });

  it('loads as a table with the generic reader: numbers numeric, codes text', async () => {
    const t = await loadDelimitedTable(path);
    expect(t.table.array('Inwoners')).toEqual([1805, null, 0]);
    expect(t.table.array('Gemeentecode')).toEqual(['0344', '0344', '0014']);
    expect(t.table.array('Aandeel corporatie')).toEqual([0.412, null, 0]);
  });

  it('gives each column its number format, a bold frozen header row and column widths', () => {
    const styles = text('xl/styles.xml');
    const custom = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [Number(m[1]), m[2].replace(/&quot;/g, '"')]));
    const builtin: Record<number, string> = { 0: 'General', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%' };
    const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf ([^>]*)\/>/g)].map((m) => ({
      fmt: Number(/numFmtId="(\d+)"/.exec(m[1])?.[1]),
      font: Number(/fontId="(\d+)"/.exec(m[1])?.[1]),
    }));
    const fmtOf = (s: number) => custom.get(xfs[s].fmt) ?? builtin[xfs[s].fmt];
    const sheet = text('xl/worksheets/sheet1.xml');
    const styleOf = (ref: string) => Number(new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(sheet)?.[1] ?? 0);
    expect(['C2', 'D2', 'E2', 'F2'].map((r) => fmtOf(styleOf(r)))).toEqual(['#,##0', '0.0%', '#,##0.00', '0.000']);
    expect(fmtOf(styleOf('A2'))).toBe('General');
    // header: bold font on every header cell
    const fonts = [...(/<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '').matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => m[1].includes('<b/>'));
    expect(['A1', 'B1', 'G1'].every((r) => fonts[xfs[styleOf(r)].font])).toBe(true);
    expect(fonts[xfs[styleOf('A2')].font]).toBe(false);
    // frozen first row
    expect(sheet).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    // widths: given 14 for D; others wide enough for header or values, within 8–60
    const widths = [...sheet.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(widths).toHaveLength(7);
    expect(widths[3]).toBe(14);
    expect(widths[0]).toBeGreaterThanOrEqual('BU03440101'.length);
    expect(widths[1]).toBeGreaterThanOrEqual('Gemeentecode'.length);
    expect(widths[6]).toBeGreaterThanOrEqual('Binnenstad "oud" & <nieuw>'.length);
    expect(widths.every((w) => w >= 8 && w <= 60)).toBe(true);
  });

  it('is deterministic: the same sheets give the same bytes', () => {
    expect(Buffer.from(xlsxBytes([buurten, summary])).equals(Buffer.from(bytes))).toBe(true);
  });

  it('makes sheet names Excel accepts', () => {
    expect(xlsxSheetNames(['buurten', 'a/b:c', 'Buurten', '', 'x'.repeat(40)])).toEqual(['buurten', 'a_b_c', 'Buurten (2)', 'Blad', 'x'.repeat(31)]);
  });
});
