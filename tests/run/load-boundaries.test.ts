// The load step reads the two years' boundaries through one validation memo and geometry-text
// index (issue 17): the result is what two independent reads give, and every t0 buurt whose
// geometry equals a t1 buurt's keeps that buurt's arrays (one copy in memory).
import { describe, expect, it } from 'vitest';
import { demoConfig } from '../../src/run/config.js';
import { loadRunTables } from '../../src/run/load.js';
import { readBoundaries } from '../../src/sources/boundaries/read.js';

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
