/**
 * OGC API Features (PDOK): download every page of a collection's `items` (following the
 * `rel: next` links), each through the read-through cache, and write one merged GeoJSON
 * FeatureCollection per collection (streamed to a temporary file, then renamed into place).
 * PDOK serves the CBS wijk- en buurtkaart this way per year, in WGS84 (CRS84) by default.
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync, fsyncSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { outputPath, writeFileAtomic } from '../../util/fs.js';
import { VERSION } from '../../version.js';
import { VeerkrachtError } from '../../util/errors.js';
import type { DiskCache } from './cache.js';
import type { FetchClient } from './client.js';
import type { AttemptResult } from './http.js';
import { cachedGet } from './read-through.js';

/**
 * Default PDOK OGC API of the CBS wijken en buurten of a year (to be checked; listed on
 * https://www.pdok.nl/ogc-apis/-/article/cbs-wijken-en-buurten).
 *
 * @example pdokWijkenBuurtenApi(2023) // 'https://api.pdok.nl/cbs/wijken-en-buurten-2023/ogc/v1'
 */
export function pdokWijkenBuurtenApi(year: number): string {
  return `https://api.pdok.nl/cbs/wijken-en-buurten-${year}/ogc/v1`;
}

/** Options of {@link fetchOgcCollection}. */
export interface OgcFetchOptions {
  cache: DiskCache;
  client?: FetchClient;
  offline?: boolean;
  refresh?: boolean;
  /** Features per page (`limit`). Default 1000. */
  limit?: number;
  /** Pages followed at most. Default 10 000. */
  maxPages?: number;
  /** Write `<collection>.geojson` here; nothing is written when absent. */
  outDir?: string;
  log?: (line: string) => void;
}

/** What {@link fetchOgcCollection} downloaded. */
export interface OgcFetchResult {
  collection: string;
  /** Number of features over all pages. */
  features: number;
  /** URL of each page, in order. */
  pages: string[];
  /** SHA-256 of each page body. */
  sha256: string[];
  /** The merged GeoJSON file, when written. */
  file?: string;
}

interface OgcPage {
  features: unknown[];
  next?: string;
}

function parseOgcPage(body: Buffer): OgcPage {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new Error(`not complete JSON (${body.length} bytes: ${e instanceof Error ? e.message : String(e)})`);
  }
  const o = json as { type?: unknown; features?: unknown; links?: unknown };
  if (o === null || typeof o !== 'object' || o.type !== 'FeatureCollection' || !Array.isArray(o.features)) {
    throw new Error('not a GeoJSON FeatureCollection');
  }
  const links = Array.isArray(o.links) ? (o.links as { rel?: unknown; href?: unknown; type?: unknown }[]) : [];
  const nexts = links.filter((l) => l && l.rel === 'next' && typeof l.href === 'string');
  const pick = nexts.find((l) => typeof l.type === 'string' && /geo\+json|json/.test(l.type)) ?? nexts[0];
  return { features: o.features, next: pick ? String(pick.href) : undefined };
}

/** Validator for an OGC API Features page: a complete GeoJSON FeatureCollection. */
export function validateOgcPage(result: AttemptResult): void {
  parseOgcPage(result.body ?? Buffer.alloc(0));
}

/**
 * Download all features of `collection` from the OGC API at `apiUrl`.
 *
 * @example
 * await fetchOgcCollection(pdokWijkenBuurtenApi(2023), 'buurten', { cache: new DiskCache(), outDir: 'out/fetch/boundaries/2023' });
 * @throws VeerkrachtError when a page fails after its retries, is not GeoJSON, or a next link
 *   leaves the service or loops
 */
