import { describe, expect, it } from 'vitest';
import { rdToWgs84, wgs84ToRd } from '../../src/geo/projection.js';

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
