import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBoundaries } from '../../src/sources/boundaries/read.js';
import { boundariesToCrs } from '../../src/sources/boundaries/convert.js';
import * as aq from 'arquero';
import { addressCountsFromTables, buildCrosswalk, crosswalkTable, reaggregateCounts, reaggregateShares } from '../../src/regions/crosswalk.js';

// Planted indelingen in RD New around (150 km, 450 km); x0..x1 × y0..y1 in metres from there.
const X = 150000;
const Y = 450000;
const rect = (code: string, x0: number, x1: number, y0 = 0, y1 = 1000) => ({
  type: 'Feature',
  properties: { statcode: code },
  geometry: { type: 'Polygon', coordinates: [[[X + x0, Y + y0], [X + x1, Y + y0], [X + x1, Y + y1], [X + x0, Y + y1], [X + x0, Y + y0]]] },
});
const coll = (features: unknown[]) => parseBoundaries({ type: 'FeatureCollection', features }, { file: 'planted' });

const y2017 = coll([
  rect('BU00010001', 0, 1000),
  rect('BU00010002', 1000, 2000), // split 30/70
  rect('BU00010003', 2000, 3000), // merged with 0004
  rect('BU00010004', 3000, 4000),
  rect('BU00010008', 4000, 5000), // renamed to 0009
  rect('BU00010010', 0, 1000, 5000, 6000), // gone (e.g. land lost to the sea)
]);
const y2023 = coll([
  rect('BU00010001', 0, 1000),
  rect('BU00010005', 1000, 1300),
  rect('BU00010006', 1300, 2000),
  rect('BU00010007', 2000, 4000),
  rect('BU00010009', 4000, 5000),
  rect('BU00010011', 10000, 11000), // new land
]);

const weights = (links: { from: string; to: string; weight: number }[]) =>
  Object.fromEntries(links.map((l) => [`${l.from}>${l.to}`, Math.round(l.weight * 1e9) / 1e9]));

