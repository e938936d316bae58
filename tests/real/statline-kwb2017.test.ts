import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedData } from '../helpers/shared.js';
import { loadStatlineCsv } from '../../src/sources/statline/csv-export.js';
import { loadStatlineJson } from '../../src/sources/statline/reader.js';
import type { LoadedTable } from '../../src/sources/types.js';
import { regionHierarchy } from '../../src/regions/hierarchy.js';

// Independent reading of the raw file: it has no quotes, so a plain split is exact.
const RAW = readFileSync(sharedData('kwb/kwb2017_83765NED_nl_22topics.csv'), 'utf8').replace(/^\uFEFF/, '');
const LINES = RAW.split(/\r?\n/).filter((l) => l !== '');
const HEADER = LINES[0].split(',');
const CELLS = LINES.slice(1).map((l) => l.split(','));
const col = (key: string) => HEADER.indexOf(key);
const TEXT_KEYS = new Set(['WijkenEnBuurten', 'Gemeentenaam_1', 'SoortRegio_2', 'Codering_3', 'IndelingswijzigingWijkenEnBuurten_4']);

/** Same column names and, column by column, the same values (null stays null). */
function expectSameTable(a: LoadedTable, b: LoadedTable): void {
  expect(a.table.columnNames()).toEqual(b.table.columnNames());
  for (const name of b.table.columnNames()) {
    const x = a.table.array(name) as unknown[];
    const y = b.table.array(name) as unknown[];
    expect(x.length, name).toBe(y.length);
    let diff = -1;
    for (let i = 0; i < y.length && diff < 0; i++) if (!Object.is(x[i], y[i])) diff = i;
    expect(diff < 0 ? null : { name, row: diff, got: x[diff], want: y[diff] }).toBeNull();
  }
}

let kwb: LoadedTable;
beforeAll(() => {
  kwb = loadStatlineCsv(sharedData('kwb/kwb2017_83765NED_nl_22topics.csv'));
});

