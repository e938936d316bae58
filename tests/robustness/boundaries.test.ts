/**
 * Bad boundary files through `inspect` and `moran`: unclosed rings, self-intersections, empty
 * geometries, wrong CRS labels both ways, broken TopoJSON arcs, truncated JSON.
 */
import { describe, expect, it } from 'vitest';
import { readBoundaries } from '../../src/sources/boundaries/index.js';
import { balance, cliError, inspectJson, tempDir, writeCase } from './corpus.js';

const dir = tempDir();
type Ring = number[][];
const sq = (x: number, y: number, s: number): Ring => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const feat = (code: string, coords: unknown, v = 1) => ({
  type: 'Feature',
  properties: { buurtcode: code, v },
  geometry: coords === null ? null : { type: 'Polygon', coordinates: coords },
});
const fc = (features: unknown[], crs?: string) =>
  JSON.stringify({ type: 'FeatureCollection', ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}), features });
const wgs = [feat('BU03630000', [sq(5, 52, 0.01)], 1), feat('BU03630001', [sq(5.01, 52, 0.01)], 2)];
const rd = [feat('BU03630000', [sq(120000, 480000, 1000)], 1), feat('BU03630001', [sq(121000, 480000, 1000)], 2)];

describe('GeoJSON geometry faults', () => {
  it('an unclosed ring: the feature is dropped, counted with its index, code and the two ends', async () => {
    const p = writeCase(dir, 'unclosed.geojson', fc([...wgs, feat('BU03630002', [sq(5.02, 52, 0.01).slice(0, 4)])]));
    const d = await inspectJson(p);
    expect(d.report.dropped).toEqual([
      { reason: 'unclosed ring', count: 1, examples: ['feature 2 (BU03630002): ring 0: first [5.02,52] ≠ last [5.02,52.01]'] },
    ]);
    expect(balance(d.report)).toBe(1);
  });
  it('a self-intersecting (bow-tie) ring is kept with a warning naming feature and ring', async () => {
    const bow = [[[5, 52.1], [5.01, 52.11], [5.01, 52.1], [5, 52.11], [5, 52.1]]];
    const d = await inspectJson(writeCase(dir, 'bowtie.geojson', fc([...wgs, feat('BU03630002', bow)])));
    expect(d.report.rowsKept).toBe(3);
    expect(d.warnings).toContain('1 feature with a self-intersecting ring (kept): feature 2 (BU03630002) ring 0: ring touches or crosses itself near segment 0');
  });
  it('null and empty geometries are dropped as empty geometry, both counted', async () => {
    const d = await inspectJson(writeCase(dir, 'empty.geojson', fc([...wgs, feat('BU03630002', null), feat('BU03630003', [])])));
    expect(d.report.dropped).toEqual([
      { reason: 'empty geometry', count: 2, examples: ['feature 2 (BU03630002): geometry is null', 'feature 3 (BU03630003): no coordinates'] },
    ]);
  });
  it('duplicate codes and codes of another level are dropped and counted', async () => {
    const d = await inspectJson(
      writeCase(dir, 'codes.geojson', fc([...wgs, feat('BU03630000', [sq(5.02, 52, 0.01)]), feat('WK036300', [sq(5.03, 52, 0.01)])])),
    );
    expect(d.report.dropped.map((x) => [x.reason, x.count, x.examples[0]])).toEqual([
      ['duplicate code', 1, 'feature 2 (BU03630000): BU03630000 already read'],
      ['code of another level', 1, 'feature 3 (WK036300): a wijk code, expected buurt'],
    ]);
  });
  it('a FeatureCollection without any usable feature is reported by moran as too few regions, one line', async () => {
    const p = writeCase(dir, 'nothing.geojson', fc([feat('BU03630002', null), feat('BU03630003', null), feat('BU03630004', [])]));
    expect(await cliError(['moran', p, '--column', 'v'])).toMatch(/nothing\.geojson/);
  });
});

