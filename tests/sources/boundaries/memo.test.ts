import { describe, expect, it } from 'vitest';
import { parseBoundaries } from '../../../src/sources/boundaries/read.js';
import { createValidationMemo } from '../../../src/geo/validate.js';

// Two years of planted buurten in RD New: most identical, one bow tie that changes, one bow tie
// that does not, one buurt whose ring is broken in t0 only.
const X = 150000;
const Y = 450000;
const square = (x: number) => [[[X + x, Y], [X + x + 100, Y], [X + x + 100, Y + 100], [X + x, Y + 100], [X + x, Y]]];
const bowtie = (x: number, d = 100) => [[[X + x, Y], [X + x + d, Y + d], [X + x + d, Y], [X + x, Y + d], [X + x, Y]]];
const feature = (code: string, coordinates: unknown) => ({ type: 'Feature', properties: { buurtcode: code }, geometry: { type: 'Polygon', coordinates } });
const t1Doc = {
  type: 'FeatureCollection',
  features: [feature('BU00010001', square(0)), feature('BU00010002', square(200)), feature('BU00010003', bowtie(400)), feature('BU00010004', bowtie(600)), feature('BU00010005', square(800))],
};
const t0Doc = {
  type: 'FeatureCollection',
  features: [
    feature('BU00010001', square(0)),
    feature('BU00010002', square(200)),
    feature('BU00010003', bowtie(400, 90)), // changed, still a bow tie
    feature('BU00010004', bowtie(600)), // the same bow tie
    feature('BU00010005', [square(800)[0].slice(0, 4)]), // unclosed in t0
  ],
};

describe('reading two years through one validation memo', () => {
  it('gives the same features, errors and warnings as two reads without it', () => {
    const memo = createValidationMemo();
    const b1 = parseBoundaries(structuredClone(t1Doc), { file: 't1' }, { memo });
    const b0 = parseBoundaries(structuredClone(t0Doc), { file: 't0' }, { memo });
    const plain1 = parseBoundaries(structuredClone(t1Doc), { file: 't1' });
    const plain0 = parseBoundaries(structuredClone(t0Doc), { file: 't0' });
    expect(b1).toEqual(plain1);
    expect(b0).toEqual(plain0);
    // the changed bow tie and the unchanged one are both reported in t0, the broken ring dropped
    expect(b0.report.warnings[0]).toMatch(/^2 features with a self-intersecting ring \(kept\): feature 2 \(BU00010003\).*feature 3 \(BU00010004\)/);
    expect(b0.report.dropped).toEqual([expect.objectContaining({ reason: 'unclosed ring', count: 1 })]);
    expect(b0.features.map((f) => f.properties.code)).toEqual(['BU00010001', 'BU00010002', 'BU00010003', 'BU00010004']);
  });

  it('validates each identical geometry once and keeps one copy of its arrays', () => {
    const memo = createValidationMemo();
    const b1 = parseBoundaries(structuredClone(t1Doc), { file: 't1' }, { memo });
    expect(memo).toMatchObject({ validated: 5, reused: 0 });
    const raw0 = structuredClone(t0Doc);
    const b0 = parseBoundaries(raw0, { file: 't0' }, { memo });
    // 0001, 0002 and the unchanged bow tie 0004 from the memo; 0003 and 0005 validated
    expect(memo).toMatchObject({ validated: 7, reused: 3 });
    const coords = (b: typeof b0, code: string) => b.features.find((f) => f.properties.code === code)!.geometry.coordinates;
    for (const code of ['BU00010001', 'BU00010002', 'BU00010004']) expect(coords(b0, code)).toBe(coords(b1, code));
    expect(coords(b0, 'BU00010003')).not.toBe(coords(b1, 'BU00010003'));
    // the parsed document itself is not changed
    expect(raw0).toEqual(t0Doc);
  });
});

describe('the self-intersection search run later (selfIntersectionsLater)', () => {
  // t1 with a duplicate bow tie of another level and a duplicate code: the search counts every
  // candidate, as the read does; the TopoJSON has a second object, so its own warning comes first
  const withDuplicates = { ...t1Doc, features: [...t1Doc.features, feature('WK000100', bowtie(1000)), feature('BU00010004', bowtie(1200))] };

  it('gives, once finished, the same boundaries, warnings (in their place) and memo as the read with it', () => {
    for (const doc of [t1Doc, withDuplicates]) {
      let finish: (() => void) | undefined;
      const memo = createValidationMemo();
      const later = parseBoundaries(structuredClone(doc), { file: 't1' }, { memo, selfIntersectionsLater: (f) => (finish = f) });
      // before: validated without the search, so no self-intersection warning yet
      expect(later.report.warnings.some((w) => /self-intersecting/.test(w))).toBe(false);
      expect(finish).toBeTypeOf('function');
      finish!();
      finish!(); // (a second call changes nothing)
      const plain = parseBoundaries(structuredClone(doc), { file: 't1' });
      expect(later).toEqual(plain);
      expect(plain.report.warnings[0]).toMatch(/^\d features? with a self-intersecting ring/);
      expect(plain.report.warnings.length).toBeGreaterThan(1); // (RD New without a crs member, after it)
      // t0 through the same memo: the geometries completed by the search are reused, as after a plain read
      const b0 = parseBoundaries(structuredClone(t0Doc), { file: 't0' }, { memo });
      expect(b0).toEqual(parseBoundaries(structuredClone(t0Doc), { file: 't0' }));
      expect(memo.reused).toBe(3);
    }
  });

  it('puts its warning after the format’s own (TopoJSON with two objects)', () => {
    const arcs: number[][][] = [];
    const polygon = (ring: number[][]) => {
      arcs.push(ring);
      return { type: 'Polygon', arcs: [[arcs.length - 1]] };
    };
    const topo = {
      type: 'Topology',
      objects: {
        buurten: { type: 'GeometryCollection', geometries: t1Doc.features.map((f) => ({ ...polygon((f.geometry.coordinates as number[][][])[0]), properties: f.properties })) },
        other: { type: 'GeometryCollection', geometries: [{ ...polygon(square(2000)[0]), properties: { naam: 'zonder code' } }] },
      },
      arcs,
    };
    let finish: (() => void) | undefined;
    const later = parseBoundaries(structuredClone(topo), { file: 't.topojson' }, { selfIntersectionsLater: (f) => (finish = f) });
    finish!();
    const plain = parseBoundaries(structuredClone(topo), { file: 't.topojson' });
    expect(later).toEqual(plain);
    expect(plain.report.warnings[0]).toMatch(/also has "other"/);
    expect(plain.report.warnings[1]).toMatch(/^2 features with a self-intersecting ring \(kept\): feature 2 \(BU00010003\)/);
  });
});
