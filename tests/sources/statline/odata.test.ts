import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStatlineOData, entitySetOf, loadStatlineOData, parseODataText } from '../../../src/sources/statline/odata.js';
import { loadStatlineJson, statlineCsvReader, statlineODataReader } from '../../../src/sources/statline/reader.js';
import { detectFormat, FORMAT_READERS } from '../../../src/sources/registry.js';

const BASE = 'https://opendata.cbs.nl/ODataApi/odata/85984NED';
const PROPS = [
  { ID: 0, ParentID: null, Type: 'GeoDetail', Key: 'WijkenEnBuurten', Title: 'Wijken en buurten' },
  { ID: 1, ParentID: null, Type: 'TopicGroup', Key: '', Title: 'Regioaanduiding' },
  { ID: 2, ParentID: 1, Type: 'Topic', Key: 'SoortRegio_2', Title: 'Soort regio', Unit: 'omschrijving', Decimals: 0 },
  { ID: 3, ParentID: null, Type: 'TopicGroup', Key: '', Title: 'Wonen en vastgoed' },
  { ID: 4, ParentID: 3, Type: 'Topic', Key: 'InBezitWoningcorporatie_49', Title: 'In bezit woningcorporatie', Unit: '%', Decimals: 0 },
];
const ROWS = [
  { ID: 0, WijkenEnBuurten: 'GM0344    ', SoortRegio_2: 'Gemeente  ', InBezitWoningcorporatie_49: 32 },
  { ID: 1, WijkenEnBuurten: 'BU03440101', SoortRegio_2: 'Buurt     ', InBezitWoningcorporatie_49: null },
];

describe('OData parsing', () => {
  it('recognises entity sets from odata.metadata or from the fields', () => {
    expect(entitySetOf(parseODataText(JSON.stringify({ 'odata.metadata': `${BASE}/$metadata#Cbs.OData.WebAPI.TypedDataSet`, value: [] })))).toBe('TypedDataSet');
    expect(entitySetOf(parseODataText(JSON.stringify(PROPS)))).toBe('DataProperties');
    expect(entitySetOf(parseODataText(JSON.stringify({ value: [{ Key: 'GM0344', Title: 'Utrecht' }] })))).toBe('CodeList');
    expect(entitySetOf(parseODataText(JSON.stringify({ value: [{ Identifier: '85984NED', ShortTitle: 'x' }] })))).toBe('TableInfos');
  });
  it('names the file for invalid JSON', () => {
    expect(() => parseODataText('{"value": [', 'p.json')).toThrow(/^p\.json: invalid JSON; expected an OData v3 JSON response/);
    expect(() => parseODataText('{"rows": []}', 'p.json')).toThrow(/p\.json: not an OData response/);
  });
  it('builds a table with group paths as metadata, null kept null', () => {
    const t = buildStatlineOData({ rows: ROWS, dataProperties: PROPS, tableInfos: { Identifier: '85984NED', Title: 'Kerncijfers wijken en buurten 2024' } });
    expect(t.table.array('code')).toEqual(['GM0344', 'BU03440101']);
    expect(t.table.array('InBezitWoningcorporatie_49')).toEqual([32, null]);
    expect(t.columns.find((c) => c.name === 'InBezitWoningcorporatie_49')).toMatchObject({ title: 'In bezit woningcorporatie', unit: '%', decimals: 0, missing: 1 });
    expect(t.provenance).toMatchObject({ tableId: '85984NED', year: 2024, edition: 'Kerncijfers wijken en buurten 2024' });
  });
});

describe('files as veerkracht fetch writes them (merged TypedDataSet, code lists, URLS.txt)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vk-fetch-layout-'));
  const wrap = (set: string, value: unknown[]) => JSON.stringify({ 'odata.metadata': `${BASE}/$metadata#Cbs.OData.WebAPI.${set}`, value });
  writeFileSync(join(dir, 'TypedDataSet.json'), wrap('TypedDataSet', ROWS));
  writeFileSync(join(dir, 'DataProperties.json'), wrap('DataProperties', PROPS));
  writeFileSync(join(dir, 'TableInfos.json'), wrap('TableInfos', [{ Identifier: '85984NED', ShortTitle: 'KWB 2024', Title: 'Kerncijfers wijken en buurten 2024', Period: '2024' }]));
  writeFileSync(join(dir, 'WijkenEnBuurten.json'), wrap('WijkenEnBuurten', [{ Key: 'GM0344    ', Title: 'Utrecht' }, { Key: 'BU03440101', Title: 'Binnenstad' }]));
  writeFileSync(
    join(dir, 'URLS.txt'),
    `Written by veerkracht fetch: file -> first OData v3 URL it answers\n${['TableInfos', 'DataProperties', 'TypedDataSet', 'WijkenEnBuurten']
      .map((n) => `${n}.json  ${BASE}/${n}?$format=json${n === 'TypedDataSet' ? '  (3 pages merged)' : ''}`)
      .join('\n')}\n`,
  );
  it('loads the table with region names from the code list', () => {
    const t = loadStatlineJson(join(dir, 'TypedDataSet.json'));
    expect(t.table.array('WijkenEnBuurten_titel')).toEqual(['Utrecht', 'Binnenstad']);
    expect(t.table.array('level')).toEqual(['gemeente', 'buurt']);
    expect(t.provenance).toMatchObject({ kind: 'statline-odata', tableId: '85984NED', year: 2024 });
  });
  it('the registry sends JSON to the OData reader and CSV exports to the StatLine CSV reader, other tables to csv', () => {
    expect(detectFormat(join(dir, 'TypedDataSet.json'))).toBe(statlineODataReader);
    const csv = join(dir, 'k.csv');
    writeFileSync(csv, 'ID;WijkenEnBuurten;SoortRegio_2;AantalInwoners_5\n0;NL00;Land;1\n');
    expect(detectFormat(csv)).toBe(statlineCsvReader);
    const other = join(dir, 'o.csv');
    writeFileSync(other, 'kolom_a;kolom_b\nx;4,1\n');
    expect(detectFormat(other).kind).toBe('csv');
    expect(FORMAT_READERS[FORMAT_READERS.length - 1].kind).toBe('csv');
  });
  it('detects a nextLink loop instead of reading forever', () => {
    const d2 = mkdtempSync(join(tmpdir(), 'vk-loop-'));
    writeFileSync(join(d2, 'p.json'), JSON.stringify({ 'odata.metadata': `${BASE}/$metadata#Cbs.OData.WebAPI.TypedDataSet`, value: ROWS, 'odata.nextLink': `${BASE}/TypedDataSet?$skip=2` }));
    writeFileSync(join(d2, 'URLS.txt'), `p.json ${BASE}/TypedDataSet?$skip=2\n`);
    expect(() => loadStatlineOData({ typedDataSet: join(d2, 'p.json') })).toThrow(/loops back/);
  });
});

describe('inspect-level reading of metadata-only responses', () => {
  it('reads a pretty-printed bare TableInfos array as a metadata table', async () => {
    const d = mkdtempSync(join(tmpdir(), 'vk-ti-'));
    const p = join(d, '85984NED_TableInfos.json');
    writeFileSync(p, JSON.stringify([{ ID: 0, Title: 'Kerncijfers wijken en buurten 2024', Identifier: '85984NED', ShortTitle: 'KWB 2024' }], null, 2));
    expect(detectFormat(p)).toBe(statlineODataReader);
    const t = await statlineODataReader.read(p);
    expect(t.provenance).toMatchObject({ kind: 'statline-tableinfos', tableId: '85984NED' });
    expect(t.table.array('Identifier')).toEqual(['85984NED']);
  });
});
