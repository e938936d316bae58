import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { buurtChanges, CHANGE_COLUMN, REDENEN_ONVOLDOENDE } from '../../src/indicators/change.js';
import { INDICATOR_COLUMN, INDICATOR_COLUMNS, type IndicatorYear } from '../../src/indicators/types.js';
import { assignSignals, SIGNAL_COLUMN } from '../../src/signal/assign.js';
import { assignFocus, FOCUS_COLUMN } from '../../src/signal/focus.js';

const sources = { K: 'K', O: 'O', C: 'C' };
const year = (y: number, code: string[], K: (number | null)[], O: (number | null)[]): IndicatorYear => ({
  year: y,
  sources,
  table: aq.table({
    code,
    naam: code.map((c) => `naam ${c}`),
    gemeente: code.map(() => 'GM1'),
    inwoners: code.map(() => 500),
    K,
    K_noemer: code.map(() => 200),
    K_geheim: code.map(() => false),
    O,
    C: code.map(() => 40),
  }),
});

// the column constants name each column by its own name, and the tables have exactly those columns
describe('column constants of the indicator, change and signal tables', () => {
  const named = (o: Record<string, string>) => Object.entries(o).every(([k, v]) => k === v);

  it('INDICATOR_COLUMN lists the indicator columns in order', () => {
    expect(named(INDICATOR_COLUMN)).toBe(true);
    expect(Object.keys(INDICATOR_COLUMN)).toEqual([...INDICATOR_COLUMNS]);
  });

  it('buurtChanges gives exactly the CHANGE_COLUMN columns, in order; the signal steps add theirs', () => {
    const t0 = year(2014, ['BU1', 'BU2', 'BU3'], [10, 20, null], [1, 2, 3]);
    const t1 = year(2022, ['BU1', 'BU2', 'BU4'], [12, 19, 5], [0.5, 2.5, 1]);
    const { table, onlyT0 } = buurtChanges(t0, t1);
    expect(named(CHANGE_COLUMN)).toBe(true);
    expect(table.columnNames()).toEqual(Object.keys(CHANGE_COLUMN));
    expect(onlyT0).toEqual(['BU3']);
    expect(table.array(CHANGE_COLUMN.dK)).toEqual([2, -1, null]);
    expect(table.array(CHANGE_COLUMN.reden)).toEqual([null, null, REDENEN_ONVOLDOENDE.grens]);

    const s = assignSignals(table, { variant: 'absoluut', tK: 0, tO: 0 });
    expect(named(SIGNAL_COLUMN)).toBe(true);
    expect(s.columnNames()).toEqual([...new Set([...Object.keys(CHANGE_COLUMN), ...Object.keys(SIGNAL_COLUMN)])]);
    const f = assignFocus(s, { variant: 'absoluut', marginK: 0, marginO: 0 });
    expect(named(FOCUS_COLUMN)).toBe(true);
    expect(f.columnNames()).toEqual([...s.columnNames(), ...Object.keys(FOCUS_COLUMN)]);
  });
});
