import { describe, expect, it } from 'vitest';
import { formatCsvNumber, neutraliseCell, toCsv, toCsvDialects } from '../../src/export/csv.js';

/** An independent RFC 4180 reader (quotes, doubled quotes, separators and newlines in cells). */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === sep) { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

describe('toCsv excel-nl', () => {
  const rows = [
    { code: 'BU03440111', naam: 'Lange Elisabethstraat; e.o.', dK: -1.25, inwoners: 1200 },
    { code: 'BU03440112', naam: '=HYPERLINK("http://x","klik")', dK: 0.5, inwoners: null },
    { code: 'BU03440113', naam: '-2+3', dK: Number.NaN, inwoners: 0 },
  ];
  const text = toCsv(rows, { dialect: 'excel-nl' });

  it('starts with a BOM and uses CRLF everywhere', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes decimal commas, keeps negative numbers numeric, and empties missing values', () => {
    const t = parseCsv(text.slice(1), ';');
    expect(t[0]).toEqual(['code', 'naam', 'dK', 'inwoners']);
    expect(t[1][2]).toBe('-1,25');
    expect(t[2][2]).toBe('0,5');
    expect(t[2][3]).toBe('');
    expect(t[3][2]).toBe('');
    expect(t[3][3]).toBe('0');
  });

  it('quotes a cell containing the separator and neutralises formulas', () => {
    const t = parseCsv(text.slice(1), ';');
    expect(t[1][1]).toBe('Lange Elisabethstraat; e.o.');
    expect(t[2][1]).toBe(`'=HYPERLINK("http://x","klik")`);
    expect(t[3][1]).toBe(`'-2+3`);
    expect(t).toHaveLength(4);
  });
});

describe('toCsv plain', () => {
  it('uses commas, decimal points, LF and no BOM', () => {
    const text = toCsv([{ a: 1.5, b: 'x,y' }, { a: -2, b: 'z' }], { dialect: 'plain' });
    expect(text).toBe('a,b\n1.5,"x,y"\n-2,z\n');
  });

  it('treats text in a column of mixed types as text (and neutralises it)', () => {
    const text = toCsv([{ v: '-5' }, { v: -5 }], { dialect: 'plain' });
    expect(parseCsv(text, ',')).toEqual([['v'], [`'-5`], [`'-5`]]);
  });

  it('keeps numbers numeric in a column declared numeric, even with a string among them', () => {
    const text = toCsv([{ v: -5 }, { v: '@SUM(A1)' }], { dialect: 'plain', columns: [{ field: 'v', type: 'number', header: 'waarde' }] });
    expect(parseCsv(text, ',')).toEqual([['waarde'], ['-5'], [`'@SUM(A1)`]]);
  });

  it('round-trips quotes and newlines inside cells', () => {
    const hostile = 'a "b"\nc\rd';
    const text = toCsv([{ s: hostile }], { dialect: 'plain' });
    expect(parseCsv(text, ',')[1][0]).toBe(hostile);
  });
});

describe('neutraliseCell', () => {
  it.each(['=1+1', '+31 6', '-x', '@x', '\tx', '\rx'])('prefixes %j', (s) => {
    expect(neutraliseCell(s)).toBe(`'${s}`);
  });
  it.each(['Utrecht', '1-2', 'a=b', ''])('leaves %j alone', (s) => {
    expect(neutraliseCell(s)).toBe(s);
  });
});

describe('formatCsvNumber', () => {
  it('writes shortest round-trip digits and no negative zero', () => {
    expect(formatCsvNumber(0.1 + 0.2, 'plain')).toBe('0.30000000000000004');
    expect(formatCsvNumber(-0, 'excel-nl')).toBe('0');
    expect(formatCsvNumber(-3.75, 'excel-nl')).toBe('-3,75');
  });
});

describe('toCsvDialects (both dialects in one pass)', () => {
  it('each text parses back, with the independent reader, to the values in its own notation', async () => {
    const fc = (await import('fast-check')).default;
    const text = fc.string({ maxLength: 12 });
    const num = fc.oneof(fc.double({ noNaN: true }), fc.integer(), fc.constant(-0), fc.constant(Number.NaN));
    const row = fc.record({ code: text, x: num, y: fc.oneof(num, fc.constant(null)) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const [nl, plain] = toCsvDialects(rows, ['excel-nl', 'plain'], ['code', 'x', 'y']);
        for (const [out, sep, dec, bom] of [[nl, ';', ',', '\uFEFF'], [plain, ',', '.', '']] as const) {
          expect(out.startsWith(bom)).toBe(true);
          const parsed = parseCsv(out.slice(bom.length), sep);
          expect(parsed[0]).toEqual(['code', 'x', 'y']);
          rows.forEach((r, i) => {
            const [code, x, y] = parsed[i + 1];
            expect(/^[=+\-@\t\r]/.test(r.code) ? `'${r.code}` : r.code).toBe(code);
            for (const [v, cell] of [[r.x, x], [r.y, y]] as const) {
              if (v === null || !Number.isFinite(v)) expect(cell).toBe('');
              else expect(Number(dec === ',' ? cell.replace(',', '.') : cell)).toBe(Object.is(v, -0) ? 0 : v);
            }
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
