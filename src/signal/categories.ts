/**
 * Signal categories of the Signaleringskaart Veerkracht (our operationalisation, DOMAIN.md §3):
 * per buurt the change of the vulnerable share ΔK (percentage points) and of the Leefbaarometer
 * `onv` score ΔO (higher = better, so a drop = more overlast/onveiligheid) over t0 → t1, each
 * compared with a reference (absoluut: 0 or the national change; relatief: the gemeente's change).
 *
 * - K goes up when ΔK − refK > tK (strictly)
 * - O gets worse when ΔO − refO < −tO (strictly)
 * The dead bands tK, tO ≥ 0 are what the researcher calibrates.
 */

export const SIGNAL_CATEGORIES = [
  'veerkracht_onder_druk',
  'kwetsbaarheid_neemt_toe',
  'leefbaarheid_verslechtert',
  'geen_signaal',
  'onvoldoende_gegevens',
] as const;

export type SignalCategory = (typeof SIGNAL_CATEGORIES)[number];

/** Dutch labels for maps, legends and tables. */
export const SIGNAL_LABELS: Readonly<Record<SignalCategory, string>> = {
  veerkracht_onder_druk: 'Veerkracht onder druk',
  kwetsbaarheid_neemt_toe: 'Kwetsbaarheid neemt toe',
  leefbaarheid_verslechtert: 'Leefbaarheid verslechtert',
  geen_signaal: 'Geen signaal',
  onvoldoende_gegevens: 'Onvoldoende gegevens',
};

/**
 * Fixed colour-blind-safe palette (Okabe–Ito hues; distinguishable under deuteranopia,
 * protanopia and tritanopia, and in greyscale by lightness for the three signal classes).
 * "Geen signaal" is a light grey and "onvoldoende gegevens" a mid grey: both visibly distinct
 * from the white page and from each other (CIEDE2000 ≥ 10, tests/viz/palette.test.ts).
 */
export const SIGNAL_COLOURS: Readonly<Record<SignalCategory, string>> = {
  veerkracht_onder_druk: '#D55E00',
  kwetsbaarheid_neemt_toe: '#E69F00',
  leefbaarheid_verslechtert: '#0072B2',
  geen_signaal: '#CCCCCC',
  onvoldoende_gegevens: '#999999',
};

/** Direction of one change against its reference and dead band. */
export type Direction = 'toename' | 'stabiel' | 'afname';

/**
 * THE signal rule, defined once. A deviation from the reference goes up when it exceeds the dead
 * band and down when it lies below minus the dead band, strictly; K counts when it goes up, O
 * when it goes down (higher O is better). The category of each combination is {@link COMBINE}.
 * {@link categorize}, {@link changeDirection}/{@link signalCategory} (used by assignSignals) and
 * the explorer's Vega expression ({@link signalRuleExpression}) are all generated from these
 * two definitions, so they cannot drift apart.
 */
export const SIGNAL_RULE = {
  /** K counts as up when ΔK − refK > tK. */
  K: { op: '>', sign: 1 },
  /** O counts as worse when ΔO − refO < −tO. */
  O: { op: '<', sign: -1 },
} as const;

/** The category of each combination: `COMBINE[kUp ? 1 : 0][oWorse ? 1 : 0]`. */
export const COMBINE: readonly (readonly [SignalCategory, SignalCategory])[] = [
  ['geen_signaal', 'leefbaarheid_verslechtert'],
  ['kwetsbaarheid_neemt_toe', 'veerkracht_onder_druk'],
];

const passes = (op: '>' | '<', a: number, b: number) => (op === '>' ? a > b : a < b);

/** K up by {@link SIGNAL_RULE}: deviation ΔK − refK against the dead band tK. */
export function kUp(deviation: number, tK: number): boolean {
  return passes(SIGNAL_RULE.K.op, deviation, SIGNAL_RULE.K.sign * tK);
}

/** O worse by {@link SIGNAL_RULE}: deviation ΔO − refO against the dead band tO. */
export function oWorse(deviation: number, tO: number): boolean {
  return passes(SIGNAL_RULE.O.op, deviation, SIGNAL_RULE.O.sign * tO);
}

