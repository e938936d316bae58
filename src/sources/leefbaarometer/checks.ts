/**
 * Consistency checks of Leefbaarometer scores, as published: `afw = fys + onv + soc + vrz + won`
 * in every row with dimensions, and `lbm − afw` = the national reference, one constant per year.
 * Tolerances follow from the published decimals (each rounded value is off by at most half a
 * unit of its last decimal), with a floor of 1e-9 for full-precision files.
 */

/** One row as the checks see it: values plus the number of decimals each was written with. */
export interface LbmCheckRow {
  line: number;
  code: string;
  jaar: number;
  /** lbm, afw, fys, onv, soc, vrz, won (null = missing). */
  values: (number | null)[];
  /** Decimals of each written value (Infinity for missing). */
  decimals: number[];
}

/** Result of the `afw` sum check. */
export interface AfwSumCheck {
  /** Rows with afw and all five dimensions. */
  checked: number;
  violations: number;
  /** Up to 5 `line N (code jaar): afw …, sum …`. */
  examples: string[];
  /** Rows with some but not all dimensions (not checkable). */
  partial: number;
}

/** `lbm − afw` of one year. */
export interface LbmReference {
  jaar: number;
  /** Rows with both lbm and afw. */
  n: number;
  /** Median of lbm − afw: the national reference score. */
  referentie: number;
  /** max − min of lbm − afw over the year's rows. */
  spreiding: number;
  /** True when the spread is within the rounding tolerance. */
  constant: boolean;
}

const FLOOR = 1e-9;

/**
 * Decimals a numeric text was written with (`4.10` → 2, `9.06e-5` → 7, `12` → 0).
 *
 * @example decimalsOf('9.064e-5') // 8
 */
export function decimalsOf(text: string): number {
  const s = text.trim();
  let e = s.indexOf('e');
  if (e < 0) e = s.indexOf('E');
  const mant = e < 0 ? s : s.slice(0, e);
  const exp = e < 0 ? 0 : Number(s.slice(e + 1));
  let dot = mant.indexOf('.');
  if (dot < 0) dot = mant.indexOf(',');
  const d = (dot < 0 ? 0 : mant.length - dot - 1) - exp;
  return Number.isFinite(d) ? d : Infinity;
}

/** The value and decimals of a plain number: the result slot of {@link scanPlainNumber}. */
export interface PlainNumber {
  value: number;
  decimals: number;
}

