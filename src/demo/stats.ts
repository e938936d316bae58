/**
 * Realism measures of a generated region, computed from what was written (KWB 2017 buurt rows
 * and the Leefbaarometer file), to compare with the national targets of issue 5.
 */
import { kwbRows } from './kwb-rows.js';
import type { DemoModel } from './model.js';

/** Measured statistics (see README of the output). */
export interface DemoStats {
  buurten: number;
  wijken: number;
  gemeenten: number;
  inwonersDecielen2017: number[];
  laagInkomenGemiddelde2017: number;
  laagInkomenDecielen2017: number[];
  laagInkomenOnderdruktAandeel2017: number;
  laagInkomenOnderdruktMediaanInwoners2017: number;
  corporatieGemiddelde2017: number;
  corporatieBovenTweeDerde2017: number;
  onvGemiddelde: number;
  onvSd: number;
  onvVerandering2014_2022Sd: number;
  onvVerslechterdAandeel: number;
}

/** Quantile by linear interpolation between order statistics (R type 7). */
export function quantile7(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
const sd = (v: readonly number[]): number => {
  const m = mean(v);
  return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length);
};
const deciles = (v: number[]): number[] => {
  const s = v.slice().sort((a, b) => a - b);
  return [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => quantile7(s, k / 10));
};

/** Measure a model and its Leefbaarometer file text. */
export function measure(model: DemoModel, leefbaarometerText: string): DemoStats {
  const rows = kwbRows(model, 2017).filter((r) => r.soort === 'Buurt');
  const inw = rows.map((r) => Number(r.values.inwoners));
  const li = rows.filter((r) => r.values.laagInkomen !== null).map((r) => Number(r.values.laagInkomen));
  const sup = rows.filter((r) => r.values.laagInkomen === null).map((r) => Number(r.values.inwoners));
  const corp = rows.filter((r) => r.values.corporatie !== null).map((r) => Number(r.values.corporatie));
  const onv: number[] = [];
  const byCode = new Map<string, Map<number, number>>();
  for (const line of leefbaarometerText.trim().split('\n').slice(1)) {
    const f = line.split(',');
    if (f[6] === 'NA') continue;
    const v = Number(f[6]);
    onv.push(v);
    const m = byCode.get(f[0]) ?? new Map<number, number>();
    m.set(Number(f[2]), v);
    byCode.set(f[0], m);
  }
  const change: number[] = [];
  for (const m of byCode.values()) if (m.has(2014) && m.has(2022)) change.push(m.get(2022)! - m.get(2014)!);
  const supSorted = sup.slice().sort((a, b) => a - b);
  const r4 = (x: number): number => Math.round(x * 10000) / 10000;
  return {
    buurten: model.region.indelingB.length,
    wijken: model.region.wijken.length,
    gemeenten: model.region.gemeenten.length,
    inwonersDecielen2017: deciles(inw).map((x) => Math.round(x)),
    laagInkomenGemiddelde2017: r4(mean(li)),
    laagInkomenDecielen2017: deciles(li).map(r4),
    laagInkomenOnderdruktAandeel2017: r4(sup.length / rows.length),
    laagInkomenOnderdruktMediaanInwoners2017: quantile7(supSorted, 0.5),
    corporatieGemiddelde2017: r4(mean(corp)),
    corporatieBovenTweeDerde2017: r4(corp.filter((c) => c > 200 / 3).length / corp.length),
    onvGemiddelde: r4(mean(onv)),
    onvSd: r4(sd(onv)),
    onvVerandering2014_2022Sd: r4(sd(change)),
    onvVerslechterdAandeel: r4(change.filter((c) => c < 0).length / change.length),
  };
}