describe('KWB 2017 national export with topic keys', () => {
  it('has 1 land, 387 gemeenten, 3,067 wijken and 13,198 buurten with values', () => {
    const counts: Record<string, number> = {};
    for (const l of kwb.table.array('level') as string[]) counts[l] = (counts[l] ?? 0) + 1;
    expect(counts).toEqual({ land: 1, gemeente: 387, wijk: 3067, buurt: 13198 });
  });
  it('reports the 14 Nuenen rows (GM0820) without level and values as unusable, counts balancing', () => {
    const r = kwb.report;
    expect(r.rowsRead).toBe(16667);
    expect(r.rowsKept).toBe(16653);
    expect(r.dropped).toHaveLength(1);
    expect(r.dropped[0].count).toBe(14);
    expect(r.dropped[0].reason).toMatch(/unusable/);
    expect(r.dropped[0].examples[0]).toBe('line 10809 GM0820');
    expect(r.rowsRead).toBe(r.rowsKept + r.dropped.reduce((s, d) => s + d.count, 0));
    expect((kwb.table.array('code') as string[]).filter((c) => c.startsWith('GM0820'))).toEqual([]);
  });
  it('has 17,081,507 inhabitants in NL and 17,058,641 in the 387 other gemeenten', () => {
    const code = kwb.table.array('code') as string[];
    const level = kwb.table.array('level') as string[];
    const inw = kwb.table.array('AantalInwoners_5') as (number | null)[];
    expect(inw[code.indexOf('NL00')]).toBe(17081507);
    let sum = 0;
    for (let i = 0; i < code.length; i++) if (level[i] === 'gemeente') sum += inw[i]!;
    expect(sum).toBe(17058641);
  });
  it('keeps suppressed values as null and counts them, never 0', () => {
    const key = 'HuishoudensMetEenLaagInkomen_72';
    const j = col(key);
    const dots = CELLS.filter((c) => c[j].trim() === '.').length;
    expect(dots).toBe(4446);
    const meta = kwb.columns.find((c) => c.name === key)!;
    expect(meta.missing).toBe(dots);
    const values = kwb.table.array(key) as (number | null)[];
    expect(values.filter((v) => v === null)).toHaveLength(dots);
    // BU16800009 (Aa en Hunze) is suppressed in the file: null, not 0
    const code = kwb.table.array('code') as string[];
    expect(values[code.indexOf('BU16800009')]).toBeNull();
  });
  it('normalises padded codes and derives the gemeente of every wijk and buurt', () => {
    const code = kwb.table.array('code') as string[];
    const gem = kwb.table.array('gemeente') as (string | null)[];
    const i = code.indexOf('BU16800009');
    expect(gem[i]).toBe('GM1680');
    expect(kwb.table.array('Gemeentenaam_1')[i]).toBe('Aa en Hunze');
    expect(kwb.provenance).toMatchObject({ kind: 'statline-csv', tableId: '83765NED', year: 2017 });
    expect(kwb.provenance.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has a complete buurt → wijk → gemeente hierarchy once Nuenen is set aside', () => {
    const h = regionHierarchy(kwb.table.array('code') as string[]);
    expect([h.buurten.length, h.wijken.length, h.gemeenten.length]).toEqual([13198, 3067, 387]);
    expect(h.missingWijken).toEqual([]);
    expect(h.missingGemeenten).toEqual([]);
  });

  it('gives identical values from OData JSON pages (built here from the raw file, with nextLink paging)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-odata-'));
    const base = 'https://opendata.cbs.nl/ODataFeed/odata/83765NED';
    const props = [
      { ID: 0, ParentID: null, Type: 'GeoDetail', Key: 'WijkenEnBuurten', Title: 'Wijken en buurten', Position: 0 },
      ...HEADER.slice(2).map((k, i) => ({
        ID: i + 1,
        ParentID: null,
        Type: 'Topic',
        Key: k,
        Title: k,
        Unit: TEXT_KEYS.has(k) ? (k === 'Gemeentenaam_1' ? 'naam' : k === 'SoortRegio_2' ? 'omschrijving' : 'code') : 'aantal',
        Decimals: 0,
      })),
    ];
    writeFileSync(join(dir, 'DataProperties.json'), JSON.stringify({ 'odata.metadata': `${base}/$metadata#Cbs.OData.WebAPI.DataProperties`, value: props }));
    const rows = CELLS.map((c) => {
      const o: Record<string, unknown> = {};
      HEADER.forEach((k, j) => {
        const s = c[j];
        if (k === 'ID') o[k] = Number(s);
        else if (TEXT_KEYS.has(k)) o[k] = s === '' || s.trim() === '.' ? null : s; // padded, as CBS sends them
        else o[k] = s.trim() === '' || s.trim() === '.' ? null : Number(s);
      });
      return o;
    });
    const size = 6000;
    const urls: string[] = [`DataProperties.json ${base}/DataProperties?$format=json`];
    for (let p = 0; p * size < rows.length; p++) {
      const page: Record<string, unknown> = {
        'odata.metadata': `${base}/$metadata#Cbs.OData.WebAPI.TypedDataSet`,
        value: rows.slice(p * size, (p + 1) * size),
      };
      if ((p + 1) * size < rows.length) page['odata.nextLink'] = `${base}/TypedDataSet?$format=json&$skiptoken=${(p + 1) * size}`;
      const name = `TypedDataSet_${p + 1}.json`;
      writeFileSync(join(dir, name), JSON.stringify(page));
      urls.push(`${name} ${p === 0 ? `${base}/TypedDataSet?$format=json` : `${base}/TypedDataSet?$skiptoken=${p * size}&$format=json`}`);
    }
    writeFileSync(join(dir, 'URLS.txt'), `${urls.join('\n')}\n`);
    const fromJson = loadStatlineJson(join(dir, 'TypedDataSet_1.json'));
    expect(fromJson.report.rowsRead).toBe(16667);
    expect(fromJson.report.dropped.map((d) => d.count)).toEqual([14]);
    expectSameTable(fromJson, kwb);
    expect(fromJson.columns.map((c) => c.missing)).toEqual(kwb.columns.map((c) => c.missing));
    expect(fromJson.provenance.tableId).toBe('83765NED');
    expect(fromJson.columns.find((c) => c.name === 'AantalInwoners_5')?.unit).toBe('aantal');
  });

  it('gives identical values from a semicolon, decimal-comma, Windows-1252 export and from a BOM UTF-8 one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-kwb-'));
    const semicolon = LINES.map((l) =>
      l
        .split(',')
        .map((c) => (/^-?\d+\.\d+$/.test(c) ? `"${c.replace('.', ',')}"` : c))
        .join(';'),
    ).join('\r\n');
    const cp = Buffer.from(semicolon, 'latin1'); // all names are Latin-1, so this is valid Windows-1252
    expect(cp.includes(0xe2)).toBe(true); // â of Súdwest-Fryslân, not UTF-8
    const p1252 = join(dir, 'kwb2017_83765NED_cp1252.csv');
    writeFileSync(p1252, cp);
    const a = loadStatlineCsv(p1252);
    expect(a.report.warnings.join(' ')).toMatch(/Windows-1252/);
    expectSameTable(a, kwb);
    const pBom = join(dir, 'kwb2017_83765NED_bom.csv');
    writeFileSync(pBom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(semicolon, 'utf8')]));
    expectSameTable(loadStatlineCsv(pBom), kwb);
    const names = a.table.array('Gemeentenaam_1') as string[];
    expect(names).toContain('Súdwest-Fryslân');
  });
});