// powers of ten that are exact doubles (10⁰ … 10¹⁵)
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Read a plain number (`/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/`: no spaces, no comma, no
 * thousands marks) in one scan: its value, as `Number(s)` gives it, and the decimals it was
 * written with, as {@link decimalsOf} counts them. Up to 15 digits without an exponent the value
 * is `digits / 10^decimals`: both exact doubles, and IEEE division rounds correctly, so this is
 * the double `Number` gives (Clinger's fast path); anything longer goes through `Number`.
 *
 * @param out receives value and decimals when the text is a plain number with a finite value
 * @returns false for any other text (and for a plain number too large for a double)
 * @example const out = { value: 0, decimals: 0 }; scanPlainNumber('-4.10', out); out // { value: -4.1, decimals: 2 }
 */
export function scanPlainNumber(s: string, out: PlainNumber): boolean {
  return scanPlainNumberAt(s, 0, s.length, out);
}

/**
 * {@link scanPlainNumber} of `text.slice(a, b)`, read in place (a cell of a whole file's text):
 * a string is made only for the rare number that needs `Number`.
 *
 * @example const out = { value: 0, decimals: 0 }; scanPlainNumberAt('x;4.10;y', 2, 6, out); out // { value: 4.1, decimals: 2 }
 */
export function scanPlainNumberAt(text: string, a: number, b: number, out: PlainNumber): boolean {
  let i = a;
  let c = b > a ? text.charCodeAt(a) : 0;
  const negative = c === 45;
  if (c === 43 || c === 45) i++; // + -
  let m = 0;
  const intStart = i;
  while (i < b && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
    m = m * 10 + (c - 48);
    i++;
  }
  const intDigits = i - intStart;
  let frac = 0;
  if (i < b && text.charCodeAt(i) === 46) {
    i++;
    const fracStart = i;
    while (i < b && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      i++;
    }
    frac = i - fracStart;
  }
  if (intDigits === 0 && frac === 0) return false;
  if (i === b) {
    // Number(s) carries the sign itself
    const value = intDigits + frac <= 15 ? (negative ? -(m / POW10[frac]) : m / POW10[frac]) : Number(text.slice(a, b));
    if (!Number.isFinite(value)) return false;
    out.value = value;
    out.decimals = frac;
    return true;
  }
  c = text.charCodeAt(i);
  if (c !== 101 && c !== 69) return false; // e E
  i++;
  if (i < b && ((c = text.charCodeAt(i)) === 43 || c === 45)) i++;
  const expStart = i;
  while (i < b && (c = text.charCodeAt(i)) >= 48 && c <= 57) i++;
  if (i === expStart || i !== b) return false;
  const s = text.slice(a, b);
  const value = Number(s);
  if (!Number.isFinite(value)) return false;
  out.value = value;
  out.decimals = decimalsOf(s);
  return true;
}

// 0.5 · 10^-d for d = -20 … 40, computed once with the expression below (the same doubles)
const HALF_UNITS = Array.from({ length: 61 }, (_, k) => 0.5 * Math.pow(10, -(k - 20)));

function halfUnit(d: number): number {
  if (!Number.isFinite(d)) return 0;
  return Number.isInteger(d) && d >= -20 && d <= 40 ? HALF_UNITS[d + 20] : 0.5 * Math.pow(10, -d);
}

/** Values per row: lbm, afw, fys, onv, soc, vrz, won. */
const PER_ROW = 7;

/**
 * The check inputs of many rows as columns, the loader's form: no object or array per row.
 * Missing values are NaN here (never a real score), with decimals Infinity.
 */
export interface LbmCheckColumns {
  /** Number of rows. */
  n: number;
  lines: readonly number[];
  codes: readonly string[];
  jaar: readonly number[];
  /** Seven values per row (lbm, afw, fys, onv, soc, vrz, won), row after row; NaN = missing. */
  values: Float64Array;
  /** Decimals of each value in the same layout (Infinity for missing). */
  decimals: Float64Array;
}

/**
 * Rows in the columnar form of {@link LbmCheckColumns} (null becomes NaN).
 *
 * @example lbmCheckColumns([{ line: 2, code: 'BU1', jaar: 2014, values: [4, 0.3, null, null, null, null, null], decimals: [1, 1, Infinity, Infinity, Infinity, Infinity, Infinity] }]).n // 1
 */
export function lbmCheckColumns(rows: readonly LbmCheckRow[]): LbmCheckColumns {
  const values = new Float64Array(rows.length * PER_ROW);
  const decimals = new Float64Array(rows.length * PER_ROW);
  rows.forEach((r, k) => {
    for (let i = 0; i < PER_ROW; i++) {
      const v = r.values[i];
      values[k * PER_ROW + i] = v === null || v === undefined ? NaN : v;
      decimals[k * PER_ROW + i] = r.decimals[i];
    }
  });
  return { n: rows.length, lines: rows.map((r) => r.line), codes: rows.map((r) => r.code), jaar: rows.map((r) => r.jaar), values, decimals };
}

const asColumns = (rows: readonly LbmCheckRow[] | LbmCheckColumns): LbmCheckColumns => (Array.isArray(rows) ? lbmCheckColumns(rows as readonly LbmCheckRow[]) : (rows as LbmCheckColumns));

/**
 * Check `afw = fys + onv + soc + vrz + won` on every row that has all six values.
 *
 * @param rows one entry per row, or the same as columns ({@link LbmCheckColumns})
 * @example checkAfwSum([{ line: 2, code: 'BU1', jaar: 2014, values: [4, 0.3, 0.1, 0.1, 0.1, 0, 0], decimals: [1, 1, 1, 1, 1, 1, 1] }]).violations // 0
 */
export function checkAfwSum(rows: readonly LbmCheckRow[] | LbmCheckColumns): AfwSumCheck {
  const { n, lines, codes, jaar, values, decimals } = asColumns(rows);
  let checked = 0;
  let violations = 0;
  let partial = 0;
  const examples: string[] = [];
  for (let r = 0; r < n; r++) {
    const o = r * PER_ROW;
    let present = 0;
    for (let i = 2; i < PER_ROW; i++) if (!Number.isNaN(values[o + i])) present++;
    if (present > 0 && present < 5) partial++;
    if (present < 5 || Number.isNaN(values[o + 1])) continue;
    checked++;
    let sum = 0;
    let tol = FLOOR;
    for (let i = 1; i < PER_ROW; i++) {
      if (i > 1) sum += values[o + i];
      tol += halfUnit(decimals[o + i]);
    }
    const afw = values[o + 1];
    if (Math.abs(afw - sum) > tol) {
      violations++;
      if (examples.length < 5) examples.push(`line ${lines[r]} (${codes[r]} ${jaar[r]}): afw ${afw}, sum ${+sum.toPrecision(12)}`);
    }
  }
  return { checked, violations, examples, partial };
}

/**
 * `lbm − afw` per year: the national reference and whether it is constant within rounding.
 *
 * @param rows one entry per row, or the same as columns ({@link LbmCheckColumns})
 * @example checkReference(rows).find((r) => r.jaar === 2022)?.referentie // ≈ 4.1023 in the real wijk file
 */
export function checkReference(rows: readonly LbmCheckRow[] | LbmCheckColumns): LbmReference[] {
  const { n, jaar, values, decimals } = asColumns(rows);
  const byYear = new Map<number, { diffs: number[]; tol: number }>();
  for (let r = 0; r < n; r++) {
    const o = r * PER_ROW;
    const lbm = values[o];
    const afw = values[o + 1];
    if (Number.isNaN(lbm) || Number.isNaN(afw)) continue;
    let e = byYear.get(jaar[r]);
    if (!e) byYear.set(jaar[r], (e = { diffs: [], tol: FLOOR }));
    e.diffs.push(lbm - afw);
    e.tol = Math.max(e.tol, 2 * (halfUnit(decimals[o]) + halfUnit(decimals[o + 1])) + FLOOR);
  }
  return [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([jaar, { diffs, tol }]) => {
      const s = diffs.slice().sort((a, b) => a - b);
      const mid = s.length >> 1;
      const median = s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
      const spreiding = s[s.length - 1] - s[0];
      return { jaar, n: s.length, referentie: median, spreiding, constant: spreiding <= tol };
    });
}
