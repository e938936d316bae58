import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/shared.js';
import { json, startReplayServer, type ReplayServer } from '../sources/fetch/replay-server.js';
import { makeZip } from '../sources/fetch/zip-writer.js';
import { DiskCache } from '../../src/sources/fetch/cache.js';
import { ogcReplay } from '../sources/fetch/ogc-replay.js';

/** The compiled CLI (dist, built by `npm test`; VEERKRACHT_DIST points elsewhere for a local check). */
const DIST = process.env.VEERKRACHT_DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));
const builtWithFetch = existsSync(join(DIST, 'sources', 'fetch', 'archives.js'));

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tmp = () => mkdtempSync(join(tmpdir(), 'veerkracht-cli-fetch-'));
const FILES: Record<string, string> = { TableInfos: 'meta_2.json', DataProperties: 'meta_7.json', Persoonskenmerken: 'meta_4.json', BedrijfstakkenSBI93: 'meta_5.json', Perioden: 'meta_6.json', TypedDataSet: 'meta_8.json' };
const recorded = (name: string) => JSON.parse(readFileSync(sharedData(`statline/odata_v3_80137ned/${FILES[name]}`), 'utf8'));

/** Recorded 80137ned set; TypedDataSet answers 500 once, then in two pages. */
async function serve80137() {
  server = await startReplayServer((u, seen) => {
    const name = /\/80137ned\/(\w+)$/.exec(u.pathname)?.[1] ?? '';
    if (!(name in FILES)) return { status: 404, body: 'Not Found' };
    if (name !== 'TypedDataSet') return json(recorded(name));
    if (seen === 0 && !u.searchParams.has('$skip')) return { status: 500, body: 'busy' };
    const all = recorded('TypedDataSet').value;
    const skip = Number(u.searchParams.get('$skip') ?? 0);
    const page: Record<string, unknown> = { value: all.slice(skip, skip + 400) };
    if (skip === 0) page['odata.nextLink'] = `${server!.origin}/odata/80137ned/TypedDataSet?$format=json&$skip=400`;
    return json(page);
  });
  return server;
}

