/**
 * StatLine OData v3 JSON: `TypedDataSet` pages (following `odata.nextLink`), `DataProperties`,
 * `TableInfos` and dimension code lists, read from files on disk (as saved by a browser, a
 * script or `veerkracht fetch`) into a {@link LoadedTable}.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { VeerkrachtError } from '../../util/errors.js';
import { sha256Hex } from '../csv/checksum.js';
import type { LoadedTable } from '../types.js';
import { assembleStatline, type RegionRoles, type StatlineColumnInput } from './assemble.js';
import { topicInfos, type DataProperty, type TopicInfo } from './properties.js';
import { findTableId, kwbYearOfTable } from './tables.js';
import { keyStem } from './titles.js';

/** One parsed OData response. */
export interface ODataResponse {
  value: Record<string, unknown>[];
  nextLink?: string;
  /** `odata.metadata` URL, which names the entity set after `#`. */
  metadata?: string;
}

/** Entity sets we recognise in a response. */
export type ODataEntitySet = 'TypedDataSet' | 'DataProperties' | 'TableInfos' | 'CodeList' | 'ServiceDocument' | 'unknown';

/** Parse OData JSON text (an object with `value`, or a bare array as some tools save DataProperties). */
export function parseODataText(text: string, file?: string): ODataResponse {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new VeerkrachtError('invalid JSON', { file, expected: 'an OData v3 JSON response', found: (e as Error).message });
  }
  if (Array.isArray(json)) return { value: json as Record<string, unknown>[] };
  if (json !== null && typeof json === 'object' && Array.isArray((json as { value?: unknown }).value)) {
    const o = json as Record<string, unknown>;
    const r: ODataResponse = { value: o.value as Record<string, unknown>[] };
    if (typeof o['odata.nextLink'] === 'string') r.nextLink = o['odata.nextLink'] as string;
    if (typeof o['odata.metadata'] === 'string') r.metadata = o['odata.metadata'] as string;
    return r;
  }
  throw new VeerkrachtError('not an OData response', { file, expected: 'an object with a "value" array', found: typeof json });
}

