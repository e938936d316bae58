/**
 * Legend labels: mapclassify's interval notation (`get_legend_classes`, fmt "{:.2f}", all edges
 * right-aligned to one width: `[   0.13,   75.29]`, `(  75.29,  192.05]`) and a readable Dutch
 * variant with decimal comma ("0,13 tot en met 75,29", "meer dan 75,29 tot en met 192,05").
 */
import { MISSING_CLASS_LABEL, type Classification } from './types.js';

/** Labels for every class plus the missing class. */
export interface Legend {
  /** mapclassify interval labels, one per class. */
  intervals: string[];
  /** Dutch labels, one per class. */
  nl: string[];
  /** Short Dutch labels (`0,13 – 75,29`). */
  nlShort: string[];
  /** Remarks per class: single value, empty (null when none). */
  notes: (string | null)[];
  /** Label of the missing class, with its count (`geen gegevens (3)`), or null when none missing. */
  missing: string | null;
}

/** Format like Python's "{:.Nf}" (inf → "inf"). */
function fmtDot(x: number, decimals: number): string {
  if (x === -Infinity) return '-inf';
  if (x === Infinity) return 'inf';
  return x.toFixed(decimals);
}

/**
 * A number in Dutch notation: decimal comma, thousands with a dot.
 *
 * @example formatNl(4111.45, 2) // '4.111,45'
 */
export function formatNl(x: number, decimals = 2): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const s = Math.abs(x).toFixed(decimals);
  const dot = s.indexOf('.');
  const int = dot < 0 ? s : s.slice(0, dot);
  // (up to three digits there is nothing to group: most values on the pages)
  const grouped = int.length > 3 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int;
  const neg = x < 0 && Number(s) !== 0 ? '−' : '';
  return neg + grouped + (dot < 0 ? '' : `,${s.slice(dot + 1)}`);
}

/**
 * mapclassify interval labels for bins (`_get_mpl_labels`): edges [lowest, ...bins] formatted
 * with `decimals`, padded to the widest; the first interval is closed `[` unless lowest lies
 * above the first bin (then it starts at -inf and is open).
 *
 * @param lowest lower edge (default: minimum of the data)
 * @example intervalLabels([20, 4111.45], -1) // ['[  -1.00,   20.00]', '(  20.00, 4111.45]']
 */
export function intervalLabels(bins: readonly number[], lowest: number, decimals = 2): string[] {
  let low = lowest;
  let lowerOpen = false;
  if (low > bins[0]) {
    low = -Infinity;
    lowerOpen = true;
  }
  const edges = [low, ...bins].map((e) => fmtDot(e, decimals));
  const width = Math.max(...edges.map((e) => e.length));
  const pad = (s: string): string => s.padStart(width, ' ');
  return bins.map((_, i) => {
    const left = i === 0 && !lowerOpen ? '[' : '(';
    return `${left}${pad(edges[i])}, ${pad(edges[i + 1])}]`;
  });
}

/**
 * Full legend of a classification: mapclassify intervals, Dutch labels and notes (a class
 * holding one single value says so; an empty class says "leeg").
 *
 * @param values the classified values (to find single-value classes), same order as classOf
 */
export function legendOf(c: Classification, values?: ArrayLike<number | null | undefined>, decimals = 2): Legend {
  const lowest = c.lowest ?? c.min;
  const intervals = intervalLabels(c.bins, lowest, decimals);
  const lo = new Array<number>(c.k).fill(Infinity);
  const hi = new Array<number>(c.k).fill(-Infinity);
  if (values) {
    for (let i = 0; i < c.classOf.length; i++) {
      const q = c.classOf[i];
      if (q < 0) continue;
      const x = values[i] as number;
      if (x < lo[q]) lo[q] = x;
      if (x > hi[q]) hi[q] = x;
    }
  }
  const nl: string[] = [];
  const nlShort: string[] = [];
  const notes: (string | null)[] = [];
  const firstLow = lowest > c.bins[0] ? -Infinity : lowest;
  for (let i = 0; i < c.k; i++) {
    const up = formatNl(c.bins[i], decimals);
    if (i === 0) {
      nl.push(firstLow === -Infinity ? `tot en met ${up}` : `${formatNl(firstLow, decimals)} tot en met ${up}`);
      nlShort.push(firstLow === -Infinity ? `≤ ${up}` : `${formatNl(firstLow, decimals)} – ${up}`);
    } else {
      const down = formatNl(c.bins[i - 1], decimals);
      nl.push(`meer dan ${down} tot en met ${up}`);
      nlShort.push(`${down} – ${up}`);
    }
    if (c.counts[i] === 0) notes.push('leeg');
    else if (values && lo[i] === hi[i]) notes.push(`één waarde: ${formatNl(lo[i], decimals)}`);
    else notes.push(null);
  }
  return {
    intervals,
    nl,
    nlShort,
    notes,
    missing: c.missing > 0 ? `${MISSING_CLASS_LABEL} (${c.missing})` : null,
  };
}
