import { describe, expect, it } from 'vitest';
import { readBoundaries, parseBoundaries } from '../../../src/sources/boundaries/read.js';
import { VeerkrachtError } from '../../../src/util/errors.js';
import { rdToWgs84 } from '../../../src/geo/projection.js';
import { collection, polygonFeature, rectRing, tempDir, writeTemp } from './fixtures.js';

// RD New squares of 1 km near Utrecht
const rd = (i: number) => [rectRing(135000 + i * 1000, 455000, 136000 + i * 1000, 456000)];
const wgs = (i: number) => [rectRing(135000 + i * 1000, 455000, 136000 + i * 1000, 456000).map(rdToWgs84)];
const dir = tempDir();

function balance(r: { rowsRead: number; rowsKept: number; dropped: { count: number }[] }) {
  return r.rowsRead === r.rowsKept + r.dropped.reduce((s, d) => s + d.count, 0);
}

describe('GeoJSON boundaries: bad features are counted by reason, index and code', () => {
  const doc = collection([
    polygonFeature({ statcode: 'BU03440101', statnaam: 'Een' }, rd(0)),
    polygonFeature({ statcode: 'BU03440102' }, [rd(1)[0].slice(0, 4)]), // unclosed
    { type: 'Feature', properties: { statcode: 'BU03440103' }, geometry: null }, // empty
    polygonFeature({ statcode: 'BU03440104' }, []), // empty coordinates
    polygonFeature({ statcode: '' }, rd(4)), // no code
    polygonFeature({ statcode: 'BU03440101' }, rd(5)), // duplicate
    polygonFeature({ statcode: 'BU03440107' }, [[[137000, 455000], [138000, 456000], [138000, 455000], [137000, 456000], [137000, 455000]]]), // bow tie
    polygonFeature({ statcode: 'WK034401' }, rd(8)), // other level
    polygonFeature({ statcode: 'BU03440109' }, [[[139000, 455000], [140000, 455000], [139000, 455000]]]), // too short
    polygonFeature({ statcode: 'BU03440110' }, [[[140000, 455000], [141000, 455000], [141000, 'x'], [140000, 455000]]]), // non-finite
    polygonFeature({ statcode: 'BU03440111' }, rd(11)),
  ]);
  const file = writeTemp(dir, 'bad.geojson', JSON.stringify(doc));

  it('keeps the good ones and balances the counts', async () => {
    const b = await readBoundaries(file);
    expect(b.features.map((f) => f.properties.code)).toEqual(['BU03440101', 'BU03440107', 'BU03440111']);
    expect(b).toMatchObject({ crs: 'EPSG:28992', level: 'buurt', codeProperty: 'statcode' });
    expect(b.features[0].properties.name).toBe('Een');
    expect(balance(b.report)).toBe(true);
    const byReason = Object.fromEntries(b.report.dropped.map((d) => [d.reason, d.count]));
    expect(byReason).toEqual({
      'unclosed ring': 1, 'empty geometry': 2, 'no region code': 1, 'duplicate code': 1, 'code of another level': 1,
      'ring with fewer than 4 positions': 1, 'non-finite coordinate': 1,
    });
    const ex = (reason: string) => b.report.dropped.find((d) => d.reason === reason)!.examples;
    expect(ex('unclosed ring')).toEqual(['feature 1 (BU03440102): ring 0: first [136000,455000] ≠ last [136000,456000]']);
    expect(ex('empty geometry')).toEqual(['feature 2 (BU03440103): geometry is null', 'feature 3 (BU03440104): no coordinates']);
    expect(ex('no region code')).toEqual(['feature 4: statcode = ""']);
    expect(ex('duplicate code')).toEqual(['feature 5 (BU03440101): BU03440101 already read']);
    expect(ex('code of another level')).toEqual(['feature 7 (WK034401): a wijk code, expected buurt']);
    expect(b.report.warnings).toEqual([
      '1 feature with a self-intersecting ring (kept): feature 6 (BU03440107) ring 0: ring touches or crosses itself near segment 0',
      // the fixture is RD New without a crs member
      'GeoJSON without a "crs" member holds RD New coordinates (RFC 7946 expects WGS84): read as RD New (EPSG:28992)',
    ]);
  });

  it('strict mode throws at the first unusable feature, naming file, feature and code', async () => {
    await expect(readBoundaries(file, { strict: true })).rejects.toThrow(
      `${file}, feature 1 (BU03440102), column "geometry": unusable feature: unclosed ring; expected a polygon with closed rings of at least 4 finite positions, found ring 0: first [136000,455000] ≠ last [136000,456000]`,
    );
  });

  it('an explicit level keeps the other level apart', async () => {
    const b = await readBoundaries(file, { level: 'wijk' });
    expect(b.features.map((f) => f.properties.code)).toEqual(['WK034401']);
    expect(balance(b.report)).toBe(true);
    // the four usable buurt features, the second BU03440101 included (level is checked before duplicates)
    expect(b.report.dropped.find((d) => d.reason === 'code of another level')?.count).toBe(4);
  });
});

