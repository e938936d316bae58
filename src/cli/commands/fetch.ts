/**
 * `veerkracht fetch`: download StatLine tables, the Leefbaarometer open-data archive and the
 * boundary files of a year into the read-through cache, and unpack them into an output folder.
 * Orchestration only: the client, cache, OData paging and unzip live in src/sources/fetch.
 */
import { usableFiles } from '../../sources/fetch/usable.js';
import { join } from 'node:path';
import type { CliIO, Command } from '../command.js';
import { intFlag, parseFlags } from '../command.js';
import { VeerkrachtError } from '../../util/errors.js';
import {
  BOUNDARIES_PAGE,
  fetchOgcBoundaries,
  pdokWijkenBuurtenApi,
  DEFAULT_CACHE_DIR,
  DEFAULT_RETRY,
  DiskCache,
  FetchClient,
  LEEFBAAROMETER_LATEST,
  LEEFBAAROMETER_PAGE,
  PDOK_WIJKEN_BUURTEN_PAGE,
  STATLINE_BASE_URL,
  boundariesUrl,
  fetchArchive,
  fetchStatlineTable,
  leefbaarometerUrl,
} from '../../sources/fetch/index.js';

const HELP = `veerkracht fetch statline TABLEID [--regions LIST] [--out DIR] [options]
veerkracht fetch leefbaarometer [--year YYYY] [--url URL] [--out DIR] [options]
veerkracht fetch boundaries --year YYYY [--source cbs|pdok] [--url URL] [--out DIR] [options]

Download open data into a read-through disk cache (needs internet, unless --offline) and write
it into an output folder. Every download is kept in the cache keyed by its URL, with an
index.json of URL, file, date, bytes and SHA-256; a later run reads the cache first.

  statline TABLEID   A CBS StatLine table through the OData v3 feed (e.g. 85984NED, KWB 2024):
                     TableInfos, DataProperties, the code list of each dimension and the
                     TypedDataSet, following odata.nextLink paging. Writes TableInfos.json,
                     DataProperties.json, <Dimension>.json, TypedDataSet.json (value arrays of
                     all pages merged), URLS.txt and fetch.json (provenance), ready for
                     \`veerkracht inspect DIR/TypedDataSet.json\`.
                     Default --out out/fetch/statline/TABLEID.
    --regions LIST   Comma-separated region codes (GM0344,GM0363, WK034401, BU03440000, NL00):
                     each selects itself and the wijken and buurten below it, as
                     $filter=substringof('GM0344',WijkenEnBuurten) or substringof('WK0344',…) or …
    --filter-style S substringof (default, as cbsodataR's has_substring) or startswith.
    --base-url URL   OData v3 service root (default ${STATLINE_BASE_URL}).

  leefbaarometer     The Leefbaarometer 3.0 open-data archive of a measurement year
                     (default --year ${LEEFBAAROMETER_LATEST}), a zip unpacked safely into --out
                     (default out/fetch/leefbaarometer/YEAR).
                     Default URL (to be checked): ${leefbaarometerUrl(2024).replace('2024', 'YEAR')}
                     Download page: ${LEEFBAAROMETER_PAGE}

  boundaries         Boundaries of --year into --out (default out/fetch/boundaries/YEAR).
    --source cbs     (default) CBS wijk- en buurtkaart, a zip unpacked safely.
                     Default URL (to be checked): ${boundariesUrl(2023).replace('2023', 'YEAR')}
                     Page: ${BOUNDARIES_PAGE.replace('{year}', 'YEAR')}
    --source pdok    The same data from PDOK's OGC API Features as GeoJSON (WGS84), one
                     <level>.geojson per level, following the API's next links.
                     Default API (to be checked): ${pdokWijkenBuurtenApi(2023).replace('2023', 'YEAR')}
                     Page: ${PDOK_WIJKEN_BUURTEN_PAGE}
    --levels LIST    pdok collections (default gemeenten,wijken,buurten).
    --url URL        cbs/leefbaarometer: download this URL instead of the default (zip or file).
    --base-url URL   pdok: OGC API root instead of the default.

Options:
  --out DIR          Output folder.
  --cache DIR        Cache folder (default ${DEFAULT_CACHE_DIR} in the working directory).
  --offline          Only read the cache; a download that is not cached is an error.
  --refresh          Download again even when cached.
  --retries N        Attempts per download in total (default ${DEFAULT_RETRY.attempts}); retried: dropped
                     connections, timeouts, truncated bodies, HTTP 408/429/5xx (Retry-After honoured).
  --backoff MS       Wait before the first retry, doubled each time (default ${DEFAULT_RETRY.baseDelayMs}).
  --timeout MS       Idle timeout per attempt (default 60000).
  --deadline MS      Overall deadline per download, all attempts included (default 3600000):
                     a server that trickles bytes never trips the idle timeout.
  --json             Print a JSON summary on stdout.
Progress goes to stderr. A zip entry with an absolute path, "..", or a symlink is refused, as are
entries through a symlink in --out, a file and folder of one name, an entry named fetch.json,
zip bombs (ratio above 200:1, 2 GiB per entry, 8 GiB in total, 100 000 entries) and an HTML
page where an archive was expected. A damaged archive is removed from the cache.`;

