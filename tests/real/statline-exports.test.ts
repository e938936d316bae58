import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedData } from '../helpers/shared.js';
import { loadStatlineCsv } from '../../src/sources/statline/csv-export.js';
import { loadStatlineJson } from '../../src/sources/statline/reader.js';
import { loadStatlineOData } from '../../src/sources/statline/odata.js';
import { loadDelimitedTable } from '../../src/sources/csv/reader.js';
import { regionHierarchy } from '../../src/regions/hierarchy.js';

describe('"with statistical symbols" export (KWB 2015 Amsterdam, income topics)', () => {
  const file = sharedData('kwb/kwb2015_amsterdam_statline_symbols.csv');
  const t = loadStatlineCsv(file);
  // independent reading: no ';' inside quotes in this file
  const raw = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const dataLines = raw.slice(5).filter((l) => l.includes(';'));
  const cells = dataLines.map((l) => l.split(';').map((c) => c.replace(/^"|"$/g, '')));

  it('reads the title, topic paths, units and data rows, skipping the footer', () => {
    expect(t.table.numRows()).toBe(cells.length);
    expect(t.table.numRows()).toBe(106);
    expect(t.provenance.year).toBe(2015);
    const meta = t.columns.find((c) => c.title === 'Gemiddeld inkomen per inwoner')!;
    expect(meta).toMatchObject({ unit: 'x 1 000 euro', sourceKey: 'Inkomen / Inkomen van personen / Gemiddeld inkomen per inwoner' });
    const first = t.table.object(0) as Record<string, unknown>;
    expect(first.naam).toBe('Amsterdam');
    expect(first['Inkomen / Inkomen van personen / Aantal inkomensontvangers']).toBe(641700);
    expect(first[meta.name]).toBe(26.9); // "26,9": decimal comma
  });
  it('counts every "." as missing per column, never 0', () => {
    const topicCols = t.columns.filter((c) => c.unit !== undefined);
    expect(topicCols).toHaveLength(cells[0].length - 1);
    topicCols.forEach((c, j) => {
      const dots = cells.filter((r) => r[j + 1] === '.').length;
      expect(c.missing, c.name).toBe(dots);
    });
    expect(topicCols.reduce((s, c) => s + c.missing, 0)).toBeGreaterThan(0);
  });
});

describe('title exports (R-mangled headers) of KWB 2017 and 2019, Amsterdam', () => {
  it('has NL, Amsterdam, 99 wijken and 479 buurten with levels from SoortRegio and codes from Codering', () => {
    for (const [f, nl] of [
      ['kwb/kwb2017_amsterdam_titles.csv', 17081507],
      ['kwb/kwb2019_amsterdam_titles.csv', 17282163],
    ] as const) {
      const t = loadStatlineCsv(sharedData(f));
      const lv: Record<string, number> = {};
      for (const l of t.table.array('level') as string[]) lv[l] = (lv[l] ?? 0) + 1;
      expect(lv).toEqual({ land: 1, gemeente: 1, wijk: 99, buurt: 479 });
      expect(t.table.array('Bevolking.Aantal.inwoners..aantal.')[0]).toBe(nl);
      const corp = t.columns.find((c) => c.name === 'Wonen.Woningen.naar.eigendom.Huurwoningen.In.bezit.woningcorporatie....')!;
      expect(corp.unit).toBe('%');
      expect(corp.title).toBe('Wonen Woningen naar eigendom Huurwoningen In bezit woningcorporatie');
      const h = regionHierarchy(t.table.array('code') as string[]);
      expect(h.missingWijken).toEqual([]);
      expect(h.missingGemeenten).toEqual([]);
      expect(h.buurten.every((b) => b.gemeente === 'GM0363')).toBe(true);
    }
  });
});

