import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiskCache } from '../../../src/sources/fetch/cache.js';
import { FetchClient } from '../../../src/sources/fetch/client.js';
import { fetchOgcBoundaries, fetchOgcCollection, pdokWijkenBuurtenApi } from '../../../src/sources/fetch/ogc-features.js';
import { sharedData } from '../../helpers/shared.js';
import { json, startReplayServer, type ReplayServer } from './replay-server.js';
import { COLLECTIONS, ogcReplay } from './ogc-replay.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tmp = () => mkdtempSync(join(tmpdir(), 'veerkracht-ogc-'));
const quick = () => new FetchClient({ retry: { attempts: 3, baseDelayMs: 1 }, sleep: async () => undefined });
const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
describe('OGC API Features (PDOK-style) download', () => {
  it('follows next links over 3 pages and writes the 111 Utrecht buurten unchanged', async () => {
    server = await startReplayServer(ogcReplay(() => server!.origin, 40));
    const out = tmp();
    const r = await fetchOgcCollection(`${server.origin}/ogc/v1/`, 'buurten', { cache: new DiskCache(tmp()), client: quick(), outDir: out });
    const original = readJson(sharedData(COLLECTIONS.buurten)).features;
    expect(original).toHaveLength(111);
    expect(r.pages).toHaveLength(3);
    expect(r.features).toBe(111);
    const merged = readJson(join(out, 'buurten.geojson'));
    expect(merged.type).toBe('FeatureCollection');
    expect(merged.features).toEqual(original);
    expect(readdirSync(out)).toEqual(['buurten.geojson']);
  });

  it('retries a 500 and a truncated page; writes fetch.json for several levels; offline rerun makes no request', async () => {
    server = await startReplayServer(
      ogcReplay(() => server!.origin, 50, (u, seen) => {
        if (u.searchParams.get('offset') !== '50') return undefined;
        return seen === 0 ? { status: 500, body: 'busy' } : seen === 1 ? { fault: 'short', body: '{"type":"FeatureCollection","features":[{"type":"Feature"' } : undefined;
      }),
    );
    const cache = new DiskCache(tmp());
    const out = tmp();
    const api = `${server.origin}/ogc/v1`;
    const results = await fetchOgcBoundaries(api, ['wijken', 'buurten'], { cache, client: quick(), outDir: out, year: 2023 });
    expect(results.map((r) => [r.collection, r.features])).toEqual([['wijken', 10], ['buurten', 111]]);
    expect(readJson(join(out, 'buurten.geojson')).features).toEqual(readJson(sharedData(COLLECTIONS.buurten)).features);
    const manifest = readJson(join(out, 'fetch.json'));
    expect(manifest.collections.map((c: { features: number }) => c.features)).toEqual([10, 111]);
    const n = server.requests.length;
    const again = await fetchOgcBoundaries(api, ['wijken', 'buurten'], { cache, outDir: tmp(), offline: true });
    expect(again[1].features).toBe(111);
    expect(server.requests.length).toBe(n);
  });

  it('refuses a next link to another host and leaves no partial output file', async () => {
    server = await startReplayServer(() =>
      json({ type: 'FeatureCollection', features: [], links: [{ rel: 'next', href: 'https://elders.example/items?offset=1' }] }),
    );
    const out = tmp();
    await expect(fetchOgcCollection(`${server.origin}/ogc/v1`, 'buurten', { cache: new DiskCache(tmp()), client: quick(), outDir: out })).rejects.toThrow(
      /leaves the service/,
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it('documents the default PDOK API per year (never requested in tests)', () => {
    expect(pdokWijkenBuurtenApi(2023)).toBe('https://api.pdok.nl/cbs/wijken-en-buurten-2023/ogc/v1');
  });
});
