/**
 * Download a file archive (Leefbaarometer open data, CBS wijk- en buurtkaart) into the cache
 * and unpack it into an output folder: zip archives with the safe reader of unzip.ts, other
 * files copied as they are. The default URLs follow the publishers' current naming and are
 * **to be checked** against their download pages before relying on them; pass `--url` to
 * override.
 */
import { closeSync, copyFileSync, mkdirSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { outputPath, writeFileAtomic } from '../../util/fs.js';
import { VeerkrachtError, showValue } from '../../util/errors.js';
import { VERSION } from '../../version.js';
import type { DiskCache } from './cache.js';
import { BodyRejected, type FetchClient } from './client.js';
import { cachedGet } from './read-through.js';
import { DamagedArchiveError, extractZipFile, listZip, type ExtractedFile, type UnzipOptions } from './unzip.js';

/** Latest Leefbaarometer measurement year with an open-data archive (default of `fetch leefbaarometer`). */
export const LEEFBAAROMETER_LATEST = 2024;

/** Leefbaarometer open-data download page (to be checked). */
export const LEEFBAAROMETER_PAGE = 'https://www.leefbaarometer.nl/page/Opendata';
/** CBS page of the wijk- en buurtkaart of a year (to be checked). */
export const BOUNDARIES_PAGE = 'https://www.cbs.nl/nl-nl/dossier/nederland-regionaal/geografische-data/wijk-en-buurtkaart-{year}';
/** PDOK page of the CBS wijken en buurten dataset (OGC API Features per year, an alternative source). */
export const PDOK_WIJKEN_BUURTEN_PAGE = 'https://www.pdok.nl/ogc-apis/-/article/cbs-wijken-en-buurten';

/**
 * Default URL of the Leefbaarometer open-data archive of a measurement year (to be checked;
 * the 2024 measurement holds the scores of 2002–2024 on one indeling).
 *
 * @example leefbaarometerUrl(2024) // 'https://www.leefbaarometer.nl/resources/open-data-leefbaarometer-meting-2024.zip'
 */
export function leefbaarometerUrl(year: number): string {
  // Seen in use for 2024; other years assumed to follow the same pattern.
  return `https://www.leefbaarometer.nl/resources/open-data-leefbaarometer-meting-${year}.zip`;
}

/**
 * Default URL of CBS's wijk- en buurtkaart of a year, version 1 (to be checked; later
 * versions `_v2`, `_v3` replace it during the year).
 *
 * @example boundariesUrl(2023) // 'https://download.cbs.nl/regionale-kaarten/wijkbuurtkaart_2023_v1.zip'
 */
export function boundariesUrl(year: number): string {
  return `https://download.cbs.nl/regionale-kaarten/wijkbuurtkaart_${year}_v1.zip`;
}

/** Options of {@link fetchArchive}. */
export interface ArchiveFetchOptions {
  cache: DiskCache;
  client?: FetchClient;
  /** Folder to unpack into; nothing is written there when absent. */
  outDir?: string;
  offline?: boolean;
  refresh?: boolean;
  /** What this is, for the manifest (`leefbaarometer`, `boundaries`). */
  kind: string;
  /** Reference year, for the manifest. */
  year?: number;
  /** Limits of the zip reader. */
  unzip?: UnzipOptions;
  log?: (line: string) => void;
}

/** What {@link fetchArchive} produced. */
export interface ArchiveFetchResult {
  url: string;
  /** Path of the downloaded body in the cache. */
  cachePath: string;
  sha256: string;
  bytes: number;
  fromCache: boolean;
  /** True when the body is a zip archive. */
  zip: boolean;
  /** Files written into `outDir` (absolute paths, without fetch.json). */
  files: string[];
}

/** The provenance manifest fetch writes into the output folder; no archive entry may replace it. */
const MANIFEST = 'fetch.json';

const isZipMagic = (b: Buffer) => b.length >= 4 && b.readUInt32LE(0) === 0x04034b50;

/** The first `n` bytes of a file (without reading the rest). */
function readHead(path: string, n = 4): Buffer {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(n);
    return b.subarray(0, readSync(fd, b, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/** True when the bytes start like an HTML page (after a BOM, white space and comments). */
export function looksLikeHtml(head: Uint8Array): boolean {
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1').replace(/^\xef\xbb\xbf/, '');
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(text);
}

/**
 * Content sniffing of a downloaded body: an HTML page where data was expected (a wrong URL, a
 * moved file, a cookie or login wall answered with status 200) and a `.zip` URL or zip content
 * type whose body is no zip archive are permanent failures; a zip whose central directory is
 * cut off is a retryable one.
 *
 * @throws BodyRejected saying what arrived instead
 */
export function sniffArchiveBody(url: string, file: string, contentType: string | undefined): void {
  let path = '';
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    path = url.toLowerCase();
  }
  const wantsZip = path.endsWith('.zip') || /zip/i.test(contentType ?? '');
  const head = readHead(file, 1024);
  if (looksLikeHtml(head) && !/\.x?html?$/.test(path)) {
    throw new BodyRejected(
      `the server sent an HTML page (Content-Type ${contentType ?? 'not given'}) instead of ${wantsZip ? 'a zip archive' : 'a data file'}: the URL is wrong, the file moved, or a login or cookie page answered`,
      false,
    );
  }
  if (wantsZip && !isZipMagic(head)) {
    throw new BodyRejected(`not a zip archive: the body starts with ${showValue(head.subarray(0, 16).toString('latin1'))}`, false);
  }
  if (isZipMagic(head)) listZip(file, url); // throws on a truncated archive (retryable)
}

/** Copy a (possibly large) file atomically: copy to a temporary name beside it, then rename. */
function copyFileAtomic(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  const tmp = `${to}.${process.pid}.tmp`;
  try {
    copyFileSync(from, tmp);
    renameSync(tmp, to);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Download `url` through the cache (streamed to disk; a zip body must have an intact central
 * directory or it is retried and never cached; an HTML page, or a non-zip body at a `.zip` URL,
 * is refused at once; a cached copy is sniffed again and discarded when it fails) and unpack it
 * into `outDir` (the archive may not hold the manifest's name `fetch.json`).
 *
 * @throws VeerkrachtError when the download fails, offline on a miss, for an unsafe archive, or
 *   for a damaged one (which is then removed from the cache; the message names `--refresh`)
 */
export async function fetchArchive(url: string, opts: ArchiveFetchOptions): Promise<ArchiveFetchResult> {
  const log = opts.log ?? (() => undefined);
  const got = await cachedGet(url, {
    cache: opts.cache,
    client: opts.client,
    offline: opts.offline,
    refresh: opts.refresh,
    stream: true,
    revalidateHits: true,
    log,
    validate: (res, file) => {
      if (file === undefined || res.bytes === 0) throw new Error('empty body');
      const type = res.headers['content-type'];
      sniffArchiveBody(url, file, Array.isArray(type) ? type[0] : type);
    },
  });
  const zip = isZipMagic(readHead(got.path));
  const files: string[] = [];
  if (opts.outDir !== undefined) {
    if (zip) {
      log(`  unpacking ${got.entry.bytes} bytes into ${opts.outDir}`);
      let extracted: ExtractedFile[];
      try {
        extracted = await extractZipFile(got.path, opts.outDir, { ...opts.unzip, reserved: [...(opts.unzip?.reserved ?? []), MANIFEST] }, url);
      } catch (e) {
        if (!(e instanceof DamagedArchiveError)) throw e;
        // A damaged archive must not stay in the cache, or every later run fails the same way.
        opts.cache.remove(url);
        throw new VeerkrachtError(
          `${e.message}; the damaged copy was removed from the cache ${opts.cache.dir}: ${opts.offline ? 'run without --offline' : 'run again'} to download it anew (--refresh forces a new download)`,
        );
      }
      for (const f of extracted) files.push(f.path);
    } else {
      const name = safeBaseName(url);
      const path = outputPath(opts.outDir, name);
      copyFileAtomic(got.path, path);
      files.push(path);
    }
    const manifest = {
      format: 'veerkracht-fetch-archive',
      toolkitVersion: VERSION,
      kind: opts.kind,
      year: opts.year ?? null,
      url,
      sha256: got.entry.sha256,
      bytes: got.entry.bytes,
      downloadedAt: got.entry.date,
      zip,
      files: files.map((f) => relative(resolve(opts.outDir!), f).split(sep).join('/')),
    };
    writeFileAtomic(outputPath(opts.outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return { url, cachePath: got.path, sha256: got.entry.sha256, bytes: got.entry.bytes, fromCache: got.fromCache, zip, files };
}

/** A file name for a non-zip download: the URL's last path segment, made safe. */
function safeBaseName(url: string): string {
  let name = '';
  try {
    name = decodeURIComponent(basename(new URL(url).pathname));
  } catch {
    name = '';
  }
  name = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '');
  if (name === '' || name === 'fetch.json') {
    throw new VeerkrachtError('cannot derive a file name from the URL', { file: url, expected: 'a URL ending in a file name' });
  }
  return name;
}
