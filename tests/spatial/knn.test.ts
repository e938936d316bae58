import { describe, expect, it } from 'vitest';
import { knnWeights } from '../../src/spatial/knn.js';
import { createRng } from '../../src/spatial/random.js';
import { neighboursOf } from '../../src/spatial/weights.js';

describe('knnWeights', () => {
  it('matches a brute-force k-nearest search on random points', () => {
    const rng = createRng(21);
    const n = 200;
    const x = Array.from({ length: n }, () => rng.nextFloat() * 100);
    const y = Array.from({ length: n }, () => rng.nextFloat() * 50);
    const ids = x.map((_, i) => `p${i}`);
    const w = knnWeights(ids, x, y, 4, { geographic: false });
    for (let i = 0; i < n; i++) {
      const brute = x.map((_, j) => j).filter((j) => j !== i)
        .sort((a, b) => (x[a] - x[i]) ** 2 + (y[a] - y[i]) ** 2 - ((x[b] - x[i]) ** 2 + (y[b] - y[i]) ** 2) || a - b)
        .slice(0, 4).sort((a, b) => a - b);
      expect(neighboursOf(w, i)).toEqual(brute);
    }
  });

  it('scales longitude by cos(latitude) for geographic coordinates', () => {
    // At 60°N one degree of longitude is half a degree of latitude: b (1° east) is nearer than c (0.8° north).
    const w = knnWeights(['a', 'b', 'c'], [5, 6, 5], [60, 60, 60.8], 1);
    expect(neighboursOf(w, 0)).toEqual([1]);
    const flat = knnWeights(['a', 'b', 'c'], [5, 6, 5], [60, 60, 60.8], 1, { geographic: false });
    expect(neighboursOf(flat, 0)).toEqual([2]);
  });

  it('caps k at n − 1 and refuses k < 1', () => {
    expect(neighboursOf(knnWeights(['a', 'b'], [0, 1], [0, 0], 5), 0)).toEqual([1]);
    expect(() => knnWeights(['a', 'b'], [0, 1], [0, 0], 0)).toThrow(/number of neighbours/);
    expect(() => knnWeights(['a', 'b'], [0, NaN], [0, 0], 1)).toThrow(/b.*centroid/);
  });
});
