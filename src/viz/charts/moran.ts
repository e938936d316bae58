/**
 * Moran scatter plot (Anselin 1996): the standardised value z against its spatial lag Wz, with
 * quadrant lines at 0 and the least-squares line, whose slope is Moran's I for row-standardised
 * weights.
 */
import type { VegaLiteSpec } from '../compile.js';
import { frameTitle, type FrameOptions } from '../frame.js';

/** Options for {@link moranScatterSpec}. */
export interface MoranScatterOptions extends FrameOptions {
  /** Name of the variable (axis titles). */
  variable: string;
  /** Moran's I to print in the subtitle. */
  moransI?: number;
  width?: number;
  height?: number;
}

/**
 * z-scores of `x` (population standard deviation, as PySAL esda); NaN stays NaN.
 *
 * @example standardise([1, 2, 3]) // [-1.2247, 0, 1.2247]
 */
export function standardise(x: ArrayLike<number>): Float64Array {
  let n = 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) { n++; s += x[i]; }
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) ss += (x[i] - mean) ** 2;
  const sd = Math.sqrt(ss / n);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Number.isFinite(x[i]) ? (x[i] - mean) / sd : Number.NaN;
  return out;
}

/**
 * Moran scatter plot of standardised values `z` and their spatial lags `lag` (W z, from
 * src/spatial); pairs with a NaN are counted in the subtitle and not plotted.
 *
 * @example moranScatterSpec(z, lag, { variable: 'onv', moransI: 0.42, title: 'Moran', synthetic: false })
 */
export function moranScatterSpec(z: ArrayLike<number>, lag: ArrayLike<number>, o: MoranScatterOptions, codes?: ArrayLike<string>): VegaLiteSpec {
  if (z.length !== lag.length) throw new RangeError(`moranScatterSpec: ${z.length} values but ${lag.length} lags`);
  const values: { z: number; lag: number; code: string | null }[] = [];
  let missing = 0;
  for (let i = 0; i < z.length; i++) {
    if (!Number.isFinite(z[i]) || !Number.isFinite(lag[i])) missing++;
    else values.push({ z: z[i], lag: lag[i], code: codes !== undefined ? codes[i] : null });
  }
  const t = frameTitle(o);
  if (o.moransI !== undefined) t.subtitle.push(`Moran's I = ${o.moransI.toFixed(3).replace('.', ',')}`);
  if (missing > 0) t.subtitle.push(`${missing} buurten zonder waarde (niet getoond)`);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: t,
    width: o.width ?? 400,
    height: o.height ?? 400,
    layer: [
      { data: { values: [{ v: 0 }] }, mark: { type: 'rule', color: '#888888' }, encoding: { x: { field: 'v', type: 'quantitative' } } },
      { data: { values: [{ v: 0 }] }, mark: { type: 'rule', color: '#888888' }, encoding: { y: { field: 'v', type: 'quantitative' } } },
      {
        data: { values },
        layer: [
          {
            mark: { type: 'point', filled: true, size: 20, color: '#34557f', opacity: 0.7 },
            encoding: {
              x: { field: 'z', type: 'quantitative', title: `${o.variable} (gestandaardiseerd)` },
              y: { field: 'lag', type: 'quantitative', title: `Ruimtelijke lag van ${o.variable}` },
              tooltip: [{ field: 'code', title: 'Code' }, { field: 'z', format: '.2f' }, { field: 'lag', format: '.2f' }],
            },
          },
          {
            transform: [{ regression: 'lag', on: 'z' }],
            mark: { type: 'line', color: '#D55E00', strokeWidth: 2 },
            encoding: { x: { field: 'z', type: 'quantitative' }, y: { field: 'lag', type: 'quantitative' } },
          },
        ],
      },
    ],
  };
}