/**
 * The rule as a Vega expression over expression strings (deviations and dead bands), for the
 * explorer: the category id, `onvoldoende_gegevens` when `missing` holds.
 *
 * @example signalRuleExpression('dk', 'do', 'tK', 'tO', 'false') // "… (dk) > (tK) …"
 */
export function signalRuleExpression(devK: string, devO: string, tK: string, tO: string, missing: string): string {
  const cmp = (r: { op: string; sign: number }, dev: string, t: string) => `((${dev}) ${r.op} ${r.sign < 0 ? '-' : ''}(${t}))`;
  const up = cmp(SIGNAL_RULE.K, devK, tK);
  const worse = cmp(SIGNAL_RULE.O, devO, tO);
  const q = (c: SignalCategory) => `'${c}'`;
  return `(${missing}) ? 'onvoldoende_gegevens' : ${up} ? (${worse} ? ${q(COMBINE[1][1])} : ${q(COMBINE[1][0])}) : (${worse} ? ${q(COMBINE[0][1])} : ${q(COMBINE[0][0])})`;
}

/**
 * Classify a change against a reference with a symmetric dead band `threshold` ≥ 0 by
 * {@link SIGNAL_RULE}: `toename` when delta − reference > threshold, `afname` when < −threshold,
 * else `stabiel`. Returns null when delta or reference is missing (null/NaN).
 *
 * @example changeDirection(1.5, 0.2, 1) // 'toename'
 */
export function changeDirection(delta: number | null, reference: number | null, threshold: number): Direction | null {
  if (delta === null || reference === null || Number.isNaN(delta) || Number.isNaN(reference)) return null;
  const d = delta - reference;
  if (kUp(d, threshold)) return 'toename';
  if (oWorse(d, threshold)) return 'afname';
  return 'stabiel';
}

/**
 * The category for one buurt from whether K went up and O got worse ({@link COMBINE}); null
 * inputs (missing data) give `onvoldoende_gegevens`.
 */
export function signalCategory(up: boolean | null, worse: boolean | null): SignalCategory {
  if (up === null || worse === null) return 'onvoldoende_gegevens';
  return COMBINE[up ? 1 : 0][worse ? 1 : 0];
}

const MISSING_INDEX = SIGNAL_CATEGORIES.indexOf('onvoldoende_gegevens');
const COMBINE_INDEX = COMBINE.map((row) => row.map((c) => SIGNAL_CATEGORIES.indexOf(c)));

/** Thresholds and references for {@link categorize}; references may be per buurt (relatief). */
export interface CategorizeParams {
  /** Dead band on ΔK in percentage points (≥ 0). */
  tK: number;
  /** Dead band on ΔO in score points (≥ 0). */
  tO: number;
  /** Reference change of K: one number (absoluut) or one per buurt (relatief). */
  refK: number | ArrayLike<number>;
  /** Reference change of O: one number or one per buurt. */
  refO: number | ArrayLike<number>;
}

/**
 * Vectorised categorisation for sweeps: returns an index into SIGNAL_CATEGORIES per buurt.
 * NaN or null in ΔK, ΔO, or NaN in a per-buurt reference, gives `onvoldoende_gegevens` (index 4).
 * @throws RangeError when the arrays differ in length
 */
export function categorize(
  dK: ArrayLike<number | null>,
  dO: ArrayLike<number | null>,
  p: CategorizeParams,
): Uint8Array {
  const n = dK.length;
  if (dO.length !== n) throw new RangeError(`categorize: ΔK has ${n} values, ΔO ${dO.length}`);
  const rk = p.refK;
  const ro = p.refO;
  if (typeof rk !== 'number' && rk.length !== n) throw new RangeError(`categorize: ΔK has ${n} values, refK ${rk.length}`);
  if (typeof ro !== 'number' && ro.length !== n) throw new RangeError(`categorize: ΔK has ${n} values, refO ${ro.length}`);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = dK[i];
    const b = dO[i];
    // null (an arquero missing value) is missing, never 0
    const k = (a === null ? NaN : a) - (typeof rk === 'number' ? rk : rk[i]);
    const o = (b === null ? NaN : b) - (typeof ro === 'number' ? ro : ro[i]);
    out[i] = Number.isNaN(k) || Number.isNaN(o) ? MISSING_INDEX : COMBINE_INDEX[kUp(k, p.tK) ? 1 : 0][oWorse(o, p.tO) ? 1 : 0];
  }
  return out;
}
