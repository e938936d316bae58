/**
 * Numbers with at most six decimals — what a run rounds its shares, changes and scores to — as
 * text, exactly as `String(v)` writes them but without V8's shortest-round-trip search: the digits
 * of the integer v × 10^6 with the decimal point put in.
 *
 * Why the two agree: let v be the double nearest to d = k / 10^6 (k an integer; `k / 1e6` is
 * correctly rounded, so that is what {@link sixDecimals} checks). `String(v)` is the decimal with
 * the fewest significant digits that rounds to v (ECMA-262 Number::toString). Any other decimal
 * with no more significant digits than d ends at most one place further right than d, so it
 * differs from d by at least 10^-7; below 10^8 two neighbouring doubles are less than 10^-7
 * apart, so such a decimal cannot round to v. Hence d itself, trailing zeros dropped, is the
 * text; and at these magnitudes (10^-6 up to 10^8) `String` writes it without an exponent.
 * (A national run writes ≈ 110,000 of them into the workbook and as many into the CSVs.)
 */

const SCALE = 1e6;
/** Below 1e8 the spacing of doubles (≤ 2^-26 ≈ 1.5·10^-8) is well under 10^-7 (see above). */
const LIMIT = 1e8;

/**
 * v × 10^6 as an integer when v is (as a double) a decimal with at most six decimals below 10^8
 * in magnitude; NaN otherwise (more decimals, too large, not finite).
 *
 * @example sixDecimals(0.125) // 125000; sixDecimals(1 / 3) // NaN
 */
export function sixDecimals(v: number): number {
  if (!(v > -LIMIT && v < LIMIT)) return NaN;
  const k = Math.round(v * SCALE);
  return k / SCALE === v ? k : NaN;
}

/**
 * `String(v)` for every number, faster for numbers with at most six decimals (see the module
 * comment for why it is the same text).
 *
 * @example decimalText(-0.05) // '-0.05'; decimalText(1e-7) // '1e-7' (as String)
 */
export function decimalText(v: number): string {
  const k = sixDecimals(v);
  // (NaN: String's own path; 0 and -0 both '0')
  if (k !== k || k === 0) return String(v);
  const a = k < 0 ? -k : k;
  const whole = Math.floor(a / SCALE);
  let frac = a - whole * SCALE;
  const head = k < 0 ? `-${whole}` : `${whole}`;
  if (frac === 0) return head;
  let width = 6;
  while (frac % 10 === 0) {
    frac /= 10;
    width--;
  }
  return `${head}.${String(frac).padStart(width, '0')}`;
}

/**
 * Write the text of k / 10^6 (k a non-zero integer from {@link sixDecimals}) as ASCII bytes at
 * `at`; returns the position after it. `buf` needs room for 17 bytes from `at`.
 */
export function writeSixDecimals(buf: Uint8Array, at: number, k: number): number {
  let p = at;
  let a = k;
  if (a < 0) {
    buf[p++] = 45; // -
    a = -a;
  }
  // (a < 10^14: the whole part is below 10^8, the fraction below 10^6 — both small integers)
  const whole = Math.floor(a / SCALE);
  let frac = a - whole * SCALE;
  p = writeUint(buf, p, whole);
  if (frac === 0) return p;
  buf[p++] = 46; // .
  let width = 6;
  while (frac % 10 === 0) {
    frac /= 10;
    width--;
  }
  for (let i = p + width - 1; i >= p; i--) {
    const q = (frac / 10) | 0;
    buf[i] = 48 + frac - q * 10;
    frac = q;
  }
  return p + width;
}

/**
 * Write a non-negative integer below 2^31 in decimal as ASCII bytes at `at`; returns the position
 * after it. `buf` needs room for 10 bytes from `at`.
 */
export function writeUint(buf: Uint8Array, at: number, n: number): number {
  let digits = 1;
  for (let x = n; x >= 10; x = (x / 10) | 0) digits++;
  let p = at + digits;
  let x = n;
  do {
    const q = (x / 10) | 0;
    buf[--p] = 48 + x - q * 10;
    x = q;
  } while (x > 0);
  return at + digits;
}
