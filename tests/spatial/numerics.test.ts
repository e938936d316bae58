import { describe, expect, it } from 'vitest';
import { normalCdf, normalSf, twoSidedP } from '../../src/spatial/normal.js';
import { createRng } from '../../src/spatial/random.js';
import { pointSegmentDistance, segmentDistance, sharedLength } from '../../src/spatial/segments.js';

describe('normal distribution (reference values from R pnorm)', () => {
  it('Φ at known points', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
    // far tails: Hart 5666 is accurate in absolute terms; relative accuracy there is ~1e-8
    expect(normalSf(8) / 6.220960574271785e-16).toBeCloseTo(1, 6);
    expect(normalCdf(-10) / 7.619853024160527e-24).toBeCloseTo(1, 6);
    expect(twoSidedP(-1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(Number.isNaN(normalCdf(NaN))).toBe(true);
  });
});

describe('seeded generator', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = createRng(42), b = createRng(42), c = createRng(43);
    const sa = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(sa);
  });
  it('nextInt is roughly uniform (chi-square, 10 bins, 20,000 draws)', () => {
    const r = createRng(1);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 20000; i++) counts[r.nextInt(10)]++;
    const chi2 = counts.reduce((s, o) => s + (o - 2000) ** 2 / 2000, 0);
    expect(chi2).toBeLessThan(27.88); // 99.9th percentile of χ²(9)
    expect(counts.every((c) => c > 0)).toBe(true);
  });
});

describe('segment geometry', () => {
  it('distances', () => {
    expect(pointSegmentDistance(0, 1, -1, 0, 1, 0)).toBe(1);
    expect(pointSegmentDistance(3, 4, 0, 0, 0, 0)).toBe(5);
    expect(segmentDistance(0, 0, 2, 0, 1, -1, 1, 1)).toBe(0);
    expect(segmentDistance(0, 0, 1, 0, 2, 1, 3, 1)).toBeCloseTo(Math.SQRT2, 14);
  });
  it('shared length along collinear, reversed and diverging segments', () => {
    expect(sharedLength(0, 0, 2, 0, 3, 0, 1, 0, 1e-9)).toBe(1);
    expect(sharedLength(0, 0, 2, 0, 0, 0, 2, 1, 0.01)).toBe(0);
    expect(sharedLength(0, 0, 2, 0, 5, 0, 6, 0, 0.01)).toBe(0);
  });
});