describe('GeoJSON boundaries: CRS from label and coordinates', () => {
  const feats = (g: (i: number) => number[][][]) => [polygonFeature({ statcode: 'BU03440101' }, g(0)), polygonFeature({ statcode: 'BU03440102' }, g(1))];

  it('detects RD and WGS84 without a label, and honours a matching label', () => {
    expect(parseBoundaries(collection(feats(rd))).crs).toBe('EPSG:28992');
    expect(parseBoundaries(collection(feats(wgs))).crs).toBe('EPSG:4326');
    expect(parseBoundaries(collection(feats(rd), 'urn:ogc:def:crs:EPSG::28992')).crs).toBe('EPSG:28992');
    expect(parseBoundaries(collection(feats(wgs), 'urn:ogc:def:crs:OGC:1.3:CRS84')).crs).toBe('EPSG:4326');
  });

  it('RD coordinates labelled WGS84 are an error naming the file', () => {
    expect(() => parseBoundaries(collection(feats(rd), 'urn:ogc:def:crs:OGC:1.3:CRS84'), { file: 'rd-as-wgs.geojson' })).toThrow(
      'rd-as-wgs.geojson, column "crs": the CRS label says EPSG:4326 but the coordinates are not; expected longitude 2.5–7.6, latitude 50.5–54, found bounding box [135000, 455000, 137000, 456000], which looks like EPSG:28992',
    );
  });

  it('WGS84 coordinates labelled RD are an error too', () => {
    expect(() => parseBoundaries(collection(feats(wgs), 'EPSG:28992'), { file: 'wgs-as-rd.geojson' })).toThrow(
      /wgs-as-rd\.geojson, column "crs": the CRS label says EPSG:28992 but the coordinates are not; expected RD x −10–310 km, y 280–640 km, found bounding box \[5\.\d+, 52\.\d+, 5\.\d+, 52\.\d+\], which looks like EPSG:4326/,
    );
  });

  it('swapped latitude/longitude and coordinates elsewhere are errors', () => {
    const swapped = (i: number) => wgs(i).map((r) => r.map(([x, y]) => [y, x]));
    expect(() => parseBoundaries(collection(feats(swapped)), { file: 'f' })).toThrow(/latitude, longitude/);
    const paris = () => [rectRing(2.3, 48.8, 2.4, 48.9)];
    expect(() => parseBoundaries(collection([polygonFeature({ statcode: 'BU03440101' }, paris())]), { file: 'f' })).toThrow(
      'f, column "coordinates": cannot tell the CRS: coordinates lie outside the Netherlands; expected RD New (x 0–300 km, y 289–629 km) or WGS84 (lon 3–7.3, lat 50.7–53.6), found bounding box [2.3, 48.8, 2.4, 48.9]',
    );
  });

  it('an unsupported CRS label is an error', () => {
    expect(() => parseBoundaries(collection(feats(rd), 'EPSG:3857'), { file: 'f' })).toThrow(/unsupported coordinate reference system/);
  });

  it('converts to the CRS asked for', () => {
    const b = parseBoundaries(collection(feats(rd)), {}, { crs: 'EPSG:4326' });
    expect(b.crs).toBe('EPSG:4326');
    const [lon, lat] = b.features[0].geometry.coordinates[0][0] as number[];
    const [elon, elat] = rdToWgs84([135000, 455000]);
    expect(lon).toBeCloseTo(elon, 9);
    expect(lat).toBeCloseTo(elat, 9);
  });
});

