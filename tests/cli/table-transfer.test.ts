import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { join } from 'node:path';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { loadedFromPlain, plainBuffers, plainLoaded, type PlainLoaded } from '../../src/cli/table-transfer.js';
import type { LoadedTable } from '../../src/sources/types.js';
import { loadLeefbaarometer } from '../../src/sources/leefbaarometer/load.js';
import { loadKwb } from '../../src/run/load.js';

/** The table as it arrives on the other side of a real port (structured clone, buffers moved). */
function overAPort<T extends LoadedTable>(loaded: T): { back: T; sent: PlainLoaded<T> } {
  const sent = plainLoaded(loaded);
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(sent, plainBuffers(sent as PlainLoaded<LoadedTable>));
  const got = receiveMessageOnPort(port2)!.message as PlainLoaded<T>;
  port1.close();
  return { back: loadedFromPlain(got), sent };
}

const loadedOf = (columns: Record<string, unknown[] | Float64Array>): LoadedTable =>
  ({ table: aq.table(columns), provenance: { kind: 'test', file: 'x.csv' }, report: { rowsRead: 2, rowsKept: 2, dropped: [], warnings: [] } }) as unknown as LoadedTable;

/** Element by element with Object.is (NaN equals NaN, -0 differs from 0), and the same kind of array. */
function expectSameColumns(a: LoadedTable, b: LoadedTable) {
  expect(b.table.columnNames()).toEqual(a.table.columnNames());
  for (const n of a.table.columnNames()) {
    const x = a.table.array(n) as ArrayLike<unknown>;
    const y = b.table.array(n) as ArrayLike<unknown>;
    expect(Array.isArray(y), n).toBe(Array.isArray(x));
    expect(y.length, n).toBe(x.length);
    for (let i = 0; i < x.length; i++) expect(Object.is(y[i], x[i]), `${n}[${i}]: ${String(y[i])} for ${String(x[i])}`).toBe(true);
  }
}

describe('tables handed between threads', () => {
  it('gives back every value of every kind of column, nulls, NaN and -0 included', () => {
    const loaded = loadedOf({
      numbers: [1.5, null, -0, NaN, Infinity, -1e-300, 2 ** 53 + 2],
      noNulls: [0, 1, 2, 3, 4, 5, 6],
      strings: ['BU00030000', null, 'BU00030000', '', 'é ü', 'null', 'BU00030001'],
      allNull: [null, null, null, null, null, null, null],
      mixed: [1, 'a', null, true, 2, 'b', 3],
      holes: [1, undefined, 3, 4, 5, 6, 7],
      typed: Float64Array.from([1, 2, 3, 4, 5, 6, 7]),
    });
    const { back, sent } = overAPort(loaded);
    expectSameColumns(loaded, back);
    expect({ ...back, table: null }).toEqual({ ...loaded, table: null });
    // the compact forms were used, and their buffers moved (detached here)
    const c = sent.table.columns;
    expect('numbers' in c.numbers && c.numbers.numbers.byteLength).toBe(0);
    expect('strings' in c.strings && c.strings.strings).toEqual(['BU00030000', null, '', 'é ü', 'null', 'BU00030001']);
    expect('values' in c.mixed && 'values' in c.holes).toBe(true);
    // (a typed array goes as it is; arquero may hand the column back as an array of numbers)
    expect(Array.isArray(loaded.table.array('typed')) ? 'numbers' in c.typed : 'values' in c.typed).toBe(true);
  });

  it('gives back the demo KWB edition and Leefbaarometer exactly as read', async () => {
    const home = join(import.meta.dirname, '..', '..');
    const kwb = await loadKwb({ file: join(home, 'data/demo/kwb/synthetisch_kwb2022_85318NED.csv') }, 2022);
    const lbm = loadLeefbaarometer(join(home, 'data/demo/leefbaarometer/synthetisch_leefbaarometer-scores-buurten-2014-2022.csv'));
    for (const t of [kwb, lbm] as LoadedTable[]) {
      const { back } = overAPort(t);
      expectSameColumns(t, back);
      expect(back.table.objects()).toEqual(t.table.objects());
      expect({ ...back, table: null }).toEqual({ ...t, table: null });
    }
  });
});
