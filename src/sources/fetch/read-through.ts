/**
 * Read-through download: answer from the cache when it holds the URL, otherwise download
 * (with retries), validate, and store. Offline mode only reads the cache.
 */
import { readFileSync } from 'node:fs';
import { VeerkrachtError } from '../../util/errors.js';
import type { CacheEntry, DiskCache } from './cache.js';
import { FetchClient } from './client.js';
import type { AttemptResult } from './http.js';

/** Options of {@link cachedGet}. */
export interface CachedGetOptions {
  cache: DiskCache;
  /** Client used on a miss (a default one when absent). */
  client?: FetchClient;
  /** Only read the cache; a miss is an error. */
  offline?: boolean;
  /** Download again even when cached (ignored offline). */
  refresh?: boolean;
  /** Reject an incomplete or malformed body (then retried, never cached). */
  validate?: (result: AttemptResult, file?: string) => void;
  /** Stream the body to disk instead of memory (large archives). */
  stream?: boolean;
  /**
   * Run `validate` on a cache hit too (cheap validators only): a cached body that fails is
   * removed from the cache and downloaded again; offline that is an error naming `--refresh`.
   */
  revalidateHits?: boolean;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** Where a cached body lies. */
export interface CachedBody {
  url: string;
  /** Absolute path of the body in the cache. */
  path: string;
  entry: CacheEntry;
  /** True when answered from the cache without a download. */
  fromCache: boolean;
  /** Download attempts made (0 for a cache hit). */
  attempts: number;
}

/**
 * Get `url` through the cache.
 *
 * @throws VeerkrachtError offline on a miss (naming the URL and cache folder), or when the
 *   download fails after its retries
 * @example
 * const body = await cachedGet(url, { cache: new DiskCache(), validate: validateJson });
 */
export async function cachedGet(url: string, opts: CachedGetOptions): Promise<CachedBody> {
  const log = opts.log ?? (() => undefined);
  if (!opts.refresh || opts.offline) {
    const hit = opts.cache.lookup(url);
    const invalid = hit && opts.revalidateHits && opts.validate ? validationFailure(hit.entry, hit.path, opts) : undefined;
    if (hit && invalid === undefined) {
      log(`  cache: ${url}`);
      return { url, path: hit.path, entry: hit.entry, fromCache: true, attempts: 0 };
    }
    if (hit && invalid !== undefined) {
      opts.cache.remove(url);
      if (opts.offline) {
        throw new VeerkrachtError(`the cached copy is invalid (${invalid}) and was removed from the cache ${opts.cache.dir}`, {
          file: url,
          expected: 'run without --offline to download it again (--refresh forces a new download)',
        });
      }
      log(`  cached copy invalid (${invalid}), removed; downloading again: ${url}`);
    }
  }
  if (opts.offline) {
    throw new VeerkrachtError('not in the cache, and --offline forbids downloading', {
      file: url,
      expected: `a cached copy in ${opts.cache.dir}`,
      found: 'no (intact) cache entry',
    });
  }
  const client = opts.client ?? new FetchClient({ log });
  log(`  download: ${url}`);
  if (opts.stream) {
    const tmp = opts.cache.tempPath();
    try {
      const r = await client.get(url, { toFile: tmp, validate: opts.validate ? (res) => opts.validate!(res, tmp) : undefined });
      const entry = opts.cache.putFile(url, tmp, r.bytes, r.sha256, header(r.headers['content-type']));
      return { url, path: opts.cache.lookupPath(entry), entry, fromCache: false, attempts: r.attempts };
    } finally {
      opts.cache.discard(tmp);
    }
  }
  const r = await client.get(url, { validate: opts.validate ? (res) => opts.validate!(res) : undefined });
  const entry = opts.cache.putBytes(url, r.body ?? Buffer.alloc(0), header(r.headers['content-type']));
  return { url, path: opts.cache.lookupPath(entry), entry, fromCache: false, attempts: r.attempts };
}

/** Why a cached body fails `validate`, or undefined when it passes. */
function validationFailure(entry: CacheEntry, path: string, opts: CachedGetOptions): string | undefined {
  const res: AttemptResult = {
    url: entry.url,
    status: 200,
    headers: entry.contentType !== undefined ? { 'content-type': entry.contentType } : {},
    body: opts.stream ? undefined : readFileSync(path),
    bytes: entry.bytes,
    sha256: entry.sha256,
  };
  try {
    opts.validate!(res, opts.stream ? path : undefined);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Validator for JSON responses: the body must parse as a JSON object. A truncated JSON body
 * (a connection cut without Content-Length) fails here and is retried, never cached.
 *
 * @throws Error describing the parse failure
 */
export function validateJson(result: AttemptResult): void {
  const text = (result.body ?? Buffer.alloc(0)).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new Error(`not complete JSON (${result.bytes} bytes: ${e instanceof Error ? e.message : String(e)})`);
  }
  if (parsed === null || typeof parsed !== 'object') throw new Error('JSON is not an object');
}
