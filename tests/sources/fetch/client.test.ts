import { afterEach, describe, expect, it } from 'vitest';
import { FetchClient } from '../../../src/sources/fetch/client.js';
import { VeerkrachtError } from '../../../src/util/errors.js';
import { json, startReplayServer, type Handler, type ReplayServer } from './replay-server.js';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client whose waits are recorded instead of slept. */
function client(attempts = 4, extra: { timeoutMs?: number; maxDelayMs?: number } = {}) {
  const waits: number[] = [];
  const c = new FetchClient({
    retry: { attempts, baseDelayMs: 10, maxDelayMs: extra.maxDelayMs ?? 60_000 },
    timeoutMs: extra.timeoutMs ?? 5000,
    sleep: async (ms) => void waits.push(ms),
  });
  return { c, waits };
}

async function serve(h: Handler) {
  server = await startReplayServer(h);
  return server;
}

const OK = { value: [{ Key: 'GM0344', Title: 'Utrecht' }] };

describe('FetchClient', () => {
  it('retries a 500 and returns the later success, with backoff from the base', async () => {
    const s = await serve((_u, n) => (n < 2 ? { status: 500, body: 'oeps' } : json(OK)));
    const { c, waits } = client();
    const r = await c.get(`${s.origin}/t`);
    expect(JSON.parse(r.body!.toString())).toEqual(OK);
    expect(r.attempts).toBe(3);
    expect(waits).toEqual([10, 20]);
    expect(s.requests).toHaveLength(3);
  });

  it('survives a dropped connection', async () => {
    const s = await serve((_u, n) => (n === 0 ? { fault: 'drop' } : json(OK)));
    const { c } = client();
    const r = await c.get(`${s.origin}/t`);
    expect(r.attempts).toBe(2);
    expect(r.bytes).toBe(JSON.stringify(OK).length);
  });

  it('honours Retry-After on 429 instead of its own backoff', async () => {
    const s = await serve((_u, n) => (n === 0 ? { status: 429, headers: { 'retry-after': '3' } } : json(OK)));
    const { c, waits } = client();
    await c.get(`${s.origin}/t`);
    expect(waits).toEqual([3000]);
  });

  it('caps a Retry-After longer than maxDelayMs', async () => {
    const s = await serve((_u, n) => (n === 0 ? { status: 503, headers: { 'retry-after': '3600' } } : json(OK)));
    const { c, waits } = client(4, { maxDelayMs: 250 });
    await c.get(`${s.origin}/t`);
    expect(waits).toEqual([250]);
  });

  it('treats a body cut short of its Content-Length as a failed attempt', async () => {
    const body = JSON.stringify({ value: Array.from({ length: 200 }, (_, i) => ({ ID: i })) });
    const s = await serve((_u, n) => (n === 0 ? { fault: 'cut', body } : { body }));
    const { c } = client();
    const r = await c.get(`${s.origin}/t`);
    expect(r.attempts).toBe(2);
    expect(r.body!.toString()).toBe(body);
  });

  it('rejects a body the validator refuses, retries, and never returns it', async () => {
    const body = JSON.stringify(OK);
    const s = await serve((_u, n) => (n === 0 ? { fault: 'short', body } : { body }));
    const { c } = client();
    const r = await c.get(`${s.origin}/t`, { validate: (res) => void JSON.parse(res.body!.toString()) });
    expect(r.attempts).toBe(2);
    expect(r.body!.toString()).toBe(body);
  });

  it('times out a server that never answers', async () => {
    const s = await serve((_u, n) => (n === 0 ? { fault: 'hang' } : json(OK)));
    const { c } = client(4, { timeoutMs: 80 });
    const r = await c.get(`${s.origin}/t`);
    expect(r.attempts).toBe(2);
  });

  it('gives up after the bounded number of attempts with one clear error (URL, status, attempts)', async () => {
    const s = await serve(() => ({ status: 500, body: 'Internal error' }));
    const { c, waits } = client(3);
    const url = `${s.origin}/ODataFeed/odata/85984NED/TypedDataSet?$format=json`;
    const e = await c.get(url).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(VeerkrachtError);
    const msg = (e as Error).message;
    expect(msg.startsWith(url)).toBe(true);
    expect(msg).toContain('after 3 attempts');
    expect(msg).toContain('HTTP 500');
    expect(msg.split('\n')).toHaveLength(1);
    expect(s.requests).toHaveLength(3);
    expect(waits).toEqual([10, 20]);
  });

  it('does not retry a 404', async () => {
    const s = await serve(() => ({ status: 404, body: 'Not Found' }));
    const { c } = client(4);
    const e = await c.get(`${s.origin}/x`).catch((x: unknown) => x);
    expect((e as Error).message).toContain('after 1 attempt,');
    expect((e as Error).message).toContain('HTTP 404');
    expect(s.requests).toHaveLength(1);
  });

  it('follows a redirect', async () => {
    const s = await serve((u) => (u.pathname === '/old' ? { status: 302, headers: { location: '/new' } } : json(OK)));
    const { c } = client();
    const r = await c.get(`${s.origin}/old`);
    expect(r.url).toBe(`${s.origin}/new`);
    expect(s.requests).toEqual(['/old', '/new']);
  });
});
