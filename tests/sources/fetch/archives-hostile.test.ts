// fetchArchive against hostile or broken servers (issue 22): HTML where an archive belongs, a
// damaged archive that must not stay in the cache, a cached copy that fails validation, an
// archive that would replace the fetch manifest, and a server that trickles bytes forever.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchArchive, looksLikeHtml } from '../../../src/sources/fetch/archives.js';
import { DiskCache } from '../../../src/sources/fetch/cache.js';
import { FetchClient } from '../../../src/sources/fetch/client.js';
import { VeerkrachtError } from '../../../src/util/errors.js';
import { runCli } from '../../helpers/cli.js';
import { startReplayServer, type ReplayServer } from './replay-server.js';
import { makeZip } from './zip-writer.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tmp = () => mkdtempSync(join(tmpdir(), 'veerkracht-archive-hostile-'));
const quick = () => new FetchClient({ retry: { attempts: 3, baseDelayMs: 1 }, sleep: async () => undefined });
const CSV = 'wk_code,jaar,lbm\nWK034401,2022,4.2\n';
const GOOD = makeZip([{ name: 'lbm/wijken.csv', data: CSV }]);
const HTML = '<!DOCTYPE html>\n<html><head><title>Pagina niet gevonden</title></head><body>Helaas</body></html>';

async function rejection(p: Promise<unknown>): Promise<VeerkrachtError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(VeerkrachtError);
  expect((e as Error).message).not.toContain('\n');
  return e as VeerkrachtError;
}

