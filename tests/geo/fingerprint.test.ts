import { describe, expect, it } from 'vitest';
import { coordinatesFingerprint, sameCoordinates } from '../../src/geo/fingerprint.js';

// A ring of 101 positions on a circle (more than the sampled positions of a fingerprint).
const ring = (dx = 0) => Array.from({ length: 101 }, (_, i) => (i === 100 ? [dx + 1000, 0] : [dx + 1000 * Math.cos((i / 100) * 2 * Math.PI), 1000 * Math.sin((i / 100) * 2 * Math.PI)]));

describe('coordinate fingerprints', () => {
  it('equal coordinates (other arrays) give equal fingerprints and compare equal', () => {
    const a = [ring()];
    const b = structuredClone(a);
    expect(a).not.toBe(b);
    expect(coordinatesFingerprint(a)).toBe(coordinatesFingerprint(b));
    expect(Number.isSafeInteger(coordinatesFingerprint(a))).toBe(true);
    expect(sameCoordinates(a, b)).toBe(true);
  });

  it('a change anywhere, also between sampled positions, is found by the full comparison', () => {
    const a = [ring()];
    for (const k of [0, 1, 37, 50, 99]) {
      const b = structuredClone(a);
      b[0][k] = [b[0][k][0] + 0.01, b[0][k][1]];
      if (k === 0) b[0][100] = b[0][0];
      expect(sameCoordinates(a, b)).toBe(false);
    }
    // a position moved to another place in the same ring, a ring split off, another nesting
    expect(sameCoordinates(a, [a[0].slice(0, 100)])).toBe(false);
    expect(sameCoordinates(a, [a])).toBe(false);
    expect(coordinatesFingerprint([a])).not.toBe(coordinatesFingerprint(a));
    expect(coordinatesFingerprint([ring(1)])).not.toBe(coordinatesFingerprint(a));
  });

  it('different sampled numbers give different fingerprints', () => {
    const seen = new Set<number | null>();
    for (let i = 0; i < 1000; i++) seen.add(coordinatesFingerprint([[[i, 0], [i + 1, 0], [i + 1, 1], [i, 0]]]));
    expect(seen.size).toBe(1000);
  });

  it('0 equals -0 (as in JSON), NaN equals NaN, anything but arrays and numbers never matches', () => {
    expect(coordinatesFingerprint([[[0, 1]]])).toBe(coordinatesFingerprint([[[-0, 1]]]));
    expect(sameCoordinates([[[0, 1]]], [[[-0, 1]]])).toBe(true);
    expect(sameCoordinates([[[NaN, 1]]], [[[NaN, 1]]])).toBe(true);
    expect(sameCoordinates([[['1', 1]]], [[['1', 1]]])).toBe(false);
    expect(sameCoordinates([[[1, 1, 5]]], [[[1, 1]]])).toBe(false);
    expect(coordinatesFingerprint(null)).toBeNull();
    expect(coordinatesFingerprint('x')).toBeNull();
  });
});
