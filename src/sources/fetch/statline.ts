/**
 * Download a StatLine table through the OData v3 feed: TableInfos, DataProperties, the code
 * lists of its dimensions and the TypedDataSet (following `odata.nextLink` paging, optionally
 * filtered to regions). Every page goes through the read-through cache; the merged responses
 * are written to an output folder as `TableInfos.json`, `DataProperties.json`,
 * `TypedDataSet.json`, `<Dimension>.json` (each `{"odata.metadata", "value": [...]}`, the value
 * arrays of all pages concatenated), `URLS.txt` (file → URL) and `fetch.json` (provenance).
 */
import { readFileSync } from 'node:fs';
import { outputPath, writeFileAtomic } from '../../util/fs.js';
import { VeerkrachtError } from '../../util/errors.js';
import { VERSION } from '../../version.js';
import type { DiskCache } from './cache.js';
import type { FetchClient } from './client.js';
import type { AttemptResult } from './http.js';
import { odataRegionFilter, regionPrefixes, type ODataFilterStyle } from './odata-filter.js';
import { cachedGet } from './read-through.js';

/** Default OData v3 bulk feed of CBS (pages with `odata.nextLink`). */
export const STATLINE_BASE_URL = 'https://opendata.cbs.nl/ODataFeed/odata';

/** DataProperties `Type`s that are dimensions with their own code list. */
const DIMENSION_TYPES = new Set(['Dimension', 'TimeDimension', 'GeoDimension', 'GeoDetail']);
const GEO_TYPES = new Set(['GeoDimension', 'GeoDetail']);

/** Options of {@link fetchStatlineTable}. */
export interface StatlineFetchOptions {
  cache: DiskCache;
  client?: FetchClient;
  /** Base URL of the OData v3 service (default {@link STATLINE_BASE_URL}). */
  baseUrl?: string;
  /** Region codes (GM/WK/BU/NL); selects them and everything below them. */
  regions?: readonly string[];
  /** How the region `$filter` is written (default `substringof`, as cbsodataR). */
  filterStyle?: ODataFilterStyle;
  /** Output folder for the merged JSON files; nothing is written when absent. */
  outDir?: string;
  offline?: boolean;
  refresh?: boolean;
  /** Pages followed at most per entity set (a guard against nextLink loops). Default 10 000. */
  maxPages?: number;
  log?: (line: string) => void;
}

/** One merged entity set. */
export interface ODataCollection {
  /** `odata.metadata` of the first page, if present. */
  metadata?: string;
  /** Concatenated `value` arrays of all pages. */
  value: Record<string, unknown>[];
  /** URL of each page, in order. */
  pages: string[];
  /** SHA-256 of each page body, in order. */
  sha256: string[];
  /** Pages answered from the cache. */
  fromCache: number;
}

/** What {@link fetchStatlineTable} downloaded. */
export interface StatlineFetchResult {
  tableId: string;
  baseUrl: string;
  /** `$filter` applied to the TypedDataSet (and the region code list), if any. */
  filter?: string;
  /** Key of the region dimension, if the table has one. */
  regionDimension?: string;
  /** Entity set name → merged collection (TableInfos, DataProperties, dimensions, TypedDataSet). */
  sets: Record<string, ODataCollection>;
  /** Files written into `outDir` (absolute paths). */
  written: string[];
}

/**
 * Check and normalise a StatLine table id (`85984NED`, `80137ned`, `37259eng`).
 *
 * @throws VeerkrachtError for anything else
 */
export function normalizeTableId(raw: string): string {
  const s = raw.trim();
  if (!/^[0-9]{5}[A-Za-z]{3}$/.test(s)) {
    throw new VeerkrachtError('not a StatLine table id', {
      column: 'TABLEID',
      expected: '5 digits and 3 letters, e.g. 85984NED',
      found: JSON.stringify(raw),
    });
  }
  return s;
}

/**
 * Download a StatLine table (see the module comment for what is written).
 *
 * @example
 * const r = await fetchStatlineTable('85984NED', { cache: new DiskCache(), regions: ['GM0344'], outDir: 'out/fetch/statline/85984NED' });
 * r.sets.TypedDataSet.value.length // rows of Utrecht, its wijken and buurten
 * @throws VeerkrachtError when a download fails, a page is not OData JSON, or offline on a miss
 */