describe('OData v3 set of 80137ned (CBSOData3.jl fixtures)', () => {
  const dir = sharedData('statline/odata_v3_80137ned');
  const raw = JSON.parse(readFileSync(join(dir, 'meta_8.json'), 'utf8')) as { value: Record<string, unknown>[] };

  it('finds DataProperties, TableInfos and code lists through URLS.txt', () => {
    const t = loadStatlineJson(join(dir, 'meta_8.json'));
    expect(t.table.numRows()).toBe(raw.value.length);
    expect(t.provenance.tableId).toBe('80137NED');
    expect(t.provenance.edition).toBe('Arbeidsrekeningen; leeftijd en opleidingsniveau');
    const col = t.table.array('Totaal_4') as (number | null)[];
    raw.value.forEach((r, i) => expect(col[i]).toBe(r.Totaal_4 ?? null));
    expect(new Set(t.table.array('Perioden_titel') as string[])).toEqual(new Set(['2001', '2002', '2003', '2004', '2005']));
    expect(t.table.array('Persoonskenmerken')[0]).toBe('1'); // "1 " trimmed
    expect(t.table.array('Persoonskenmerken_titel')[0]).toBe('Totaal');
  });
  it('follows odata.nextLink over pages written here, and names the missing page when one is absent', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'vk-80137-'));
    const base = 'https://opendata.cbs.nl/ODataFeed/odata/80137ned';
    const pages = [raw.value.slice(0, 300), raw.value.slice(300, 600), raw.value.slice(600)];
    const urls = [`props.json ${base}/DataProperties?$format=json`];
    pages.forEach((v, i) => {
      const o: Record<string, unknown> = { 'odata.metadata': `${base}/$metadata#Cbs.OData.WebAPI.TypedDataSet`, value: v };
      if (i < pages.length - 1) o['odata.nextLink'] = `${base}/TypedDataSet?$skip=${(i + 1) * 300}`;
      writeFileSync(join(tmp, `page${i}.json`), JSON.stringify(o));
      urls.push(`page${i}.json ${i === 0 ? `${base}/TypedDataSet?$format=json` : `${base}/TypedDataSet?$skip=${i * 300}&$format=json`}`);
    });
    copyFileSync(join(dir, 'meta_7.json'), join(tmp, 'props.json'));
    writeFileSync(join(tmp, 'URLS.txt'), urls.join('\n'));
    const t = loadStatlineOData({ typedDataSet: join(tmp, 'page0.json'), dataProperties: join(tmp, 'props.json') });
    expect(t.table.numRows()).toBe(675);
    expect(t.table.array('ID')).toEqual(raw.value.map((r) => r.ID));
    writeFileSync(join(tmp, 'URLS.txt'), urls.slice(0, 3).join('\n'));
    expect(() => loadStatlineOData({ typedDataSet: join(tmp, 'page0.json') })).toThrow(/page1\.json: next page not found on disk; expected the page of odata\.nextLink .*\$skip=600/);
  });
});

describe('KWB 2024 dictionary and 10-gemeenten table', () => {
  it('reads the 85984NED {code: {key: value}} file: 342 gemeenten and 3,393 wijken', () => {
    const t = loadStatlineJson(sharedData('statline/85984NED_gm_wk_8topics_2024.json'));
    const lv: Record<string, number> = {};
    for (const l of t.table.array('level') as string[]) lv[l] = (lv[l] ?? 0) + 1;
    expect(lv).toEqual({ gemeente: 342, wijk: 3393 });
    expect(t.provenance).toMatchObject({ tableId: '85984NED', year: 2024 });
  });
  it('reads the decimal-comma 10-gemeenten table: Utrecht 359,370 inhabitants, comma and point columns both numeric', async () => {
    const t = await loadDelimitedTable(sharedData('kwb/kwb2021_10gemeenten_buurten_translated.csv'));
    const code = t.table.array('gwb_code_10') as string[];
    const i = code.indexOf('GM0344');
    expect(t.table.array('Number of inhabitants')[i]).toBe(359370);
    const almere = code.indexOf('GM0034');
    expect(t.table.array('Average household size')[almere]).toBe(2.3); // "2,3"
    expect(t.table.array('avg_income_per_recipient')[almere]).toBe(36.0); // "36,0"
    expect(t.table.array('DistanceToGPPractice_5')[almere]).toBe(1.1); // "1.1"
    expect(t.table.array('gwb_code_8')[almere]).toBe('0034'); // code with leading zeros stays text
    const buurten = code.filter((c) => c.startsWith('BU0344'));
    expect(buurten).toHaveLength(111);
  });
});