/** Read and parse an OData JSON file. */
export function readODataFile(path: string): ODataResponse {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new VeerkrachtError(code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`, { file: path });
  }
  return parseODataText(text, path);
}

/**
 * Which entity set a response holds: from `odata.metadata` (`…#Cbs.OData.WebAPI.TypedDataSet`)
 * or, when absent, from the fields of its first row.
 */
export function entitySetOf(r: ODataResponse): ODataEntitySet {
  const m = r.metadata ? /#Cbs\.OData\.WebAPI\.(\w+)/.exec(r.metadata) : null;
  if (m) {
    const s = m[1];
    if (s === 'TypedDataSet' || s === 'UntypedDataSet') return 'TypedDataSet';
    if (s === 'DataProperties' || s === 'TableInfos') return s;
    if (s === 'CategoryGroups') return 'unknown';
    return 'CodeList';
  }
  const first = r.value[0];
  if (!first) return 'unknown';
  if ('name' in first && 'url' in first) return 'ServiceDocument';
  if ('Identifier' in first && 'ShortTitle' in first) return 'TableInfos';
  if ('Type' in first && 'Key' in first && 'ID' in first) return 'DataProperties';
  if ('Key' in first && 'Title' in first) return 'CodeList';
  return 'TypedDataSet';
}

/** Options of {@link buildStatlineOData}. */
export interface ODataTableInput {
  /** The rows of every TypedDataSet page, in order. */
  rows: readonly Record<string, unknown>[];
  dataProperties?: readonly DataProperty[];
  tableInfos?: Record<string, unknown>;
  /** Code list per dimension key (`Key` → `Title`), added as `<key>_titel` columns. */
  codeLists?: Record<string, readonly Record<string, unknown>[]>;
  file?: string;
  checksum?: string;
  /** `odata.metadata` URL of the first page: names the table id when TableInfos is absent. */
  metadataUrl?: string;
  warnings?: string[];
}

/** Region roles of a StatLine table from its column keys. */
export function statlineRegionRoles(keys: readonly string[], infos?: Map<string, TopicInfo>): RegionRoles {
  const roles: RegionRoles = { ignore: [] };
  const geo = infos ? [...infos.values()].find((i) => i.type === 'GeoDetail' || i.type === 'GeoDimension') : undefined;
  for (const k of keys) {
    const stem = keyStem(k);
    if (roles.code === undefined && (k === geo?.key || stem === 'WijkenEnBuurten' || stem === 'RegioS' || stem === 'GemeentenEnWijken'))
      roles.code = k;
    else if (stem === 'SoortRegio') roles.soort = k;
    else if (k === 'ID' || stem === 'Gemeentenaam' || stem === 'Codering') roles.ignore!.push(k);
  }
  if (roles.code === undefined) {
    const cod = keys.find((k) => keyStem(k) === 'Codering');
    if (cod) roles.code = cod;
  }
  return roles;
}

/**
 * Build a LoadedTable from already-parsed OData pieces (used by the file loader and by fetch).
 *
 * @example buildStatlineOData({ rows, dataProperties }).table.numRows()
 */
export function buildStatlineOData(input: ODataTableInput): LoadedTable {
  const infos = input.dataProperties ? topicInfos(input.dataProperties) : new Map<string, TopicInfo>();
  const seen = new Set<string>();
  const keys: string[] = [];
  if (input.rows.length > 0 && 'ID' in input.rows[0]) {
    keys.push('ID');
    seen.add('ID');
  }
  for (const k of infos.keys()) {
    if (!seen.has(k) && (input.rows.length === 0 || k in input.rows[0])) {
      keys.push(k);
      seen.add(k);
    }
  }
  for (const row of input.rows.slice(0, 1)) for (const k of Object.keys(row)) if (!seen.has(k)) (keys.push(k), seen.add(k));
  const columns: StatlineColumnInput[] = [];
  for (const k of keys) {
    const values = new Array<string | number | null>(input.rows.length);
    for (let r = 0; r < input.rows.length; r++) {
      const x = input.rows[r][k];
      values[r] = x === undefined || x === null ? null : typeof x === 'number' ? x : String(x);
    }
    const info = infos.get(k) ?? { key: k };
    if (k === 'ID') info.type = 'ID';
    columns.push({ info, values });
    const list = input.codeLists?.[k];
    if (list) {
      const titles = new Map(list.map((e) => [String(e.Key).trim(), String(e.Title ?? '').trim()]));
      columns.push({
        info: { key: `${k}_titel`, title: `${info.title ?? k} (titel)`, type: 'Dimension' },
        values: values.map((v) => (v === null ? null : titles.get(String(v).trim()) ?? null)),
      });
    }
  }
  const roles = statlineRegionRoles(keys, infos);
  roles.ignore = [...(roles.ignore ?? []), ...keys.filter((k) => k.endsWith('_titel'))];
  const ti = input.tableInfos;
  const tableId = (typeof ti?.Identifier === 'string' ? ti.Identifier.toUpperCase() : null) ?? (input.metadataUrl ? findTableId(input.metadataUrl) : null) ?? (input.file ? findTableId(basename(input.file)) : null);
  const year = tableId ? kwbYearOfTable(tableId) : null;
  const periodYear = typeof ti?.Period === 'string' && /^\d{4}$/.test(ti.Period) ? Number(ti.Period) : null;
  return assembleStatline({
    kind: 'statline-odata',
    file: input.file,
    checksum: input.checksum,
    tableId,
    year: year ?? periodYear,
    edition: typeof ti?.Title === 'string' ? ti.Title : undefined,
    columns,
    roles,
    warnings: input.warnings,
    strictNumbers: true,
  });
}

function normalizeUrl(url: string): string {
  const u = url.trim().replace(/^https?:\/\//i, '').toLowerCase();
  const [path, query = ''] = u.split('?');
  const params = query
    .split('&')
    .filter((p) => p !== '' && !p.startsWith('$format='))
    .sort();
  return `${path.replace(/\/+$/, '')}${params.length ? `?${params.join('&')}` : ''}`;
}

/** Read `URLS.txt` (lines `file URL …`) beside OData files into a URL → file map. */
export function readUrlIndex(dir: string): Map<string, string> {
  const p = join(dir, 'URLS.txt');
  const map = new Map<string, string>();
  if (!existsSync(p)) return map;
  for (const line of readFileSync(p, 'utf8').split(/\r?\n/)) {
    const m = /^\s*(\S+\.json)\s+(https?:\/\/\S+)/i.exec(line);
    if (m) map.set(normalizeUrl(m[2]), join(dir, m[1]));
  }
  return map;
}

/** Options of {@link loadStatlineOData}. */
export interface ODataFiles {
  /** TypedDataSet page files in order, or the first page (further pages via `odata.nextLink`). */
  typedDataSet: string | string[];
  dataProperties?: string;
  tableInfos?: string;
  /** Dimension key → code-list file. */
  codeLists?: Record<string, string>;
  /** Map an `odata.nextLink` URL to a file; default: `URLS.txt` beside the first page. */
  resolveNextLink?: (url: string) => string | null;
}

/**
 * Load a StatLine table from OData JSON files, following `odata.nextLink` to further pages.
 *
 * @throws VeerkrachtError when a next page is referenced but not on disk, or a file is not OData
 * @example await loadStatlineOData({ typedDataSet: 'TypedDataSet.json', dataProperties: 'DataProperties.json' })
 */
export function loadStatlineOData(files: ODataFiles): LoadedTable {
  const pages = Array.isArray(files.typedDataSet) ? files.typedDataSet : [files.typedDataSet];
  if (pages.length === 0) throw new VeerkrachtError('no TypedDataSet file given', { expected: 'at least one page' });
  const first = pages[0];
  const urls = readUrlIndex(dirname(first));
  const resolve = files.resolveNextLink ?? ((u: string) => urls.get(normalizeUrl(u)) ?? null);
  const rows: Record<string, unknown>[] = [];
  const hashes: string[] = [];
  const visited = new Set<string>();
  let metadataUrl: string | undefined;
  const queue = [...pages];
  let explicit = pages.length;
  while (queue.length > 0) {
    const f = queue.shift()!;
    explicit--;
    if (visited.has(f)) throw new VeerkrachtError('odata.nextLink loops back to a page already read', { file: f });
    visited.add(f);
    const bytes = readFileSync(f);
    hashes.push(sha256Hex(bytes));
    const r = parseODataText(bytes.toString('utf8'), f);
    const set = entitySetOf(r);
    if (set !== 'TypedDataSet') {
      throw new VeerkrachtError('not a TypedDataSet page', { file: f, expected: 'TypedDataSet rows', found: set });
    }
    metadataUrl = metadataUrl ?? r.metadata;
    for (const row of r.value) rows.push(row);
    if (r.nextLink && explicit <= 0) {
      const next = resolve(r.nextLink);
      if (next === null) {
        throw new VeerkrachtError('next page not found on disk', {
          file: f,
          expected: `the page of odata.nextLink ${r.nextLink} (listed in URLS.txt or given explicitly)`,
          found: 'no such file',
        });
      }
      queue.push(next);
    }
  }
  const side = (p: string | undefined) => (p ? readODataFile(p) : undefined);
  const dp = side(files.dataProperties);
  const ti = side(files.tableInfos);
  const codeLists: Record<string, Record<string, unknown>[]> = {};
  for (const [k, p] of Object.entries(files.codeLists ?? {})) codeLists[k] = readODataFile(p).value;
  return buildStatlineOData({
    rows,
    dataProperties: dp?.value as unknown as DataProperty[] | undefined,
    tableInfos: ti?.value[0],
    codeLists,
    file: first,
    metadataUrl,
    checksum: hashes.length === 1 ? hashes[0] : sha256Hex(new TextEncoder().encode(hashes.join('\n'))),
  });
}

/**
 * Find the companion files of a TypedDataSet page: via `URLS.txt` (file → URL ending in the
 * entity set) or by file name (`…DataProperties….json`, `…TableInfos….json`, `<Dimension>.json`).
 */
export function findODataCompanions(typedDataSet: string, dimensionKeys: readonly string[] = []): Omit<ODataFiles, 'typedDataSet'> {
  const dir = dirname(typedDataSet);
  const out: Omit<ODataFiles, 'typedDataSet'> = {};
  const byEntity = new Map<string, string>();
  for (const [url, file] of readUrlIndex(dir)) {
    const m = /\/odata\/[^/]+\/([^/?]+)/i.exec(url);
    if (m) byEntity.set(m[1].toLowerCase(), file);
  }
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    names = [];
  }
  const byName = (entity: string) => {
    const f = names.find((n) => n.toLowerCase().endsWith('.json') && n.toLowerCase().includes(entity.toLowerCase()));
    return f ? join(dir, f) : undefined;
  };
  out.dataProperties = byEntity.get('dataproperties') ?? byName('DataProperties');
  out.tableInfos = byEntity.get('tableinfos') ?? byName('TableInfos');
  const codeLists: Record<string, string> = {};
  for (const k of dimensionKeys) {
    const f = byEntity.get(k.toLowerCase());
    if (f && f !== typedDataSet) codeLists[k] = f;
  }
  out.codeLists = codeLists;
  return out;
}
