/**
 * Bad delimited files through the generic reader and the CLI: each case names the exact
 * behaviour (one-line error with file, line, column, expected and found; or a counted warning).
 */
import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, loadDelimitedTable, parseDelimited, typeColumns } from '../../src/sources/csv/index.js';
import { balance, cliError, cp1252, inspectJson, tempDir, thrown, writeCase } from './corpus.js';

const dir = tempDir();


describe('empty, header-only and truncated files', () => {
  it('an empty file: one line naming the file, exit 1', async () => {
    const p = writeCase(dir, 'empty.csv', '');
    expect(await cliError(['inspect', p])).toBe(`veerkracht inspect: ${p}: file is empty; expected a data file`);
    expect(thrown(() => parseDelimited('', { file: 'x.csv' })).location).toMatchObject({ file: 'x.csv', found: 'an empty file' });
  });
  it('a file of blank lines has no header', () => {
    const e = thrown(() => parseDelimited('\n\r\n\n', { file: 'blank.csv' }));
    expect(e.message).toMatch(/^blank\.csv: no header line; expected a header line with column names, found an empty file$/);
  });
  it('a header-only file: zero rows, every column empty, and the report balances at 0', async () => {
    const p = writeCase(dir, 'header-only.csv', 'code;inwoners;pct\n');
    const d = await inspectJson(p);
    expect(d.rows).toBe(0);
    expect(d.columns.map((c) => [c.name, c.type])).toEqual([['code', 'empty'], ['inwoners', 'empty'], ['pct', 'empty']]);
    expect(d.report).toMatchObject({ rowsRead: 0, rowsKept: 0, dropped: [] });
  });
  it('a file cut in the middle of a row: the short row is named with its line and field count', async () => {
    const p = writeCase(dir, 'cut.csv', 'code;n;m\nGM0363;1;2\nGM0344;3');
    expect(await cliError(['inspect', p])).toBe(
      `veerkracht inspect: ${p}, line 3: wrong number of fields; expected 3 fields like the header (delimiter ";"), found 2`,
    );
  });
  it('a file cut inside a quoted field: the line where the quote opened', () => {
    const e = thrown(() => parseDelimited('code;naam\nGM0363;"Amster\ndam\nGM0344;x\n', { file: 'q.csv' }));
    expect(e.location).toMatchObject({ file: 'q.csv', line: 2, expected: 'a closing double quote', found: 'end of file' });
  });
});

describe('wrong delimiter and mixed decimal marks', () => {
  it('a header with ; and rows with , : the first row with the wrong field count is named', async () => {
    const p = writeCase(dir, 'delim.csv', 'code;n;m\nGM0363,1,2\nGM0344,3,4\n');
    const line = await cliError(['inspect', p]);
    expect(line).toMatch(/delim\.csv, line 2: wrong number of fields \(the header is separated by ";", this row by ","\); expected 1 fields like the header \(delimiter ","\), found 3$/);
  });
  it('forcing , on a ; file whose cells hold decimal commas names line 2', () => {
    const e = thrown(() => parseDelimited('code;n\nGM0363;1,5\n', { delimiter: ',', file: 'f.csv' }));
    expect(e.location).toMatchObject({ file: 'f.csv', line: 2, found: '2' });
  });
  it('1.5 beside 1,5 stays text with a warning naming the column and both lines', async () => {
    const p = writeCase(dir, 'mixed.csv', 'code;n;ok\nGM0363;1.5;2,5\nGM0344;1,5;3\nGM0345;2;.\n');
    const d = await inspectJson(p);
    expect(d.columns.find((c) => c.name === 'n')?.type).toBe('string');
    expect(d.columns.find((c) => c.name === 'ok')?.type).toBe('number');
    expect(d.warnings).toContain('column "n": mixed decimal marks (point on line 2, comma on line 3): kept as text');
    expect(d.warnings.some((w) => w.includes('"ok"'))).toBe(false);
  });
  it('1.234,5 grouping with a decimal comma is one mark, not mixed', async () => {
    const t = await loadDelimitedTable(writeCase(dir, 'grouped.csv', 'code;n\nGM0363;1.234,5\nGM0344;7,25\n'));
    expect(t.table.array('n')).toEqual([1234.5, 7.25]);
    expect(t.report.warnings).toEqual([]);
  });
  it('a non-numeric cell in a column that must be numeric names file, line, column and the cell', () => {
    const d = parseDelimited('code;inwoners\nGM0363;10\nGM0344;tien\n', { file: 'n.csv' });
    const e = thrown(() => typeColumns(d, { numeric: ['inwoners'] }));
    expect(e.location).toMatchObject({ file: 'n.csv', line: 3, column: 'inwoners', found: '"tien"' });
    expect(e.message).toMatch(/^n\.csv, line 3, column "inwoners": not a number; expected a number or a missing symbol/);
  });
});