describe('fetchArchive against hostile servers', () => {
  it('an HTML page served with 200 at a .zip URL is an error: not retried, not cached, nothing written', async () => {
    server = await startReplayServer(() => ({ body: HTML, headers: { 'content-type': 'text/html; charset=utf-8' } }));
    const cache = new DiskCache(tmp());
    const out = join(tmp(), 'out');
    const e = await rejection(fetchArchive(`${server.origin}/resources/open-data-leefbaarometer-meting-2024.zip`, { cache, client: quick(), outDir: out, kind: 'leefbaarometer' }));
    expect(e.message).toContain('open-data-leefbaarometer-meting-2024.zip');
    expect(e.message).toContain('HTML page (Content-Type text/html; charset=utf-8) instead of a zip archive');
    expect(server.requests).toHaveLength(1);
    expect(cache.entries()).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it('other bodies at a .zip URL, and HTML at a data URL, are refused too', async () => {
    server = await startReplayServer((u) => (u.pathname.endsWith('.zip') ? { body: '{"error":"quota"}' } : { body: `\uFEFF  <!-- cookie wall -->\n<html lang="nl">${HTML}` }));
    const a = await rejection(fetchArchive(`${server.origin}/a.zip`, { cache: new DiskCache(tmp()), client: quick(), outDir: tmp(), kind: 'boundaries' }));
    expect(a.message).toContain('not a zip archive: the body starts with "{\\"error\\":\\"quota\\""'); // first 16 bytes
    const b = await rejection(fetchArchive(`${server.origin}/buurten.geojson`, { cache: new DiskCache(tmp()), client: quick(), outDir: tmp(), kind: 'boundaries' }));
    expect(b.message).toContain('HTML page (Content-Type not given) instead of a data file');
    expect(looksLikeHtml(Buffer.from('wk_code,html\n'))).toBe(false);
    expect(looksLikeHtml(Buffer.from('{"type":"FeatureCollection"}'))).toBe(false);
  });

  it('a damaged archive (bad CRC) is removed from the cache and the error says --refresh; the next run downloads again', async () => {
    let good = false;
    const bad = makeZip([{ name: 'lbm/wijken.csv', data: CSV, crc: 0xdeadbeef }]);
    server = await startReplayServer(() => ({ body: good ? GOOD : bad }));
    const cache = new DiskCache(tmp());
    const out = join(tmp(), 'out');
    const url = `${server.origin}/lbm.zip`;
    const e = await rejection(fetchArchive(url, { cache, client: quick(), outDir: out, kind: 'leefbaarometer' }));
    expect(e.message).toMatch(/lbm\.zip.*"lbm\/wijken\.csv".*CRC-32.*removed from the cache.*--refresh/);
    expect(cache.entries()).toEqual([]);
    expect(readdirSync(cache.dir).filter((f) => f !== 'index.json')).toEqual([]);
    expect(existsSync(join(out, 'lbm', 'wijken.csv'))).toBe(false);
    // offline no longer repeats the CRC error from a poisoned cache
    const off = await rejection(fetchArchive(url, { cache, outDir: out, kind: 'leefbaarometer', offline: true }));
    expect(off.message).toContain('not in the cache');
    good = true;
    const r = await fetchArchive(url, { cache, client: quick(), outDir: out, kind: 'leefbaarometer' });
    expect(r.fromCache).toBe(false);
    expect(readFileSync(join(out, 'lbm', 'wijken.csv'), 'utf8')).toBe(CSV);
  });

  it('a cached copy that fails validation is discarded: offline that is an error naming --refresh, online it is downloaded again', async () => {
    server = await startReplayServer(() => ({ body: GOOD }));
    const url = `${server.origin}/wbk.zip`;
    const cache = new DiskCache(tmp());
    cache.putBytes(url, Buffer.from(HTML), 'text/html'); // what an older version cached
    const off = await rejection(fetchArchive(url, { cache, outDir: tmp(), kind: 'boundaries', offline: true }));
    expect(off.message).toMatch(/wbk\.zip: the cached copy is invalid \(the server sent an HTML page.*removed from the cache.*--refresh/);
    expect(cache.entries()).toEqual([]);
    cache.putBytes(url, Buffer.from(HTML), 'text/html');
    const r = await fetchArchive(url, { cache, client: quick(), outDir: tmp(), kind: 'boundaries' });
    expect(r.fromCache).toBe(false);
    expect(server.requests).toHaveLength(1);
    expect(readFileSync(r.cachePath)).toEqual(GOOD);
  });

  it('an archive entry named fetch.json never replaces the manifest', async () => {
    const evil = makeZip([{ name: 'lbm/wijken.csv', data: CSV }, { name: 'fetch.json', data: '{"url":"https://elders.example/"}' }]);
    server = await startReplayServer(() => ({ body: evil }));
    const out = tmp();
    writeFileSync(join(out, 'fetch.json'), '{"earlier":true}');
    const e = await rejection(fetchArchive(`${server.origin}/x.zip`, { cache: new DiskCache(tmp()), client: quick(), outDir: out, kind: 'boundaries' }));
    expect(e.message).toMatch(/"fetch\.json".*reserved/);
    expect(readFileSync(join(out, 'fetch.json'), 'utf8')).toBe('{"earlier":true}');
    expect(existsSync(join(out, 'lbm'))).toBe(false);
  });

  it('a server trickling bytes below the idle timeout is cut off by the overall deadline, without retries', async () => {
    server = await startReplayServer(() => ({ fault: 'trickle', body: 'x'.repeat(200), everyMs: 20 }));
    const client = new FetchClient({ retry: { attempts: 3, baseDelayMs: 1 }, timeoutMs: 10_000, deadlineMs: 150, sleep: async () => undefined });
    const e = await rejection(fetchArchive(`${server.origin}/traag.bin`, { cache: new DiskCache(tmp()), client, outDir: tmp(), kind: 'boundaries' }));
    expect(e.message).toContain('deadline of 150 ms (--deadline)');
    expect(server.requests).toHaveLength(1);
  });
});

describe('veerkracht fetch --deadline', () => {
  it('ends a trickling download with one line naming the flag', async () => {
    server = await startReplayServer(() => ({ fault: 'trickle', body: 'x'.repeat(200), everyMs: 20 }));
    const out = tmp();
    const r = await runCli(['fetch', 'leefbaarometer', '--url', `${server.origin}/traag.zip`, '--out', out, '--cache', tmp(), '--deadline', '150', '--timeout', '10000']);
    expect(r.code).toBe(1);
    const errors = r.err.trim().split('\n').filter((l) => l.startsWith('veerkracht fetch:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('deadline of 150 ms (--deadline)');
    expect(r.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(readdirSync(out)).toEqual([]);
    const bad = await runCli(['fetch', 'leefbaarometer', '--url', `${server.origin}/x.zip`, '--deadline', '0', '--out', out, '--cache', tmp()]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--deadline');
  });

  it('an HTML page at a .zip URL exits 1 with one line, nothing unpacked', async () => {
    server = await startReplayServer(() => ({ body: HTML, headers: { 'content-type': 'text/html' } }));
    const out = join(tmp(), 'out');
    mkdirSync(out);
    const r = await runCli(['fetch', 'boundaries', '--year', '2023', '--url', `${server.origin}/wijkbuurtkaart_2023_v1.zip`, '--out', out, '--cache', tmp(), '--retries', '2', '--backoff', '1']);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n').pop()).toMatch(/^veerkracht fetch: .*wijkbuurtkaart_2023_v1\.zip: download failed after 1 attempt.*HTML page/);
    expect(readdirSync(out)).toEqual([]);
  });
});
