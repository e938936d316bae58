import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiskCache } from '../../../src/sources/fetch/cache.js';
import { FetchClient } from '../../../src/sources/fetch/client.js';
import { odataRegionFilter, regionPrefixes } from '../../../src/sources/fetch/odata-filter.js';
import { fetchStatlineTable } from '../../../src/sources/fetch/statline.js';
import { VeerkrachtError } from '../../../src/util/errors.js';
import { sharedData } from '../../helpers/shared.js';
import { loadStatlineJson } from '../../../src/sources/statline/reader.js';
import { json, startReplayServer, type Handler, type Reply, type ReplayServer } from './replay-server.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tmp = () => mkdtempSync(join(tmpdir(), 'veerkracht-statline-fetch-'));
const quick = () => new FetchClient({ retry: { attempts: 3, baseDelayMs: 1 }, sleep: async () => undefined });
const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8'));

/** The recorded 80137ned response set (CBSOData3.jl fixtures), read in place. */
const RECORDED: Record<string, string> = {
  TableInfos: 'meta_2.json',
  CategoryGroups: 'meta_3.json',
  Persoonskenmerken: 'meta_4.json',
  BedrijfstakkenSBI93: 'meta_5.json',
  Perioden: 'meta_6.json',
  DataProperties: 'meta_7.json',
  TypedDataSet: 'meta_8.json',
};
const recorded = (name: string) => readJson(sharedData(`statline/odata_v3_80137ned/${RECORDED[name]}`));

/** Replays 80137ned under /ODataFeed/odata, serving TypedDataSet in pages of `pageSize` via absolute nextLinks. */
function replay80137(origin: () => string, pageSize: number, fault?: (name: string, seen: number) => Reply | undefined): Handler {
  return (u, seen) => {
    const m = /^\/ODataFeed\/odata\/80137ned\/(\w+)$/.exec(u.pathname);
    if (!m || !(m[1] in RECORDED) || u.searchParams.get('$format') !== 'json') return { status: 404, body: 'Not Found' };
    const f = fault?.(m[1], seen);
    if (f) return f;
    const body = recorded(m[1]);
    if (m[1] !== 'TypedDataSet') return json(body);
    const skip = Number(u.searchParams.get('$skip') ?? 0);
    const page: Record<string, unknown> = { 'odata.metadata': body['odata.metadata'], value: body.value.slice(skip, skip + pageSize) };
    if (skip + pageSize < body.value.length) {
      page['odata.nextLink'] = `${origin()}/ODataFeed/odata/80137ned/TypedDataSet?$format=json&$skip=${skip + pageSize}`;
    }
    return json(page);
  };
}