describe('Windows-1252 text', () => {
  const text = 'code;naam\nGM0363;Caf\u00e9 \u20ac \u2018a\u2019 \u201cb\u201d \u2013 \u2014\n';
  it('Node 20 TextDecoder maps 0x80–0x9F to C1 controls, so the reader uses its own table', () => {
    const bytes = new Uint8Array([0x80, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97]);
    const node = new TextDecoder('windows-1252').decode(bytes);
    const ours = decodeWindows1252(bytes);
    expect(ours).toBe('\u20ac\u2018\u2019\u201c\u201d\u2013\u2014');
    // documents the platform behaviour the table works around (WHATWG says €‘’“”–—; this build gives U+0080…)
    if (node !== ours) expect([...node].map((c) => c.charCodeAt(0))).toEqual([0x80, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97]);
  });
  it('cp1252 bytes (invalid UTF-8) decode to € ‘ ’ “ ” – — with a warning', async () => {
    const p = writeCase(dir, 'cp1252.csv', cp1252(text));
    const t = await loadDelimitedTable(p);
    expect(t.table.array('naam')).toEqual(['Caf\u00e9 \u20ac \u2018a\u2019 \u201cb\u201d \u2013 \u2014']);
    expect(t.report.warnings).toEqual(['file is not valid UTF-8: decoded as Windows-1252']);
  });
  it('the same text as UTF-8 is read as UTF-8, no mojibake, no warning', () => {
    const d = decodeText(new TextEncoder().encode(text));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(text);
  });
  it('forcing UTF-8 on cp1252 bytes would give U+FFFD; detection never does', () => {
    const d = decodeText(cp1252(text));
    expect(d.text.includes('\ufffd')).toBe(false);
    expect(d.encoding).toBe('windows-1252');
  });
});

