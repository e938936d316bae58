import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gridCellText, scanCells, splitRecords, type CellGrid } from '../../../src/sources/csv/records.js';
import { DEFAULT_MISSING_SYMBOLS, parseNumericCells, parseNumericColumn } from '../../../src/sources/csv/number.js';
import { mojibakeWarning } from '../../../src/sources/csv/mojibake.js';

/** The grid's records as strings. */
function gridRecords(g: CellGrid): string[][] {
  return Array.from({ length: g.rows }, (_, r) => Array.from({ length: g.width }, (_, j) => gridCellText(g, r, j)));
}

// cells as files hold them: numbers with either mark, missing symbols, padding, empty cells, and
// quoted cells (plain, around a delimiter or a line break, padded inside; and the ones the general
// splitter must read: a doubled quote, text after the closing quote, a quote never closed)
const plain = fc.oneof(
  fc.constantFrom('', '.', 'x', '?', '-', 'NA', '12', '-3', '1.5', '-0,25', '1.234,5', '007', 'GM0363', 'BU03630001', 'Den Haag', "'s-Gravenhage", 'mid"quote', 'CafÃ©', 'Château', 'â‚¬ 5', 'Ã', 'Â'),
  fc.stringMatching(/^-?\d{0,6}[.,]?\d{0,4}$/),
);
const quoted = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('"a;b"', '"a,b"', '"x"', '""', '" padded "', '"line\nbreak"', '"cr\r\nlf"', '"bare\rcr"', '"\ttab\t"', '" CafÃ© "') },
  { weight: 1, arbitrary: fc.constantFrom('"a""b"', '"x"y', '"x" ', '"unclosed') },
);
const padded = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('', ' ', '\t', '\u00a0'), plain, fc.constantFrom('', ' ', '  ')).map(([a, c, b]) => `${a}${c}${b}`) },
  { weight: 1, arbitrary: quoted },
);
const record = (width: number, delimiter: string) => fc.array(padded, { minLength: width, maxLength: width }).map((f) => f.join(delimiter));
const eol = fc.constantFrom('\n', '\r\n', '\r');

/** A header and rows of `width` fields, sometimes a blank line, a footer or a ragged row between them. */
const file = fc.record({ width: fc.integer({ min: 1, max: 5 }), delimiter: fc.constantFrom(';', ',', '\t') }).chain(({ width, delimiter }) =>
  fc
    .tuple(
      fc.array(fc.oneof({ weight: 12, arbitrary: record(width, delimiter) }, { weight: 1, arbitrary: fc.constantFrom('', '   ', 'Bron: CBS') }, { weight: 1, arbitrary: record(width + 1, delimiter) }), { maxLength: 12 }),
      eol,
      fc.boolean(),
    )
    .map(([rows, nl, last]) => ({ delimiter, text: [Array.from({ length: width }, (_, j) => `k${j}`).join(delimiter), ...rows].join(nl) + (last ? nl : '') })),
);

describe('scanCells', () => {
  it('gives the records, lines and blank lines of splitRecords after the header, or null (never another answer)', () => {
    let grids = 0;
    let nulls = 0;
    fc.assert(
      fc.property(file, ({ delimiter, text }) => {
        let all;
        try {
          all = splitRecords(text, { delimiter });
        } catch {
          // an unclosed quote: the general splitter names it, the grid gives way
          const head = splitRecords(text, { delimiter, maxRecords: 1 });
          expect(scanCells(text, { delimiter, width: head.records[0].length, from: head.end, line: head.nextLine })).toBeNull();
          nulls++;
          return;
        }
        const head = splitRecords(text, { delimiter, maxRecords: 1 });
        const width = head.records[0].length;
        const g = scanCells(text, { delimiter, width, from: head.end, line: head.nextLine });
        if (g === null) {
          nulls++;
          return;
        }
        grids++;
        expect(head.records).toEqual(all.records.slice(0, 1));
        expect(gridRecords(g)).toEqual(all.records.slice(1));
        expect(g.lines).toEqual(all.lines.slice(1));
        expect(head.blankLines + g.blankLines).toBe(all.blankLines);
        // the mojibake warning looks at the grid's cells as at the records
        expect(mojibakeWarning(head.records, head.lines, g)).toBe(mojibakeWarning(all.records, all.lines));
      }),
      { numRuns: 3000 },
    );
    // both outcomes are exercised, and the grid is the common one
    expect(grids).toBeGreaterThan(nulls / 4);
    expect(nulls).toBeGreaterThan(50);
  });

  it('gives way where the general splitter must decide', () => {
    const at = (text: string, width = 2) => scanCells(text, { delimiter: ';', width });
    expect(at('1;"a""b"\n')).toBeNull(); // doubled quote
    expect(at('1;"a"b\n')).toBeNull(); // text after the closing quote
    expect(at('1;"a\n')).toBeNull(); // not closed
    expect(at('1;2\nBron: CBS\n')).toBeNull(); // footer
    expect(at('1;2;3\n')).toBeNull(); // too wide
    expect(at('1;2\n\n  \n3;"x;\ny"\n4;5;')).toBeNull(); // a trailing delimiter makes a third field
    const g = at('1;2\n\n  \n3;"x;\ny"\n4;5')!;
    expect(gridRecords(g)).toEqual([['1', '2'], ['3', 'x;\ny'], ['4', '5']]);
    expect(g.lines).toEqual([1, 4, 6]);
    expect(g.blankLines).toBe(2);
  });
});

describe('parseNumericCells', () => {
  const numberish = fc.oneof(
    fc.constantFrom(...DEFAULT_MISSING_SYMBOLS),
    fc.constantFrom('1', '-3', '+4', '1.5', '1,5', '-0,5', '1.234,5', '1.234', '1e3', '0034', '.5', ',5', 'abc', '0x10', '1 000', '--1', '-0', '9999999999999999'),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    fc.integer({ min: -1e6, max: 1e6 }).map((i) => String(i / 100).replace('.', ',')),
    fc.stringMatching(/^-?\d{0,9}\.?\d{0,9}$/),
  );
  it('gives what parseNumericColumn gives on the same cells as strings', () => {
    fc.assert(
      fc.property(fc.array(numberish, { maxLength: 20 }), fc.constantFrom(new Set(DEFAULT_MISSING_SYMBOLS), new Set(['-99', '0', '', 'n.v.t.'])), (cells, missing) => {
        // the cells as the second field of `id;cell` records, the first holding a decoy
        const text = ['id;n', ...cells.map((c, r) => `r${r};${c}`)].join('\n');
        const head = splitRecords(text, { delimiter: ';', maxRecords: 1 });
        const g = scanCells(text, { delimiter: ';', width: 2, from: head.end, line: head.nextLine })!;
        expect(g.rows).toBe(cells.length);
        expect(parseNumericCells(g, 1, missing)).toEqual(parseNumericColumn(cells, missing));
      }),
      { numRuns: 2000 },
    );
  });
});