describe('GeoJSON boundaries: code property and level', () => {
  const one = (props: Record<string, unknown>, id?: string) => collection([polygonFeature(props, rd(0), id)]);

  it('finds the usual code properties, bare codes included', () => {
    expect(parseBoundaries(one({ BU_CODE: 'BU03440101', BU_NAAM: 'X' })).features[0].properties).toMatchObject({ code: 'BU03440101', name: 'X' });
    expect(parseBoundaries(one({ bu_code: '03440101' })).features[0].properties.code).toBe('BU03440101');
    expect(parseBoundaries(one({ gm_code: 344 })).features[0].properties.code).toBe('GM0344');
    expect(parseBoundaries(one({ wk_code: 'WK034401' }))).toMatchObject({ level: 'wijk', codeProperty: 'wk_code' });
    expect(parseBoundaries(one({ code: 'GM0344' }))).toMatchObject({ level: 'gemeente', codeProperty: 'code' });
    expect(parseBoundaries(one({ fid: 7 }, 'BU03440101'))).toMatchObject({ codeProperty: 'id', level: 'buurt' });
    expect(parseBoundaries(one({ mijncode: 'BU03440101' }), {}, { codeProperty: 'mijncode' }).features[0].properties.code).toBe('BU03440101');
  });

  it('no code property is an error listing what was found', () => {
    expect(() => parseBoundaries(one({ fid: 7, naam: 'X' }), { file: 'f.geojson' })).toThrow(
      'f.geojson: no property holds region codes; expected one of statcode, buurtcode, wijkcode, gemeentecode, bu_code, wk_code, gm_code, gwb_code, gwb_code_10, regiocode, code (or --code-property), found properties ["fid","naam"]',
    );
    expect(() => parseBoundaries(one({ statcode: 'BU03440101' }), { file: 'f.geojson' }, { codeProperty: 'BUCODE' })).toThrow(/code property not found/);
  });

  it('not GeoJSON, broken JSON and empty files are errors', async () => {
    expect(() => parseBoundaries({ type: 'Nope' }, { file: 'f' })).toThrow(VeerkrachtError);
    await expect(readBoundaries(writeTemp(dir, 'broken.geojson', '{"type":"FeatureCollection",\n"features": [}'))).rejects.toThrow(/invalid JSON/);
    await expect(readBoundaries(writeTemp(dir, 'empty.geojson', ''))).rejects.toThrow(/file is empty/);
    await expect(readBoundaries(`${dir}/missing.geojson`)).rejects.toThrow(/file not found/);
    const allBad = collection([polygonFeature({ statcode: 'BU03440101' }, [])]);
    expect(() => parseBoundaries(allBad, { file: 'f' })).toThrow('f: no usable boundary feature; expected polygon features with a region code, found 1 × empty geometry');
  });
});

describe('GeoJSON boundaries read ahead (options.bytes)', () => {
  it('gives the same boundaries as reading the file, and a failed read the same error naming the file', async () => {
    const { readFile } = await import('node:fs/promises');
    const file = writeTemp(dir, 'ahead.geojson', JSON.stringify(collection([polygonFeature({ statcode: 'BU03440101', statnaam: 'Een' }, rd(0)), polygonFeature({ statcode: 'BU03440102' }, rd(1))])));
    const read = await readBoundaries(file);
    const ahead = await readBoundaries(file, { bytes: readFile(file) });
    expect(ahead).toEqual(read);
    expect(ahead.provenance.checksum).toMatch(/^[0-9a-f]{64}$/);
    const missing = `${dir}/missing-ahead.geojson`;
    const direct = await readBoundaries(missing).catch((e: unknown) => e);
    const viaAhead = await readBoundaries(missing, { bytes: readFile(missing) }).catch((e: unknown) => e);
    expect(viaAhead).toBeInstanceOf(VeerkrachtError);
    expect((viaAhead as Error).message).toBe((direct as Error).message);
    expect((viaAhead as Error).message).toContain('missing-ahead.geojson');
  });
});