describe('veerkracht fetch', () => {
  it('fetch statline downloads, pages, merges and reports on stdout; progress on stderr', async () => {
    const s = await serve80137();
    const out = tmp();
    const cache = tmp();
    const r = await runCli(['fetch', 'statline', '80137ned', '--base-url', `${s.origin}/odata`, '--out', out, '--cache', cache, '--backoff', '1', '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary).toMatchObject({ source: 'statline', tableId: '80137ned', rows: 675, pages: 2 });
    expect(JSON.parse(readFileSync(join(out, 'TypedDataSet.json'), 'utf8')).value).toEqual(recorded('TypedDataSet').value);
    expect(r.err).toContain('HTTP 500');
    expect(r.err).toContain('retry 1/3');
    expect(readdirSync(cache)).toContain('index.json');
    // what fetch writes is what inspect reads
    const inspected = await runCli(['inspect', join(out, 'TypedDataSet.json'), '--json']);
    expect(inspected.code).toBe(0);
    expect(JSON.parse(inspected.out)).toMatchObject({ kind: 'statline-odata', rows: 675 });

    // offline again from the same cache: no new request
    const n = s.requests.length;
    const again = await runCli(['fetch', 'statline', '80137ned', '--base-url', `${s.origin}/odata`, '--out', tmp(), '--cache', cache, '--offline']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('675 rows');
    expect(s.requests.length).toBe(n);
  });

  it('--regions on a table without a region dimension is a clear error naming DataProperties', async () => {
    const s = await serve80137();
    const r = await runCli(['fetch', 'statline', '80137ned', '--regions', 'GM0344', '--base-url', `${s.origin}/odata`, '--out', tmp(), '--cache', tmp()]);
    expect(r.code).toBe(1);
    const last = r.err.trim().split('\n').pop()!;
    expect(last).toContain('/80137ned/DataProperties: the table has no region dimension');
    expect(last).toContain('Persoonskenmerken, BedrijfstakkenSBI93, Perioden');
  });

  it('offline with a cache miss exits 1 with one line naming the URL', async () => {
    const r = await runCli(['fetch', 'statline', '85984NED', '--base-url', 'http://127.0.0.1:9/odata', '--cache', tmp(), '--out', tmp(), '--offline']);
    expect(r.code).toBe(1);
    const errors = r.err.trim().split('\n').filter((l) => l.startsWith('veerkracht fetch:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('http://127.0.0.1:9/odata/85984NED/TableInfos?$format=json: not in the cache');
    expect(r.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('a server that keeps failing ends in one clear error after --retries attempts', async () => {
    server = await startReplayServer(() => ({ status: 503, body: 'Service Unavailable' }));
    const r = await runCli(['fetch', 'statline', '85984NED', '--base-url', server.origin, '--cache', tmp(), '--out', tmp(), '--retries', '2', '--backoff', '1']);
    expect(r.code).toBe(1);
    const last = r.err.trim().split('\n').pop()!;
    expect(last).toMatch(/^veerkracht fetch: http:\/\/127\.0\.0\.1:\d+\/85984NED\/TableInfos\?\$format=json: download failed after 2 attempts, last HTTP status 503/);
    expect(server.requests).toHaveLength(2);
  });

  it('fetch leefbaarometer --url unpacks the archive; fetch boundaries needs --year', async () => {
    const zip = makeZip([{ name: 'lbm/wijken.csv', data: 'wk_code,jaar,lbm\nWK034401,2022,4.2\n' }]);
    server = await startReplayServer(() => ({ body: zip }));
    const out = tmp();
    const r = await runCli(['fetch', 'leefbaarometer', '--url', `${server.origin}/lbm.zip`, '--out', out, '--cache', tmp()]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'lbm/wijken.csv'), 'utf8')).toContain('WK034401');
    const b = await runCli(['fetch', 'boundaries', '--url', `${server.origin}/wbk.zip`, '--out', tmp(), '--cache', tmp()]);
    expect(b.code).toBe(2);
    expect(b.err).toContain('--year');
    const ok = await runCli(['fetch', 'boundaries', '--year', '2023', '--url', `${server.origin}/wbk.zip`, '--out', tmp(), '--cache', tmp(), '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ source: 'boundaries', year: 2023, zip: true });
  });

  it('fetch boundaries --source cbs unpacks the archive and says which file to use', async () => {
    const zip = makeZip([
      { name: 'WijkBuurtkaart_2023_v1/leesmij.pdf', data: '%PDF-1.4' },
      { name: 'WijkBuurtkaart_2023_v1/wijkenbuurten_2023_v1.gpkg', data: 'SQLite format 3\u0000' },
    ]);
    server = await startReplayServer(() => ({ body: zip }));
    const out = tmp();
    const r = await runCli(['fetch', 'boundaries', '--year', '2023', '--url', `${server.origin}/wbk.zip`, '--out', out, '--cache', tmp()]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/use in a run configuration: "inputs\.boundaries\.t1": ".*wijkenbuurten_2023_v1\.gpkg"/);
    expect(r.out).not.toContain('leesmij.pdf"');
  });

  it('fetch boundaries --source pdok writes one GeoJSON per level from the OGC API', async () => {
    server = await startReplayServer(ogcReplay(() => server!.origin, 30));
    const out = tmp();
    const r = await runCli(['fetch', 'boundaries', '--year', '2023', '--source', 'pdok', '--base-url', `${server.origin}/ogc/v1`, '--levels', 'wijken,buurten', '--out', out, '--cache', tmp(), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).collections.map((c: { features: number }) => c.features)).toEqual([10, 111]);
    expect(readdirSync(out).sort()).toEqual(['buurten.geojson', 'fetch.json', 'wijken.geojson']);
    expect(JSON.parse(readFileSync(join(out, 'wijken.geojson'), 'utf8')).features).toHaveLength(10);
  });

  it('usage errors exit 2 with one line', async () => {
    for (const argv of [
      ['fetch', 'kadaster'],
      ['fetch', 'statline'],
      ['fetch', 'statline', '85984NED', '--url', 'http://x/y.zip'],
      ['fetch', 'leefbaarometer', '--regions', 'GM0344'],
      ['fetch', 'statline', '85984NED', '--base-url', 'ftp://x'],
      ['fetch', 'boundaries', '--year', 'twintig'],
      ['fetch', 'statline', '85984NED', '--filter-style', 'regex'],
      ['fetch', 'boundaries', '--year', '2023', '--source', 'kadaster'],
      ['fetch', 'boundaries', '--year', '2023', '--levels', 'buurten'],
      ['fetch', 'boundaries', '--year', '2023', '--source', 'pdok', '--url', 'http://x/y.zip'],
      ['fetch', 'leefbaarometer', '--source', 'pdok'],
    ]) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    const bad = await runCli(['fetch', 'statline', '85984NED', '--regions', 'Utrecht', '--offline', '--cache', tmp(), '--out', tmp()]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('"Utrecht"');
  });

  it('--help names the sources, the cache, the download pages and their to-be-checked URLs', async () => {
    const r = await runCli(['fetch', '--help']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^veerkracht fetch statline TABLEID/);
    for (const s of ['leefbaarometer', 'boundaries', '--offline', '--cache', '.veerkracht-cache', 'to be checked', 'leefbaarometer.nl', 'pdok.nl']) {
      expect(r.out).toContain(s);
    }
  });
});

describe('veerkracht fetch killed mid-download (compiled CLI in a child process)', () => {
  it.runIf(builtWithFetch)('leaves no cache entry and no output; the next run completes and sweeps the leftover', async () => {
    const zip = makeZip([{ name: 'lbm/grid.csv', data: 'x'.repeat(400_000), method: 0 }]);
    let stall = true;
    server = await startReplayServer(() => (stall ? { fault: 'stall', body: zip } : { body: zip }));
    const cache = tmp();
    const out = join(tmp(), 'out');
    const url = `${server.origin}/lbm.zip`;
    const main = join(DIST, 'cli', 'main.js');
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', `const m = await import(${JSON.stringify(main)}); process.exitCode = await m.main(process.argv.slice(1));`,
        'fetch', 'leefbaarometer', '--url', url, '--cache', cache, '--out', out, '--retries', '1'],
      { stdio: 'ignore' },
    );
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // wait until the child is streaming the body into its temporary file, then kill it
    for (let i = 0; i < 500 && !readdirSync(cache).some((f) => f.endsWith('.tmp')); i++) await new Promise((r) => setTimeout(r, 10));
    expect(readdirSync(cache).some((f) => f.endsWith('.tmp'))).toBe(true);
    child.kill('SIGKILL');
    await exited;
    expect(new DiskCache(cache).lookup(url)).toBeUndefined();
    expect(existsSync(join(cache, 'index.json'))).toBe(false);
    expect(existsSync(out)).toBe(false);
    stall = false;
    const r = await runCli(['fetch', 'leefbaarometer', '--url', url, '--cache', cache, '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'lbm/grid.csv'), 'utf8')).toHaveLength(400_000);
    expect(readdirSync(cache).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
