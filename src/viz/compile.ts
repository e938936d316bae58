/**
 * The one place that touches vega-lite's compiler. vega-lite publishes its types only behind
 * package `exports`, which tslab's TypeScript 5.0 (node10 resolution) cannot see; going through
 * this module keeps notebook-reachable code compiling there, with our own spec type.
 */
/// <reference path="./vega-lite-ambient.d.ts" />
import * as vl from 'vega-lite';
import type * as vega from 'vega';

/** A Vega-Lite 6 top-level spec as plain JSON. Built by the functions in src/viz. */
export type VegaLiteSpec = { [key: string]: unknown };

/** Compile a Vega-Lite spec to a Vega spec. */
export function compileVegaLite(spec: VegaLiteSpec): vega.Spec {
  return vl.compile(spec).spec as vega.Spec;
}
