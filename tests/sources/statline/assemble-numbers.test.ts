import { describe, expect, it } from 'vitest';
import { assembleStatline, type StatlineColumnInput } from '../../../src/sources/statline/assemble.js';

const one = (col: StatlineColumnInput, extra: { lines?: number[]; strictNumbers?: boolean; file?: string } = {}) =>
  assembleStatline({ kind: 'test', columns: [col], roles: {}, ...extra });

describe('assembleStatline: typing numeric cells in one pass', () => {
  it('reads a decimal-comma column with grouping points, padding of any kind and missing symbols', () => {
    const t = one({ info: { key: 'n_1' }, values: ['1.234,5', ' 2 ', '1.234', '.', '\t7,25\u00a0', 'x', '12.345.678,9'] });
    expect(t.table.array('n_1')).toEqual([1234.5, 2, 1234, null, 7.25, null, 12345678.9]);
    expect(t.columns[0]).toMatchObject({ name: 'n_1', missing: 2 });
  });
  it('passes JSON numbers through and counts non-finite ones and nulls as missing, never 0', () => {
    const t = one({ info: { key: 'n_1', unit: 'aantal' }, values: [5, null, Number.NaN, '3', ' - ', 0] });
    expect(t.table.array('n_1')).toEqual([5, null, null, 3, null, 0]);
    expect(t.columns[0].missing).toBe(3);
  });
  it('names the row of the bad cell in the whole column, numbers and nulls before it included', () => {
    expect(() => one({ info: { key: 'AantalInwoners_5', unit: 'aantal' }, values: [5, null, '3', 'drie', 'vier'] }, { file: 'k.json' })).toThrow(
      /^k\.json, feature 3, column "AantalInwoners_5": not a number; expected a number \(aantal\) or a missing symbol, found "drie"$/,
    );
    expect(() => one({ info: { key: 'AantalInwoners_5', unit: 'aantal' }, values: ['5', ' . ', ' 1.5 ', '1,5'] }, { file: 'k.csv', lines: [7, 8, 9, 10], strictNumbers: true })).toThrow(
      /^k\.csv, line 9, column "AantalInwoners_5": not a number; .* found "1\.5"$/,
    );
  });
  it('reads 1.5 beside 1,5 in a column of unknown unit as text, with a note naming the line', () => {
    const t = one({ info: { key: 'x_1' }, values: ['2', ' 1.5', '1,5'] }, { lines: [4, 5, 6] });
    expect(t.table.array('x_1')).toEqual(['2', '1.5', '1,5']);
    expect(t.report.warnings).toContain('column "x_1" read as text: line 5 holds "1.5", not a number');
  });
  it('keeps codes with leading zeros as text unless the source declares the topic numeric', () => {
    expect(one({ info: { key: 'c_1' }, values: ['0034', ' 0363', '.'] }).table.array('c_1')).toEqual(['0034', '0363', null]);
    expect(one({ info: { key: 'c_1' }, values: ['0034', '0363'] }, { strictNumbers: true }).table.array('c_1')).toEqual([34, 363]);
  });
  it('a column of missing symbols only is an all-missing numeric column', () => {
    const t = one({ info: { key: 'n_1' }, values: ['.', 'x', ''] });
    expect(t.table.array('n_1')).toEqual([null, null, null]);
    expect(t.columns[0].missing).toBe(3);
  });
});
