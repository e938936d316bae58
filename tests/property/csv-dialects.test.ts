/**
 * Random CSV dialects round-trip through src/sources/csv: a table written with any delimiter,
 * quoting style, BOM, decimal mark, line ending and encoding (UTF-8 or Windows-1252) reads back
 * cell for cell, numbers as the same numbers, with the dialect detected.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, parseDelimited, sniffDelimiter, typeColumns } from '../../src/sources/csv/index.js';

const CP1252_HIGH: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
function encodeCp1252(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[i] = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : CP1252_HIGH[s[i]];
  }
  return out;
}
function isValidUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

interface Dialect {
  delimiter: ';' | ',' | '\t' | '|';
  quoteAll: boolean;
  bom: boolean;
  decimalComma: boolean;
  eol: '\n' | '\r\n';
  finalEol: boolean;
  cp1252: boolean;
}
const dialect: fc.Arbitrary<Dialect> = fc.record({
  delimiter: fc.constantFrom(';', ',', '\t', '|'),
  quoteAll: fc.boolean(),
  bom: fc.boolean(),
  decimalComma: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n'),
  finalEol: fc.boolean(),
  cp1252: fc.boolean(),
});

// text cells: anything a researcher types, including delimiters, quotes and line breaks
const alphabet = fc.constantFrom(...'abcXYZ 019;,|\t"\n\r\'=-.éëöü€‘’“”–—'.split(''));
const textCell = fc.array(alphabet, { maxLength: 12 }).map((a) => a.join(''));
const number = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((i) => i / 100);

function quote(cell: string, d: Dialect): string {
  const needs = d.quoteAll || cell.includes(d.delimiter) || /["\r\n]/.test(cell);
  return needs ? `"${cell.replace(/"/g, '""')}"` : cell;
}
function write(header: string[], rows: string[][], d: Dialect): Uint8Array {
  const lines = [header, ...rows].map((r) => r.map((c) => quote(c, d)).join(d.delimiter));
  const text = lines.join(d.eol) + (d.finalEol ? d.eol : '');
  const body = d.cp1252 ? encodeCp1252(text) : new TextEncoder().encode(text);
  if (!d.bom || d.cp1252) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
const fmt = (x: number, d: Dialect) => (d.decimalComma ? String(x).replace('.', ',') : String(x));

describe('CSV dialect round trip', () => {
  it('text cells with delimiters, quotes and line breaks come back exactly (delimiter given)', () => {
    fc.assert(
      fc.property(dialect, fc.array(fc.tuple(textCell, textCell, textCell), { minLength: 1, maxLength: 15 }), (d, rows) => {
        const header = ['code', 'naam', 'opmerking'];
        const bytes = write(header, rows, d);
        // Windows-1252 bytes that happen to be valid UTF-8 (é followed by two of €‘’“”…) are
        // indistinguishable from UTF-8; such a file is read as UTF-8 by design
        fc.pre(!d.cp1252 || !isValidUtf8(bytes) || bytes.every((b) => b < 0x80));
        const p = parseDelimited(bytes, { delimiter: d.delimiter, trim: false });
        expect(p.header).toEqual(header);
        expect(p.rows).toEqual(rows);
        expect(p.dialect.bom).toBe(d.bom && !d.cp1252);
        const nonAscii = bytes.some((b) => b >= 0x80);
        expect(p.dialect.encoding).toBe(d.cp1252 && nonAscii ? 'windows-1252' : 'utf-8');
      }),
      { numRuns: 300, seed: 1252 },
    );
  });

  it('the delimiter is sniffed when cells do not hold delimiter candidates', () => {
    const plain = fc.array(fc.constantFrom(...'abc XYZ019éö€"\n'.split('')), { minLength: 1, maxLength: 10 }).map((a) => a.join(''));
    fc.assert(
      fc.property(dialect, fc.array(fc.tuple(plain, plain), { minLength: 1, maxLength: 10 }), (d, rows) => {
        const bytes = write(['code', 'naam'], rows, d);
        fc.pre(!d.cp1252 || !isValidUtf8(bytes) || bytes.every((b) => b < 0x80));
        const p = parseDelimited(bytes, { trim: false });
        expect(p.dialect.delimiter).toBe(d.delimiter);
        expect(p.rows).toEqual(rows);
        expect(sniffDelimiter(decodeText(bytes).text)).toBe(d.delimiter);
      }),
      { numRuns: 300, seed: 44 },
    );
  });

  it('numeric columns come back as the same numbers with the decimal mark of the dialect; missing symbols as null', () => {
    fc.assert(
      fc.property(dialect, fc.array(fc.tuple(number, fc.option(number, { nil: null })), { minLength: 1, maxLength: 20 }), (d, rows) => {
        const text = rows.map(([a, b], i) => [`BU${String(i).padStart(8, '0')}`, fmt(a, d), b === null ? '.' : fmt(b, d)]);
        const bytes = write(['code', 'inwoners', 'pct'], text, d);
        const p = parseDelimited(bytes);
        const cols = typeColumns(p);
        const a = cols[1];
        const b = cols[2];
        expect(a.type).toBe('number');
        expect(a.values).toEqual(rows.map((r) => r[0]));
        expect(b.missing).toBe(rows.filter((r) => r[1] === null).length);
        if (b.missing < rows.length) expect(b.values).toEqual(rows.map((r) => r[1]));
        // the mark is detected per column: a comma where a value needs one, else a point
        const fractional = rows.some(([x]) => !Number.isInteger(x));
        expect(a.decimal).toBe(d.decimalComma && fractional ? ',' : '.');
        expect(cols[0].type).toBe('string');
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
