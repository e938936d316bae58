import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseStatlineCsv } from '../../../src/sources/statline/csv-export.js';
import { expectSameLoad } from '../../helpers/general-path.js';

// a keys export as researchers have them: padded codes and names, StatLine's symbols, negative
// numbers, decimal commas, a numeric topic with a word in it, a text topic, quoted cells
const code = fc.constantFrom('NL00      ', 'GM0363    ', 'WK036300  ', 'BU03630000', 'BU03630001', ' bu03630002', 'GM0344', 'XX12', '', '.');
const naam = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('Amsterdam', 'Den Haag                 ', "'s-Gravenhage", 'Burgwallen-Oude Zijde', '', 'Nuenen, Gerwen', 'Twee\nregels', 'x', 'CafÃ© Ã', 'Château', 'Nuenen', 'Amster') },
  { weight: 1, arbitrary: fc.constant('Kop "Noord"') },
);
const soort = fc.constantFrom('Land      ', 'Gemeente  ', 'Wijk', 'Buurt     ', '', '.');
const number = fc.oneof(
  fc.constantFrom('.', 'x', '?', '-', '', ' ', '12', '-3', '0', '007', '1e3', '-0'),
  fc.integer({ min: -100000, max: 100000 }).map(String),
  fc.integer({ min: -10000, max: 10000 }).map((i) => String(i / 10)),
  fc.integer({ min: -10000, max: 10000 }).map((i) => String(i / 10).replace('.', ',')),
);
const rare = fc.oneof({ weight: 20, arbitrary: number }, { weight: 1, arbitrary: fc.constantFrom('n.v.t.', 'geheim') });

function quote(cell: string, delimiter: string, always: boolean): string {
  if (cell.includes('"')) return `"${cell.replace(/"/g, '""')}"`;
  return always || cell.includes(delimiter) || cell.includes('\n') ? `"${cell}"` : cell;
}

const HEADER = ['ID', 'WijkenEnBuurten', 'Gemeentenaam_1', 'SoortRegio_2', 'AantalInwoners_5', 'HuishoudensMetEenLaagInkomen_72', 'Oppervlakte_8', 'Opmerking_9'];

const kwbFile = fc
  .record({
    delimiter: fc.constantFrom(',', ';'),
    eol: fc.constantFrom('\n', '\r\n'),
    quoteAll: fc.boolean(),
    rows: fc.array(fc.tuple(code, naam, soort, number, number, rare, fc.constantFrom('', 'a', 'b', '.', '1')), { maxLength: 15 }),
    blank: fc.nat(20),
    at: fc.nat(),
  })
  .map(({ delimiter, eol, quoteAll, rows, blank, at }) => {
    const lines = [HEADER.map((h) => (quoteAll ? `"${h}"` : h)).join(delimiter)];
    rows.forEach((r, i) => lines.push([String(i), ...r].map((c, j) => (j === 0 ? c : quote(c, delimiter, quoteAll))).join(delimiter)));
    // (a blank line before the header would take the character as a record of its own)
    if (blank >= 1 && blank < lines.length) lines.splice(blank, 0, '');
    return { text: lines.join(eol) + eol, eol, at };
  });

describe('parseStatlineCsv: cells read in place give the table of cells read as strings', () => {
  it('on random keys exports (quotes, empty cells, symbols, negative numbers, decimal commas, padding)', () => {
    let tables = 0;
    fc.assert(
      fc.property(kwbFile, ({ text, eol, at }) => {
        if (expectSameLoad((t) => parseStatlineCsv(new TextEncoder().encode(t), 'kwb2017_83765NED_test.csv'), text, at, eol)) tables++;
      }),
      { numRuns: 400 },
    );
    expect(tables).toBeGreaterThan(100);
  });
});
