import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDelimited, readDelimited } from '../../../src/sources/csv/read.js';
import { decodeText, decodeWindows1252 } from '../../../src/sources/csv/decode.js';
import { sniffDelimiter } from '../../../src/sources/csv/dialect.js';
import { splitRecords } from '../../../src/sources/csv/records.js';
import { VeerkrachtError } from '../../../src/util/errors.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('strips a UTF-8 BOM and reports it', () => {
    const d = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Wijk;n')]));
    expect(d).toEqual({ text: 'Wijk;n', encoding: 'utf-8', bom: true });
  });
  it('falls back to Windows-1252 for invalid UTF-8, including 0x80–0x9F', () => {
    // "Café € – ‘x’" in cp1252
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x20, 0x96, 0x20, 0x91, 0x78, 0x92]);
    const d = decodeText(bytes);
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe('Café € – ‘x’');
  });
  it('keeps valid UTF-8 as UTF-8', () => {
    expect(decodeText(enc('Súdwest-Fryslân')).text).toBe('Súdwest-Fryslân');
  });
  it('does not take a UTF-8 sequence cut at the end of a head as invalid', () => {
    const b = enc('ab é');
    expect(decodeText(b.subarray(0, b.length - 1), { partial: true }).encoding).toBe('utf-8');
  });
  it('decodes UTF-16LE with BOM (Excel "Unicode text")', () => {
    const s = 'a\tb\n1\t2';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < s.length; i++) bytes[2 + 2 * i] = s.charCodeAt(i);
    expect(decodeText(bytes)).toEqual({ text: s, encoding: 'utf-16le', bom: true });
  });
  it('maps every cp1252 byte ≥ 0xA0 to the same Latin-1 code point', () => {
    const bytes = new Uint8Array(96).map((_, i) => 0xa0 + i);
    const s = decodeWindows1252(bytes);
    expect([...s].map((c) => c.charCodeAt(0))).toEqual([...bytes]);
  });
});

describe('sniffDelimiter', () => {
  it('prefers the delimiter with a consistent count outside quotes', () => {
    expect(sniffDelimiter('a;b;c\n1;2,5;3\n4;5;6,25\n')).toBe(';');
    expect(sniffDelimiter('"a","b"\n"1,5","2,5"\n')).toBe(',');
    expect(sniffDelimiter('a\tb\n1,5\t2\n')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|');
  });
  it('ignores title lines before the table', () => {
    expect(sniffDelimiter('"Kerncijfers 2015"\n""\n"";"Onderwerp"\n"a";"b";"c"\n"1,5";"2";"3"\n"4";"5";"6"\n')).toBe(';');
  });
});

describe('splitRecords', () => {
  it('handles quotes, doubled quotes, embedded delimiters and line breaks, keeping start lines', () => {
    const text = 'a,b\r\n"x, ""y""","multi\nline"\r\n\r\n3,4\n';
    const r = splitRecords(text, { delimiter: ',' });
    expect(r.records).toEqual([
      ['a', 'b'],
      ['x, "y"', 'multi\nline'],
      ['3', '4'],
    ]);
    expect(r.lines).toEqual([1, 2, 5]);
    expect(r.blankLines).toBe(1);
  });
  it('trims padding unless asked not to', () => {
    expect(splitRecords('GM0363    ,  5', { delimiter: ',' }).records).toEqual([['GM0363', '5']]);
    expect(splitRecords('GM0363    ,5', { delimiter: ',', trim: false }).records).toEqual([['GM0363    ', '5']]);
  });
  it('keeps a trailing empty field', () => {
    expect(splitRecords('a;b;\n', { delimiter: ';' }).records).toEqual([['a', 'b', '']]);
  });
  it('names the line of an unclosed quote', () => {
    expect(() => splitRecords('a,b\n1,"open\n2,3\n', { delimiter: ',', file: 'f.csv' })).toThrow(
      /f\.csv, line 2: quoted field is not closed/,
    );
  });
});

describe('parseDelimited / readDelimited', () => {
  it('returns header, rows, lines and dialect', () => {
    const d = parseDelimited(enc('\uFEFFcode;naam\nGM0363;Amsterdam\n\nGM0344;Utrecht\n'), { file: 'x.csv' });
    expect(d.header).toEqual(['code', 'naam']);
    expect(d.rows).toEqual([
      ['GM0363', 'Amsterdam'],
      ['GM0344', 'Utrecht'],
    ]);
    expect(d.lines).toEqual([2, 4]);
    expect(d.dialect).toMatchObject({ delimiter: ';', encoding: 'utf-8', bom: true, headerLine: 1, blankLines: 1 });
  });
  it('reports a row with too many fields with its line and the expected count', () => {
    try {
      parseDelimited('a,b\n1,2\n1,2,3\n', { file: 'r.csv' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(VeerkrachtError);
      const err = e as VeerkrachtError;
      expect(err.location).toMatchObject({ file: 'r.csv', line: 3, found: '3' });
      expect(err.location.expected).toMatch(/^2 fields/);
    }
  });
  it('honours an Excel "sep=" first line and keeps line numbers of the file', () => {
    const d = parseDelimited('sep=;\r\nadres;huur\r\nDorpsstraat 1, Utrecht;612,50\r\n');
    expect(d.dialect.delimiter).toBe(';');
    expect(d.header).toEqual(['adres', 'huur']);
    expect(d.rows).toEqual([['Dorpsstraat 1, Utrecht', '612,50']]);
    expect(d.dialect.headerLine).toBe(2);
    expect(d.lines).toEqual([3]);
  });
  it('pads short rows on request', () => {
    expect(parseDelimited('a,b,c\n1\n', { ragged: 'pad' }).rows).toEqual([['1', '', '']]);
  });
  it('reads a Windows-1252 file with decimal commas from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-csv-'));
    const p = join(dir, 'corp.csv');
    // "Straat;Huur\nDorpsstraße;612,50\n" with ß = 0xDF in cp1252
    writeFileSync(p, Buffer.from([...enc('Straat;Huur\nDorpsstra'), 0xdf, ...enc('e;612,50\n')]));
    const d = readDelimited(p);
    expect(d.dialect.encoding).toBe('windows-1252');
    expect(d.rows).toEqual([['Dorpsstraße', '612,50']]);
    expect(d.file).toBe(p);
  });
  it('says file not found for a missing file', () => {
    expect(() => readDelimited('/nonexistent/x.csv')).toThrow(/x\.csv: file not found/);
  });
});
