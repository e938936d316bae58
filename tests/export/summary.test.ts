import { describe, expect, it } from 'vitest';
import { stableJson } from '../../src/export/summary.js';

describe('stableJson', () => {
  it('gives the same text whatever the insertion order', () => {
    const a = { z: 1, a: { y: [3, { q: 1, p: 2 }], x: 'x' } };
    const b = { a: { x: 'x', y: [3, { p: 2, q: 1 }] }, z: 1 };
    expect(stableJson(a)).toBe(stableJson(b));
    expect(Object.keys(JSON.parse(stableJson(a)))).toEqual(['a', 'z']);
  });

  it('writes NaN as null, drops undefined members, keeps array order', () => {
    const s = stableJson({ b: Number.NaN, a: undefined, c: [2, 1, undefined], m: new Map([['k', 1]]), t: new Float64Array([1.5, Number.NaN]) });
    expect(JSON.parse(s)).toEqual({ b: null, c: [2, 1, null], m: { k: 1 }, t: [1.5, null] });
    expect(s.endsWith('}\n')).toBe(true);
  });
});
