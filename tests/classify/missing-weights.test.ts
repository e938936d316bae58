import { describe as group, expect, it } from 'vitest';
import { classify, legendOf, formatNl, quantileSorted, weightedQuantileSorted } from '../../src/classify/index.js';

group('missing values and weights', () => {
  it('missing values are counted, class −1, and do not move the bins', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const withNa = [null, ...xs, NaN, null];
    const a = classify(xs, { scheme: 'quantiles', k: 5 });
    const b = classify(withNa, { scheme: 'quantiles', k: 5 });
    expect(b.bins).toEqual(a.bins);
    expect(b.missing).toBe(3);
    expect(b.classOf[0]).toBe(-1);
    expect(b.classOf[11]).toBe(-1);
    expect(b.counts).toEqual(a.counts);
    expect(legendOf(b, withNa).missing).toBe('geen gegevens (3)');
  });

  it('ties collapse quantile classes: effective k and the reason are reported', () => {
    const xs = [...new Array(100).fill(1), ...new Array(40).fill(3)];
    const c = classify(xs, { scheme: 'quantiles', k: 4 });
    expect(c.bins).toEqual([1, 3]); // mapclassify docstring: quantile(y) → [1., 3.]
    expect(c.effectiveK).toBe(2);
    expect(c.requestedK).toBe(4);
    expect(c.warnings.join(' ')).toMatch(/effective k = 2 instead of 4: ties/);
  });

  it('weighted quantiles put half of the residents below the median bin', () => {
    // three buurten: 1000, 1000 and 8000 inwoners
    expect(weightedQuantileSorted([1, 2, 3], [1000, 1000, 8000], 0.5)).toBe(3);
    expect(weightedQuantileSorted([1, 2, 3], [5000, 1000, 4000], 0.5)).toBe(1);
    const c = classify([3, 1, 2, null], { scheme: 'quantiles', k: 2, weights: [8000, 9000, 1000, 10] });
    expect(c.bins).toEqual([1, 3]);
    expect(c.counts).toEqual([1, 2]);
    expect(c.missing).toBe(1);
  });

  it('a missing weight makes the value missing for weighted quantiles', () => {
    const c = classify([1, 2, 3, 4], { scheme: 'quantiles', k: 2, weights: [1, null, 1, 1] });
    expect(c.missing).toBe(1);
    expect(c.classOf[1]).toBe(-1);
    expect(c.n).toBe(3);
  });

  it('quantileSorted is type 7', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([5], 0.9)).toBe(5);
  });
});

group('legends', () => {
  const y = [0.13, 10, 75.29, 100, 192.05, 4111.45];
  it('mapclassify intervals with closed first class and padded edges', () => {
    const c = classify(y, { scheme: 'user_defined', bins: [75.29, 192.05] });
    expect(legendOf(c, y).intervals).toEqual(['[   0.13,   75.29]', '(  75.29,  192.05]', '( 192.05, 4111.45]']);
  });
  it('Dutch labels with decimal comma, thousands dot, and single-value note', () => {
    const c = classify(y, { scheme: 'user_defined', bins: [75.29, 192.05] });
    const l = legendOf(c, y);
    expect(l.nl[0]).toBe('0,13 tot en met 75,29');
    expect(l.nl[1]).toBe('meer dan 75,29 tot en met 192,05');
    expect(l.nlShort[2]).toBe('192,05 – 4.111,45');
    expect(l.notes[2]).toBe('één waarde: 4.111,45');
    expect(l.notes[0]).toBeNull();
    expect(formatNl(-1234567.891, 1)).toBe('−1.234.567,9');
  });
  it('open first class when the lowest edge lies above the first bin', () => {
    const c = classify([5, 6, 7], { scheme: 'user_defined', bins: [1, 7] });
    expect(legendOf(c).intervals[0]).toBe('(-inf, 1.00]');
    expect(legendOf(c).notes[0]).toBe('leeg');
  });
});

group('weights edge cases', () => {
  it('all-zero weights are a user error; weights on another scheme are reported as ignored', () => {
    expect(() => classify([1, 2, 3], { scheme: 'quantiles', k: 2, weights: [0, 0, 0] })).toThrow(/weights sum to 0/);
    const c = classify([1, 2, 3, 4], { scheme: 'equal_interval', k: 2, weights: [1, 1, 1, 1] });
    expect(c.warnings.join(' ')).toMatch(/weights are ignored by equal_interval/);
  });
});
