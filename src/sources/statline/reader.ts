/**
 * Format readers for the registry: StatLine CSV exports and StatLine OData JSON files
 * (a TypedDataSet page with its companions, a DataProperties file, or a `{code: {key: value}}`
 * dictionary of KWB topics).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { table } from 'arquero';
import { VeerkrachtError } from '../../util/errors.js';
import { sha256Hex } from '../csv/checksum.js';
import type { FileHead, FormatReader } from '../formats.js';
import type { ColumnMeta, LoadedTable } from '../types.js';
import { assembleStatline, type StatlineColumnInput } from './assemble.js';
import { isStatlineCsvHead, loadStatlineCsv } from './csv-export.js';
import { entitySetOf, findODataCompanions, loadStatlineOData, parseODataText, statlineRegionRoles, type ODataResponse } from './odata.js';
import { topicInfos, type DataProperty } from './properties.js';
import { findTableId, kwbYearOfTable } from './tables.js';

/** Reader of StatLine CSV exports (keys, titles or "with statistical symbols" layout). */
export const statlineCsvReader: FormatReader = {
  kind: 'statline-csv',
  sniff: (head: FileHead) => {
    const t = head.text.trimStart();
    return t !== '' && t[0] !== '{' && t[0] !== '[' && isStatlineCsvHead(head.text);
  },
  read: async (path, options) => loadStatlineCsv(path, { sheet: options?.sheet }),
};

/** A DataProperties response as a table of topics (Key, Title, path, Unit, Decimals). */
export function dataPropertiesTable(props: readonly DataProperty[], file?: string, checksum?: string): LoadedTable {
  const infos = [...topicInfos(props).values()];
  const data = {
    Key: infos.map((i) => i.key),
    Type: infos.map((i) => i.type ?? null),
    Title: infos.map((i) => i.title ?? null),
    Path: infos.map((i) => i.path ?? null),
    Unit: infos.map((i) => i.unit ?? null),
    Decimals: infos.map((i) => (i.decimals === undefined ? null : i.decimals)),
  };
  const columns: ColumnMeta[] = Object.entries(data).map(([name, v]) => ({
    name,
    missing: (v as unknown[]).filter((x) => x === null).length,
  }));
  const tableId = file ? findTableId(basename(file)) : null;
  const prov: LoadedTable['provenance'] = { kind: 'statline-dataproperties', attribution: 'Bron: CBS' };
  if (file) prov.file = file;
  if (checksum) prov.checksum = checksum;
  if (tableId) prov.tableId = tableId;
  const y = tableId ? kwbYearOfTable(tableId) : null;
  if (y) prov.year = y;
  return {
    table: table(data),
    columns,
    provenance: prov,
    report: { rowsRead: props.length, rowsKept: infos.length, dropped: props.length > infos.length ? [{ reason: 'topic group (not a column)', count: props.length - infos.length, examples: props.filter((p) => p.Type === 'TopicGroup').slice(0, 3).map((p) => p.Title) }] : [], warnings: [] },
  };
}

/** A `{ "GM0363": { "AantalInwoners_5": 1, … }, … }` dictionary of topics per region code. */
export function regionDictTable(json: Record<string, Record<string, unknown>>, file: string, checksum: string): LoadedTable {
  const codes = Object.keys(json);
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const c of codes) for (const k of Object.keys(json[c] ?? {})) if (!seen.has(k)) (seen.add(k), keys.push(k));
  keys.sort((a, b) => Number(a.replace(/^.*_/, '')) - Number(b.replace(/^.*_/, '')) || a.localeCompare(b));
  const columns: StatlineColumnInput[] = [{ info: { key: 'WijkenEnBuurten', type: 'GeoDetail' }, values: codes }];
  for (const k of keys) {
    columns.push({
      info: { key: k },
      values: codes.map((c) => {
        const v = json[c]?.[k];
        return v === undefined || v === null ? null : typeof v === 'number' ? v : String(v);
      }),
    });
  }
  const tableId = findTableId(basename(file));
  return assembleStatline({
    kind: 'statline-json-dict',
    file,
    checksum,
    tableId,
    year: tableId ? kwbYearOfTable(tableId) : null,
    columns,
    roles: statlineRegionRoles(['WijkenEnBuurten', ...keys]),
    warnings: ['not a CBS format: a {code: {key: value}} dictionary; topic metadata (titles, units) unknown'],
  });
}

