import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/shared.js';

describe('veerkracht inspect on boundary files', () => {
  it('describes the Utrecht buurten GeoJSON as boundaries with 111 buurten', async () => {
    const r = await runCli(['inspect', sharedData('geo/buurten_2023_GM0344_utrecht_wgs84.geojson'), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(JSON.stringify(j)).toContain('boundaries-geojson');
    expect(JSON.stringify(j)).toContain('area_km2');
    expect(r.out).toMatch(/111/);
  });

  it('a GeoJSON with RD coordinates labelled WGS84 exits non-zero with one line naming the file', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const p = join(mkdtempSync(join(tmpdir(), 'vk-')), 'rd-as-wgs84.geojson');
    writeFileSync(p, JSON.stringify({
      type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
      features: [{ type: 'Feature', properties: { statcode: 'BU03440101' }, geometry: { type: 'Polygon', coordinates: [[[135000, 455000], [136000, 455000], [136000, 456000], [135000, 455000]]] } }],
    }));
    const r = await runCli(['inspect', p, '--json']);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(`${p}, column "crs": the CRS label says EPSG:4326 but the coordinates are not`);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