describe('mojibake: UTF-8 once decoded as Windows-1252 and saved again', () => {
  // built independently: the UTF-8 bytes of the text, each byte taken as a Windows-1252 character
  const CP = ['\u20ac', '\u0081', '\u201a', '\u0192', '\u201e', '\u2026', '\u2020', '\u2021', '\u02c6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008d', '\u017d', '\u008f',
    '\u0090', '\u2018', '\u2019', '\u201c', '\u201d', '\u2022', '\u2013', '\u2014', '\u02dc', '\u2122', '\u0161', '\u203a', '\u0153', '\u009d', '\u017e', '\u0178'];
  const garble = (s: string) => [...new TextEncoder().encode(s)].map((b) => (b >= 0x80 && b < 0xa0 ? CP[b - 0x80] : String.fromCharCode(b))).join('');
  it('the generic reader warns with the count and lines, and keeps the cells as they are', async () => {
    const names = ['Caf\u00e9', 'Co\u00f6peratieveld', '\u2019s-Hertogenbosch', '\u20ac 5', 'gewoon'];
    const p = writeCase(dir, 'mojibake.csv', `code;naam\n${names.map((n, i) => `GM03${60 + i};${garble(n)}`).join('\n')}\n`);
    const d = await inspectJson(p);
    expect(garble('Caf\u00e9')).toBe('Caf\u00c3\u00a9');
    expect(d.warnings).toContain('4 cells look like UTF-8 text once decoded as Windows-1252 (mojibake), e.g. line 2: "Caf\u00c3\u00a9"; line 3: "Co\u00c3\u00b6peratieveld"; line 4: "\u00e2\u20ac\u2122s-Hertogenbosch"; re-export the file as UTF-8');
  });
  it('correct UTF-8 and correct Windows-1252 text give no mojibake warning', async () => {
    const text = 'code;naam\nGM0363;Caf\u00e9 \u20ac \u2018a\u2019 \u201cb\u201d \u2013 \u2014 \u00b0 \u00c9\u00e9n\n';
    for (const [name, bytes] of [['ok-utf8.csv', new TextEncoder().encode(text)], ['ok-1252.csv', cp1252(text)]] as const) {
      const t = await loadDelimitedTable(writeCase(dir, name, bytes));
      expect(t.report.warnings.some((w) => w.includes('mojibake'))).toBe(false);
    }
  });
  it('a StatLine export with garbled region names warns the same way', async () => {
    const H = 'ID,WijkenEnBuurten,Gemeentenaam_1,SoortRegio_2,Codering_3,AantalInwoners_5';
    const p = writeCase(dir, 'kwb2017_83765NED_moji.csv', `${H}\n0,GM0363,${garble('S\u00fadwest-Frysl\u00e2n')},Gemeente,GM0363,5\n`);
    const d = await inspectJson(p);
    expect(d.warnings.some((w) => /^1 cells look like UTF-8 text once decoded as Windows-1252 \(mojibake\), e\.g\. line 2: /.test(w))).toBe(true);
  });
});

describe('hostile files', () => {
  it('a binary file: not recognised, one line, exit 1', async () => {
    const bytes = new Uint8Array(512);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) & 0xff;
    const p = writeCase(dir, 'binary.dat', bytes);
    expect(await cliError(['inspect', p])).toMatch(/binary\.dat, line 1: format not recognised; expected one of: statline-odata, .*csv, found binary data \(NUL bytes\)$/);
  });
  it('a huge single line (3 MB without a line break) is read as one header, not a crash', async () => {
    const p = writeCase(dir, 'huge.csv', `code;${'x'.repeat(3_000_000)}`);
    const d = await inspectJson(p);
    expect(d.rows).toBe(0);
    expect(d.columns).toHaveLength(2);
  });
  it('a huge cell in a data row is named by line and shortened in the message', async () => {
    const p = writeCase(dir, 'huge-row.csv', `code;n\n${'9'.repeat(2_000_000)}\n`);
    const line = await cliError(['inspect', p]);
    expect(line).toMatch(/huge-row\.csv, line 2: wrong number of fields; expected 2 fields/);
    expect(line.length).toBeLessThan(300);
  });
  it('NUL bytes inside a CSV are refused by sniffing, not parsed', async () => {
    const p = writeCase(dir, 'nul.csv', new Uint8Array([0x61, 0x3b, 0x62, 0x0a, 0x31, 0x00, 0x3b, 0x32, 0x0a]));
    expect(await cliError(['inspect', p])).toMatch(/nul\.csv, line 1: format not recognised/);
  });
  it('the generic reader keeps every row: rowsRead = rowsKept, nothing dropped', async () => {
    const t = await loadDelimitedTable(writeCase(dir, 'keep.csv', 'a;b\n1;y\n\n.;\n3;z\n'));
    expect(balance(t.report)).toBe(0);
    expect(t.report.rowsRead).toBe(3);
    expect(t.columns.map((c) => c.missing)).toEqual([1, 1]);
  });
});
