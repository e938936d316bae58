import { describe, expect, it } from 'vitest';
import { classIndex, classLabels, formatNumberNl, sequentialColours } from '../../src/viz/classes.js';

describe('classIndex (mapclassify: bins are upper bounds, inclusive)', () => {
  const bins = [2, 5, 9];
  it.each([
    [-10, 0], [2, 0], [2.0000001, 1], [5, 1], [9, 2], [100, 2], [null, -1], [Number.NaN, -1],
  ] as const)('%s → class %s', (x, k) => {
    expect(classIndex(x, bins)).toBe(k);
  });
});

describe('classLabels', () => {
  it('says the mapclassify classes [min, b1], (b1, b2], … in Dutch words, no comma-separated intervals', () => {
    expect(classLabels([0.5, 1.25, 3], 0.13, 3)).toEqual(['0,13 tot en met 0,5', 'meer dan 0,5 tot en met 1,25', 'meer dan 1,25 tot en met 3']);
    expect(classLabels([-0.045, 0.02], -0.112, 0.02, 2)).toEqual(['\u22120,11 tot en met \u22120,05', 'meer dan \u22120,05 tot en met 0,02']);
    expect(classLabels([3.8, 8.2, 4111.45], 0.13, 4111.45)).toEqual(['0,13 tot en met 3,8', 'meer dan 3,8 tot en met 8,2', 'meer dan 8,2 tot en met 4.111,45']);
    for (const l of classLabels([0.5, 1.25, 3], 0.13, 3)) expect(l).not.toMatch(/\d, \d|[[\]()]/);
  });
  it('stretches the last class to the data maximum above the last bin', () => {
    expect(classLabels([2, 5], 1, 7.5)).toEqual(['1 tot en met 2', 'meer dan 2 tot en met 7,5']);
  });
  it('without data the first class reads "tot en met b1"', () => {
    expect(classLabels([2, 5], Number.POSITIVE_INFINITY)[0]).toBe('tot en met 2');
  });
  it('rejects bins that are not ascending', () => {
    expect(() => classLabels([2, 2], 0)).toThrow(RangeError);
    expect(() => classLabels([], 0)).toThrow(RangeError);
  });
});

describe('formatNumberNl / sequentialColours', () => {
  it('formats with a decimal comma, thousands dot, U+2212 minus and no trailing zeros', () => {
    expect(formatNumberNl(12.5)).toBe('12,5');
    // whole numbers keep their zeros (130 once printed as "13" with digits 0)
    expect(formatNumberNl(130, 0)).toBe('130');
    expect(formatNumberNl(7740, 0)).toBe('7.740');
    expect(formatNumberNl(-1234567.891, 1)).toBe('\u22121.234.567,9');
    expect(formatNumberNl(-0.112, 2)).toBe('\u22120,11');
    expect(formatNumberNl(0, 0)).toBe('0');
    expect(formatNumberNl(100, 2)).toBe('100');
    expect(formatNumberNl(10.1, 2)).toBe('10,1');
    expect(formatNumberNl(-0.001)).toBe('0');
    expect(formatNumberNl(3)).toBe('3');
  });
  it('gives k distinct hex colours, lightest first', () => {
    const c = sequentialColours(5);
    expect(c).toHaveLength(5);
    expect(new Set(c).size).toBe(5);
    for (const x of c) expect(x).toMatch(/^#[0-9a-f]{6}$/);
    const lum = (h: string) => parseInt(h.slice(1, 3), 16) + parseInt(h.slice(3, 5), 16) + parseInt(h.slice(5, 7), 16);
    expect(lum(c[0])).toBeGreaterThan(lum(c[4]));
  });
});
