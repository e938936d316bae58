import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { boundariesUrl, fetchArchive, leefbaarometerUrl } from '../../../src/sources/fetch/archives.js';
import { DiskCache } from '../../../src/sources/fetch/cache.js';
import { FetchClient } from '../../../src/sources/fetch/client.js';
import { startReplayServer, type ReplayServer } from './replay-server.js';
import { makeZip } from './zip-writer.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tmp = () => mkdtempSync(join(tmpdir(), 'veerkracht-archive-'));
const quick = () => new FetchClient({ retry: { attempts: 3, baseDelayMs: 1 }, sleep: async () => undefined });
const CSV = 'wk_code,wk_naam,jaar,lbm,afw,fys,onv,soc,vrz,won\nWK034401,Binnenstad (test),2022,4.2,0.1,0.02,0.02,0.02,0.02,0.02\n';
const ZIP = makeZip([
  { name: 'Leefbaarometer 3.0/', method: 0 },
  { name: 'Leefbaarometer 3.0/Leefbaarometer-scores wijken 2002-2022.csv', data: CSV.repeat(20) },
]);

describe('fetchArchive', () => {
  it('retries a truncated zip, caches only the complete archive and unpacks it', async () => {
    server = await startReplayServer((_u, n) => (n === 0 ? { fault: 'short', body: ZIP } : { body: ZIP, headers: { 'content-type': 'application/zip' } }));
    const cache = new DiskCache(tmp());
    const out = tmp();
    const url = `${server.origin}/resources/open-data-leefbaarometer-meting-2022.zip`;
    const r = await fetchArchive(url, { cache, client: quick(), outDir: out, kind: 'leefbaarometer', year: 2022 });
    expect(server.requests).toHaveLength(2);
    expect(r.zip).toBe(true);
    expect(r.sha256).toBe(createHash('sha256').update(ZIP).digest('hex'));
    expect(readFileSync(r.cachePath)).toEqual(ZIP);
    expect(cache.entries()).toHaveLength(1);
    expect(readdirSync(cache.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(join(out, 'Leefbaarometer 3.0/Leefbaarometer-scores wijken 2002-2022.csv'), 'utf8')).toBe(CSV.repeat(20));
    const manifest = JSON.parse(readFileSync(join(out, 'fetch.json'), 'utf8'));
    expect(manifest).toMatchObject({ kind: 'leefbaarometer', year: 2022, url, bytes: ZIP.length, zip: true });
    expect(manifest.files).toEqual(['Leefbaarometer 3.0/Leefbaarometer-scores wijken 2002-2022.csv']);
    // offline: from the cache, no request
    const again = await fetchArchive(url, { cache, outDir: tmp(), kind: 'leefbaarometer', offline: true });
    expect(again.fromCache).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up on an archive that stays truncated, leaving the cache empty', async () => {
    server = await startReplayServer(() => ({ fault: 'short', body: ZIP }));
    const cache = new DiskCache(tmp());
    await expect(fetchArchive(`${server.origin}/a.zip`, { cache, client: quick(), outDir: tmp(), kind: 'boundaries' })).rejects.toThrow(
      /after 3 attempts/,
    );
    expect(readdirSync(cache.dir)).toEqual([]);
  });

  it('refuses a served archive with a traversal entry and writes nothing outside or inside out', async () => {
    const evil = makeZip([{ name: 'wijken.csv', data: CSV }, { name: '../../buiten.txt', data: 'x' }]);
    server = await startReplayServer(() => ({ body: evil }));
    const root = tmp();
    const out = join(root, 'out');
    await expect(fetchArchive(`${server.origin}/evil.zip`, { cache: new DiskCache(tmp()), client: quick(), outDir: out, kind: 'boundaries' })).rejects.toThrow(
      /\.\.\/\.\.\/buiten\.txt.*"\.\."/,
    );
    expect(readdirSync(root)).toEqual([]);
  });

  it('copies a body that is not a zip (e.g. GeoJSON) under its URL file name', async () => {
    const geo = JSON.stringify({ type: 'FeatureCollection', features: [] });
    server = await startReplayServer(() => ({ body: geo }));
    const out = tmp();
    const r = await fetchArchive(`${server.origin}/wfs/buurten_2023.geojson`, { cache: new DiskCache(tmp()), client: quick(), outDir: out, kind: 'boundaries', year: 2023 });
    expect(r.zip).toBe(false);
    expect(readFileSync(join(out, 'buurten_2023.geojson'), 'utf8')).toBe(geo);
    expect(existsSync(join(out, 'fetch.json'))).toBe(true);
  });

  it('documents default URLs per year (never requested in tests)', () => {
    expect(leefbaarometerUrl(2024)).toMatch(/^https:\/\/www\.leefbaarometer\.nl\/.*2024\.zip$/);
    expect(boundariesUrl(2023)).toMatch(/^https:\/\/download\.cbs\.nl\/.*wijkbuurtkaart_2023_v\d\.zip$/);
  });
});
