/**
 * Head/tail breaks (Jiang 2013; mapclassify `HeadTailBreaks`) for heavy-tailed data: the mean
 * is a boundary, then the mean of the values above it (the head), and so on until the head is a
 * single distinct value. The number of classes follows from the data.
 */
import type { SchemeBins } from '../types.js';
import type { ValidValues } from '../values.js';

/**
 * Head/tail bins.
 *
 * @example headTailBreaksBins(validValues([1, 1, 1, 10])).bins // [3.25, 10]
 */
export function headTailBreaksBins(v: ValidValues): SchemeBins {
  let head: ArrayLike<number> = v.sorted;
  const cuts: number[] = [];
  for (;;) {
    let s = 0;
    for (let i = 0; i < head.length; i++) s += head[i];
    const mean = s / head.length;
    if (cuts.length > 0 && cuts[cuts.length - 1] === mean) break; // mapclassify GH#117
    cuts.push(mean);
    if (head[0] === head[head.length - 1]) break;
    const next: number[] = [];
    for (let i = 0; i < head.length; i++) if (head[i] > mean) next.push(head[i]);
    head = next;
  }
  return { bins: cuts, requestedK: null, warnings: [], params: {} };
}
