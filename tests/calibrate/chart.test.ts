import { describe as group, expect, it } from 'vitest';
import { sweepHeatmapSpec, sweepLinesSpec, sweepThresholds } from '../../src/calibrate/index.js';
import { compileVegaLite } from '../../src/viz/compile.js';

group('sweep charts', () => {
  const dK = [0.1, 0.5, 1, 2, NaN];
  const dO = [-1, -2, 0.5, -3, 1];
  const w = [100, 200, 300, 400, 500];
  it('heatmap carries one datum per grid point and compiles', () => {
    const s = sweepThresholds({ dK, dO, weights: w }, [0, 0.5, 1], [0, 1]);
    const spec = sweepHeatmapSpec(s, 'veerkracht_onder_druk', 'inwoners');
    const values = (spec.data as { values: Record<string, number>[] }).values;
    expect(values).toHaveLength(6);
    // tK = 0, tO = 0: dK > 0 and dO < 0 → buurten 0, 1, 3 → 100 + 200 + 400
    expect(values.find((v) => v.tK === 0 && v.tO === 0)?.inwoners_veerkracht_onder_druk).toBe(700);
    expect(() => compileVegaLite(spec)).not.toThrow();
  });
  it('lines: five categories per threshold, counts sum to n', () => {
    const s = sweepThresholds({ dK, dO }, [0, 0.5, 1], [0]);
    const spec = sweepLinesSpec(s, 'tK');
    const values = (spec.data as { values: { tK: number; aantal: number }[] }).values;
    expect(values).toHaveLength(15);
    expect(values.filter((v) => v.tK === 0.5).reduce((a, v) => a + v.aantal, 0)).toBe(5);
    expect(() => compileVegaLite(spec)).not.toThrow();
  });
  it('asking for inwoners on an unweighted sweep is an error', () => {
    const s = sweepThresholds({ dK, dO }, [0], [0]);
    expect(() => sweepHeatmapSpec(s, 'geen_signaal', 'inwoners')).toThrow(/weights/);
  });
});
