import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DiskCache } from '../../../src/sources/fetch/cache.js';
import { FetchClient } from '../../../src/sources/fetch/client.js';
import { cachedGet, validateJson } from '../../../src/sources/fetch/read-through.js';
import { json, startReplayServer, type ReplayServer } from './replay-server.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tmp = () => mkdtempSync(join(tmpdir(), 'veerkracht-cache-test-'));
const quick = () => new FetchClient({ retry: { attempts: 3, baseDelayMs: 1 }, sleep: async () => undefined });
const BODY = { value: [{ Key: 'BU03440000', Title: 'Binnenstad' }] };

describe('read-through cache', () => {
  it('downloads once, then answers from the cache; the index records URL, file, bytes, sha256', async () => {
    server = await startReplayServer(() => json(BODY));
    const cache = new DiskCache(tmp());
    const url = `${server.origin}/a?$format=json`;
    const first = await cachedGet(url, { cache, client: quick(), validate: validateJson });
    const second = await cachedGet(url, { cache, client: quick(), validate: validateJson });
    expect(first.fromCache).toBe(false);
    expect(second.fromCache).toBe(true);
    expect(server.requests).toHaveLength(1);
    const bytes = Buffer.from(JSON.stringify(BODY));
    const index = JSON.parse(readFileSync(join(cache.dir, 'index.json'), 'utf8'));
    expect(index.entries[url]).toMatchObject({
      url,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(readFileSync(second.path)).toEqual(bytes);
    expect(Number.isNaN(Date.parse(index.entries[url].date))).toBe(false);
  });

  it('never caches truncated JSON: a clean-but-short body is retried, and after the last attempt nothing is stored', async () => {
    server = await startReplayServer(() => ({ fault: 'short', body: JSON.stringify(BODY) }));
    const dir = tmp();
    const cache = new DiskCache(dir);
    const url = `${server.origin}/b`;
    const e = await cachedGet(url, { cache, client: quick(), validate: validateJson }).catch((x: unknown) => x);
    expect((e as Error).message).toContain('after 3 attempts');
    expect((e as Error).message).toContain('not complete JSON');
    expect(server.requests).toHaveLength(3);
    expect(cache.lookup(url)).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stores the complete body when a truncated attempt is followed by a good one', async () => {
    server = await startReplayServer((_u, n) => (n === 0 ? { fault: 'short', body: JSON.stringify(BODY) } : json(BODY)));
    const cache = new DiskCache(tmp());
    const got = await cachedGet(`${server.origin}/c`, { cache, client: quick(), validate: validateJson });
    expect(JSON.parse(readFileSync(got.path, 'utf8'))).toEqual(BODY);
    expect(readdirSync(cache.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('offline: a hit is served without a request, a miss is a clear error naming the URL and the cache', async () => {
    server = await startReplayServer(() => json(BODY));
    const cache = new DiskCache(tmp());
    const url = `${server.origin}/d`;
    await cachedGet(url, { cache, client: quick() });
    const hit = await cachedGet(url, { cache, offline: true });
    expect(hit.fromCache).toBe(true);
    const miss = await cachedGet(`${server.origin}/never`, { cache, offline: true }).catch((x: unknown) => x);
    expect((miss as Error).message).toContain(`${server.origin}/never`);
    expect((miss as Error).message).toContain('--offline');
    expect((miss as Error).message).toContain(cache.dir);
    expect(server.requests).toEqual(['/d']);
  });

  it('a cached file whose bytes no longer match its sha256 is not served', async () => {
    server = await startReplayServer(() => json(BODY));
    const cache = new DiskCache(tmp());
    const url = `${server.origin}/e`;
    const got = await cachedGet(url, { cache, client: quick() });
    const bad = JSON.stringify(BODY).replace('Binnenstad', 'Buitenstad');
    writeFileSync(got.path, bad);
    expect(cache.lookup(url)).toBeUndefined();
    await expect(cachedGet(url, { cache, offline: true })).rejects.toThrow(/not in the cache/);
    const again = await cachedGet(url, { cache, client: quick() });
    expect(again.fromCache).toBe(false);
    expect(JSON.parse(readFileSync(again.path, 'utf8'))).toEqual(BODY);
  });
});

describe('refresh and limits', () => {
  it('--refresh downloads again and replaces the entry', async () => {
    let version = 1;
    server = await startReplayServer(() => json({ value: [{ v: version }] }));
    const cache = new DiskCache(tmp());
    const url = `${server.origin}/g`;
    await cachedGet(url, { cache, client: quick() });
    version = 2;
    expect(JSON.parse(cache.read(url)!.toString()).value[0].v).toBe(1);
    const r = await cachedGet(url, { cache, client: quick(), refresh: true });
    expect(r.fromCache).toBe(false);
    expect(JSON.parse(cache.read(url)!.toString()).value[0].v).toBe(2);
    expect(cache.entries()).toHaveLength(1);
  });

  it('a body above maxBytes is refused at once, not retried', async () => {
    server = await startReplayServer(() => ({ body: 'x'.repeat(5000) }));
    const client = new FetchClient({ retry: { attempts: 4, baseDelayMs: 1 }, maxBytes: 1000, sleep: async () => undefined });
    const e = await cachedGet(`${server.origin}/big`, { cache: new DiskCache(tmp()), client }).catch((x: unknown) => x);
    expect((e as Error).message).toContain('after 1 attempt,');
    expect((e as Error).message).toContain('limit of 1000');
    expect(server.requests).toHaveLength(1);
  });
});

describe('cache folder problems', () => {
  it('a cache path that is a file is a user error naming it', async () => {
    server = await startReplayServer(() => json(BODY));
    const file = join(tmp(), 'not-a-folder');
    writeFileSync(file, 'x');
    const e = await cachedGet(`${server.origin}/f`, { cache: new DiskCache(file), client: quick() }).catch((x: unknown) => x);
    expect((e as Error).name).toBe('VeerkrachtError');
    expect((e as Error).message).toContain(file);
    expect((e as Error).message).toContain('cache folder');
  });
});
