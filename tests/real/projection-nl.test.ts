import type { Position } from 'geojson';
import * as proj4Import from 'proj4';
import { describe, expect, it } from 'vitest';
import { readBoundaries } from '../../src/sources/boundaries/read.js';
import { RD_NEW_PROJ4, rdToWgs84, rdToWgs84Flat, wgs84ToRd } from '../../src/geo/projection.js';
import { sharedData } from '../helpers/shared.js';

// The independent computation: proj4 on the same definition, both directions.
type Proj4 = (from: string, to: string) => { forward(p: number[]): number[]; inverse(p: number[]): number[] };
const lib = proj4Import as unknown as { default?: Proj4 };
const proj4: Proj4 = typeof lib === 'function' ? (lib as unknown as Proj4) : (lib.default as Proj4);
const reference = proj4('EPSG:4326', RD_NEW_PROJ4);

describe('RD New ↔ WGS84 on the vertices of all 3,352 wijken of the Netherlands (2023)', async () => {
  const b = await readBoundaries(sharedData('geo/wijken_2023_nl_wgs84.topojson'));
  const wgs: Position[] = [];
  // every vertex, taken to RD New by proj4: real positions from Texel to Zuid-Limburg
  const rd: Position[] = [];
  for (const f of b.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const p of polys) for (const r of p) for (const q of r) {
      wgs.push(q);
      rd.push(reference.forward([q[0], q[1]]));
    }
  }

  it('has the national file (about 3,352 wijken, tens of thousands of vertices, x 0–300 km, y 300–640 km)', () => {
    expect(b.features.length).toBeGreaterThan(3300);
    expect(rd.length).toBeGreaterThan(30000);
    expect(rd.reduce((m, p) => Math.min(m, p[0]), Infinity)).toBeLessThan(20000);
    expect(rd.reduce((m, p) => Math.max(m, p[1]), -Infinity)).toBeGreaterThan(600000);
  });

  it('agrees with proj4 within 1e-9° on every vertex, and gives the same 6-decimal GeoJSON coordinates', () => {
    let max = 0;
    let flips = 0;
    for (const p of rd) {
      const ours = rdToWgs84(p);
      const ref = reference.inverse([p[0], p[1]]);
      const d = Math.max(Math.abs(ours[0] - ref[0]), Math.abs(ours[1] - ref[1]));
      if (!(d <= max)) max = d;
      if (Math.round(ours[0] * 1e6) !== Math.round(ref[0] * 1e6) || Math.round(ours[1] * 1e6) !== Math.round(ref[1] * 1e6)) flips++;
    }
    expect(max).toBeLessThan(1e-9);
    expect(max).toBeLessThan(1e-12);
    expect(flips).toBe(0);
  });

  it('WGS84 → RD agrees with proj4 within 1e-7 m on every vertex', () => {
    let max = 0;
    wgs.forEach((q, i) => {
      const ours = wgs84ToRd(q);
      const d = Math.max(Math.abs(ours[0] - rd[i][0]), Math.abs(ours[1] - rd[i][1]));
      if (!(d <= max)) max = d;
    });
    expect(max).toBeLessThan(1e-7);
  });

  it('the batch form gives the same numbers', () => {
    const flat = rdToWgs84Flat(rd.flat());
    for (let i = 0; i < rd.length; i += 97) expect([flat[2 * i], flat[2 * i + 1]]).toEqual(rdToWgs84(rd[i]));
  });
});
