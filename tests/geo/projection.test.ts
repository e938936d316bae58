import * as proj4Import from 'proj4';
import { describe, expect, it } from 'vitest';
import { RD_NEW_PROJ4, RdToWgs84Cache, rdToWgs84, rdToWgs84Flat, wgs84ToRd } from '../../src/geo/projection.js';

// The independent computation: proj4 itself on the same definition.
type Proj4 = (from: string, to: string) => { forward(p: number[]): number[]; inverse(p: number[]): number[] };
const lib = proj4Import as unknown as { default?: Proj4 };
const proj4: Proj4 = typeof lib === 'function' ? (lib as unknown as Proj4) : (lib.default as Proj4);
const reference = proj4('EPSG:4326', RD_NEW_PROJ4);

/** Largest |Δ| in degrees between our inverse and proj4's over the given RD points. */
function maxDeviation(points: readonly (readonly [number, number])[]): { max: number; at: readonly [number, number] | null } {
  let max = 0;
  let at: readonly [number, number] | null = null;
  for (const p of points) {
    const ours = rdToWgs84([p[0], p[1]]);
    const ref = reference.inverse([p[0], p[1]]);
    const d = Math.max(Math.abs(ours[0] - ref[0]), Math.abs(ours[1] - ref[1]));
    if (!(d <= max)) {
      max = d; // NaN propagates as a failure
      at = p;
    }
  }
  return { max, at };
}

describe('RD New ↔ WGS84 (EPSG:28992 with towgs84)', () => {
  it('maps the RD origin Amersfoort (155000, 463000) to about 5.38721 E, 52.15517 N', () => {
    const [lon, lat] = rdToWgs84([155000, 463000]);
    expect(lon).toBeCloseTo(5.38721, 4);
    expect(lat).toBeCloseTo(52.15517, 4);
  });

  it('maps 5.38721 E, 52.15517 N back to Amersfoort within a metre', () => {
    const [x, y] = wgs84ToRd([5.38721, 52.15517]);
    expect(Math.abs(x - 155000)).toBeLessThan(1);
    expect(Math.abs(y - 463000)).toBeLessThan(1);
  });

  it('round-trips RD coordinates across the country within a centimetre', () => {
    for (const [x, y] of [[13600, 371000], [280000, 600000], [121000, 487000], [176000, 317000], [155000, 463000]]) {
      const back = wgs84ToRd(rdToWgs84([x, y]));
      expect(Math.hypot(back[0] - x, back[1] - y)).toBeLessThan(0.01);
    }
  });

  it('applies the datum shift: without it the origin would be about 100 m off', () => {
    // The Bessel-only position of the RD origin is 5°23'15.5"E 52°09'22.178"N (Amersfoort, OLV-toren);
    // WGS84 differs by roughly 0.0004° in longitude and 0.001° in latitude.
    const [lon, lat] = rdToWgs84([155000, 463000]);
    expect(Math.abs(lon - 5.38763888888889)).toBeGreaterThan(0.0003);
    expect(Math.abs(lat - 52.15616055555555)).toBeGreaterThan(0.0008);
  });
});

describe('rdToWgs84 against proj4 (same definition)', () => {
  it('agrees within 1e-9° on every point of a 500 m grid over the Netherlands (x 0–300 km, y 300–640 km)', () => {
    const grid: [number, number][] = [];
    // an odd offset so the points are not all on round metres
    for (let x = 0; x <= 300000; x += 500) for (let y = 300000; y <= 640000; y += 500) grid.push([x + 0.137, y + 0.291]);
    expect(grid.length).toBe(601 * 681);
    const { max, at } = maxDeviation(grid);
    expect(max, `worst at ${at}`).toBeLessThan(1e-9);
    // in practice a few units in the last place: a regression in any step shows here long before 1e-9
    expect(max, `worst at ${at}`).toBeLessThan(1e-12);
  });

  it('agrees within 1e-9° far outside the Netherlands too (2,000 km around Amersfoort) and at the origin', () => {
    const wide: [number, number][] = [[155000, 463000], [155000 + 1e-9, 463000]];
    for (let x = -1845000; x <= 2155000; x += 40000) for (let y = -1537000; y <= 2463000; y += 40000) wide.push([x, y]);
    const { max, at } = maxDeviation(wide);
    expect(max, `worst at ${at}`).toBeLessThan(1e-9);
  });

  it('throws for a non-finite coordinate, as proj4 does', () => {
    expect(() => rdToWgs84([Number.NaN, 463000])).toThrow(TypeError);
    expect(() => rdToWgs84([155000, Number.POSITIVE_INFINITY])).toThrow(TypeError);
  });
});