describe('fetchStatlineTable on the recorded 80137ned response set', () => {
  it('follows odata.nextLink, merges the pages and writes the files the OData reader reads', async () => {
    server = await startReplayServer(replay80137(() => server!.origin, 250));
    const out = tmp();
    const cache = new DiskCache(tmp());
    const r = await fetchStatlineTable('80137ned', { cache, client: quick(), baseUrl: `${server.origin}/ODataFeed/odata/`, outDir: out });
    const original = recorded('TypedDataSet');
    expect(original.value).toHaveLength(675);
    expect(r.sets.TypedDataSet.pages).toHaveLength(3);
    const merged = readJson(join(out, 'TypedDataSet.json'));
    expect(merged.value).toEqual(original.value);
    expect(merged['odata.metadata']).toBe(original['odata.metadata']);
    for (const name of ['TableInfos', 'DataProperties', 'Persoonskenmerken', 'BedrijfstakkenSBI93', 'Perioden']) {
      expect(readJson(join(out, `${name}.json`)).value).toEqual(recorded(name).value);
    }
    // Dimension code lists come from DataProperties (Dimension, TimeDimension); CategoryGroups is not one.
    expect(readdirSync(out).sort()).toEqual(
      ['BedrijfstakkenSBI93.json', 'DataProperties.json', 'Perioden.json', 'Persoonskenmerken.json', 'TableInfos.json', 'TypedDataSet.json', 'URLS.txt', 'fetch.json'],
    );
    const manifest = readJson(join(out, 'fetch.json'));
    expect(manifest.tableId).toBe('80137ned');
    expect(manifest.sets.TypedDataSet.rows).toBe(675);
    expect(manifest.sets.TypedDataSet.pages.map((p: { url: string }) => new URL(p.url).searchParams.get('$skip'))).toEqual([null, '250', '500']);
    // The contract with the StatLine OData reader (src/sources/statline): it loads the folder.
    const loaded = loadStatlineJson(join(out, 'TypedDataSet.json'));
    expect(loaded.table.numRows()).toBe(675);
    expect(loaded.table.columnNames()).toContain('Persoonskenmerken_titel');
    expect(loaded.table.array('Werknemers_2')[0]).toBe(original.value[0].Werknemers_2);
  });

  it('a second run offline reads every page from the cache and writes identical files', async () => {
    server = await startReplayServer(replay80137(() => server!.origin, 300));
    const cache = new DiskCache(tmp());
    const baseUrl = `${server.origin}/ODataFeed/odata`;
    const a = tmp();
    await fetchStatlineTable('80137ned', { cache, client: quick(), baseUrl, outDir: a });
    const n = server.requests.length;
    expect(n).toBe(8); // TableInfos, DataProperties, 3 code lists, 3 pages
    const b = tmp();
    const r = await fetchStatlineTable('80137ned', { cache, baseUrl, outDir: b, offline: true });
    expect(server.requests.length).toBe(n);
    expect(r.sets.TypedDataSet.fromCache).toBe(3);
    expect(readFileSync(join(b, 'TypedDataSet.json')).equals(readFileSync(join(a, 'TypedDataSet.json')))).toBe(true);
  });

  it('offline with an empty cache fails on the first URL', async () => {
    const e = await fetchStatlineTable('80137ned', { cache: new DiskCache(tmp()), baseUrl: 'http://127.0.0.1:9/odata', offline: true }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(VeerkrachtError);
    expect((e as Error).message).toContain('http://127.0.0.1:9/odata/80137ned/TableInfos?$format=json');
  });

  it('survives a 500 and a truncated page in the middle of the paging; the bad page is never cached', async () => {
    const body = JSON.stringify(recorded('TypedDataSet'));
    server = await startReplayServer(
      replay80137(() => server!.origin, 250, (name, seen) => {
        if (name !== 'TypedDataSet') return undefined;
        if (seen === 0) return { status: 500, body: 'busy' };
        if (seen === 1) return { fault: 'short', body };
        return undefined;
      }),
    );
    const cache = new DiskCache(tmp());
    const r = await fetchStatlineTable('80137ned', { cache, client: quick(), baseUrl: `${server.origin}/ODataFeed/odata` });
    expect(r.sets.TypedDataSet.value).toEqual(recorded('TypedDataSet').value);
    for (const e of cache.entries()) expect(() => JSON.parse(readFileSync(join(cache.dir, e.file), 'utf8'))).not.toThrow();
  });

  it('refuses a nextLink to another host and a nextLink loop', async () => {
    let mode: 'foreign' | 'loop' = 'foreign';
    server = await startReplayServer(
      replay80137(() => server!.origin, 250, (name) => {
        if (name !== 'TypedDataSet') return undefined;
        const next = mode === 'foreign' ? 'https://evil.example/odata/x' : `${server!.origin}/ODataFeed/odata/80137ned/TypedDataSet?$format=json`;
        return json({ value: [], 'odata.nextLink': next });
      }),
    );
    const baseUrl = `${server.origin}/ODataFeed/odata`;
    await expect(fetchStatlineTable('80137ned', { cache: new DiskCache(tmp()), client: quick(), baseUrl })).rejects.toThrow(/leaves the service/);
    mode = 'loop';
    await expect(fetchStatlineTable('80137ned', { cache: new DiskCache(tmp()), client: quick(), baseUrl })).rejects.toThrow(/loops back/);
  });

  it('rejects a malformed table id before any request', async () => {
    await expect(fetchStatlineTable('85984', { cache: new DiskCache(tmp()) })).rejects.toThrow(/not a StatLine table id/);
  });
});

describe('region filters', () => {
  it('a gemeente selects itself, its wijken and buurten; a wijk its buurten', () => {
    expect(regionPrefixes('GM0344')).toEqual(['GM0344', 'WK0344', 'BU0344']);
    expect(regionPrefixes(' WK034401 ')).toEqual(['WK034401', 'BU034401']);
    expect(regionPrefixes('BU03630001')).toEqual(['BU03630001']);
    expect(odataRegionFilter(['GM0344'], 'WijkenEnBuurten')).toBe(
      "substringof('GM0344',WijkenEnBuurten) or substringof('WK0344',WijkenEnBuurten) or substringof('BU0344',WijkenEnBuurten)",
    );
    expect(odataRegionFilter(['GM0344'], 'RegioS', 'startswith')).toBe(
      "startswith(RegioS,'GM0344') or startswith(RegioS,'WK0344') or startswith(RegioS,'BU0344')",
    );
    expect(() => regionPrefixes("GM0344') or true or ('")).toThrow(VeerkrachtError);
  });

  // Synthetic KWB-shaped table (fictional values): two gemeenten with a wijk and buurten each.
  const CODES = ['NL00', 'GM0344', 'WK034401', 'BU03440100', 'BU03440101', 'WK034402', 'BU03440200', 'GM0363', 'WK036300', 'BU03630000', 'BU03630001'];
  const pad = (c: string) => c.padEnd(10, ' ');
  const ROWS = CODES.map((c, i) => ({ ID: i, WijkenEnBuurten: pad(c), AantalInwoners_5: 100 * (i + 1) }));
  const PROPS = [
    { ID: 0, Position: 0, Type: 'GeoDetail', Key: 'WijkenEnBuurten', Title: 'Wijken en buurten' },
    { ID: 1, Position: 1, Type: 'Topic', Key: 'AantalInwoners_5', Title: 'Aantal inwoners', Unit: 'aantal', Decimals: 0 },
  ];

  /**
   * An independent reading of the filter as OData v3 defines it: `startswith(Prop,'X')` tests a
   * prefix, `substringof('X',Prop)` containment; terms joined by `or`; anything else fails.
   */
  function applyFilter(rows: Record<string, unknown>[], filter: string | null): Record<string, unknown>[] {
    if (filter === null) return rows;
    const TERM = /startswith\((\w+),'([^']*)'\)|substringof\('([^']*)',(\w+)\)/g;
    expect(filter.replace(TERM, '').replace(/ or /g, '')).toBe('');
    const terms = [...filter.matchAll(TERM)].map((m) =>
      m[1] !== undefined ? { prop: m[1], test: (v: string) => v.startsWith(m[2]) } : { prop: m[4], test: (v: string) => v.includes(m[3]) },
    );
    return rows.filter((r) => terms.some((t) => t.test(String(r[t.prop]))));
  }

  it.each(['substringof', 'startswith'] as const)('fetch with regions (%s) sends $filter on the region dimension and gets only those regions', async (style) => {
    server = await startReplayServer((u) => {
      const m = /\/85984NED\/(\w+)$/.exec(u.pathname);
      const filter = u.searchParams.get('$filter');
      if (m?.[1] === 'TableInfos') return json({ value: [{ Identifier: '85984NED', Title: 'Synthetic KWB-shaped table' }] });
      if (m?.[1] === 'DataProperties') return json({ value: PROPS });
      if (m?.[1] === 'WijkenEnBuurten') return json({ value: applyFilter(CODES.map((c) => ({ Key: pad(c), Title: c })), filter) });
      if (m?.[1] === 'TypedDataSet') return json({ value: applyFilter(ROWS, filter) });
      return { status: 404 };
    });
    const out = tmp();
    const r = await fetchStatlineTable('85984NED', {
      cache: new DiskCache(tmp()),
      client: quick(),
      baseUrl: server.origin,
      regions: ['GM0344', 'BU03630001'],
      filterStyle: style,
      outDir: out,
    });
    expect(r.regionDimension).toBe('WijkenEnBuurten');
    const got = readJson(join(out, 'TypedDataSet.json')).value.map((x: { WijkenEnBuurten: string }) => x.WijkenEnBuurten.trim());
    expect(got).toEqual(['GM0344', 'WK034401', 'BU03440100', 'BU03440101', 'WK034402', 'BU03440200', 'BU03630001']);
    const codeList = readJson(join(out, 'WijkenEnBuurten.json')).value.map((x: { Key: string }) => x.Key.trim());
    expect(codeList).toEqual(got);
    const typed = server.requests.find((q) => q.includes('/TypedDataSet'))!;
    const sent = new URL(typed, server.origin).searchParams.get('$filter');
    const prefixes = ['GM0344', 'WK0344', 'BU0344', 'BU03630001'];
    expect(sent).toBe(
      prefixes.map((p) => (style === 'startswith' ? `startswith(WijkenEnBuurten,'${p}')` : `substringof('${p}',WijkenEnBuurten)`)).join(' or '),
    );
  });
});
