/**
 * Nothing lost: for every loader, messy generated input (fast-check chooses per row whether it is
 * good, repeated, badly coded, empty, …) gives a report that balances, rowsRead = rowsKept +
 * Σ dropped.count, with rowsKept equal to the table's rows and each drop reason counted exactly as
 * many times as the generator planted it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadDelimitedTable, parseDelimited } from '../../src/sources/csv/index.js';
import { parseStatlineCsv } from '../../src/sources/statline/index.js';
import { parseLeefbaarometer } from '../../src/sources/leefbaarometer/index.js';
import { parseBoundaries } from '../../src/sources/boundaries/index.js';
import { parseBezit, parseVerhuringen } from '../../src/sources/corporatie/index.js';
import { parseMicrodata } from '../../src/sources/microdata/index.js';
import { parsePc6Table } from '../../src/sources/pc6/index.js';
import type { LoadReport } from '../../src/sources/types.js';
import { LBM_HEADER, balance, lbmRow, tempDir, writeCase } from './corpus.js';

const RUNS = { numRuns: 40, seed: 20261125 };
const kinds = <K extends string>(...k: K[]) => fc.array(fc.constantFrom(...k), { minLength: 0, maxLength: 30 });

/** Expected dropped counts by reason, zero counts left out. */
function expectDrops(report: LoadReport, expected: Record<string, number>): void {
  balance(report);
  const got: Record<string, number> = {};
  for (const d of report.dropped) got[d.reason] = d.count;
  const want: Record<string, number> = {};
  for (const [r, n] of Object.entries(expected)) if (n > 0) want[r] = n;
  expect(got).toEqual(want);
}
const count = <K>(xs: K[], k: K) => xs.filter((x) => x === k).length;
const buurt = (i: number) => `BU0363${String(i).padStart(4, '0')}`;