export async function fetchOgcCollection(apiUrl: string, collection: string, opts: OgcFetchOptions): Promise<OgcFetchResult> {
  if (!/^[A-Za-z0-9_-]+$/.test(collection)) {
    throw new VeerkrachtError('not a collection name', { column: 'collection', expected: 'letters, digits, _ or -', found: JSON.stringify(collection) });
  }
  const log = opts.log ?? (() => undefined);
  const base = apiUrl.replace(/\/+$/, '');
  const first = `${base}/collections/${collection}/items?f=json&limit=${opts.limit ?? 1000}`;
  const host = new URL(first).host;
  const maxPages = opts.maxPages ?? 10_000;
  const result: OgcFetchResult = { collection, features: 0, pages: [], sha256: [] };
  let tmp: string | undefined;
  let fd: number | undefined;
  let target: string | undefined;
  if (opts.outDir !== undefined) {
    target = outputPath(opts.outDir, `${collection}.geojson`);
    mkdirSync(dirname(target), { recursive: true });
    tmp = `${target}.${process.pid}.tmp`;
    fd = openSync(tmp, 'w');
    writeSync(fd, '{"type":"FeatureCollection","features":[\n');
  }
  try {
    let url: string | undefined = first;
    while (url !== undefined) {
      if (result.pages.includes(url)) throw new VeerkrachtError('next link loops back to a page already read', { file: url, column: 'links[rel=next]' });
      if (result.pages.length >= maxPages) throw new VeerkrachtError(`more than ${maxPages} pages`, { file: first, column: 'links[rel=next]' });
      const got = await cachedGet(url, { cache: opts.cache, client: opts.client, offline: opts.offline, refresh: opts.refresh, validate: validateOgcPage, log });
      let page: OgcPage;
      try {
        page = parseOgcPage(readFileSync(got.path));
      } catch (e) {
        throw new VeerkrachtError(`cached page is not GeoJSON: ${e instanceof Error ? e.message : String(e)}`, { file: got.path });
      }
      result.pages.push(url);
      result.sha256.push(got.entry.sha256);
      if (fd !== undefined) {
        for (const f of page.features) {
          writeSync(fd, `${result.features > 0 ? ',\n' : ''}${JSON.stringify(f)}`);
          result.features++;
        }
      } else result.features += page.features.length;
      log(`  ${collection} page ${result.pages.length}: ${page.features.length} features${got.fromCache ? ' (cache)' : ''}`);
      let next: string | undefined;
      if (page.next !== undefined) {
        next = new URL(page.next, url).toString();
        if (new URL(next).host !== host) {
          throw new VeerkrachtError('next link leaves the service', { file: url, column: 'links[rel=next]', expected: `a URL on ${host}`, found: JSON.stringify(next) });
        }
      }
      url = next;
    }
    if (fd !== undefined && tmp !== undefined && target !== undefined) {
      writeSync(fd, '\n]}\n');
      fsyncSync(fd);
      closeSync(fd);
      fd = undefined;
      renameSync(tmp, target);
      tmp = undefined;
      result.file = target;
    }
  } finally {
    if (fd !== undefined) closeSync(fd);
    if (tmp !== undefined) rmSync(tmp, { force: true });
  }
  return result;
}

/**
 * Download several collections (e.g. `gemeenten`, `wijken`, `buurten`) of one OGC API into
 * `outDir`, plus `fetch.json` with the pages, their SHA-256 and the feature counts.
 *
 * @example await fetchOgcBoundaries(pdokWijkenBuurtenApi(2023), ['buurten'], { cache, outDir, year: 2023 })
 */
export async function fetchOgcBoundaries(
  apiUrl: string,
  collections: readonly string[],
  opts: OgcFetchOptions & { outDir: string; year?: number },
): Promise<OgcFetchResult[]> {
  if (collections.length === 0) throw new VeerkrachtError('no collections given', { column: 'levels', expected: 'e.g. gemeenten,wijken,buurten' });
  const results: OgcFetchResult[] = [];
  for (const c of collections) results.push(await fetchOgcCollection(apiUrl, c, opts));
  const manifest = {
    format: 'veerkracht-fetch-ogc',
    toolkitVersion: VERSION,
    kind: 'boundaries',
    year: opts.year ?? null,
    api: apiUrl,
    collections: results.map((r) => ({
      collection: r.collection,
      features: r.features,
      file: `${r.collection}.geojson`,
      pages: r.pages.map((url, i) => ({ url, sha256: r.sha256[i] })),
    })),
  };
  writeFileAtomic(outputPath(opts.outDir, 'fetch.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return results;
}
