// The CLI draws the run's maps in a worker thread (src/cli/figure-drawer.ts). The files must be
// the same bytes as drawn in the main thread, the worker's failures must reach the run as errors
// (never a hang, never a silent gap in the output set), and the worker must survive a failed
// request. The worker exists only in the compiled package (dist/), so these tests need the build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFigureDrawer } from '../../src/cli/figure-drawer.js';
import { demoConfig } from '../../src/run/config.js';
import { needsDrawSimplification } from '../../src/geo/simplify.js';
import type { RegionFeature } from '../../src/geo/types.js';
import { densifyFeatures } from '../geo/fullres-fixtures.js';
import type { GeoJsonGeometries, GeoJsonRun } from '../../src/export/geojson.js';

const home = new URL('../..', import.meta.url).pathname;
const bin = join(home, 'bin/veerkracht.js');
const built = existsSync(join(home, 'dist/cli/figure-worker.js'));

function hashes(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) for (const [k, v] of hashes(p, `${prefix}${f}/`)) out.set(k, v);
    else out.set(prefix + f, createHash('sha256').update(readFileSync(p)).digest('hex'));
  }
  return out;
}

/** The error `p` rejects with (from dist/, so not this source tree's VeerkrachtError class). */
async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the promise to reject');
}

describe('figures drawn in a worker thread', () => {
  it.runIf(built)('writes the same files, byte for byte, as drawing in the main thread', () => {
    const work = mkdtempSync(join(tmpdir(), 'vk-drawer-'));
    const run = (worker: string, out: string) => spawnSync(process.execPath, [bin, 'run', '--out', join(work, out)], { encoding: 'utf8', env: { ...process.env, VEERKRACHT_FIGURE_WORKER: worker } });
    const a = run('1', 'worker');
    const b = run('0', 'main');
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(a.stderr).toContain('kaarten tekenen (SVG, PNG, in een aparte thread)');
    // the explorer is built there too, from the drawing the worker made
    expect(a.stderr).toContain('drempelverkenner (HTML, in een aparte thread)');
    expect(b.stderr).not.toContain('aparte thread');
    const ha = hashes(join(work, 'worker'));
    const hb = hashes(join(work, 'main'));
    // the demo's gemeente pages have PNGs (gemeentePaginas "auto"): those go through the worker too
    const pngs = [...ha.keys()].filter((k) => k.endsWith('.png'));
    expect(pngs.filter((k) => k.startsWith('gemeenten/')).length).toBeGreaterThan(0);
    expect([...ha.keys()]).toEqual([...hb.keys()]);
    const differ = [...ha].filter(([k, v]) => hb.get(k) !== v).map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it.runIf(built)('writes the same files on full-resolution boundaries, whose simplification goes over to the worker', () => {
    const work = mkdtempSync(join(tmpdir(), 'vk-drawer-fullres-'));
    const demo = demoConfig(home);
    // the demo boundaries with every edge densified (shared edges kept identical) and one ring of
    // 100,000 vertices: over the drawing budget
    const dense = (file: string, name: string) => {
      // (the file names its codes buurtcode; densifyFeatures finds the long one by `code`)
      const fc = JSON.parse(readFileSync(file, 'utf8')) as { features: { type: 'Feature'; geometry: RegionFeature['geometry']; properties: { buurtcode: string } }[] };
      const coded = fc.features.map((f) => ({ ...f, properties: { ...f.properties, code: f.properties.buurtcode, name: null } }));
      const longCode = coded[0].properties.code;
      const features = densifyFeatures(coded, { perEdge: 20, amp: 0.5, longCode, longVertices: 100_000 }).map((f, i) => ({ ...f, properties: fc.features[i].properties }));
      const out = join(work, name);
      writeFileSync(out, JSON.stringify({ ...fc, features }));
      return out;
    };
    const t1 = dense(demo.inputs.boundaries.t1, 't1.geojson');
    expect(needsDrawSimplification((JSON.parse(readFileSync(t1, 'utf8')) as { features: RegionFeature[] }).features)).toBe(true);

    const config = join(work, 'run.json');
    writeFileSync(config, JSON.stringify({
      title: 'volle resolutie',
      synthetic: true,
      period: { t0: 2014, t1: 2022 },
      inputs: {
        kwb: { '2014': demo.inputs.kwb['2014'].file, '2022': demo.inputs.kwb['2022'].file },
        leefbaarometer: demo.inputs.leefbaarometer,
        boundaries: { t0: dense(demo.inputs.boundaries.t0!, 't0.geojson'), t1 },
        microdata: demo.inputs.microdata,
      },
    }));
    const run = (worker: string, out: string, env: Record<string, string> = {}) =>
      spawnSync(process.execPath, [bin, 'run', '--config', config, '--out', join(work, out)], { encoding: 'utf8', env: { ...process.env, VEERKRACHT_FIGURE_WORKER: worker, ...env } });
    const a = run('1', 'worker');
    const b = run('0', 'main');
    // t1 read by the packing scanner (as a file of 32 MiB or more is) and its packing handed over as it is
    const c = run('1', 'packed', { VEERKRACHT_PACKED_READ_MIN_BYTES: '0' });
    for (const r of [a, b, c]) expect(r.status, r.stderr).toBe(0);
    // the maps and the explorer were made there, from the simplification made here
    expect(a.stderr).toContain('drempelverkenner (HTML, in een aparte thread)');
    const hb = hashes(join(work, 'main'));
    for (const out of ['worker', 'packed']) {
      const ha = hashes(join(work, out));
      expect([...ha.keys()]).toEqual([...hb.keys()]);
      expect([...ha].filter(([k, v]) => hb.get(k) !== v).map(([k]) => k)).toEqual([]);
    }
  }, 120_000);

  it.runIf(built)('reports a failed figure as an error and keeps drawing the next request', async () => {
    const { startFigureDrawer: start } = (await import(join(home, 'dist/cli/figure-drawer.js'))) as typeof import('../../src/cli/figure-drawer.js');
    const drawer = start({});
    try {
      expect(drawer.where).toBe('worker');
      const work = mkdtempSync(join(tmpdir(), 'vk-drawer-err-'));
      // a spec Vega-Lite cannot compile: the worker's error reaches this thread
      const bad = await rejection(drawer.write([{ spec: { mark: 'geen-bestaand-merk' } as never, svgPath: join(work, 'a.svg') }]));
      expect(bad).toBeInstanceOf(Error);
      expect(bad.message.length).toBeGreaterThan(0);
      // a PNG that cannot be written (a file where its folder should be): an error naming the path
      const blocked = join(work, 'a-file');
      spawnSync('sh', ['-c', `echo x > '${blocked}'`]);
      const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="#c00"/></svg>';
      const e = await rejection(drawer.write([{ svg, pngPath: join(blocked, 'kaart.png') }]));
      expect(e.message).toMatch(/a-file/);
      // the worker is still there: the next request is drawn
      await drawer.write([{ svg, svgPath: join(work, 'ok.svg'), pngPath: join(work, 'ok.png') }]);
      expect(readFileSync(join(work, 'ok.svg'), 'utf8')).toBe(svg);
      const png = readFileSync(join(work, 'ok.png'));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(40); // width at the default 2× scale
    } finally {
      await drawer.close();
    }
  });

  it.runIf(built)('makes the drawing of the t1 boundaries it is handed as this thread does, full-resolution ones from their simplification', async () => {
    const { startFigureDrawer: start } = (await import(join(home, 'dist/cli/figure-drawer.js'))) as typeof import('../../src/cli/figure-drawer.js');
    const { prepareDrawing } = (await import(join(home, 'dist/run/figures.js'))) as typeof import('../../src/run/figures.js');
    const { readBoundaries } = (await import(join(home, 'dist/sources/boundaries/read.js'))) as typeof import('../../src/sources/boundaries/read.js');
    const b = await readBoundaries(join(home, 'data/demo/geo/synthetisch_buurten_2019-2022_rd.geojson'), { level: 'buurt' });
    const { geoJsonBytes, geoJsonGeometries } = (await import(join(home, 'dist/export/geojson.js'))) as typeof import('../../src/export/geojson.js');
    // the drawing, and the geometry texts of signalen.geojson made there meanwhile
    const here = { ...prepareDrawing(b), geoJson: geoJsonGeometries(b.features, { crs: b.crs }) };
    expect(here.outlines.length).toBeGreaterThan(1);
    // over the drawing budget (a ring of 20,000 vertices in each of two buurten): the exact features
    // go over and are simplified there; the drawing comes back with the drawn features, the
    // GeoJSON geometry of the exact features after it
    const ring = (cx: number) => {
      const r = Array.from({ length: 20_000 }, (_, i) => [cx + 1000 * Math.cos((2 * Math.PI * i) / 20_000), 450000 + 1000 * Math.sin((2 * Math.PI * i) / 20_000)]);
      r.push(r[0]);
      return r;
    };
    const big = {
      ...b,
      features: [
        { type: 'Feature' as const, geometry: { type: 'Polygon' as const, coordinates: [ring(150000)] }, properties: { code: 'BU00010001', name: null } },
        { type: 'Feature' as const, geometry: { type: 'Polygon' as const, coordinates: [ring(155000)] }, properties: { code: 'BU00020001', name: null } },
      ],
    };
    // drawn from the simplification; the GeoJSON geometry of the exact features
    const bigHere = { ...prepareDrawing(big), geoJson: geoJsonGeometries(big.features, { crs: big.crs }) };
    expect(bigHere.drawn).not.toBeNull();
    const drawer = start({});
    const other = start({});
    const third = start({});
    try {
      expect(drawer.drawing!()).toBeNull();
      drawer.drawFrom!(b);
      expect(await drawer.drawing!()).toEqual(here);
      other.drawFrom!(big);
      const there = await other.drawing!();
      expect({ ...there, geoJson: null }).toEqual({ ...bigHere, geoJson: null });
      // made when asked for, in runs, partly there and partly here: they write the same GeoJSON
      expect(typeof there!.geoJson).toBe('function');
      const runs: GeoJsonRun[] = [];
      for await (const run of (there!.geoJson as () => AsyncIterable<GeoJsonRun>)()) runs.push(run);
      expect(runs.every((r) => r.texts !== null)).toBe(true);
      expect(runs.map((r) => [r.from, r.to])).toEqual(runs.map((_, k) => [k * 256, Math.min(big.features.length, (k + 1) * 256)]));
      expect(runs.reduce((n, r) => n + r.texts!.count, 0)).toBe(big.features.length);
      const write = (geometries: GeoJsonGeometries | readonly GeoJsonGeometries[]) => Buffer.concat([...geoJsonBytes(big.features, { crs: big.crs, geometries })].map((p) => Buffer.from(p)));
      expect(write(runs.map((r) => r.texts!)).equals(write(bigHere.geoJson))).toBe(true);
      // with a study area or filter (not the whole file) full resolution is drawn in this thread
      third.drawFrom!(big, { whole: false });
      expect(third.drawing!()).toBeNull();
      // the features stay usable here (they were packed, not moved)
      expect({ ...prepareDrawing(b), geoJson: geoJsonGeometries(b.features, { crs: b.crs }) }).toEqual(here);
    } finally {
      await drawer.close();
      await other.close();
      await third.close();
    }
  });

  it.runIf(built)('marks the drawing with the SHA-256 the boundaries have when it comes back (the loader may hash the file after handing it over)', async () => {
    const { startFigureDrawer: start } = (await import(join(home, 'dist/cli/figure-drawer.js'))) as typeof import('../../src/cli/figure-drawer.js');
    const { readBoundaries } = (await import(join(home, 'dist/sources/boundaries/read.js'))) as typeof import('../../src/sources/boundaries/read.js');
    const file = join(home, 'data/demo/geo/synthetisch_buurten_2019-2022_rd.geojson');
    let finish: (() => void) | undefined;
    const b = await readBoundaries(file, { level: 'buurt', checksumLater: (f) => (finish = f) });
    expect(b.provenance.checksum).toBeUndefined();
    const drawer = start({});
    try {
      drawer.drawFrom!(b);
      finish!();
      // independent: the file's bytes hashed here
      const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
      expect(b.provenance.checksum).toBe(sha);
      expect((await drawer.drawing!())!.checksum).toBe(sha);
    } finally {
      await drawer.close();
    }
  });

  it.runIf(built)('loads the KWB and Leefbaarometer tables as this thread does, and leaves what it cannot load to it', async () => {
    const { startFigureDrawer: start } = (await import(join(home, 'dist/cli/figure-drawer.js'))) as typeof import('../../src/cli/figure-drawer.js');
    const { loadKwb } = (await import(join(home, 'dist/run/load.js'))) as typeof import('../../src/run/load.js');
    const { loadLeefbaarometer } = (await import(join(home, 'dist/sources/leefbaarometer/load.js'))) as typeof import('../../src/sources/leefbaarometer/load.js');
    const kwbFile = join(home, 'data/demo/kwb/synthetisch_kwb2014_82931NED.csv');
    const lbmFile = join(home, 'data/demo/leefbaarometer/synthetisch_leefbaarometer-scores-buurten-2014-2022.csv');
    const drawer = start({}, { kwb: [{ year: 2014, input: { file: kwbFile } }, { year: 2022, input: { file: join(home, 'data/demo/kwb/bestaat-niet.csv') } }], leefbaarometer: lbmFile });
    try {
      const p = drawer.prefetched!();
      const kwb = await p.kwb!['2014'];
      const own = await loadKwb({ file: kwbFile }, 2014);
      expect(kwb).not.toBeNull();
      expect(kwb!.table.columnNames()).toEqual(own.table.columnNames());
      for (const n of own.table.columnNames()) expect(Array.from(kwb!.table.array(n) as ArrayLike<unknown>)).toEqual(Array.from(own.table.array(n) as ArrayLike<unknown>));
      expect({ ...kwb!, table: null }).toEqual({ ...own, table: null });
      expect(await p.kwb!['2022']).toBeNull();
      const lbm = await p.leefbaarometer!;
      const ownLbm = loadLeefbaarometer(lbmFile);
      expect(lbm!.table.objects()).toEqual(ownLbm.table.objects());
      expect({ ...lbm!, table: null }).toEqual({ ...ownLbm, table: null });
    } finally {
      await drawer.close();
    }
  });
});

it('draws in this thread when the worker is not compiled (the tests run src/) or switched off', () => {
  expect(startFigureDrawer().where).toBe('in-process');
  expect(startFigureDrawer({ VEERKRACHT_FIGURE_WORKER: '0' }).where).toBe('in-process');
});
