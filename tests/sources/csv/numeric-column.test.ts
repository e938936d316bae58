import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_MISSING_SYMBOLS, parseDecimal, parseNumericColumn, profileColumn, trimCell } from '../../../src/sources/csv/number.js';

const MISSING = new Set(DEFAULT_MISSING_SYMBOLS);
const DEFAULT = MISSING;
const CUSTOM = new Set(['-99', '0', '', 'n.v.t.']);

/** Reference: the two-pass way (profile the strings, then parse every cell with the column's mark). */
function twoPass(values: readonly (string | number | null)[], MISSING: ReadonlySet<string> = DEFAULT) {
  const rows: number[] = [];
  const strings: string[] = [];
  values.forEach((x, r) => {
    if (typeof x === 'string') {
      rows.push(r);
      strings.push(x);
    }
  });
  const p = profileColumn(strings, MISSING);
  const parsed = values.map((x) => {
    if (typeof x === 'number') return Number.isFinite(x) ? x : null;
    if (x === null) return null;
    const s = x.trim();
    return MISSING.has(s) ? null : parseDecimal(s, p.decimal);
  });
  return { profile: { ...p, firstNonNumeric: p.firstNonNumeric < 0 ? -1 : rows[p.firstNonNumeric] }, strings: strings.length, parsed };
}

const numberish = fc.oneof(
  fc.constantFrom('1', '12', '0', '-3', '+4', '1.5', '0.25', '1,5', '-0,5', '1.234,5', '1.234', '12.345.678,9', '1e3', '0034', '007', '.5', ',5'),
  fc.constantFrom(...DEFAULT_MISSING_SYMBOLS),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer({ min: -1e6, max: 1e6 }).map((i) => String(i / 100).replace('.', ',')),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  fc.stringMatching(/^-?\d{0,9}\.?\d{0,9}$/),
  fc.constantFrom('-0', '+0', '-', '-99', '999999999999999', '9999999999999999', '-000', '1-2'),
  fc.double(),
  fc.constant(null),
);
const cell = fc.oneof(numberish, fc.constantFrom('abc', '0x10', 'Infinity', '1,2,3', '1.2.3', '12a', '1 000', '--1'));
const pad = (c: string | number | null): fc.Arbitrary<string | number | null> =>
  typeof c === 'string'
    ? fc.tuple(fc.constantFrom('', ' ', '\t', '\u00a0'), fc.constantFrom('', ' ', '\r')).map(([a, b]) => `${a}${c}${b}`)
    : fc.constant(c);
const padded = cell.chain(pad);
const paddedNumberish = numberish.chain(pad);

describe('trimCell', () => {
  it('equals String.prototype.trim on any text, whitespace of every kind included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(trimCell(s)).toBe(s.trim());
      }),
    );
    for (const s of ['', ' ', '\u00a0x', 'x\u2028', '\ufeff1', '1\t', 'a b', '\u3000']) expect(trimCell(s)).toBe(s.trim());
  });
});

describe('parseNumericColumn', () => {
  it('gives the profile and the numbers of profiling then parsing each cell (column of any mix)', () => {
    fc.assert(
      fc.property(fc.array(padded, { maxLength: 30 }), (values) => {
        const want = twoPass(values);
        const got = parseNumericColumn(values, MISSING);
        expect(got.profile).toEqual(want.profile);
        expect(got.strings).toBe(want.strings);
        const missing = values.filter((x, r) => want.parsed[r] === null).length;
        expect(got.missing).toBe(missing);
        if (want.profile.firstNonNumeric >= 0) expect(got.values).toBeNull();
        else expect(got.values).toEqual(want.parsed);
      }),
      { numRuns: 500 },
    );
  });
  it('… also on columns without junk, where the numbers themselves are compared', () => {
    let numeric = 0;
    fc.assert(
      fc.property(fc.array(paddedNumberish, { maxLength: 12 }), (values) => {
        const want = twoPass(values);
        const got = parseNumericColumn(values, MISSING);
        expect(got.profile).toEqual(want.profile);
        if (want.profile.firstNonNumeric >= 0) expect(got.values).toBeNull();
        else {
          numeric++;
          expect(got.values).toEqual(want.parsed);
        }
      }),
      { numRuns: 500 },
    );
    expect(numeric).toBeGreaterThan(100);
  });
  it('… also with another set of missing symbols (-99, 0, empty, n.v.t.)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(paddedNumberish, fc.constantFrom('n.v.t.', '-99', '0', ' 0 ', '-990')), { maxLength: 12 }), (values) => {
        const want = twoPass(values, CUSTOM);
        const got = parseNumericColumn(values, CUSTOM);
        expect(got.profile).toEqual(want.profile);
        expect(got.values).toEqual(want.profile.firstNonNumeric >= 0 ? null : want.parsed);
      }),
      { numRuns: 500 },
    );
  });
  it('parses a comma column with grouping points with the comma, and refuses 1.5 beside 1,5', () => {
    expect(parseNumericColumn(['1.234,5', '2', '1.234', ' . '], MISSING)).toMatchObject({
      profile: { numeric: true, decimal: ',', missing: 1, firstNonNumeric: -1 },
      values: [1234.5, 2, 1234, null],
      missing: 1,
    });
    expect(parseNumericColumn([null, '1.5', '1,5'], MISSING)).toMatchObject({ profile: { numeric: false, firstNonNumeric: 1 }, values: null });
  });
  it('names the row of the first non-number in the whole column, and keeps counting missing after it', () => {
    const got = parseNumericColumn([7, null, '3', 'twee', 'x', 'drie'], MISSING);
    expect(got.profile).toEqual({ numeric: false, decimal: '.', missing: 1, leadingZeros: false, firstNonNumeric: 3 });
    expect(got.missing).toBe(2);
  });
  it('flags codes with leading zeros and never turns a missing symbol into 0', () => {
    expect(parseNumericColumn(['0034', '12'], MISSING).profile).toMatchObject({ numeric: false, leadingZeros: true, firstNonNumeric: -1 });
    expect(parseNumericColumn(['-', '?', 'NA', ''], MISSING)).toMatchObject({ values: [null, null, null, null], missing: 4, profile: { numeric: false } });
  });
});

describe('parseNumericColumn fast path', () => {
  it('gives exactly the double Number() gives for decimals of up to 15 digits and beyond', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{1,10}\.\d{1,10}$/), (s) => {
        expect(Object.is(parseNumericColumn([s], MISSING).values![0], Number(s))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const s of ['0.1', '0.3', '123456789012.345', '999999999999999', '9007199254740993', '-0.0', '5.', '.5', '-.5', '1.7976931348623157'])
      expect(Object.is(parseNumericColumn([s], MISSING).values![0], Number(s)), s).toBe(true);
  });
});