describe('buildCrosswalk on planted geometry', () => {
  const cw = buildCrosswalk(y2017, y2023, { labels: { from: 'buurten 2017', to: 'buurten 2023' } });

  it('gives exact area weights from → to', () => {
    expect(weights(cw.links)).toEqual({
      'BU00010001>BU00010001': 1,
      'BU00010002>BU00010005': 0.3,
      'BU00010002>BU00010006': 0.7,
      'BU00010003>BU00010007': 1,
      'BU00010004>BU00010007': 1,
      'BU00010008>BU00010009': 1,
    });
    expect(cw.links.every((l) => l.basis === 'area')).toBe(true);
    const l = cw.links.find((k) => k.to === 'BU00010005')!;
    expect(l.areaM2).toBeCloseTo(300_000, 3);
    expect(l.shareOfTarget).toBeCloseTo(1, 9);
  });

  it('classifies identical, split, merged, renamed and unmatched buurten', () => {
    const rel = Object.fromEntries(cw.sources.map((s) => [s.code, s.relation]));
    expect(rel).toEqual({
      BU00010001: 'identical', BU00010002: 'split', BU00010003: 'merged', BU00010004: 'merged',
      BU00010008: 'renamed', BU00010010: 'unmatched',
    });
    expect(cw.report.renamed).toEqual([{ from: 'BU00010008', to: 'BU00010009' }]);
    expect(cw.report.split).toEqual([{ from: 'BU00010002', to: ['BU00010005', 'BU00010006'] }]);
    expect(cw.report.merged).toEqual([{ to: 'BU00010007', from: ['BU00010003', 'BU00010004'] }]);
    expect(cw.report.unmatchedFrom).toEqual(['BU00010010']);
    expect(cw.report.unmatchedTo).toEqual(['BU00010011']);
    expect(cw.report.codes).toMatchObject({ left: 'buurten 2017', right: 'buurten 2023', matched: 1 });
    expect(cw.report.relations).toMatchObject({ identical: 1, split: 1, merged: 2, renamed: 1, unmatched: 1 });
  });

  it('tabulates every link and every unmatched source', () => {
    const t = crosswalkTable(cw);
    expect(t.numRows()).toBe(cw.links.length + 1);
    expect(t.objects().at(-1)).toMatchObject({ from: 'BU00010010', to: null, weight: null, relation: 'unmatched' });
    expect((t.objects() as { to: string | null }[]).find((r) => r.to === 'BU00010006')).toMatchObject({ from: 'BU00010002', relation: 'split', basis: 'area', addresses: null });
  });

  it('is the same whatever CRS the inputs are in (overlap computed in RD New)', () => {
    const w = buildCrosswalk(boundariesToCrs(y2017, 'EPSG:4326'), y2023);
    const a = weights(w.links);
    for (const [k, v] of Object.entries(weights(cw.links))) expect(a[k]).toBeCloseTo(v, 5);
  });

  it('re-aggregates counts, keeping totals and carrying missing values as missing', () => {
    const counts = { BU00010001: 10, BU00010002: 100, BU00010003: 5, BU00010004: 7, BU00010008: 3, BU00010010: 4 };
    const r = reaggregateCounts(cw.links, counts);
    expect(Object.fromEntries([...r.values].map(([k, v]) => [k, v === null ? null : Math.round(v * 1e9) / 1e9]))).toEqual({
      BU00010001: 10, BU00010005: 30, BU00010006: 70, BU00010007: 12, BU00010009: 3,
    });
    expect(r.report.sourceNotInCrosswalk).toEqual(['BU00010010']);
    const m = reaggregateCounts(cw.links, new Map<string, number | null>([...Object.entries(counts), ['BU00010004', null]]));
    expect(m.values.get('BU00010007')).toBeNull();
    expect(m.report.targetIncomplete).toEqual(['BU00010007']);
  });

  it('recomputes shares from re-aggregated numerators and denominators', () => {
    // 0003: 1 of 10 (10 %), 0004: 9 of 30 (30 %) → merged 10 of 40 = 25 %, not the mean 20 %
    const s = reaggregateShares(cw.links, { BU00010003: 1, BU00010004: 9 }, { BU00010003: 10, BU00010004: 30 });
    expect(s.get('BU00010007')).toEqual({ numerator: 10, denominator: 40, share: 0.25 });
  });

  it('weights by addresses when given: points or pair counts', () => {
    const pts = [[X + 1100, Y + 500], [X + 1500, Y + 500], [X + 1600, Y + 100], [X + 1900, Y + 900], [X + 500, Y + 500]];
    const a = buildCrosswalk(y2017, y2023, { addresses: { points: pts, crs: 'EPSG:28992' } });
    const w = weights(a.links);
    expect(w['BU00010002>BU00010005']).toBe(0.25);
    expect(w['BU00010002>BU00010006']).toBe(0.75);
    expect(a.links.find((l) => l.from === 'BU00010002')!.basis).toBe('addresses');
    // sources without addresses fall back to area and are listed
    expect(a.report.areaFallback).toEqual(['BU00010003', 'BU00010004', 'BU00010008']);
    expect(w['BU00010003>BU00010007']).toBe(1);

    const c = buildCrosswalk(y2017, y2023, {
      addresses: { counts: [{ from: 'BU00010002', to: 'BU00010005', count: 2 }, { from: 'BU00010002', to: 'BU00010006', count: 6 }] },
    });
    expect(weights(c.links)['BU00010002>BU00010005']).toBe(0.25);
  });

  it('derives address counts from two years of the postcode-huisnummer table', () => {
    const y1 = aq.table({ postcode: ['3511AA', '3511AA', '3511AB', '3511AC', '3511AD'], huisnummer: [1, 2, 1, 1, 1], buurt: ['BU00010002', 'BU00010002', 'BU00010002', 'BU00010002', null] });
    const y2 = aq.table({ postcode: ['3511AA', '3511AA', '3511AB', '3511AC', '3511ZZ'], huisnummer: [1, 2, 1, 1, 9], buurt: ['BU00010005', 'BU00010006', 'BU00010006', 'BU00010006', 'BU00010006'] });
    const { counts, report } = addressCountsFromTables(y1, y2);
    expect(counts).toEqual([{ from: 'BU00010002', to: 'BU00010005', count: 1 }, { from: 'BU00010002', to: 'BU00010006', count: 3 }]);
    expect(report).toEqual({ matched: 4, onlyFrom: 0, onlyTo: 1, noBuurtFrom: 1, noBuurtTo: 0 });
    const w = weights(buildCrosswalk(y2017, y2023, { addresses: { counts } }).links);
    expect([w['BU00010002>BU00010005'], w['BU00010002>BU00010006']]).toEqual([0.25, 0.75]);
  });

  it('ignores digitising slivers below minShare and renormalises', () => {
    const from = coll([rect('BU00020001', 0, 1000)]);
    const to = coll([rect('BU00020001', 0, 995), rect('BU00020002', 995, 2000)]);
    const cw2 = buildCrosswalk(from, to);
    expect(cw2.report.slivers).toBe(1);
    expect(weights(cw2.links)).toEqual({ 'BU00020001>BU00020001': 1 });
    expect(cw2.sources[0]).toMatchObject({ relation: 'identical', coverage: 0.995 });
    // a 10 % shift is a real boundary change
    const cw3 = buildCrosswalk(from, coll([rect('BU00020001', 0, 900), rect('BU00020002', 900, 2000)]));
    expect(weights(cw3.links)).toEqual({ 'BU00020001>BU00020001': 0.9, 'BU00020001>BU00020002': 0.1 });
    expect(cw3.sources[0].relation).toBe('split');
  });
});