describe('wrong CRS labels', () => {
  it('RD coordinates labelled WGS84 (CRS84): error naming the label, the bbox and what it looks like', async () => {
    const p = writeCase(dir, 'rd-as-wgs.geojson', fc(rd, 'urn:ogc:def:crs:OGC:1.3:CRS84'));
    const msg = `veerkracht inspect: ${p}, column "crs": the CRS label says EPSG:4326 but the coordinates are not; expected longitude 2.5–7.6, latitude 50.5–54, found bounding box [120000, 480000, 122000, 481000], which looks like EPSG:28992`;
    expect(await cliError(['inspect', p])).toBe(msg);
    expect(await cliError(['moran', p, '--column', 'v'])).toBe(msg.replace('inspect', 'moran'));
  });
  it('WGS84 coordinates labelled RD (EPSG:28992): the same, the other way', async () => {
    const p = writeCase(dir, 'wgs-as-rd.geojson', fc(wgs, 'urn:ogc:def:crs:EPSG::28992'));
    expect(await cliError(['inspect', p])).toBe(
      `veerkracht inspect: ${p}, column "crs": the CRS label says EPSG:28992 but the coordinates are not; expected RD x −10–310 km, y 280–640 km, found bounding box [5, 52, 5.02, 52.01], which looks like EPSG:4326`,
    );
  });
  it('coordinates in neither system: error naming the bbox', async () => {
    const p = writeCase(dir, 'nowhere.geojson', fc([feat('BU03630000', [sq(-70, -30, 1)])]));
    expect(await cliError(['inspect', p])).toMatch(/nowhere\.geojson, column "coordinates": cannot tell the CRS: coordinates lie outside the Netherlands; .*found bounding box \[-70, -30, -69, -29\]/);
  });
  it('unlabelled RD and unlabelled WGS84 both read, in RD', async () => {
    const a = await readBoundaries(writeCase(dir, 'rd.geojson', fc(rd)));
    const b = await readBoundaries(writeCase(dir, 'wgs.geojson', fc(wgs)));
    expect(a.report.rowsKept).toBe(2);
    expect(b.report.rowsKept).toBe(2);
  });
});

describe('TopoJSON and truncated JSON', () => {
  const topo = (geometries: unknown[], arcs: unknown) =>
    JSON.stringify({ type: 'Topology', objects: { buurten: { type: 'GeometryCollection', geometries } }, arcs });
  const arc = [[120000, 480000], [121000, 480000], [121000, 481000], [120000, 481000], [120000, 480000]];
  const arc2 = [[121000, 480000], [122000, 480000], [122000, 481000], [121000, 481000], [121000, 480000]];
  it('a geometry pointing at an arc that does not exist is counted per feature, the rest kept', async () => {
    const p = writeCase(
      dir,
      'broken.topojson',
      topo(
        [
          { type: 'Polygon', arcs: [[0]], properties: { buurtcode: 'BU03630000' } },
          { type: 'Polygon', arcs: [[1]], properties: { buurtcode: 'BU03630001' } },
          { type: 'Polygon', arcs: [[7]], properties: { buurtcode: 'BU03630002' } },
        ],
        [arc, arc2],
      ),
    );
    const d = await inspectJson(p);
    expect(d.report.rowsRead).toBe(3);
    expect(d.report.rowsKept).toBe(2);
    expect(balance(d.report)).toBe(1);
    expect(d.report.dropped).toEqual([{ reason: 'broken TopoJSON arc reference', count: 1, examples: ['feature 2 (BU03630002): arc index 7 outside 0–1'] }]);
  });
  it('arcs that are not position lists are counted, not a crash', async () => {
    const p = writeCase(dir, 'badarcs.topojson', topo([{ type: 'Polygon', arcs: [[0]], properties: { buurtcode: 'BU03630000' } }, { type: 'Polygon', arcs: [[1]], properties: { buurtcode: 'BU03630001' } }], [arc, 'nonsense']));
    const d = await inspectJson(p);
    expect(d.report).toMatchObject({ rowsRead: 2, rowsKept: 1 });
    expect(balance(d.report)).toBe(1);
    expect(d.report.dropped[0]).toEqual({ reason: 'broken TopoJSON arc reference', count: 1, examples: ['feature 1 (BU03630001): arc 1 is not a list of positions: "nonsense"'] });
  });
  it('truncated GeoJSON: moran and inspect both say invalid JSON in one line', async () => {
    const p = writeCase(dir, 'cut.geojson', fc(wgs).slice(0, 100));
    expect(await cliError(['moran', p, '--column', 'v'])).toBe(
      `veerkracht moran: ${p}: invalid JSON; expected GeoJSON or TopoJSON, found Unexpected end of JSON input`,
    );
    expect(await cliError(['inspect', p])).toBe(
      `veerkracht inspect: ${p}: invalid JSON; expected GeoJSON, TopoJSON or a StatLine OData response, found Unexpected end of JSON input`,
    );
  });
  it('valid JSON of an unknown shape is still "format not recognised"', async () => {
    const p = writeCase(dir, 'other.json', '{"hello": [1, 2, 3]}');
    expect(await cliError(['inspect', p])).toMatch(/other\.json, line 1: format not recognised/);
  });
});
