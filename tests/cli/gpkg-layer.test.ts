import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CBS_COLUMNS, writeGpkg } from '../sources/boundaries/gpkg-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'veerkracht-gpkg-cli-'));
const gpkg = join(dir, 'wijkenbuurten_2023.gpkg');
const geojson = join(dir, 'buurten.geojson');

// a 3×3 block of 1 km buurten in RD New with a value gradient, plus a water-only buurt
const cells = Array.from({ length: 9 }, (_, i) => {
  const x = 135000 + (i % 3) * 1000;
  const y = 455000 + Math.floor(i / 3) * 1000;
  const ring = [[x, y], [x + 1000, y], [x + 1000, y + 1000], [x, y + 1000], [x, y]];
  return { code: `BU034401${String(i).padStart(2, '0')}`, ring, v: (i % 3) * 10 + Math.floor(i / 3) * 3 + (i === 4 ? 7 : 0) };
});

beforeAll(async () => {
  await writeGpkg(gpkg, [
    {
      name: 'buurten', columns: CBS_COLUMNS.buurten,
      rows: [
        ...cells.map((c) => ({ geom: { type: 'MultiPolygon' as const, coordinates: [[c.ring]] }, buurtcode: c.code, buurtnaam: c.code, water: 'NEE', aantal_inwoners: c.v })),
        { geom: { type: 'MultiPolygon' as const, coordinates: [[[[138000, 455000], [139000, 455000], [139000, 458000], [138000, 458000], [138000, 455000]]]] }, buurtcode: 'BU03449999', water: 'JA', aantal_inwoners: 0 },
      ],
    },
    { name: 'wijken', columns: CBS_COLUMNS.wijken, rows: [{ geom: { type: 'MultiPolygon', coordinates: [[[[135000, 455000], [138000, 455000], [138000, 458000], [135000, 458000], [135000, 455000]]]] }, wijkcode: 'WK034401', water: 'NEE' }] },
  ]);
  writeFileSync(geojson, JSON.stringify({
    type: 'FeatureCollection',
    features: cells.map((c) => ({ type: 'Feature', properties: { statcode: c.code, aantal_inwoners: c.v }, geometry: { type: 'Polygon', coordinates: [c.ring] } })),
  }));
});

describe('moran on a GeoPackage', () => {
  it('--layer buurten gives the same Moran\'s I as the same buurten in GeoJSON; water left out', async () => {
    const r = await runCli(['moran', gpkg, '--layer', 'buurten', '--column', 'aantal_inwoners', '--permutations', '0', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const ref = JSON.parse((await runCli(['moran', geojson, '--column', 'aantal_inwoners', '--permutations', '0', '--json'])).out);
    expect(j.n).toBe(9);
    expect(j.I).toBeCloseTo(ref.I, 12);
    expect(j.local.map((x: { code: string }) => x.code)).not.toContain('BU03449999');
  });

  it('without --layer the one-line error lists the layers', async () => {
    const r = await runCli(['moran', gpkg, '--column', 'aantal_inwoners', '--json']);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('wijkenbuurten_2023.gpkg');
    expect(r.err).toContain('buurten, wijken');
  });
});
