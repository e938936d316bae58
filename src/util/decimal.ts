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

/** 10^d for the decimals {@link writeFixedDecimal} writes (0 ≤ d ≤ 6). */
export const POW10: readonly number[] = [1, 10, 100, 1000, 10000, 100000, 1000000];
/** '00', '01', …, '99' as byte pairs. */
const DIGIT_PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  DIGIT_PAIRS[2 * i] = 0x30 + ((i / 10) | 0);
  DIGIT_PAIRS[2 * i + 1] = 0x30 + (i % 10);
}

/**
 * The decimal text of n/10^d as ASCII bytes at `pos` (n an integer with |n| < 10^15 and
 * |n|/10^d < 2^31, 0 ≤ d ≤ 6), as JavaScript's number-to-string gives it for the double n/10^d:
 * the digits of n with a point d places from the right, trailing zeros (and a bare point)
 * dropped, `-` for n < 0, `0` for −0; returns the position after it, and writes nothing past it
 * (nor before `pos`). `b` needs room for 18 bytes.
 *
 * Why this is the same text: the double nearest to the decimal D = n·10^-d is n/10^d itself (one
 * correctly rounded division of exact numbers), and D has at most 15 significant digits, so no
 * shorter decimal rounds to the same double (two decimals of ≤ 15 significant digits never share
 * one, IEEE 754 binary64), which makes D the shortest round-trip text that ECMAScript
 * Number::toString writes; it writes it without exponent because 1e-6 ≤ |D| < 1e21.
 * tests/util/decimal.test.ts and tests/export/geojson-text.test.ts compare the two on millions
 * of values (the GeoJSON coordinates, the workbook's six-decimal numbers from {@link sixDecimals}).
 */
export function writeFixedDecimal(b: Uint8Array, pos: number, value: number, d: number): number {
  const p = POW10[d];
  // the whole part and the fraction, both below 2^31: as 32-bit integers when n is one (GeoJSON
  // coordinates: measured 5–8 % faster that way), in doubles beyond (the workbook's numbers up
  // to 10^14 / 10^6; the truncated quotient is exact, doubles below 2^31 being far closer together
  // than 1/p)
  let ip: number;
  let fr: number;
  const n = value | 0;
  if (n === value) {
    const a = n < 0 ? -n : n;
    ip = (a / p) | 0;
    fr = a - ip * p;
  } else {
    const a = value < 0 ? -value : value;
    ip = Math.floor(a / p);
    fr = (a - ip * p) | 0;
  }
  if (value < 0) b[pos++] = 0x2d; // - (not for −0)
  pos = writeUint(b, pos, ip);
  if (fr === 0) return pos;
  b[pos++] = 0x2e; // .
  // the fraction without its trailing zeros, zero-padded in front (no byte past the end is written)
  let width = d;
  while (fr % 10 === 0) {
    fr = (fr / 10) | 0;
    width--;
  }
  writeDigits(b, pos + width, fr, width);
  return pos + width;
}

/**
 * Write a non-negative integer below 2^31 in decimal as ASCII bytes at `at`; returns the position
 * after it. `buf` needs room for 10 bytes from `at`.
 */
export function writeUint(buf: Uint8Array, at: number, n: number): number {
  let count = 1;
  for (let t = n; t >= 10; t = (t / 10) | 0) count++;
  writeDigits(buf, at + count, n, count);
  return at + count;
}

/** The `count` last decimal digits of v (v < 10^count, zero-padded) at b[end − count … end), two at a time from the right. */
function writeDigits(b: Uint8Array, end: number, v: number, count: number): void {
  const start = end - count;
  let k = end;
  while (k - start >= 2) {
    const q = (v / 100) | 0;
    const r = 2 * (v - q * 100);
    b[--k] = DIGIT_PAIRS[r + 1];
    b[--k] = DIGIT_PAIRS[r];
    v = q;
  }
  if (k > start) b[--k] = 0x30 + v;
}