describe('every loader balances its report on messy input', () => {
  it('generic delimited table: blank lines are not rows, every row is kept', async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(kinds('row', 'blank', 'missing'), async (ks) => {
        const lines = ['code;v'];
        for (const [i, k] of ks.entries()) lines.push(k === 'blank' ? '' : k === 'missing' ? `${buurt(i)};.` : `${buurt(i)};${i}`);
        const t = await loadDelimitedTable(writeCase(dir, `g${n++}.csv`, `${lines.join('\n')}\n`));
        expectDrops(t.report, {});
        expect(t.report.rowsRead).toBe(ks.length - count(ks, 'blank'));
        expect(t.table.numRows()).toBe(t.report.rowsKept);
        if (t.report.rowsRead > 0) expect(t.columns.find((c) => c.name === 'v')?.missing).toBe(count(ks, 'missing'));
      }),
      RUNS,
    );
  });

  it('StatLine CSV: rows without SoortRegio and values are dropped as unusable; bad codes are kept as null', () => {
    const H = 'ID,WijkenEnBuurten,Gemeentenaam_1,SoortRegio_2,Codering_3,AantalInwoners_5';
    fc.assert(
      fc.property(kinds('ok', 'unusable', 'badcode'), (ks) => {
        const rows = ks.map((k, i) =>
          k === 'ok' ? `${i},${buurt(i)},A,Buurt,${buurt(i)},${i}` : k === 'unusable' ? `${i},${buurt(i)},A,,${buurt(i)},.` : `${i},ZZ${i},A,Buurt,ZZ${i},${i}`,
        );
        const t = parseStatlineCsv(new TextEncoder().encode([H, ...rows].join('\n')), 'kwb2017_83765NED.csv');
        expectDrops(t.report, { 'unusable: no SoortRegio and no values': count(ks, 'unusable') });
        expect(t.table.numRows()).toBe(t.report.rowsKept);
        expect((t.table.array('code') as unknown[]).filter((c) => c === null).length).toBe(count(ks, 'badcode'));
      }),
      RUNS,
    );
  });

  it('Leefbaarometer: duplicates and codes of another level are dropped and counted', () => {
    fc.assert(
      fc.property(kinds('ok', 'dup', 'wijk', 'junk'), (ks) => {
        const rows: string[] = [];
        let ok = 0;
        let dups = 0;
        for (const [i, k] of ks.entries()) {
          if (k === 'ok') rows.push(lbmRow(buurt(i), 2020)), ok++;
          else if (k === 'dup') {
            // a repeat of the first good row, if there is one yet (else a fresh good row)
            const first = ks.findIndex((x) => x === 'ok');
            if (first >= 0 && first < i) rows.push(lbmRow(buurt(first), 2020)), dups++;
            else rows.push(lbmRow(buurt(i), 2020)), ok++;
          } else rows.push(lbmRow(k === 'wijk' ? 'WK036300' : 'geen code', 2020));
        }
        const t = parseLeefbaarometer([LBM_HEADER, ...rows].join('\n'), { file: 'lbm.csv' });
        expectDrops(t.report, { 'duplicate code and jaar (first kept)': dups, 'invalid buurt code': count(ks, 'wijk') + count(ks, 'junk') });
        expect(t.table.numRows()).toBe(ok);
      }),
      RUNS,
    );
  });

  it('GeoJSON boundaries (level buurt): empty, unclosed, duplicate and wrong-level features are dropped and counted', () => {
    const sq = (i: number) => [[120000 + i * 100, 480000], [120100 + i * 100, 480000], [120100 + i * 100, 480100], [120000 + i * 100, 480100], [120000 + i * 100, 480000]];
    fc.assert(
      fc.property(kinds('ok', 'null', 'unclosed', 'dup', 'wijk'), (ks) => {
        const feats = [{ code: buurt(9999), geom: [sq(0)] as unknown }];
        for (const [i, k] of ks.entries()) {
          const code = k === 'dup' ? buurt(9999) : k === 'wijk' ? `WK0363${String(i).padStart(2, '0')}` : buurt(i);
          const geom = k === 'null' ? null : k === 'unclosed' ? [sq(i + 1).slice(0, 4)] : [sq(i + 1)];
          feats.push({ code, geom });
        }
        const doc = {
          type: 'FeatureCollection',
          features: feats.map((f) => ({ type: 'Feature', properties: { buurtcode: f.code }, geometry: f.geom === null ? null : { type: 'Polygon', coordinates: f.geom } })),
        };
        const b = parseBoundaries(doc, { file: 'b.geojson' }, { level: 'buurt' });
        expectDrops(b.report, {
          'empty geometry': count(ks, 'null'),
          'unclosed ring': count(ks, 'unclosed'),
          'duplicate code': count(ks, 'dup'),
          'code of another level': count(ks, 'wijk'),
        });
        expect(b.features.length).toBe(b.report.rowsKept);
        expect(b.report.rowsRead).toBe(ks.length + 1);
      }),
      RUNS,
    );
  });

  it('corporation stock and lettings: missing and repeated ids, missing dates', () => {
    const B = 'VHE-nummer;Postcode;Huisnummer;Woningtype;Kale huur';
    const V = 'Datum;VHE-nummer;Urgentie;Statushouder';
    fc.assert(
      fc.property(kinds('ok', 'noid', 'dup', 'nodate'), (ks) => {
        const bezit = ks.map((k, i) => (k === 'noid' ? `;3900AA;${i + 1};Eengezinswoning;500,00` : `${k === 'dup' ? 'V0' : `V${i + 1}`};3900AA;${i + 1};Eengezinswoning;500,00`));
        const dupRows = count(ks, 'dup');
        const b = parseBezit([B, ...bezit].join('\n'), { file: 'b.csv' });
        expectDrops(b.report, { 'no VHE id': count(ks, 'noid'), 'duplicate VHE id (first kept)': Math.max(0, dupRows - 1) /* 'V0' only appears as dup: the first is kept */ });
        expect(b.table.numRows()).toBe(b.report.rowsKept);
        const verh = ks.map((k, i) => (k === 'noid' ? '01-02-2020;;Regulier;Nee' : k === 'nodate' ? `;V${i};Regulier;Nee` : `01-02-2020;V${i};Regulier;Nee`));
        const v = parseVerhuringen([V, ...verh].join('\n'), { file: 'v.csv' });
        expectDrops(v.report, { 'no VHE id': count(ks, 'noid'), 'no datum': count(ks, 'nodate') });
        expect(v.table.numRows()).toBe(v.report.rowsKept);
      }),
      RUNS,
    );
  });

  it('microdata aggregate: invalid codes and repeated keys', () => {
    const H = 'buurtcode,jaar,groep,status,aantal_personen';
    fc.assert(
      fc.property(kinds('ok', 'bad', 'dup'), (ks) => {
        const rows = ks.map((k, i) => (k === 'bad' ? `XX${i},2020,totaal,instroom,5` : k === 'dup' ? `${buurt(9999)},2020,totaal,instroom,5` : `${buurt(i)},2020,totaal,instroom,5`));
        const t = parseMicrodata([H, ...rows].join('\n'), { file: 'm.csv' });
        expectDrops(t.report, { 'invalid region code': count(ks, 'bad'), 'duplicate buurtcode, jaar, groep, status (first kept)': Math.max(0, count(ks, 'dup') - 1) });
        expect(t.table.numRows()).toBe(t.report.rowsKept);
      }),
      RUNS,
    );
  });

  it('postcode table: bad postcodes, house numbers, buurt codes and repeated addresses', () => {
    const H = 'PC6;Huisnummer;Buurt2022;Wijk2022;Gemeente2022';
    fc.assert(
      fc.property(kinds('ok', 'pc', 'hnr', 'bu', 'dup'), (ks) => {
        const rows = ks.map((k, i) =>
          k === 'pc' ? `39A;${i + 1};03630000;036300;0363` : k === 'hnr' ? `3900AA;nul;03630000;036300;0363` : k === 'bu' ? `3900AA;${i + 1};geen;036300;0363` : k === 'dup' ? '3900ZZ;1;03630000;036300;0363' : `3900AA;${i + 1};03630000;036300;0363`,
        );
        const t = parsePc6Table([H, ...rows].join('\n'), { file: 'pc6hnr.csv' });
        expectDrops(t.report, {
          'invalid postcode': count(ks, 'pc'),
          'invalid huisnummer': count(ks, 'hnr'),
          'invalid buurt code': count(ks, 'bu'),
          'duplicate postcode and huisnummer (first kept)': Math.max(0, count(ks, 'dup') - 1),
        });
        expect(t.table.numRows()).toBe(t.report.rowsKept);
      }),
      RUNS,
    );
  });

  it('the raw delimited parser returns one line number per row, in order', () => {
    fc.assert(
      fc.property(kinds('row', 'blank'), (ks) => {
        const text = ['a;b', ...ks.map((k, i) => (k === 'blank' ? '' : `${i};x`))].join('\n');
        const d = parseDelimited(text);
        const expected = ks.map((k, i) => (k === 'blank' ? -1 : i + 2)).filter((l) => l > 0);
        expect(d.lines).toEqual(expected);
      }),
      RUNS,
    );
  });
});
