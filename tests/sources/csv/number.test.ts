import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDecimal, parseNumberCell, profileColumn, DEFAULT_MISSING_SYMBOLS } from '../../../src/sources/csv/number.js';
import { typeColumns } from '../../../src/sources/csv/columns.js';
import { parseDelimited } from '../../../src/sources/csv/read.js';
import { VeerkrachtError } from '../../../src/util/errors.js';

const MISSING = new Set(DEFAULT_MISSING_SYMBOLS);

describe('parseDecimal', () => {
  it('reads point and comma decimals, rejects what Number() would silently accept', () => {
    expect(parseDecimal('7.9', '.')).toBe(7.9);
    expect(parseDecimal('7,9', ',')).toBe(7.9);
    expect(parseDecimal('-0,5', ',')).toBe(-0.5);
    expect(parseDecimal('1.234,5', ',')).toBe(1234.5);
    expect(parseDecimal('7,9', '.')).toBeNaN();
    expect(parseDecimal('0x10', '.')).toBeNaN();
    expect(parseDecimal('Infinity', '.')).toBeNaN();
    expect(parseDecimal('', '.')).toBeNaN();
    expect(parseDecimal('1.5', ',')).toBeNaN();
  });
  it('round-trips any finite double written with either mark', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = String(x);
        if (s.includes('e')) return; // exponent form round-trips too, but not through the comma rewrite check below
        expect(parseDecimal(s, '.')).toBe(x === 0 ? 0 : x);
        expect(parseDecimal(s.replace('.', ','), ',')).toBe(x === 0 ? 0 : x);
      }),
    );
  });
});

describe('parseNumberCell', () => {
  it('turns every default missing symbol into null, never 0', () => {
    for (const m of ['.', 'x', '-', '?', 'NA', '', '   .   ']) expect(parseNumberCell(m)).toBeNull();
  });
  it('accepts a custom missing set', () => {
    expect(parseNumberCell('-99', { missing: ['-99'] })).toBeNull();
    expect(() => parseNumberCell('.', { missing: ['-99'] })).toThrow(VeerkrachtError);
  });
  it('names file, line, column, expected and found', () => {
    try {
      parseNumberCell('12a', { file: 'kwb.csv', line: 17, column: 'AantalInwoners_5' });
      expect.unreachable();
    } catch (e) {
      const err = e as VeerkrachtError;
      expect(err.message).toMatch(/^kwb\.csv, line 17, column "AantalInwoners_5": not a number; expected a number with decimal point/);
      expect(err.location.found).toBe('"12a"');
    }
  });
});

describe('profileColumn / typeColumns', () => {
  it('detects the decimal mark per column', () => {
    expect(profileColumn(['1,5', '2', '.'], MISSING)).toMatchObject({ numeric: true, decimal: ',', missing: 1 });
    expect(profileColumn(['1.5', '2', 'x'], MISSING)).toMatchObject({ numeric: true, decimal: '.', missing: 1 });
    expect(profileColumn(['1.5', '1,5'], MISSING).numeric).toBe(false);
  });
  it('keeps codes with leading zeros as text', () => {
    expect(profileColumn(['0034', '0363'], MISSING).numeric).toBe(false);
  });
  it('types a mixed table: decimal comma in one column, point in another, text, counted missing', () => {
    const d = parseDelimited('code,a,b,naam\nGM0034,"2,3",1.1,Almere\nBU00340101,"1,6",.,Haven\nBU00340102,.,0.4,x\n');
    const cols = typeColumns(d);
    expect(cols.map((c) => [c.name, c.type, c.missing])).toEqual([
      ['code', 'string', 0],
      ['a', 'number', 1],
      ['b', 'number', 1],
      ['naam', 'string', 1],
    ]);
    expect(cols[1].values).toEqual([2.3, 1.6, null]);
    expect(cols[2].values).toEqual([1.1, null, 0.4]);
  });
  it('throws for a non-number in a column declared numeric, naming its line', () => {
    const d = parseDelimited('id;n\na;1\nb;2\nc;twee\n', { file: 'n.csv' });
    expect(() => typeColumns(d, { numeric: ['n'] })).toThrow(/n\.csv, line 4, column "n": not a number.*found "twee"/);
  });
  it('makes duplicate and empty header names unique', () => {
    const d = parseDelimited(',a,a\n1,2,3\n');
    expect(typeColumns(d).map((c) => c.name)).toEqual(['column_1', 'a', 'a_2']);
  });
});
