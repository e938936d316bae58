import { describe, expect, it } from 'vitest';
import {
  entryIndex, islands, isSymmetric, neighboursOf, rowStandardise, spatialLag, subsetWeights, toBinary,
  unionWeights, weightOf, weightsFromLists, weightsFromPairs,
} from '../../src/spatial/weights.js';
import { dropMissing } from '../../src/spatial/missing.js';
import { latticeIds, latticeLists } from './fixtures.js';

describe('CSR weights', () => {
  it('builds sorted rows without duplicates or self-neighbours', () => {
    const w = weightsFromLists(['a', 'b', 'c'], [[2, 1, 1, 0], [0], []]);
    expect(Array.from(w.offsets)).toEqual([0, 2, 3, 3]);
    expect(Array.from(w.neighbours)).toEqual([1, 2, 0]);
    expect(islands(w)).toEqual(['c']);
    expect(isSymmetric(w)).toBe(false);
    expect(isSymmetric(weightsFromPairs(['a', 'b', 'c'], [0, 1, 2, 1]))).toBe(true);
    expect(entryIndex(w, 0, 2)).toBe(1);
    expect(entryIndex(w, 2, 0)).toBe(-1);
    expect(() => weightsFromLists(['a'], [[3]])).toThrow(RangeError);
  });

  it('row-standardises (islands stay zero) and goes back to binary', () => {
    const w = rowStandardise(weightsFromLists(['a', 'b', 'c', 'd'], [[1, 2], [0], [0], []]));
    expect(Array.from(w.weights)).toEqual([0.5, 0.5, 1, 1]);
    expect(w.transform).toBe('R');
    expect(Array.from(toBinary(w).weights)).toEqual([1, 1, 1, 1]);
    expect(Array.from(spatialLag(w, [10, 20, 30, 40]))).toEqual([25, 10, 10, 0]);
    expect(weightOf(w, 0, 2)).toBe(0.5);
  });

  it('subsets rows and columns consistently and re-standardises', () => {
    const ids = latticeIds(3, 3);
    const full = rowStandardise(weightsFromLists(ids, latticeLists(3, 3, false)));
    const keep = ids.map((_, i) => i !== 4); // remove the centre
    const sub = subsetWeights(full, keep);
    expect(sub.ids).toEqual(ids.filter((_, i) => i !== 4));
    // old 1 (now 1) had neighbours 0, 2, 4 → 0, 2 after removal, each 1/2
    expect(neighboursOf(sub, 1)).toEqual([0, 2]);
    expect(weightOf(sub, 1, 0)).toBe(0.5);
    // old 5 (now 4) had 2, 4, 8 → 2, 7 (renumbered)
    expect(neighboursOf(sub, 4)).toEqual([2, 7]);
    expect(isSymmetric(sub)).toBe(true);
  });

  it('union of two structures', () => {
    const a = weightsFromLists(['a', 'b', 'c'], [[1], [0], []]);
    const b = weightsFromLists(['a', 'b', 'c'], [[2], [], [0]]);
    expect(neighboursOf(unionWeights(a, b), 0)).toEqual([1, 2]);
    expect(() => unionWeights(a, weightsFromLists(['x', 'b', 'c'], [[], [], []]))).toThrow(RangeError);
  });
});

describe('dropMissing', () => {
  it('leaves out null/NaN regions, reports their codes and makes a region an island when all its neighbours are missing', () => {
    const w = weightsFromPairs(['a', 'b', 'c', 'd'], [0, 1, 1, 2, 2, 3]); // a path a–b–c–d
    const r = dropMissing([1, null, 3, NaN], w);
    expect(r.missing).toEqual(['b', 'd']);
    expect(Array.from(r.values)).toEqual([1, 3]);
    expect(Array.from(r.kept)).toEqual([0, 2]);
    expect(r.weights.ids).toEqual(['a', 'c']);
    expect(islands(r.weights)).toEqual(['a', 'c']);
  });
  it('returns the same weights when nothing is missing', () => {
    const w = weightsFromPairs(['a', 'b'], [0, 1]);
    expect(dropMissing([1, 2], w).weights).toBe(w);
    expect(() => dropMissing([1], w)).toThrow(RangeError);
  });
});