const FLAGS = {
  regions: { type: 'string' },
  'filter-style': { type: 'string' },
  source: { type: 'string' },
  levels: { type: 'string' },
  out: { type: 'string' },
  cache: { type: 'string' },
  offline: { type: 'boolean' },
  refresh: { type: 'boolean' },
  'base-url': { type: 'string' },
  url: { type: 'string' },
  year: { type: 'string' },
  retries: { type: 'string' },
  backoff: { type: 'string' },
  timeout: { type: 'string' },
  deadline: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const ONLY: Record<string, string[]> = {
  regions: ['statline'],
  'base-url': ['statline', 'boundaries'],
  source: ['boundaries'],
  levels: ['boundaries'],
  'filter-style': ['statline'],
  url: ['leefbaarometer', 'boundaries'],
  year: ['leefbaarometer', 'boundaries'],
};

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags('fetch', argv, FLAGS, { min: 1, max: 2, names: 'SOURCE [TABLEID]' });
  const source = positionals[0];
  if (source !== 'statline' && source !== 'leefbaarometer' && source !== 'boundaries') {
    throw new VeerkrachtError(
      `unknown source ${JSON.stringify(source)}; sources: statline, leefbaarometer, boundaries (see veerkracht fetch --help)`,
      {},
      2,
    );
  }
  for (const [flag, allowed] of Object.entries(ONLY)) {
    if (values[flag] !== undefined && !allowed.includes(source)) {
      throw new VeerkrachtError(`--${flag} does not apply to fetch ${source} (see veerkracht fetch --help)`, {}, 2);
    }
  }
  if (source === 'statline' ? positionals.length !== 2 : positionals.length !== 1) {
    throw new VeerkrachtError(
      source === 'statline' ? 'fetch statline needs a TABLEID, e.g. 85984NED' : `fetch ${source} takes no further arguments`,
      {},
      2,
    );
  }
  const log = (line: string) => io.err(`${line}\n`);
  const cache = new DiskCache(str(values.cache) ?? DEFAULT_CACHE_DIR);
  const client = new FetchClient({
    retry: {
      attempts: intFlag('fetch', 'retries', values.retries, DEFAULT_RETRY.attempts, 1),
      baseDelayMs: intFlag('fetch', 'backoff', values.backoff, DEFAULT_RETRY.baseDelayMs, 0),
    },
    timeoutMs: intFlag('fetch', 'timeout', values.timeout, 60_000, 1),
    deadlineMs: intFlag('fetch', 'deadline', values.deadline, 3_600_000, 1),
    log,
  });
  const offline = values.offline === true;
  const refresh = values.refresh === true;
  const baseUrl = str(values['base-url']);
  if (baseUrl !== undefined) checkUrl('--base-url', baseUrl);

  if (source === 'statline') {
    const tableId = positionals[1];
    const regions = str(values.regions)
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (values.regions !== undefined && (regions === undefined || regions.length === 0)) {
      throw new VeerkrachtError('--regions needs at least one code, e.g. GM0344,GM0363', {}, 2);
    }
    const style = str(values['filter-style']) ?? 'substringof';
    if (style !== 'substringof' && style !== 'startswith') {
      throw new VeerkrachtError(`--filter-style must be substringof or startswith, got ${JSON.stringify(style)}`, {}, 2);
    }
    const outDir = str(values.out) ?? join('out', 'fetch', 'statline', tableId.trim());
    log(`fetch statline ${tableId}${regions ? ` (regions ${regions.join(',')})` : ''} → ${outDir}`);
    const r = await fetchStatlineTable(tableId, { cache, client, baseUrl, regions, filterStyle: style, outDir, offline, refresh, log });
    const summary = {
      source,
      tableId: r.tableId,
      out: outDir,
      cache: cache.dir,
      filter: r.filter ?? null,
      rows: r.sets.TypedDataSet.value.length,
      pages: r.sets.TypedDataSet.pages.length,
      files: r.written,
    };
    if (values.json === true) io.out(`${JSON.stringify(summary, null, 2)}\n`);
    else io.out(`${r.tableId}: ${summary.rows} rows (${summary.pages} page(s)) written to ${outDir}\n`);
    return 0;
  }

  const yearFlag = values.year;
  if (source === 'boundaries' && yearFlag === undefined) {
    throw new VeerkrachtError('fetch boundaries needs --year YYYY, e.g. --year 2023', {}, 2);
  }
  const year = intFlag('fetch', 'year', yearFlag, LEEFBAAROMETER_LATEST, 1990);
  if (year > 2100) throw new VeerkrachtError(`--year must be a year ≤ 2100, got ${year}`, {}, 2);
  const bsource = str(values.source) ?? 'cbs';
  if (bsource !== 'cbs' && bsource !== 'pdok') throw new VeerkrachtError(`--source must be cbs or pdok, got ${JSON.stringify(bsource)}`, {}, 2);
  if (source === 'boundaries' && bsource === 'pdok') {
    if (values.url !== undefined) throw new VeerkrachtError('--url does not apply to --source pdok (use --base-url)', {}, 2);
    const api = baseUrl ?? pdokWijkenBuurtenApi(year);
    const levels = (str(values.levels) ?? 'gemeenten,wijken,buurten').split(',').map((l) => l.trim()).filter((l) => l !== '');
    const outDir = str(values.out) ?? join('out', 'fetch', source, String(year));
    log(`fetch boundaries ${year} from ${api} (${levels.join(', ')}) → ${outDir}`);
    const results = await fetchOgcBoundaries(api, levels, { cache, client, outDir, offline, refresh, log, year });
    const summary = { source, via: 'pdok', year, api, out: outDir, cache: cache.dir, collections: results.map((r) => ({ collection: r.collection, features: r.features, file: r.file })) };
    if (values.json === true) io.out(`${JSON.stringify(summary, null, 2)}\n`);
    else io.out(`boundaries ${year}: ${results.map((r) => `${r.features} ${r.collection}`).join(', ')} written to ${outDir}\n`);
    return 0;
  }
  if (source === 'boundaries' && (values.levels !== undefined || baseUrl !== undefined)) {
    throw new VeerkrachtError(`--levels and --base-url need --source pdok`, {}, 2);
  }
  const url = str(values.url) ?? (source === 'leefbaarometer' ? leefbaarometerUrl(year) : boundariesUrl(year));
  checkUrl('--url', url);
  const outDir = str(values.out) ?? join('out', 'fetch', source, String(year));
  log(`fetch ${source} ${year}: ${url} → ${outDir}`);
  const r = await fetchArchive(url, { cache, client, outDir, offline, refresh, kind: source, year, log });
  const use = usableFiles(source, r.files);
  const summary = { source, year, url, out: outDir, cache: cache.dir, sha256: r.sha256, bytes: r.bytes, zip: r.zip, files: r.files, use };
  if (values.json === true) io.out(`${JSON.stringify(summary, null, 2)}\n`);
  else {
    io.out(`${source} ${year}: ${r.files.length} file(s) written to ${outDir}\n`);
    if (use.length === 0) io.out(`no file here that veerkracht run reads (${source === 'boundaries' ? '.gpkg, .geojson, .topojson or .shp' : 'a Leefbaarometer score file, .csv or .xlsx'}); see the files above\n`);
    for (const u of use.slice(0, 4)) io.out(`use in a run configuration: "${u.field}": ${JSON.stringify(u.path)}  (${u.note})\n`);
  }
  return 0;
}

function checkUrl(flag: string, value: string): void {
  let ok = false;
  try {
    const u = new URL(value);
    ok = u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) throw new VeerkrachtError(`${flag} must be an http(s) URL, got ${JSON.stringify(value)}`, {}, 2);
}

export const fetchCommand: Command = {
  name: 'fetch',
  summary: 'Download StatLine tables, Leefbaarometer and boundaries into a local cache',
  help: HELP,
  run,
};