describe('buildCrosswalk properties (fast-check)', () => {
  // Two random partitions of the same 10 km strip into vertical slices: each weight must equal
  // the 1-D overlap length / source width, weights sum to 1, and re-aggregation keeps the total.
  const cuts = fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 0, maxLength: 6 }).map((a) => [0, ...a.sort((x, y) => x - y), 100]);
  it('weights are exact overlap shares and totals are preserved', () => {
    fc.assert(
      fc.property(cuts, cuts, fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 8, maxLength: 8 }), (a, b, counts) => {
        const strip = (c: number[], prefix: string) =>
          coll(c.slice(1).map((x1, k) => rect(`BU${prefix}${String(k).padStart(4, '0')}`, c[k] * 100, x1 * 100)));
        const from = strip(a, '0001');
        const to = strip(b, '0002');
        const cw = buildCrosswalk(from, to, { minShare: 0 });
        for (let i = 0; i + 1 < a.length; i++) {
          for (let j = 0; j + 1 < b.length; j++) {
            const overlap = Math.max(0, Math.min(a[i + 1], b[j + 1]) - Math.max(a[i], b[j]));
            const link = cw.links.find((l) => l.from === from.features[i].properties.code && l.to === to.features[j].properties.code);
            expect(link?.weight ?? 0).toBeCloseTo(overlap / (a[i + 1] - a[i]), 9);
          }
        }
        const values = Object.fromEntries(from.features.map((f, i) => [f.properties.code, counts[i]]));
        const total = from.features.reduce((s, _f, i) => s + counts[i], 0);
        const r = reaggregateCounts(cw.links, values);
        expect([...r.values.values()].reduce((s: number, v) => s + (v ?? NaN), 0)).toBeCloseTo(total, 6);
      }),
      { numRuns: 40, seed: 4 },
    );
  });
});

describe('buildCrosswalk: identical geometries found by fingerprint and full comparison', () => {
  // A 1000 × 500 m buurt whose edges carry 40 points each: its top edge's 17th point is not
  // among the few positions a fingerprint samples.
  const dense = (x0: number, bump = 0) => {
    const ring: number[][] = [];
    const edge = (ax: number, ay: number, bx: number, by: number) => {
      for (let k = 0; k < 40; k++) ring.push([ax + ((bx - ax) * k) / 40, ay + ((by - ay) * k) / 40]);
    };
    edge(X + x0, Y, X + x0 + 1000, Y);
    edge(X + x0 + 1000, Y, X + x0 + 1000, Y + 500);
    edge(X + x0 + 1000, Y + 500, X + x0, Y + 500);
    edge(X + x0, Y + 500, X + x0, Y);
    ring.push([X + x0, Y]);
    if (bump) ring[80 + 17] = [ring[80 + 17][0], ring[80 + 17][1] + bump];
    return ring;
  };
  const feature = (code: string, ring: number[][]) => ({ type: 'Feature', properties: { statcode: code }, geometry: { type: 'Polygon', coordinates: [ring] } });

  it('twins identical numbers in other arrays, and clips a buurt changed between sampled points', () => {
    const from = coll([feature('BU00030001', dense(0)), feature('BU00030002', dense(2000))]);
    // 0001 the same numbers (a copy), 0002 with one top point moved 10 m up (a triangle of 250 m²)
    const to = coll([feature('BU00030001', structuredClone(dense(0))), feature('BU00030002', dense(2000, 10))]);
    const cw = buildCrosswalk(from, to);
    const link = (code: string) => cw.links.find((l) => l.from === code)!;
    // independent: the bump is a triangle of base 2 × 25 m and height 10 m on top of the source
    const source = 1000 * 500;
    const triangle = (50 * 10) / 2;
    expect(link('BU00030001')).toMatchObject({ to: 'BU00030001', weight: 1, areaM2: source, shareOfSource: 1, shareOfTarget: 1 });
    expect(link('BU00030002').weight).toBe(1);
    expect(link('BU00030002').areaM2).toBeCloseTo(source, 3);
    expect(link('BU00030002').shareOfTarget).toBeCloseTo(source / (source + triangle), 9);
    // same area within the tolerance, so still 'identical' by relation
    expect(cw.sources.map((s) => s.relation)).toEqual(['identical', 'identical']);
  });

  it('gives the same crosswalk for shared arrays, copied arrays and re-read geometry', () => {
    const t0 = coll([rect('BU00040001', 0, 1000), rect('BU00040002', 1000, 2000), rect('BU00040003', 2000, 3000)]);
    const shared = { ...t0, features: [t0.features[0], t0.features[1], coll([rect('BU00040003', 2000, 2600), rect('BU00040004', 2600, 3000)]).features[0]] };
    shared.features.push(coll([rect('BU00040004', 2600, 3000)]).features[0]);
    const copied = { ...shared, features: shared.features.map((f) => structuredClone(f)) };
    const a = buildCrosswalk(t0, shared);
    const b = buildCrosswalk(t0, copied);
    expect(b).toEqual(a);
    expect(weights(a.links)).toEqual({ 'BU00040001>BU00040001': 1, 'BU00040002>BU00040002': 1, 'BU00040003>BU00040003': 0.6, 'BU00040003>BU00040004': 0.4 });
  });
});
