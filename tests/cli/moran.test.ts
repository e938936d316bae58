import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/shared.js';
import * as topo from 'topojson-client';
import type { MultiPolygon } from 'geojson';
import { independent, moranI, type Feat } from '../spatial/independent.js';
import { moranGlobal } from '../../src/spatial/moran.js';
import { moranLocal } from '../../src/spatial/lisa.js';
import { rowStandardise, weightsFromLists } from '../../src/spatial/weights.js';
import { latticeFeatures, latticeIds, latticeLists } from '../spatial/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'veerkracht-moran-'));

/** Lattice units → WGS84 near Utrecht (the boundary reader checks that coordinates lie in NL): 1 unit = 0.01°. */
const nl = (g: unknown): Polygon => {
  const p = g as Polygon;
  return { type: 'Polygon', coordinates: p.coordinates.map((r) => r.map(([x, y]) => [Math.round((5 + x * 0.01) * 1e6) / 1e6, Math.round((52 + y * 0.01) * 1e6) / 1e6])) };
};

/** A 5×5 lattice as GeoJSON with a value property `v` (a gradient plus a bump). */
function writeLattice(name: string, value: (i: number) => unknown, codeProperty = 'statcode'): string {
  const features = latticeFeatures(5, 5).map((f, i) => ({
    type: 'Feature', geometry: nl(f.geometry), properties: { [codeProperty]: f.properties!.code, v: value(i) },
  }));
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify({ type: 'FeatureCollection', features }));
  return p;
}
const y = (i: number) => Math.floor(i / 5) * 2 + (i % 5) + (i === 12 ? 7 : 0);

