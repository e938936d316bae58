import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBoundaries } from '../../../src/sources/boundaries/read.js';
import { VeerkrachtError } from '../../../src/util/errors.js';
import { collection, polygonFeature, rectRing } from './fixtures.js';

// Damage a valid RD collection at random: every feature either survives or is counted with a
// reason; nothing throws except a VeerkrachtError (never a TypeError with a stack trace).
const damage = fc.constantFrom(
  'none', 'open-ring', 'nan', 'null-geometry', 'no-code', 'short-ring', 'point', 'string-coords', 'no-properties', 'bowtie', 'duplicate',
);

describe('damaged GeoJSON (fast-check)', () => {
  it('keeps or counts every feature and only ever throws VeerkrachtError', () => {
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 12 }), (kinds) => {
        const features = kinds.map((k, i) => {
          const ring: unknown[] = rectRing(135000 + i * 1000, 455000, 136000 + i * 1000, 456000);
          const code = k === 'duplicate' ? 'BU03440100' : `BU034401${String(i).padStart(2, '0')}`;
          const f = polygonFeature({ statcode: code }, [ring]) as Record<string, unknown>;
          if (k === 'open-ring') ring.pop();
          if (k === 'nan') ring[1] = [NaN, 455000];
          if (k === 'null-geometry') f.geometry = null;
          if (k === 'no-code') f.properties = { statcode: null };
          if (k === 'short-ring') ring.splice(1, 2);
          if (k === 'point') f.geometry = { type: 'Point', coordinates: [135000, 455000] };
          if (k === 'string-coords') f.geometry = { type: 'Polygon', coordinates: 'x' };
          if (k === 'no-properties') f.properties = null;
          if (k === 'bowtie') ring.splice(0, 5, [135000, 455000], [136000, 456000], [136000, 455000], [135000, 456000], [135000, 455000]);
          return f;
        });
        try {
          const b = parseBoundaries(collection(features), { file: 'fuzz.geojson' });
          const dropped = b.report.dropped.reduce((s, d) => s + d.count, 0);
          expect(b.report.rowsRead).toBe(kinds.length);
          expect(b.report.rowsKept + dropped).toBe(kinds.length);
          expect(b.features).toHaveLength(b.report.rowsKept);
        } catch (e) {
          expect(e).toBeInstanceOf(VeerkrachtError);
          expect((e as Error).message).toMatch(/^fuzz\.geojson/);
        }
      }),
      { numRuns: 150, seed: 12 },
    );
  });
});