describe('wgs84ToRd against proj4 (same definition)', () => {
  it('agrees within 1e-7 m on every point of a 0.01° grid over the Netherlands and its surroundings', () => {
    let max = 0;
    let at: number[] = [];
    let n = 0;
    for (let i = 0; i <= 450; i++) for (let j = 0; j <= 330; j++) {
      const p = [3 + i * 0.01 + 0.00037, 50.5 + j * 0.01 + 0.00011];
      const ours = wgs84ToRd(p);
      const ref = reference.forward(p);
      const d = Math.max(Math.abs(ours[0] - ref[0]), Math.abs(ours[1] - ref[1]));
      if (!(d <= max)) {
        max = d;
        at = p;
      }
      n++;
    }
    expect(n).toBe(451 * 331);
    // 1e-9° is about 0.1 mm: 1e-7 m is a thousand times tighter; in practice it is about 1e-8 m
    expect(max, `worst at ${at}`).toBeLessThan(1e-7);
  });

  it('agrees within 1e-6 m across Europe (30°W–40°E, 35°–70°N)', () => {
    let max = 0;
    for (let lon = -30; lon <= 40; lon += 1.7) for (let lat = 35; lat <= 70; lat += 1.3) {
      const ours = wgs84ToRd([lon, lat]);
      const ref = reference.forward([lon, lat]);
      max = Math.max(max, Math.abs(ours[0] - ref[0]), Math.abs(ours[1] - ref[1]));
    }
    expect(max).toBeLessThan(1e-6);
  });

  it('throws for a non-finite coordinate, as proj4 does', () => {
    expect(() => wgs84ToRd([Number.NaN, 52])).toThrow(TypeError);
  });
});

describe('rdToWgs84Flat', () => {
  it('gives the same numbers as rdToWgs84, point by point, and NaN for a non-finite point', () => {
    const pts = [[13600, 371000], [280000, 600000], [Number.NaN, 1], [121000.5, 487000.25]];
    const flat = rdToWgs84Flat(pts.flat());
    expect(flat).toBeInstanceOf(Float64Array);
    expect(flat.length).toBe(8);
    for (const i of [0, 1, 3]) expect([flat[2 * i], flat[2 * i + 1]]).toEqual(rdToWgs84(pts[i]));
    expect(Number.isNaN(flat[4]) && Number.isNaN(flat[5])).toBe(true);
  });

  it('writes in place into a Float64Array and rejects an odd length or a short output', () => {
    const xy = new Float64Array([155000, 463000, 100000, 400000]);
    const expected = [...rdToWgs84([155000, 463000]), ...rdToWgs84([100000, 400000])];
    expect(rdToWgs84Flat(xy, xy)).toBe(xy);
    expect([...xy]).toEqual(expected);
    expect(() => rdToWgs84Flat([1, 2, 3])).toThrow(RangeError);
    expect(() => rdToWgs84Flat([1, 2, 3, 4], new Float64Array(2))).toThrow(RangeError);
  });
});

describe('RdToWgs84Cache (each shared position converted once)', () => {
  it('gives exactly what rdToWgs84Flat gives, for rings that share edges either way, past the point where it starts again', () => {
    // a grid of buurten 10 m apart on a side, each ring run from a random corner, half of them
    // the other way: neighbours share every edge position, in both directions
    let seed = 3;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const rings: Float64Array[] = [];
    for (let gx = 0; gx < 60; gx++) {
      for (let gy = 0; gy < 60; gy++) {
        const pts: number[][] = [];
        const x0 = 120000 + gx * 100.01;
        const y0 = 480000 + gy * 100.01;
        for (let k = 0; k < 10; k++) pts.push([x0 + k * 10.001, y0]);
        for (let k = 0; k < 10; k++) pts.push([x0 + 100.01, y0 + k * 10.001]);
        for (let k = 10; k > 0; k--) pts.push([x0 + k * 10.001, y0 + 100.01]);
        for (let k = 10; k > 0; k--) pts.push([x0, y0 + k * 10.001]);
        const start = Math.floor(rnd() * pts.length);
        const ring = [...pts.slice(start), ...pts.slice(0, start)];
        if (rnd() < 0.5) ring.reverse();
        ring.push(ring[0]);
        rings.push(Float64Array.from(ring.flat()));
      }
    }
    const cache = new RdToWgs84Cache();
    let positions = 0;
    for (const r of rings) {
      const want = rdToWgs84Flat(r);
      const got = r.slice();
      cache.convert(got, r.length / 2);
      positions += r.length / 2;
      for (let i = 0; i < r.length; i++) if (!Object.is(got[i], want[i])) expect([i, got[i]]).toEqual([i, want[i]]);
    }
    expect(positions).toBeGreaterThan(2 * 32768); // the cache started again at least once
  });
});
