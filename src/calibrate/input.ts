/**
 * The data a calibration works on: per buurt the changes ΔK and ΔO, their references (one number
 * = absolute, or one per buurt = relatief) and optional weights (inwoners). Signal rules are those
 * of `categorize` in src/signal/categories.ts: K up when ΔK − refK > tK, O worse when
 * ΔO − refO < −tO. Here we use the deviations a = ΔK − refK and b = refO − ΔO, so that
 * "K up" ⇔ a > tK and "O worse" ⇔ b > tO.
 */
import { VeerkrachtError } from '../util/errors.js';

/** Changes, references and weights per buurt. */
export interface CalibrationInput {
  /** ΔK per buurt (percentage points); NaN = missing. */
  dK: ArrayLike<number>;
  /** ΔO per buurt (score points); NaN = missing. */
  dO: ArrayLike<number>;
  /** Reference of ΔK: a number (absolute, default 0) or one per buurt (relatief). */
  refK?: number | ArrayLike<number>;
  /** Reference of ΔO: a number (default 0) or one per buurt. */
  refO?: number | ArrayLike<number>;
  /** Residents per buurt (for inwoners counts); NaN/missing counts as 0 inwoners and is reported. */
  weights?: ArrayLike<number>;
}

/** Deviations from the references, with validity. */
export interface Deviations {
  n: number;
  /** a = ΔK − refK (NaN when missing). */
  a: Float64Array;
  /** b = refO − ΔO (NaN when missing). */
  b: Float64Array;
  /** 1 where both a and b are known. */
  valid: Uint8Array;
  /** Weights (0 where missing). */
  w: Float64Array;
  /** Number of buurten whose weight is missing. */
  weightsMissing: number;
}

/**
 * Compute the deviations a and b of {@link CalibrationInput}.
 *
 * @throws VeerkrachtError when arrays differ in length
 */
export function deviations(input: CalibrationInput): Deviations {
  const n = input.dK.length;
  const check = (arr: ArrayLike<number> | number | undefined, name: string): void => {
    if (arr !== undefined && typeof arr !== 'number' && arr.length !== n) {
      throw new VeerkrachtError(`${name} has ${arr.length} values, ΔK has ${n}`, { column: name, expected: `${n} values`, found: `${arr.length}` });
    }
  };
  check(input.dO, 'ΔO');
  check(input.refK, 'refK');
  check(input.refO, 'refO');
  check(input.weights, 'weights');
  const rk = input.refK ?? 0;
  const ro = input.refO ?? 0;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const valid = new Uint8Array(n);
  const w = new Float64Array(n);
  let weightsMissing = 0;
  for (let i = 0; i < n; i++) {
    const dk = input.dK[i];
    const dO = input.dO[i];
    a[i] = (dk === null ? NaN : dk) - (typeof rk === 'number' ? rk : (rk[i] ?? NaN));
    b[i] = (typeof ro === 'number' ? ro : (ro[i] ?? NaN)) - (dO === null ? NaN : dO);
    valid[i] = Number.isNaN(a[i]) || Number.isNaN(b[i]) ? 0 : 1;
    if (input.weights) {
      const wi = input.weights[i];
      if (wi === null || wi === undefined || Number.isNaN(wi)) weightsMissing++;
      else w[i] = wi;
    } else w[i] = 1;
  }
  return { n, a, b, valid, w, weightsMissing };
}

/** Sort a threshold grid ascending and drop repeats; thresholds must be finite and ≥ 0. */
export function normaliseGrid(grid: readonly number[], name: string): Float64Array {
  for (const t of grid) {
    if (!Number.isFinite(t) || t < 0) {
      throw new VeerkrachtError('thresholds must be finite numbers ≥ 0', { column: name, expected: 'dead bands ≥ 0', found: String(t) });
    }
  }
  const s = grid.slice().sort((x, y) => x - y);
  return Float64Array.from(s.filter((t, i) => i === 0 || t !== s[i - 1]));
}

/** Number of grid values strictly below x (x > grid[i] for exactly these i). */
export function countBelow(grid: Float64Array, x: number): number {
  let lo = 0;
  let hi = grid.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (grid[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A regular grid from..to with step (inclusive, rounded to 1e-9).
 *
 * @example gridRange(0, 1, 0.25) // [0, 0.25, 0.5, 0.75, 1]
 */
export function gridRange(from: number, to: number, step: number): number[] {
  if (!(step > 0) || !(to >= from)) throw new VeerkrachtError('invalid grid range', { expected: 'FROM ≤ TO and STEP > 0', found: `${from}:${to}:${step}` });
  const n = Math.floor((to - from) / step + 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Math.round((from + i * step) * 1e9) / 1e9);
}
