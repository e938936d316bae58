import { describe, expect, it } from 'vitest';
import { categorize, changeDirection, SIGNAL_CATEGORIES, signalCategory } from '../../src/signal/categories.js';

describe('changeDirection(delta, reference, threshold)', () => {
  it('is strict at the dead band edges', () => {
    expect(changeDirection(1, 0, 1)).toBe('stabiel');
    expect(changeDirection(1.0001, 0, 1)).toBe('toename');
    expect(changeDirection(-1, 0, 1)).toBe('stabiel');
    expect(changeDirection(-1.0001, 0, 1)).toBe('afname');
    expect(changeDirection(2, 1.5, 0.4)).toBe('toename');
  });
  it('gives null for a missing delta or reference', () => {
    expect(changeDirection(null, 0, 1)).toBeNull();
    expect(changeDirection(NaN, 0, 1)).toBeNull();
    expect(changeDirection(1, NaN, 1)).toBeNull();
  });
});

describe('signalCategory and categorize agree', () => {
  it('maps the four combinations and missing data', () => {
    expect(signalCategory(true, true)).toBe('veerkracht_onder_druk');
    expect(signalCategory(true, false)).toBe('kwetsbaarheid_neemt_toe');
    expect(signalCategory(false, true)).toBe('leefbaarheid_verslechtert');
    expect(signalCategory(false, false)).toBe('geen_signaal');
    expect(signalCategory(null, true)).toBe('onvoldoende_gegevens');
  });
  it('the vectorised categorize equals the scalar rules on a grid of cases', () => {
    const dK: number[] = [];
    const dO: number[] = [];
    for (const k of [-3, -1, -0.5, 0, 0.5, 1, 3, NaN]) for (const o of [-0.1, -0.02, 0, 0.02, 0.1, NaN]) {
      dK.push(k);
      dO.push(o);
    }
    const refK = dK.map((_, i) => (i % 3) * 0.25);
    const got = categorize(dK, dO, { tK: 0.5, tO: 0.01, refK, refO: 0.005 });
    dK.forEach((k, i) => {
      const up = changeDirection(k, refK[i], 0.5);
      const o = changeDirection(dO[i], 0.005, 0.01);
      const expected = signalCategory(up === null ? null : up === 'toename', o === null ? null : o === 'afname');
      expect(SIGNAL_CATEGORIES[got[i]]).toBe(expected);
    });
  });
});

describe('categorize with missing values', () => {
  it('treats null as missing, never as 0', () => {
    const got = categorize([null, 2, 3], [-5, -5, null], { tK: 1, tO: 1, refK: 0, refO: 0 });
    expect([...got]).toEqual([4, 0, 4]);
  });
  it('refuses per-buurt references of another length', () => {
    expect(() => categorize([1, 2, 3], [0, 0, 0], { tK: 1, tO: 1, refK: [0, 0], refO: 0 })).toThrow(RangeError);
  });
});
