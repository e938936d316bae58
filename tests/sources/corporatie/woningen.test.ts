import { table } from 'arquero';
import { describe, expect, it } from 'vitest';
import { woningenPerBuurt } from '../../../src/sources/corporatie/woningen.js';
import type { LoadedTable } from '../../../src/sources/types.js';

const kwb: LoadedTable = {
  table: table({ code: ['GM0344', 'WK034401', 'BU03440101', 'BU03440102'], Woningvoorraad_35: [160000, 9000, 1200, null] }),
  columns: [
    { name: 'code', missing: 0 },
    { name: 'Woningvoorraad_35', concept: 'woningvoorraad', missing: 1 },
  ],
  provenance: { kind: 'statline-csv', file: 'kwb.csv' },
  report: { rowsRead: 4, rowsKept: 4, dropped: [], warnings: [] },
};

describe('woningenPerBuurt', () => {
  it('takes the woningvoorraad column of buurt rows, missing stays null', () => {
    expect(woningenPerBuurt(kwb)).toEqual([
      { code: 'BU03440101', woningen: 1200 },
      { code: 'BU03440102', woningen: null },
    ]);
  });
  it('errors when there is no dwellings column', () => {
    expect(() => woningenPerBuurt({ ...kwb, columns: [{ name: 'code', missing: 0 }] })).toThrow(/kwb\.csv, column "woningvoorraad": no dwellings column/);
  });
});
