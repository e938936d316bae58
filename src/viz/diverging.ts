/**
 * Classes for a map of a change (ΔK, ΔO): zero-centred and diverging, so the colour says the
 * direction. A buurt whose value fell never gets a colour of the rising side. Colours from the
 * colour-blind-safe red–blue scheme (ColorBrewer RdBu, as Vega's `redblue`), pale near zero.
 */
import * as vega from 'vega';

/** Options for {@link divergingClasses}. */
export interface DivergingOptions {
  /** Which direction is worse: `hoger` (ΔK: a rising vulnerable share) or `lager` (ΔO: a falling score). */
  worse: 'hoger' | 'lager';
  /** Classes on each side of zero before empty outer classes are dropped (default 4). */
  perSide?: number;
  /** Class width (default: a round number so that perSide classes reach the largest |value|). */
  step?: number;
}

/** Bins and colours for `choroplethSpec` (spread them into its options). */
export interface DivergingClasses {
  /** Upper class bounds, ascending; 0 is one of them (a value of exactly 0 falls on the lower side). */
  bins: number[];
  /** One colour per class: red on the worse side, blue on the better side, darker away from zero. */
  colours: string[];
  /** The class width used. */
  step: number;
}

/** The smallest 1, 2, 2.5 or 5 × 10^k that is ≥ x. */
export function niceStep(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x * (1 - 1e-12)) return m * p;
  return 10 * p;
}

function toHex(c: string): string {
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(c);
  if (!m) return c;
  return `#${[m[1], m[2], m[3]].map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Zero-centred diverging classes for change values: `perSide` classes of width `step` below zero
 * and as many above (the outer classes take everything beyond), red on the worse side; outer
 * classes that no value falls in are left out, so the legend does not promise values that are not
 * there.
 *
 * @example
 * const c = divergingClasses(dK, { worse: 'hoger' });
 * choroplethSpec(grenzen, dKPerBuurt, { ...c, title: 'ΔK', synthetic: true }) // bins + colours
 */
export function divergingClasses(values: Iterable<number | null>, options: DivergingOptions): DivergingClasses {
  const perSide = options.perSide ?? 4;
  if (!(Number.isInteger(perSide) && perSide >= 1)) throw new RangeError(`divergingClasses: perSide must be a whole number ≥ 1, got ${perSide}`);
  let max = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    max = Math.max(max, Math.abs(v));
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const step = options.step ?? niceStep(max / perSide);
  if (!(step > 0)) throw new RangeError(`divergingClasses: step must be > 0, got ${step}`);
  const bins: number[] = [];
  for (let i = -(perSide - 1); i <= perSide - 1; i++) bins.push(i * step);
  bins.push(Math.max(perSide * step, max));
  // redblue: 0 = dark red, 0.5 = pale, 1 = dark blue; class k (0 = next to zero) sits at distance d(k) from 0.5
  const interp = vega.scheme('redblue') as unknown as (t: number) => string;
  const d = (k: number) => 0.5 * (0.2 + (0.8 * (k + 0.5)) / perSide);
  const below: string[] = [];
  const above: string[] = [];
  for (let k = 0; k < perSide; k++) {
    const red = toHex(String(interp(0.5 - d(k))));
    const blue = toHex(String(interp(0.5 + d(k))));
    below.push(options.worse === 'hoger' ? blue : red);
    above.push(options.worse === 'hoger' ? red : blue);
  }
  const colours = [...below.reverse(), ...above];
  // drop outer classes no value falls in (the classes next to zero always stay)
  while (bins[0] < -step / 2 && lo > bins[0]) {
    bins.shift();
    colours.shift();
  }
  while (bins.length > 2 && bins[bins.length - 2] > step / 2 && hi <= bins[bins.length - 2]) {
    bins.pop();
    colours.pop();
  }
  return { bins, colours, step };
}
