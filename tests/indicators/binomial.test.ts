import { describe, expect, it } from 'vitest';
import { newcombeDifference, wilsonInterval, Z90 } from '../../src/indicators/binomial.js';

const Z95 = 1.959963984540054;

describe('wilsonInterval (Wilson 1927)', () => {
  it('reproduces the published 95 % intervals of Newcombe (1998a), table II', () => {
    // 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605; 0/20 → 0–0.1611; 1/29 → 0.0061–0.1718
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [k, n, lo, hi] of cases) {
      const w = wilsonInterval(k, n, Z95);
      expect(w.laag).toBeCloseTo(lo, 4);
      expect(w.hoog).toBeCloseTo(hi, 4);
    }
  });

  it('its bounds are where the score test statistic equals z (90 %)', () => {
    for (const [k, n] of [[3, 10], [12, 40], [37, 41]]) {
      const p = k / n;
      const w = wilsonInterval(k, n);
      for (const b of [w.laag, w.hoog]) expect(Math.abs(p - b) / Math.sqrt((b * (1 - b)) / n)).toBeCloseTo(Z90, 9);
    }
  });

  it('n = 0 gives no interval; k = n gives 1 exactly', () => {
    expect(Number.isNaN(wilsonInterval(0, 0).laag)).toBe(true);
    expect(wilsonInterval(5, 5).hoog).toBe(1);
  });
});

describe('newcombeDifference (Newcombe 1998b, method 10)', () => {
  it('reproduces the published 95 % intervals for the difference', () => {
    // table II: 56/70 − 48/80 → 0.0524, 0.3339; 9/10 − 3/10 → 0.1705, 0.8090; 6/7 − 2/7 → 0.0582, 0.8062;
    // 5/56 − 0/29 → −0.0381, 0.1926
    expect(newcombeDifference(48, 80, 56, 70, Z95).laag).toBeCloseTo(0.0524, 4);
    expect(newcombeDifference(48, 80, 56, 70, Z95).hoog).toBeCloseTo(0.3339, 4);
    expect(newcombeDifference(3, 10, 9, 10, Z95).laag).toBeCloseTo(0.1705, 4);
    expect(newcombeDifference(3, 10, 9, 10, Z95).hoog).toBeCloseTo(0.809, 4);
    expect(newcombeDifference(2, 7, 6, 7, Z95).laag).toBeCloseTo(0.0582, 4);
    expect(newcombeDifference(2, 7, 6, 7, Z95).hoog).toBeCloseTo(0.8062, 4);
    expect(newcombeDifference(0, 29, 5, 56, Z95).laag).toBeCloseTo(-0.0381, 4);
    expect(newcombeDifference(0, 29, 5, 56, Z95).hoog).toBeCloseTo(0.1926, 4);
  });

  it('is narrower with more lettings and contains the observed difference', () => {
    const few = newcombeDifference(3, 10, 6, 10);
    const many = newcombeDifference(30, 100, 60, 100);
    expect(many.hoog - many.laag).toBeLessThan(few.hoog - few.laag);
    expect(many.laag).toBeLessThan(0.3);
    expect(many.hoog).toBeGreaterThan(0.3);
  });
});