describe('veerkracht moran', () => {
  it('--json has the contract fields and agrees with the library on the same weights (queen, row-standardised)', async () => {
    const file = writeLattice('lattice.geojson', y);
    const r = await runCli(['moran', file, '--column', 'v', '--permutations', '99', '--seed', '7', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const k of ['n', 'I', 'EI', 'VI_norm', 'VI_rand', 'z_norm', 'p_norm', 'p_sim', 'islands', 'local']) expect(j).toHaveProperty(k);
    const values = Array.from({ length: 25 }, (_, i) => y(i));
    const w = rowStandardise(weightsFromLists(latticeIds(5, 5), latticeLists(5, 5, true)));
    const g = moranGlobal(values, w, { permutations: 99, seed: 7 });
    const l = moranLocal(values, w, { permutations: 99, seed: 7 });
    expect(j.n).toBe(25);
    expect(j.I).toBeCloseTo(g.I, 12);
    expect(j.EI).toBeCloseTo(-1 / 24, 12);
    expect(j.VI_norm).toBeCloseTo(g.VI_norm, 12);
    expect(j.p_sim).toBe(g.p_sim);
    expect(j.islands).toEqual([]);
    expect(j.local).toHaveLength(25);
    expect(j.local[12]).toMatchObject({ code: 'BU99990012', quadrant: l.quadrant[12], p_sim: l.p_sim[12] });
    expect(j.local[12].Ii).toBeCloseTo(l.Ii[12], 12);
  });

  it('the same seed gives the same output, another seed other pseudo p-values', async () => {
    const file = writeLattice('seed.geojson', y);
    const a = await runCli(['moran', file, '--column', 'v', '--permutations', '49', '--seed', '1', '--json']);
    const b = await runCli(['moran', file, '--column', 'v', '--permutations', '49', '--seed', '1', '--json']);
    const c = await runCli(['moran', file, '--column', 'v', '--permutations', '49', '--seed', '2', '--json']);
    expect(b.out).toBe(a.out);
    const pa = JSON.parse(a.out).local.map((x: { p_sim: number }) => x.p_sim);
    const pc = JSON.parse(c.out).local.map((x: { p_sim: number }) => x.p_sim);
    expect(pc).not.toEqual(pa);
  });

  it('leaves regions without a value out and lists them; rook differs from queen', async () => {
    const file = writeLattice('missing.geojson', (i) => (i === 0 ? null : i === 1 ? '.' : i === 2 ? '3,5' : y(i)));
    const r = await runCli(['moran', file, '--column', 'v', '--contiguity', 'rook', '--permutations', '0', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.n).toBe(23);
    expect(j.missing).toEqual(['BU99990000', 'BU99990001']);
    expect(j.local.map((x: { code: string }) => x.code)).not.toContain('BU99990000');
    expect(j.contiguity).toBe('rook');
    expect(j.tolerance).toBe(0); // no snapping unless asked
    expect(j.method).toBe('shared-vertices');
    expect(j.p_sim).toBeNull();
  });

  it('prints a readable summary without --json', async () => {
    const file = writeLattice('text.geojson', y);
    const r = await runCli(['moran', file, '--column', 'v', '--permutations', '9']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Moran's I 0\.\d+/);
    expect(r.out).toMatch(/islands \(no neighbours\): none/);
  });

  it('on the real Utrecht buurten, a text property is a one-line error naming the buurt and the column', async () => {
    const r = await runCli(['moran', sharedData('geo/buurten_2023_GM0344_utrecht_wgs84.geojson'), '--column', 'jrstatcode', '--json', '--permutations', '0']);
    // jrstatcode is text like "2023BU03440111": not a number → a one-line error naming feature and column
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/feature BU0344\d{4}, column "jrstatcode": not a number/);
  });

  it('reports an island by code, and --island-neighbours 1 connects it', async () => {
    const features = latticeFeatures(3, 3).map((f, i) => ({ type: 'Feature', geometry: nl(f.geometry), properties: { code: f.properties!.code, v: i } }));
    features.push({
      type: 'Feature',
      geometry: nl({ type: 'Polygon', coordinates: [[[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]]] }),
      properties: { code: 'BU99990099', v: 3 },
    });
    const file = join(dir, 'island.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
    const a = JSON.parse((await runCli(['moran', file, '--column', 'v', '--permutations', '9', '--json'])).out);
    expect(a.islands).toEqual(['BU99990099']);
    const island = a.local.find((x: { code: string }) => x.code === 'BU99990099');
    expect(island).toMatchObject({ Ii: null, quadrant: null, p_sim: null, cluster: 'geen buren' });
    const b = JSON.parse((await runCli(['moran', file, '--column', 'v', '--permutations', '9', '--island-neighbours', '1', '--json'])).out);
    expect(b.islands).toEqual([]);
    // a tolerance wider than the gap (7 units = 0.07° in x and y) makes the far square a neighbour
    const c = JSON.parse((await runCli(['moran', file, '--column', 'v', '--permutations', '0', '--tolerance', '0.15', '--json'])).out);
    expect(c.islands).toEqual([]);
    expect(c.tolerance).toBe(0.15);
    expect(b.n).toBe(10);
  });

  it('reads TopoJSON (object chosen with --object) with the same result as GeoJSON', async () => {
    const file = writeLattice('topo-src.geojson', y);
    const fcol = JSON.parse(readFileSync(file, 'utf8'));
    const topoFile = join(dir, 'lattice.topojson');
    writeFileSync(topoFile, JSON.stringify(topology({ other: { type: 'FeatureCollection', features: [] } as FeatureCollection, buurten: fcol })));
    const a = JSON.parse((await runCli(['moran', file, '--column', 'v', '--permutations', '19', '--json'])).out);
    const t = await runCli(['moran', topoFile, '--column', 'v', '--permutations', '19', '--object', 'buurten', '--json']);
    expect(t.err).toBe('');
    const b = JSON.parse(t.out);
    expect(b.n).toBe(25);
    expect(b.I).toBeCloseTo(a.I, 9);
    expect(b.local.map((x: { quadrant: number }) => x.quadrant)).toEqual(a.local.map((x: { quadrant: number }) => x.quadrant));
  });

  it('features the reader cannot use are listed as dropped, the rest is computed', async () => {
    const file = writeLattice('dropped.geojson', y);
    const fcol = JSON.parse(readFileSync(file, 'utf8'));
    fcol.features[3].geometry = null;
    writeFileSync(file, JSON.stringify(fcol));
    const r = await runCli(['moran', file, '--column', 'v', '--permutations', '0', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.n).toBe(24);
    expect(j.dropped).toHaveLength(1);
    expect(j.dropped[0].count).toBe(1);
    expect(j.dropped[0].examples[0]).toContain('feature 3');
    const text = await runCli(['moran', file, '--column', 'v', '--permutations', '0']);
    expect(text.out).toMatch(/dropped by the reader: 1 ×/);
  });

  it('bad input: unknown column, missing --column, bad contiguity, not GeoJSON', async () => {
    const file = writeLattice('bad.geojson', y);
    let r = await runCli(['moran', file, '--column', 'nope']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/column "nope": no such property/);
    r = await runCli(['moran', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--column is required/);
    r = await runCli(['moran', file, '--column', 'v', '--contiguity', 'bishop']);
    expect(r.code).toBe(2);
    r = await runCli(['moran', file, '--column', 'v', '--permutations', '-3']);
    expect(r.code).toBe(2);
    r = await runCli(['moran', file, '--column', 'v', '--tolerance', 'wide']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--tolerance must be a number/);
    const notJson = join(dir, 'x.geojson');
    writeFileSync(notJson, 'code;v\n1;2\n');
    r = await runCli(['moran', notJson, '--column', 'v']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/x\.geojson, line 1: this is a table, not a boundary file; expected boundaries .* --table TABLE --key COLUMN/);
    const constant = writeLattice('const.geojson', () => 4);
    r = await runCli(['moran', constant, '--column', 'v']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/const\.geojson: .*constant variable/);
    const pointy = join(dir, 'point.geojson');
    writeFileSync(pointy, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { code: 'BU00010001', v: 1 } }] }));
    r = await runCli(['moran', pointy, '--column', 'v']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/point\.geojson: no usable boundary feature.*1 × not a polygon/);
  });
});

describe('veerkracht moran: libpysal contiguity, --snap, --table joins (issue 21)', () => {
  const nlFile = sharedData('geo/wijken_2023_nl_wgs84.topojson');
  const lbmFile = sharedData('leefbaarometer/Leefbaarometer-scores wijken 2002-2022.csv');
  // independent: decoded polygons, shared-vertex pairs, LBM onv 2022 read from the raw CSV
  const tj = JSON.parse(readFileSync(nlFile, 'utf8'));
  const fc = topo.feature(tj, tj.objects.wijk_2023) as unknown as { features: { geometry: Polygon | MultiPolygon; properties: { statcode: string } }[] };
  const feats: Feat[] = fc.features.map((f) => ({ geometry: f.geometry, properties: { code: f.properties.statcode } }));
  const onv2022 = new Map<string, string>();
  for (const line of readFileSync(lbmFile, 'utf8').split(/\r?\n/).slice(1)) {
    const c = line.split(','); // wk_naam may hold quoted commas: count from the end
    if (c[c.length - 8] === '2022') onv2022.set(c[0], c[c.length - 4]);
  }
  const values = feats.map((f) => {
    const v = onv2022.get(f.properties.code);
    return v === undefined || v === 'NA' ? NaN : Number(v);
  });

  it('joins the Leefbaarometer onto the national wijken by code (--year), reads contiguity from the topology, and reproduces libpysal\'s I', async () => {
    const r = await runCli(['moran', nlFile, '--table', lbmFile, '--key', 'code', '--year', '2022', '--column', 'onv', '--permutations', '0', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.method).toBe('topology');
    expect(j.tolerance).toBe(0);
    expect(j.n).toBe(values.filter(Number.isFinite).length);
    expect(j.I).toBeCloseTo(moranI(values, independent(feats).queen), 12);
    expect(j.I).toBeCloseTo(0.578570, 6); // issue 21: libpysal-style weights
    const matched = feats.filter((f) => onv2022.has(f.properties.code)).length;
    expect(j.join.matched).toBe(matched);
    expect(j.join.onlyLeft).toHaveLength(feats.length - matched);
    expect(j.join.onlyRight).toHaveLength(onv2022.size - matched);
    const text = await runCli(['moran', nlFile, '--table', lbmFile, '--year', '2022', '--column', 'onv', '--contiguity', 'rook', '--permutations', '0']);
    expect(text.out).toMatch(new RegExp(`join on region code: ${matched} matched; ${feats.length - matched} boundaries without a table row`));
    expect(text.out).toContain('contiguity from shared vertices and arcs of the TopoJSON topology');
  });

  it('a long table without --year says which years to choose from; a CSV as FILE says to pass boundaries and --table', async () => {
    const a = await runCli(['moran', nlFile, '--table', lbmFile, '--column', 'onv']);
    expect(a.code).toBe(1);
    expect(a.err).toMatch(/occur more than once.*--year \(2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022\)/);
    const b = await runCli(['moran', lbmFile, '--column', 'onv']);
    expect(b.code).toBe(1);
    expect(b.err.trim().split('\n')).toHaveLength(1);
    expect(b.err).toMatch(/line 1: this is a table, not a boundary file.*--table TABLE/);
    expect(b.err).not.toMatch(/Unexpected token/);
  });

  it('a generic CSV (wk_code,lbm) joins with --key wk_code; codes not in the boundaries are reported', async () => {
    const utrecht = sharedData('geo/wijken_2023_GM0344_utrecht_wgs84.geojson');
    const doc = JSON.parse(readFileSync(utrecht, 'utf8'));
    const codes: string[] = doc.features.map((f: { properties: { statcode: string } }) => f.properties.statcode);
    const csv = join(dir, 'wk_lbm.csv');
    writeFileSync(csv, ['wk_code,lbm', ...codes.slice(1).map((c, i) => `${c},${(4 + ((i * 7) % 5) / 10).toFixed(1)}`), 'WK999999,4.0'].join('\n') + '\n');
    const r = await runCli(['moran', utrecht, '--table', csv, '--key', 'wk_code', '--column', 'lbm', '--permutations', '0', '--json']);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.join.matched).toBe(codes.length - 1);
    expect(j.join.onlyLeft).toEqual([codes[0]]);
    expect(j.join.onlyRight).toEqual(['WK999999']);
    expect(j.missing).toEqual([codes[0]]);
    expect(j.n).toBe(codes.length - 1);
  });

  it('every column inspect lists can be --column: area_km2 (I against independent shoelace areas)', async () => {
    const utrecht = sharedData('geo/wijken_2023_GM0344_utrecht_wgs84.geojson');
    const r = await runCli(['moran', utrecht, '--column', 'area_km2', '--permutations', '0', '--json']);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.n).toBe(10);
    const doc = JSON.parse(readFileSync(utrecht, 'utf8'));
    const feats2: Feat[] = doc.features.map((f: { geometry: Polygon; properties: { statcode: string } }) => ({ geometry: f.geometry, properties: { code: f.properties.statcode } }));
    // planar shoelace in degrees, scaled to km² at 52.09° N (the RD area differs by < 0.1 % here)
    const area = feats2.map((f) => {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      let a = 0;
      for (const p of polys) p.forEach((ring, k) => {
        let s = 0;
        for (let t = 0; t + 1 < ring.length; t++) s += ring[t][0] * ring[t + 1][1] - ring[t + 1][0] * ring[t][1];
        a += (k === 0 ? 1 : -1) * Math.abs(s / 2);
      });
      return a * 111.32 * 111.32 * Math.cos((52.09 * Math.PI) / 180);
    });
    expect(j.I).toBeCloseTo(moranI(area, independent(feats2).queen), 2);
  });

  it('--snap is explicit and reported; decimal commas accepted; snapping widens contacts', async () => {
    const buurten = sharedData('geo/buurten_2023_GM0344_utrecht_wgs84.geojson');
    const plain = JSON.parse((await runCli(['moran', buurten, '--column', 'centroid_lon', '--permutations', '0', '--json'])).out);
    expect(plain.method).toBe('shared-vertices');
    const snapped = await runCli(['moran', buurten, '--column', 'centroid_lon', '--permutations', '0', '--snap', '0,0015', '--json']);
    expect(snapped.err).toBe('');
    const s = JSON.parse(snapped.out);
    expect(s.method).toBe('snapped');
    expect(s.tolerance).toBe(0.0015);
    const text = await runCli(['moran', buurten, '--column', 'centroid_lon', '--permutations', '0', '--snap', '0.0015']);
    expect(text.out).toContain('contiguity from vertices snapped within 0.0015 coordinate units');
    const bad = await runCli(['moran', buurten, '--column', 'centroid_lon', '--contiguity', 'bishop']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('queen, rook');
  });
});
