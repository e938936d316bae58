/**
 * User errors through `classify` and `moran`: always a non-zero exit, one line on stderr naming
 * file, line or column, what was expected and what was found; never a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cliError, tempDir, writeCase } from './corpus.js';

const dir = tempDir();
const t = writeCase(dir, 't.csv', 'code;v;naam;leeg;w;tekstgewicht\nGM0363;1;a;;1;1\nGM0344;2;b;;-3;1\nGM0345;x;c;;1;1\nGM0346;4;d;;1;abc\n');
const constant = writeCase(dir, 'c.csv', 'code;v\nGM0363;5\nGM0344;5\nGM0345;5\n');
const mixed = writeCase(dir, 'm.csv', 'code;v\nGM0363;1.5\nGM0344;1,5\nGM0345;2\n');

describe('classify on bad tables', () => {
  it('a column that does not exist lists the columns', async () => {
    expect(await cliError(['classify', t, '--column', 'nope', '--scheme', 'quantiles'])).toBe(
      `veerkracht classify: ${t}, column "nope": column not found; expected one of code, v, naam, leeg, w, tekstgewicht`,
    );
  });
  it('a text column names the first text value and its line', async () => {
    expect(await cliError(['classify', t, '--column', 'naam', '--scheme', 'quantiles'])).toBe(
      `veerkracht classify: ${t}, line 2, column "naam": value is not a number; expected a number or a missing value, found "a"`,
    );
  });
  it('a weights column that is text because of one cell names that cell, not the first number', async () => {
    const line = await cliError(['classify', t, '--column', 'v', '--scheme', 'quantiles', '--weights', 'tekstgewicht']);
    expect(line).toBe(`veerkracht classify: ${t}, line 5, column "tekstgewicht": value is not a number; expected a number or a missing value, found "abc"`);
  });
  it('a column of numbers with mixed decimal marks says so instead of blaming a number', async () => {
    expect(await cliError(['classify', mixed, '--column', 'v', '--scheme', 'quantiles'])).toBe(
      `veerkracht classify: ${mixed}, line 2, column "v": column holds numbers as text (mixed decimal marks or leading zeros?); expected a number or a missing value, found "1.5"`,
    );
  });
  it('an all-missing column, a negative weight, a constant column for fisher_jenks', async () => {
    expect(await cliError(['classify', t, '--column', 'leeg', '--scheme', 'quantiles'])).toMatch(/column "leeg": no valid values to classify; expected at least one number, found 4 missing$/);
    expect(await cliError(['classify', t, '--column', 'v', '--scheme', 'quantiles', '--weights', 'w', '--k', '2'])).toMatch(/weight is negative or not finite; expected a weight ≥ 0, found -3$/);
    expect(await cliError(['classify', constant, '--column', 'v', '--scheme', 'fisher_jenks', '--k', '3'])).toMatch(/expected at least 3 distinct values, found 1$/);
  });
  it('bad flags exit 2 with one line', async () => {
    for (const argv of [
      ['classify', t, '--column', 'v', '--scheme', 'bogus'],
      ['classify', t, '--column', 'v', '--scheme', 'quantiles', '--k', '0'],
      ['classify', t, '--column', 'v', '--scheme', 'quantiles', '--k', 'vijf'],
      ['classify', t, '--column', 'v', '--scheme', 'user_defined', '--bins', '1,x'],
      ['moran', t],
    ]) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
  it('descending user bins are an input error (exit 1) naming them', async () => {
    expect(await cliError(['classify', t, '--column', 'v', '--scheme', 'user_defined', '--bins', '3,1'])).toMatch(/bins must be strictly ascending finite numbers; expected ascending upper bounds, found 3,1$/);
  });
});

describe('moran and inspect on files of the wrong kind', () => {
  it('a CSV given to moran: one line saying to pass boundaries and --table', async () => {
    expect(await cliError(['moran', t, '--column', 'v'])).toMatch(/^veerkracht moran: .*t\.csv, line 1: this is a table, not a boundary file; expected boundaries .* as FILE; pass a table with --table TABLE/);
  });
  it('a directory and a missing file', async () => {
    expect(await cliError(['inspect', '/nonexistent/x.csv'])).toBe('veerkracht inspect: /nonexistent/x.csv: file not found');
    expect(await cliError(['inspect', dir])).toBe(`veerkracht inspect: ${dir}: is a folder, not a file; expected a data file`);
    expect(await cliError(['moran', dir, '--column', 'v'])).toMatch(/folder|EISDIR|cannot read/);
    expect(await cliError(['classify', '/nonexistent/x.csv', '--column', 'v', '--scheme', 'quantiles'])).toMatch(/x\.csv: file not found$/);
  });
});
