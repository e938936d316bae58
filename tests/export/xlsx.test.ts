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

describe('xlsxBytes round trip', () => {
  // a seeded mix of every value kind over 30 columns (past Z), read back cell by cell with our reader
  let seed = 20261207;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const texts = ['BU03440101', '0344', '', ' spatie vooraf', 'één & <twee> "drie"', 'regel\nregel', 'regel\r\nregel', 'cr\ralleen', 'tab\t\u0001_x0041_', 'Ω≈ç√∫', '😀 emoji', 'a'.repeat(40000)];
  const value = (kind: number): unknown => {
    const u = rand();
    switch (kind % 7) {
      case 0: return Math.round(u * 100000) - 50000;
      case 1: return u < 0.1 ? null : (u - 0.5) * 10 ** Math.round(u * 30 - 15);
      case 2: return texts[Math.floor(u * texts.length)];
      case 3: return u < 0.2 ? Number.NaN : u < 0.3 ? Number.POSITIVE_INFINITY : u < 0.4 ? undefined : u < 0.5 ? -0 : u;
      case 4: return u < 0.5;
      case 5: return new Date(Date.UTC(1950 + Math.floor(u * 100), Math.floor(u * 12), 1 + Math.floor(u * 28)));
      default: return u < 0.5 ? `code-${Math.floor(u * 50)}` : { a: 1 };
    }
  };
  const columns = Array.from({ length: 30 }, (_, j) => ({ key: `k${j}`, header: `kolom ${j}`, numFmt: j % 7 === 5 && j > 6 ? 'datum' : j % 3 === 0 ? 'decimaal2' : undefined }));
  const rows = Array.from({ length: 1500 }, () => Object.fromEntries(columns.map((c, j) => [c.key, value(j)])));
  const sheets: XlsxWriteSheet[] = [
    { name: 'groot', columns, rows },
    {
      name: 'klein',
      columns: [{ key: 'x', header: 'x' }],
      rows: [{ x: 'BU03440101' }, { x: 1.5 }, {}, ...[2147483647, 2147483648, -2147483648, 1e21, 123456789012345680000, 1e-7, 0.1 + 0.2, 5e-324, Number.MAX_VALUE, -0, new Date(Number.NaN)].map((x) => ({ x }))],
    },
    { name: 'leeg', columns: [], rows: [] },
  ];
  const expected = (v: unknown) => {
    if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return undefined;
    if (typeof v === 'number') return { kind: 'number', value: v === 0 ? 0 : v };
    if (typeof v === 'boolean') return { kind: 'boolean', value: v };
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : { kind: 'date', value: v.toISOString().slice(0, 10) };
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    return { kind: 'text', value: s.length > 32767 ? `${s.slice(0, 32766)}…` : s };
  };

  it('writes a carriage return as _x000D_, as Excel does (XML readers turn a literal CR into a line feed)', () => {
    const parts = unzipSync(xlsxBytes([{ name: 'cr', columns: [{ key: 'x', header: 'x' }], rows: [{ x: 'regel\r\nregel' }, { x: 'cr\ralleen' }] }]));
    const xml = Object.entries(parts).filter(([n]) => n.endsWith('.xml')).map(([, b]) => strFromU8(b)).join('');
    expect(xml).not.toContain('\r');
    expect(xml).toContain('regel_x000D_\nregel');
    expect(xml).toContain('cr_x000D_alleen');
  });

  it('gives back every cell of every sheet as written', () => {
    const bytes = xlsxBytes(sheets);
    sheets.forEach((sheet, k) => {
      const got = readXlsxSheet(bytes, { sheet: k + 1 });
      expect(got.name).toBe(sheet.name);
      const want = [
        { row: 1, cells: sheet.columns.map((c, j) => ({ col: j, kind: 'text', value: c.header })) },
        ...sheet.rows.map((r, i) => ({
          row: i + 2,
          cells: sheet.columns.flatMap((c, j) => {
            const e = expected(r[c.key]);
            // the reader drops an empty text cell as Excel shows it: as nothing
            return e && e.value !== '' ? [{ col: j, ...e }] : [];
          }),
        })),
      ].filter((r) => r.cells.length > 0);
      expect(got.rows.map((r) => ({ row: r.row, cells: r.cells.map((c) => ({ col: c.col, kind: c.kind, value: c.value })) }))).toEqual(want);
    });
  });

  it('stores every text once in the shared strings and counts their uses', () => {
    const parts = unzipSync(xlsxBytes(sheets));
    const sst = strFromU8(parts['xl/sharedStrings.xml']);
    const uses = sheets.reduce((n, s) => n + s.columns.length + s.rows.reduce((m, r) => m + s.columns.filter((c) => expected(r[c.key])?.kind === 'text').length, 0), 0);
    const unique = new Set(sheets.flatMap((s) => [...s.columns.map((c) => c.header), ...s.rows.flatMap((r) => s.columns.map((c) => expected(r[c.key])).filter((e) => e?.kind === 'text').map((e) => e?.value))]));
    expect(sst).toContain(`count="${uses}" uniqueCount="${unique.size}"`);
    expect([...sst.matchAll(/<si>/g)]).toHaveLength(unique.size);
  });
});
