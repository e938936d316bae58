import { describe, expect, it } from 'vitest';
import * as topojsonServer from 'topojson-server';
import { parseBoundaries, readBoundaries } from '../../../src/sources/boundaries/read.js';
import { planarArea } from '../../../src/geo/area.js';
import { collection, polygonFeature, rectRing, tempDir, writeTemp } from './fixtures.js';

// three 1 km RD squares in a row, sharing edges; a second object of gemeenten
const buurten = collection([0, 1, 2].map((i) => polygonFeature({ statcode: `BU0344010${i}` }, [rectRing(135000 + i * 1000, 455000, 136000 + i * 1000, 456000)])));
const gemeente = collection([polygonFeature({ gm_code: 'GM0344' }, [rectRing(135000, 455000, 138000, 456000)])]);
const topo = (q?: number) => JSON.parse(JSON.stringify(topojsonServer.topology({ regio: { type: 'FeatureCollection', features: [] } as never, buurten: buurten as never, gemeenten: gemeente as never }, q)));

describe('TopoJSON boundaries', () => {
  it('decodes quantized arcs back to the planted squares (within the quantization step)', () => {
    const b = parseBoundaries(topo(1e5));
    expect(b).toMatchObject({ level: 'buurt', crs: 'EPSG:28992', codeProperty: 'statcode' });
    expect(b.provenance.kind).toBe('boundaries-topojson');
    // 3000 m / 1e5 steps = 3 cm per step in x, 1 cm in y
    for (const f of b.features) expect(planarArea(f.geometry)).toBeCloseTo(1e6, -3);
    expect(b.report.warnings[0]).toBe('read object "buurten"; the file also has "gemeenten" (choose with object)');
  });

  it('reads unquantized topologies exactly and chooses an object by name', () => {
    const b = parseBoundaries(topo(), {}, { object: 'gemeenten' });
    expect(b.level).toBe('gemeente');
    expect(planarArea(b.features[0].geometry)).toBe(3e6);
    expect(() => parseBoundaries(topo(), { file: 't.json' }, { object: 'wijk_2023' })).toThrow(
      't.json, column "objects": TopoJSON object not found; expected "wijk_2023", found ["regio","buurten","gemeenten"]',
    );
  });

  it('counts geometries with broken arc references, naming index and code', () => {
    const t = topo(1e5);
    const g = t.objects.buurten.geometries[1];
    g.arcs = [[9999]];
    const b = parseBoundaries(t, { file: 't.json' });
    expect(b.features.map((f) => f.properties.code)).toEqual(['BU03440100', 'BU03440102']);
    expect(b.report.dropped).toEqual([
      { reason: 'broken TopoJSON arc reference', count: 1, examples: [`feature 1 (BU03440101): arc index 9999 outside 0–${t.arcs.length - 1}`] },
    ]);
    g.arcs = [[~9999]];
    expect(parseBoundaries(t).report.dropped[0].examples[0]).toMatch(/arc index -10000 outside/);
    g.arcs = [[0.5]];
    expect(parseBoundaries(t).report.dropped[0].examples[0]).toMatch(/arc index 0.5 outside/);
    g.arcs = [[0]];
    t.arcs[0] = 7;
    expect(parseBoundaries(t).report.dropped[0].examples[0]).toBe('feature 0 (BU03440100): arc 0 is not a list of positions: 7');
  });

  it('arcs that do not join into a closed ring are counted as unclosed', () => {
    const t = topo();
    // replace buurt 0's ring by a single open arc
    t.arcs.push([[135000, 455000], [136000, 455000], [136000, 456000], [135000, 456000]]);
    t.objects.buurten.geometries[0].arcs = [[t.arcs.length - 1]];
    const b = parseBoundaries(t);
    expect(b.report.dropped[0]).toMatchObject({ reason: 'unclosed ring', count: 1 });
    expect(b.report.dropped[0].examples[0]).toMatch(/^feature 0 \(BU03440100\): ring 0: first/);
  });

  it('a CRS member that contradicts the decoded coordinates is an error', () => {
    const t = topo(1e5);
    t.crs = { type: 'name', properties: { name: 'EPSG:4326' } };
    expect(() => parseBoundaries(t, { file: 'rd.topojson' })).toThrow(/^rd\.topojson, column "crs": the CRS label says EPSG:4326 but the coordinates are not/);
  });

  it('a malformed transform or a non-topology is an error', async () => {
    const t = topo(1e5);
    t.transform.scale = [1, 'x'];
    expect(() => parseBoundaries(t, { file: 't.json' })).toThrow(/t\.json, column "transform": malformed TopoJSON transform/);
    const dir = tempDir();
    const p = writeTemp(dir, 'ok.topojson', JSON.stringify(topo(1e4)));
    expect((await readBoundaries(p)).features).toHaveLength(3);
    expect(() => parseBoundaries({ type: 'Topology', objects: {} }, { file: 't' })).toThrow(/TopoJSON without arcs/);
    expect(() => parseBoundaries({ type: 'Topology', objects: {}, arcs: [] }, { file: 't' })).toThrow(/TopoJSON has no polygon object/);
  });
});
