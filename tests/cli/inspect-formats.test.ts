import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CBS_COLUMNS, writeGpkg } from '../sources/boundaries/gpkg-fixtures.js';
import { buildXlsx, row, sheetXml } from '../sources/xlsx/fixtures.js';
import { loadLeefbaarometer } from '../../src/sources/leefbaarometer/load.js';

const dir = mkdtempSync(join(tmpdir(), 'veerkracht-inspect-formats-'));
const gpkg = join(dir, 'wijkenbuurten_2024.gpkg');
const xlsx = join(dir, 'leefbaarometer.xlsx');
const sq = (x: number) => [[[x, 455000], [x + 1000, 455000], [x + 1000, 456000], [x, 456000], [x, 455000]]];

beforeAll(async () => {
  await writeGpkg(gpkg, [
    { name: 'gemeenten', columns: CBS_COLUMNS.gemeenten, rows: [{ geom: { type: 'MultiPolygon', coordinates: [sq(135000)] }, gemeentecode: 'GM0344', gemeentenaam: 'Utrecht', water: 'NEE' }] },
    { name: 'wijken', columns: CBS_COLUMNS.wijken, rows: [1, 2].map((i) => ({ geom: { type: 'MultiPolygon' as const, coordinates: [sq(135000 + i * 1000)] }, wijkcode: `WK03440${i}`, wijknaam: `Wijk ${i}`, water: 'NEE' })) },
    { name: 'buurten', columns: CBS_COLUMNS.buurten, rows: [1, 2, 3].map((i) => ({ geom: { type: 'MultiPolygon' as const, coordinates: [sq(135000 + i * 1000)] }, buurtcode: `BU034401${i}0`, water: i === 3 ? 'JA' : 'NEE' })) },
  ]);
  // sheet 1: notes; sheet 2: the scores
  const shared = ['Toelichting bij de scores', 'wk_code', 'jaar', 'lbm', 'afw', 'WK034401', 'WK034402'];
  writeFileSync(xlsx, buildXlsx([
    { name: 'toelichting', xml: sheetXml([row(1, [{ s: 0 }])]) },
    { name: 'scores', xml: sheetXml([row(1, [{ s: 1 }, { s: 2 }, { s: 3 }, { s: 4 }]), row(2, [{ s: 5 }, 2022, 4.05, -0.05]), row(3, [{ s: 6 }, 2022, 4.21, 0.11])]) },
  ], shared));
});

async function inspect(...args: string[]) {
  const r = await runCli(['inspect', ...args, '--json']);
  return { ...r, json: r.code === 0 ? JSON.parse(r.out) : null };
}

describe('inspect --layer / --sheet', () => {
  it('--layer picks a GeoPackage layer; without it the layers are listed', async () => {
    const w = await inspect(gpkg, '--layer', 'wijken');
    expect(w.err).toBe('');
    expect(w.json.kind).toBe('boundaries-gpkg');
    expect(w.json.rows).toBe(2);
    expect(w.json.regions.wijk).toBe(2);
    const b = await inspect(gpkg, '--layer', 'buurten');
    expect(b.json.rows).toBe(2);
    expect(b.json.report.dropped[0]).toMatchObject({ reason: 'water only (water = JA)', count: 1 });
    const none = await inspect(gpkg);
    expect(none.code).not.toBe(0);
    expect(none.err.trim().split('\n')).toHaveLength(1);
    expect(none.err).toContain('buurten, gemeenten, wijken');
  });

  it('--sheet by name or position reads and recognises that sheet', async () => {
    for (const s of ['scores', '2']) {
      const r = await inspect(xlsx, '--sheet', s);
      expect(r.err).toBe('');
      expect(r.json.kind).toBe('leefbaarometer');
      expect(r.json.rows).toBe(2);
      expect(r.json.regions.wijk).toBe(2);
    }
    // the first sheet holds only a note: the error names it and the sheets to choose from
    const first = await inspect(xlsx);
    expect(first.code).not.toBe(0);
    expect(first.err).toMatch(/leefbaarometer\.xlsx, column "sheet \\"toelichting\\"": sheet "toelichting" is not a table we recognise; expected .*--sheet \("toelichting", "scores"\)/);
    const missing = await inspect(xlsx, '--sheet', 'buurt');
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('"toelichting", "scores"');
  });

  it('legacy .xls: one line that says what to do', async () => {
    const xls = join(dir, 'oud.xls');
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    writeFileSync(xls, ole);
    const r = await runCli(['inspect', xls]);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/oud\.xls: legacy Excel \.xls is not read: save as \.xlsx or CSV/);
  });

  it('loaders take the sheet option too', () => {
    const t = loadLeefbaarometer(xlsx, { sheet: 'scores' });
    expect(t.table.array('lbm')).toEqual([4.05, 4.21]);
    expect(t.level).toBe('wijk');
  });
});

describe('classify --sheet', () => {
  it('classifies a column of the chosen sheet', async () => {
    const r = await runCli(['classify', xlsx, '--sheet', 'scores', '--column', 'lbm', '--scheme', 'user_defined', '--bins', '4.1,4.3', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    // lbm 4.05 and 4.21: one in each class
    expect(j.counts).toEqual([1, 1]);
  });
});
