// The load step reads the two years' boundaries through one validation memo and geometry-text
// index (issue 17): the result is what two independent reads give, and every t0 buurt whose
// geometry equals a t1 buurt's keeps that buurt's arrays (one copy in memory).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoConfig } from '../../src/run/config.js';
import { loadRunTables } from '../../src/run/load.js';
import { readBoundaries } from '../../src/sources/boundaries/read.js';
import { packFeatures, type PackedFeatures } from '../../src/geo/transfer.js';
import { packedGeometryOf } from '../../src/geo/packed-geometry.js';
import type { Boundaries } from '../../src/sources/boundaries/types.js';

const home = new URL('../..', import.meta.url).pathname;

describe('loadRunTables: boundaries of two years', () => {
  it('equal two plain reads, and share the arrays of every geometry the years have in common', async () => {
    const config = demoConfig(home);
    const tables = await loadRunTables(config);
    const t0 = tables.boundaries.t0!;
    const t1 = tables.boundaries.t1;
    expect(t0).toEqual(await readBoundaries(config.inputs.boundaries.t0!, { level: config.level }));
    expect(t1).toEqual(await readBoundaries(config.inputs.boundaries.t1, { level: config.level }));
    // independent: which t0 geometries equal a t1 geometry, by their JSON text
    const byText = new Map(t1.features.map((f) => [JSON.stringify(f.geometry.coordinates), f.geometry.coordinates] as const));
    let same = 0;
    let shared = 0;
    for (const f of t0.features) {
      const twin = byText.get(JSON.stringify(f.geometry.coordinates));
      if (twin === undefined) continue;
      same++;
      if (f.geometry.coordinates === twin) shared++;
    }
    expect(same).toBeGreaterThan(t0.features.length / 2);
    expect(same).toBeLessThan(t0.features.length); // the demo's indelingen differ somewhere
    expect(shared).toBe(same);
  });
});

describe('loadRunTables: the t1 geometries packed on the way (full resolution)', () => {
  const seen = async (config: ReturnType<typeof demoConfig>, packedReadMinBytes?: number) => {
    let got: { t1: Boundaries; packed?: PackedFeatures } | undefined;
    const tables = await loadRunTables(config, () => {}, { onBoundaries: (t1, packed) => (got = { t1, packed }), ...(packedReadMinBytes !== undefined ? { packedReadMinBytes } : {}) });
    return { tables, got: got! };
  };

  it('hands over exactly what packFeatures makes of the t1 features, and the same tables as without', async () => {
    const config = demoConfig(home);
    const { tables, got } = await seen(config, 0);
    expect(got.t1).toBe(tables.boundaries.t1);
    expect(got.packed).toBeDefined();
    // the geometries read stay packed (no arrays made), in the very numbers handed over; the t0
    // buurten the years share point there too
    const refs = tables.boundaries.t1.features.map((f) => packedGeometryOf(f.geometry));
    expect(refs.every((r) => r !== undefined && r.store.coordinates.buffer === got.packed!.coordinates.buffer)).toBe(true);
    const t1Stores = new Set(refs.map((r) => r!.store));
    const t0Packed = tables.boundaries.t0!.features.filter((f) => t1Stores.has(packedGeometryOf(f.geometry)?.store as never)).length;
    expect(t0Packed).toBeGreaterThan(tables.boundaries.t0!.features.length / 2);
    // the t1 file was hashed after the hand-over: its SHA-256 is there, the file's
    expect(got.t1.provenance.checksum).toBe(createHash('sha256').update(readFileSync(config.inputs.boundaries.t1)).digest('hex'));
    const p = packFeatures(tables.boundaries.t1.features);
    expect(Array.from(got.packed!.coordinates)).toEqual(Array.from(p.coordinates));
    expect(Array.from(got.packed!.structure)).toEqual(Array.from(p.structure));
    expect(got.packed!.properties).toEqual(p.properties);
    expect(tables.boundaries).toEqual((await loadRunTables(config)).boundaries);
    // below the size (the default 32 MiB: the demo file is far smaller) nothing is packed here
    expect((await seen(config)).got.packed).toBeUndefined();
  });

  it('hands over nothing packed when the reader dropped a feature (the packing is of the whole file)', async () => {
    const config = demoConfig(home);
    const doc = JSON.parse(readFileSync(config.inputs.boundaries.t1, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    doc.features.splice(3, 0, { ...doc.features[0], properties: { ...doc.features[0].properties, buurtcode: 'WK999901' } });
    const t1 = join(mkdtempSync(join(tmpdir(), 'veerkracht-packed-')), 'buurten.geojson');
    writeFileSync(t1, JSON.stringify(doc));
    const { tables, got } = await seen({ ...config, inputs: { ...config.inputs, boundaries: { ...config.inputs.boundaries, t1 } } }, 0);
    expect(tables.boundaries.t1.report.rowsKept).toBe(tables.boundaries.t1.report.rowsRead - 1);
    expect(got.packed).toBeUndefined();
  });
});