export async function fetchStatlineTable(rawId: string, opts: StatlineFetchOptions): Promise<StatlineFetchResult> {
  const tableId = normalizeTableId(rawId);
  const baseUrl = (opts.baseUrl ?? STATLINE_BASE_URL).replace(/\/+$/, '');
  const log = opts.log ?? (() => undefined);
  const tableUrl = `${baseUrl}/${tableId}`;
  for (const code of opts.regions ?? []) regionPrefixes(code); // bad codes fail before any download
  const sets: Record<string, ODataCollection> = {};
  const get = (name: string, filter?: string) =>
    getCollection(`${tableUrl}/${name}?$format=json${filter ? `&$filter=${encodeURIComponent(filter)}` : ''}`, name, opts, log);

  sets.TableInfos = await get('TableInfos');
  sets.DataProperties = await get('DataProperties');
  const dims = sets.DataProperties.value.filter((p) => DIMENSION_TYPES.has(String(p.Type)));
  const geo = dims.find((p) => GEO_TYPES.has(String(p.Type)));
  const regionDimension = geo ? String(geo.Key) : undefined;
  let filter: string | undefined;
  if (opts.regions && opts.regions.length > 0) {
    if (regionDimension === undefined) {
      throw new VeerkrachtError('the table has no region dimension to filter on', {
        file: `${tableUrl}/DataProperties`,
        expected: 'a GeoDimension or GeoDetail property (e.g. WijkenEnBuurten, RegioS)',
        found: `dimensions ${dims.map((d) => String(d.Key)).join(', ') || 'none'}`,
      });
    }
    filter = odataRegionFilter(opts.regions, regionDimension, opts.filterStyle);
  }
  for (const d of dims) {
    const key = String(d.Key);
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key) || key in sets || key === 'fetch') {
      throw new VeerkrachtError('unusable dimension key in DataProperties', {
        file: `${tableUrl}/DataProperties`,
        column: 'Key',
        expected: 'an OData property name',
        found: JSON.stringify(key),
      });
    }
    sets[key] = await get(key, key === regionDimension && filter ? odataRegionFilter(opts.regions ?? [], 'Key', opts.filterStyle) : undefined);
  }
  sets.TypedDataSet = await get('TypedDataSet', filter);
  log(`${tableId}: ${sets.TypedDataSet.value.length} rows in ${sets.TypedDataSet.pages.length} page(s)`);

  const written: string[] = [];
  if (opts.outDir !== undefined) {
    for (const [name, c] of Object.entries(sets)) {
      const body: Record<string, unknown> = {};
      if (c.metadata !== undefined) body['odata.metadata'] = c.metadata;
      body.value = c.value;
      const path = outputPath(opts.outDir, `${name}.json`);
      writeFileAtomic(path, JSON.stringify(body));
      written.push(path);
    }
    // URLS.txt (file → URL it answers), as in recorded response sets: lets the OData reader
    // find the code lists beside TypedDataSet.json.
    const urls = Object.entries(sets).map(([n, c]) => `${n}.json  ${c.pages[0]}${c.pages.length > 1 ? `  (${c.pages.length} pages merged)` : ''}`);
    const urlsPath = outputPath(opts.outDir, 'URLS.txt');
    writeFileAtomic(urlsPath, `Written by veerkracht fetch: file -> first OData v3 URL it answers\n${urls.join('\n')}\n`);
    written.push(urlsPath);
    const manifest = {
      format: 'veerkracht-fetch-statline',
      toolkitVersion: VERSION,
      tableId,
      baseUrl,
      regions: opts.regions ?? null,
      filter: filter ?? null,
      regionDimension: regionDimension ?? null,
      fetchedAt: new Date().toISOString(),
      sets: Object.fromEntries(
        Object.entries(sets).map(([n, c]) => [n, { rows: c.value.length, pages: c.pages.map((url, i) => ({ url, sha256: c.sha256[i] })) }]),
      ),
    };
    const path = outputPath(opts.outDir, 'fetch.json');
    writeFileAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`);
    written.push(path);
  }
  return { tableId, baseUrl, filter, regionDimension, sets, written };
}

/** Validator for an OData JSON page: a complete JSON object with a `value` array. */
export function validateODataPage(result: AttemptResult): void {
  parsePage(result.body ?? Buffer.alloc(0));
}

function parsePage(body: Buffer): { value: Record<string, unknown>[]; metadata?: string; next?: string } {
  let text = body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`not complete JSON (${body.length} bytes: ${e instanceof Error ? e.message : String(e)})`);
  }
  const o = json as Record<string, unknown>;
  if (o === null || typeof o !== 'object' || !Array.isArray(o.value)) throw new Error('not an OData response: no "value" array');
  const next = o['odata.nextLink'];
  const meta = o['odata.metadata'];
  return {
    value: o.value as Record<string, unknown>[],
    metadata: typeof meta === 'string' ? meta : undefined,
    next: typeof next === 'string' && next !== '' ? next : undefined,
  };
}

async function getCollection(
  firstUrl: string,
  name: string,
  opts: StatlineFetchOptions,
  log: (line: string) => void,
): Promise<ODataCollection> {
  const maxPages = opts.maxPages ?? 10_000;
  const first = new URL(firstUrl);
  const host = `${first.hostname}:${first.port}`;
  const out: ODataCollection = { value: [], pages: [], sha256: [], fromCache: 0 };
  let url: string | undefined = firstUrl;
  while (url !== undefined) {
    if (out.pages.includes(url)) {
      throw new VeerkrachtError('odata.nextLink loops back to a page already read', { file: url, column: 'odata.nextLink' });
    }
    if (out.pages.length >= maxPages) {
      throw new VeerkrachtError(`more than ${maxPages} pages`, { file: firstUrl, column: 'odata.nextLink' });
    }
    const got = await cachedGet(url, {
      cache: opts.cache,
      client: opts.client,
      offline: opts.offline,
      refresh: opts.refresh,
      validate: validateODataPage,
      log,
    });
    let page;
    try {
      page = parsePage(readFileSync(got.path));
    } catch (e) {
      throw new VeerkrachtError(`cached page is not OData JSON: ${e instanceof Error ? e.message : String(e)}`, { file: got.path });
    }
    out.pages.push(url);
    out.sha256.push(got.entry.sha256);
    if (got.fromCache) out.fromCache++;
    if (out.metadata === undefined && page.metadata !== undefined) out.metadata = page.metadata;
    for (const row of page.value) out.value.push(row);
    log(`  ${name} page ${out.pages.length}: ${page.value.length} rows${got.fromCache ? ' (cache)' : ''}`);
    let next: string | undefined;
    if (page.next !== undefined) {
      next = new URL(page.next, url).toString();
      const n = new URL(next);
      if (`${n.hostname}:${n.port}` !== host || (n.protocol !== 'http:' && n.protocol !== 'https:')) {
        throw new VeerkrachtError('odata.nextLink leaves the service', {
          file: url,
          column: 'odata.nextLink',
          expected: `a URL on ${first.host}`,
          found: JSON.stringify(next),
        });
      }
    }
    url = next;
  }
  return out;
}
