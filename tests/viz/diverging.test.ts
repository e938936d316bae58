// A change map must say the direction by colour: zero is a class bound, a fall is never drawn in
// the colour of a rise, and the worse side is red.
import { describe, expect, it } from 'vitest';
import { classIndex } from '../../src/viz/classes.js';
import { divergingClasses, niceStep } from '../../src/viz/diverging.js';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const reddish = (hex: string) => rgb(hex)[0] > rgb(hex)[2];

describe('divergingClasses', () => {
  const dK = [-7.6, -3.1, -0.2, 0, 0.4, 2.2, 9.9, null];
  const c = divergingClasses(dK, { worse: 'hoger' });
  it('is zero-centred and symmetric, and reaches the largest value', () => {
    expect(c.bins).toContain(0);
    const inner = c.bins.slice(0, -1);
    expect(inner.map((b) => -b + 0).reverse()).toEqual(inner);
    expect(c.bins[c.bins.length - 1]).toBeGreaterThanOrEqual(9.9);
    expect(c.step).toBe(2.5); // 9,9 / 4 = 2,475 → 2,5
    expect(c.bins).toEqual([-7.5, -5, -2.5, 0, 2.5, 5, 7.5, 10]);
    expect(c.colours).toHaveLength(c.bins.length);
  });
  it('ΔK: every fall is blue, every rise red (a buurt whose share fell 7,6 points is not red)', () => {
    for (const v of dK) {
      if (v === null || v === 0) continue;
      expect(reddish(c.colours[classIndex(v, c.bins)])).toBe(v > 0);
    }
  });
  it('ΔO: the other way round, a falling score is red', () => {
    const o = divergingClasses([-0.05, -0.01, 0.02, 0.04], { worse: 'lager' });
    expect(reddish(o.colours[classIndex(-0.05, o.bins)])).toBe(true);
    expect(reddish(o.colours[classIndex(0.02, o.bins)])).toBe(false);
  });
  it('darker away from zero on both sides', () => {
    const light = (hex: string) => rgb(hex).reduce((s, x) => s + x, 0);
    const k = c.colours.length / 2;
    for (let i = 0; i < k - 1; i++) {
      expect(light(c.colours[i])).toBeLessThan(light(c.colours[i + 1])); // below zero: outer darker
      expect(light(c.colours[k + i])).toBeGreaterThan(light(c.colours[k + i + 1])); // above zero
    }
  });
  it('takes a given step and number of classes', () => {
    expect(divergingClasses([-0.7, 1], { worse: 'hoger', step: 0.5, perSide: 2 }).bins).toEqual([-0.5, 0, 0.5, 1]);
    expect(() => divergingClasses([1], { worse: 'hoger', perSide: 0 })).toThrow(RangeError);
  });
  it('leaves out outer classes no value falls in, with their colours', () => {
    const full = divergingClasses([-8, 8], { worse: 'hoger' });
    const few = divergingClasses([-1, 8], { worse: 'hoger', step: full.step });
    expect(few.bins).toEqual([0, 2, 4, 6, 8]); // −1 falls in the class next to zero
    expect(few.colours).toEqual(full.colours.slice(3));
    const top = divergingClasses([-8, 1], { worse: 'hoger', step: full.step });
    expect(top.bins).toEqual([-6, -4, -2, 0, 2]);
    expect(top.colours).toEqual(full.colours.slice(0, 5));
  });
  it('round steps', () => {
    expect([niceStep(3.3), niceStep(0.013), niceStep(2), niceStep(0.21), niceStep(0)]).toEqual([5, 0.02, 2, 0.25, 1]);
  });
});