/** Any other OData response (TableInfos, a code list, the service document) as a plain table of its rows. */
export function responseTable(r: ODataResponse, set: string, file: string, checksum: string): LoadedTable {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const row of r.value) for (const k of Object.keys(row)) if (!seen.has(k)) (seen.add(k), keys.push(k));
  const data: Record<string, unknown[]> = {};
  const columns: ColumnMeta[] = [];
  for (const k of keys) {
    data[k] = r.value.map((row) => {
      const v = row[k];
      if (v === undefined || v === null) return null;
      if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
      return typeof v === 'object' ? JSON.stringify(v) : v;
    });
    columns.push({ name: k, missing: data[k].filter((x) => x === null).length });
  }
  const tableId = findTableId(r.metadata ?? '') ?? findTableId(basename(file));
  const prov: LoadedTable['provenance'] = { kind: `statline-${set.toLowerCase()}`, file, checksum, attribution: 'Bron: CBS' };
  if (tableId) prov.tableId = tableId;
  return {
    table: table(data),
    columns,
    provenance: prov,
    report: { rowsRead: r.value.length, rowsKept: r.value.length, dropped: [], warnings: [`OData ${set} response: metadata, not data rows`] },
  };
}

function isRegionDict(json: unknown): json is Record<string, Record<string, unknown>> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return false;
  const ks = Object.keys(json).slice(0, 20);
  return ks.length > 0 && ks.every((k) => /^(NL|GM|WK|BU)[0-9A-Z]+\s*$/.test(k) && typeof (json as Record<string, unknown>)[k] === 'object');
}

/**
 * Load any StatLine JSON file: a TypedDataSet page (companions and further pages found beside
 * it), a DataProperties file, or a region dictionary.
 *
 * @throws VeerkrachtError for JSON that is none of these
 */
export function loadStatlineJson(path: string): LoadedTable {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new VeerkrachtError(code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`, { file: path });
  }
  const text = bytes.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new VeerkrachtError('invalid JSON', { file: path, expected: 'StatLine OData JSON', found: (e as Error).message });
  }
  if (isRegionDict(parsed)) return regionDictTable(parsed, path, sha256Hex(bytes));
  const r: ODataResponse = parseODataText(text, path);
  const set = entitySetOf(r);
  if (set === 'DataProperties') return dataPropertiesTable(r.value as unknown as DataProperty[], path, sha256Hex(bytes));
  if (set !== 'TypedDataSet') return responseTable(r, set, path, sha256Hex(bytes));
  const comp = findODataCompanions(path);
  let dims: string[] = [];
  if (comp.dataProperties) {
    try {
      const dp = JSON.parse(readFileSync(comp.dataProperties, 'utf8')) as { value?: DataProperty[] } | DataProperty[];
      const list = Array.isArray(dp) ? dp : dp.value ?? [];
      dims = list.filter((p) => /Dimension|GeoDetail/.test(p.Type)).map((p) => p.Key);
    } catch {
      dims = [];
    }
  }
  return loadStatlineOData({ typedDataSet: path, ...findODataCompanions(path, dims) });
}

/**
 * True when the head of a file looks like StatLine JSON: an OData response (`{"value": [`, an
 * `odata.metadata` field, or a bare array of DataProperties/TableInfos objects) or a
 * `{ "GM0363": { … } }` region dictionary.
 */
export function looksLikeStatlineJson(head: FileHead): boolean {
  const s = head.text.trimStart().slice(0, 4096);
  if (s[0] !== '{' && s[0] !== '[') return false;
  if (/odata\.|Cbs\.OData|"TypedDataSet"|"DataProperties"/.test(s)) return true;
  if (/^\{\s*"value"\s*:\s*\[/.test(s)) return true;
  if (/^\[\s*\{/.test(s) && /"(Identifier|Key)"\s*:/.test(s)) return true;
  return /^\{\s*"(NL|GM|WK|BU)[0-9A-Z]+\s*"\s*:\s*\{/.test(s);
}

/** Reader of StatLine OData JSON (and KWB region dictionaries). */
export const statlineODataReader: FormatReader = {
  kind: 'statline-odata',
  sniff: looksLikeStatlineJson,
  read: async (path) => loadStatlineJson(path),
};
