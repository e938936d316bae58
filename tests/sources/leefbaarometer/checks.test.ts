import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkAfwSum, checkReference, decimalsOf, scanPlainNumber } from '../../../src/sources/leefbaarometer/checks.js';
import { parseLeefbaarometer } from '../../../src/sources/leefbaarometer/load.js';
import { thrown } from '../../helpers/thrown.js';

// the grammar the loader's fast path accepted before the hand-written scan
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

describe('scanPlainNumber', () => {
  const scan = (s: string) => {
    const out = { value: Number.NaN, decimals: Number.NaN };
    return scanPlainNumber(s, out) ? out : null;
  };

  it('accepts exactly the plain numbers with a finite value, with Number() and decimalsOf() results', () => {
    const chars = fc.constantFrom(...'00123456789+-.eE, xNA'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 24 }).map((a) => a.join('')), (s) => {
        const got = scan(s);
        if (PLAIN_NUMBER.test(s) && Number.isFinite(Number(s))) expect(got).toEqual({ value: Number(s), decimals: decimalsOf(s) });
        else expect(got).toBeNull();
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the same double as Number() for any number written with up to 17 significant digits', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 20 }), (x, k) => {
        for (const s of [String(x), x.toFixed(k), x.toPrecision(Math.max(1, Math.min(k, 17)))]) {
          if (!PLAIN_NUMBER.test(s)) continue;
          if (Number.isFinite(Number(s))) expect(Object.is(scan(s)?.value, Number(s))).toBe(true);
          else expect(scan(s)).toBeNull();
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the same double as Number() for up to 15 digits with the point anywhere', () => {
    const digits = fc.array(fc.constantFrom(...'0123456789'.split('')), { minLength: 1, maxLength: 15 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.constantFrom('', '-', '+'), digits, fc.nat(), (sign, d, at) => {
        const k = at % (d.length + 1);
        const s = `${sign}${d.slice(0, k)}.${d.slice(k)}`;
        expect(Object.is(scan(s)?.value, Number(s))).toBe(true);
        expect(Object.is(scan(sign + d)?.value, Number(sign + d))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads the written forms of real files', () => {
    expect(['4.328533', '-0.00659', '12', '3.', '.5', '+1.25', '9.064e-5', '1E3', '-0', '-0.0'].map(scan)).toEqual([
      { value: 4.328533, decimals: 6 }, { value: -0.00659, decimals: 5 }, { value: 12, decimals: 0 }, { value: 3, decimals: 0 }, { value: 0.5, decimals: 1 },
      { value: 1.25, decimals: 2 }, { value: 9.064e-5, decimals: 8 }, { value: 1000, decimals: -3 }, { value: -0, decimals: 0 }, { value: -0, decimals: 1 },
    ]);
    expect(['', '-', '.', '-.', 'e5', '1e', '1e+', '4,10', ' 4.1', 'NA', '1.2.3', '1e999', '9'.repeat(400)].map(scan).every((x) => x === null)).toBe(true);
  });
});

describe('checkAfwSum tolerance', () => {
  const row = (afw: number, dims: number[], decimals: number[]) => ({ line: 2, code: 'BU1', jaar: 2014, values: [4, afw, ...dims], decimals: [1, ...decimals] });
  it('allows half a unit of each written value, for few and many decimals and for exponents', () => {
    // 2 decimals on six values: tolerance 6 × 0.005 + 1e-9
    expect(checkAfwSum([row(0.05 + 0.0299, [0.01, 0.01, 0.01, 0.01, 0.01], [2, 2, 2, 2, 2, 2])]).violations).toBe(0);
    expect(checkAfwSum([row(0.05 + 0.0301, [0.01, 0.01, 0.01, 0.01, 0.01], [2, 2, 2, 2, 2, 2])]).violations).toBe(1);
    // written as 1e3 (decimals -3): half a unit is 500 each
    expect(checkAfwSum([row(5000 + 2999, [1000, 1000, 1000, 1000, 1000], [-3, -3, -3, -3, -3, -3])]).violations).toBe(0);
    expect(checkAfwSum([row(5000 + 3001, [1000, 1000, 1000, 1000, 1000], [-3, -3, -3, -3, -3, -3])]).violations).toBe(1);
    // full precision (many decimals): only the 1e-9 floor
    expect(checkAfwSum([row(0.5 + 2e-9, [0.1, 0.1, 0.1, 0.1, 0.1], [50, 50, 50, 50, 50, 50])]).violations).toBe(1);
    expect(checkAfwSum([row(0.5, [0.1, 0.1, 0.1, 0.1, 0.1], [50, 50, 50, 50, 50, 50])]).violations).toBe(0);
  });
});

describe('parseLeefbaarometer years', () => {
  const file = (jaar: string) => `bu_code,jaar,lbm\nBU03440101,${jaar},4.1\n`;
  it('takes four-digit years 1900–2099 and names any other jaar cell', () => {
    expect(parseLeefbaarometer(file('1900')).years).toEqual([1900]);
    expect(parseLeefbaarometer(file(' 2099 ')).years).toEqual([2099]);
    for (const bad of ['1899', '2100', '2O14', '214', '20145', '', '2014.0']) {
      const e = thrown(() => parseLeefbaarometer(file(bad), { file: 'lbm.csv' }));
      expect(e?.message).toMatch(/not a year/);
    }
  });
});

describe('parseLeefbaarometer checks', () => {
  it('equal the row-form checks computed from the text independently (drops, NA, violations)', () => {
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const lines = ['bu_code,jaar,lbm,afw,fys,onv,soc,vrz,won'];
    for (let k = 0; k < 400; k++) {
      const code = `BU0344${String(Math.floor(rand() * 60)).padStart(4, '0')}`;
      const jaar = [2012, 2014, 2016, 2018, 2020, 2022][Math.floor(rand() * 6)];
      const cell = () => (rand() < 0.15 ? 'NA' : (rand() - 0.5).toFixed(1 + Math.floor(rand() * 5)));
      lines.push([rand() < 0.03 ? 'XX1' : code, jaar, (4 + rand()).toFixed(3), cell(), cell(), cell(), cell(), cell(), cell()].join(','));
    }
    const t = parseLeefbaarometer(lines.join('\n'));
    // independent: keep the first of each code and year, parse with Number, count decimals with decimalsOf
    const seen = new Set<string>();
    const rows = lines.slice(1).flatMap((l, k) => {
      const f = l.split(',');
      if (f[0] === 'XX1' || seen.has(`${f[0]} ${f[1]}`)) return [];
      seen.add(`${f[0]} ${f[1]}`);
      const cells = f.slice(2);
      return [{ line: k + 2, code: f[0], jaar: Number(f[1]), values: cells.map((c) => (c === 'NA' ? null : Number(c))), decimals: cells.map((c) => (c === 'NA' ? Infinity : decimalsOf(c))) }];
    });
    expect(t.table.numRows()).toBe(rows.length);
    expect(t.checks.afwSum).toEqual(checkAfwSum(rows));
    expect(t.checks.afwSum.violations).toBeGreaterThan(0);
    expect(t.checks.afwSum.partial).toBeGreaterThan(0);
    expect(t.checks.reference).toEqual(checkReference(rows));
  });
});
