import { describe, expect, it } from 'vitest';
import { csvReader } from '../../src/sources/csv/reader.js';
import { corporatieBezitReader, corporatieVerhuringenReader } from '../../src/sources/corporatie/reader.js';
import { leefbaarometerReader } from '../../src/sources/leefbaarometer/reader.js';
import { microdataReader } from '../../src/sources/microdata/reader.js';
import { pc6BuurtReader, pc6HuisnummerReader } from '../../src/sources/pc6/reader.js';
import { detectFormat, readHead } from '../../src/sources/registry.js';
import { statlineCsvReader, statlineODataReader } from '../../src/sources/statline/reader.js';
import { sharedData } from '../helpers/shared.js';

const READERS = [statlineODataReader, statlineCsvReader, leefbaarometerReader, pc6HuisnummerReader, pc6BuurtReader, microdataReader, corporatieVerhuringenReader, corporatieBezitReader, csvReader];

describe('format detection on the real files', () => {
  it.each([
    ['leefbaarometer/Leefbaarometer-scores wijken 2002-2022.csv', 'leefbaarometer'],
    ['pc6/pc6hnr20250801_gwb_head100.csv', 'pc6-huisnummer'],
    ['pc6/pc6_pc4_buurt_2025_head100.csv', 'pc6-buurt'],
    ['kwb/kwb2017_83765NED_nl_22topics.csv', 'statline-csv'],
  ])('%s → %s', (rel, kind) => {
    expect(detectFormat(sharedData(rel), READERS).kind).toBe(kind);
  });
  it('none of the new readers claims the KWB or province files', () => {
    for (const rel of ['kwb/kwb2017_83765NED_nl_22topics.csv', 'kwb/kwb2021_10gemeenten_buurten_translated.csv', 'leefbaarometer/utrecht_provincie_buurten_2020_kwb_lbm.csv', 'codes/cbs_buurt2025_names.csv']) {
      const head = readHead(sharedData(rel));
      for (const r of [leefbaarometerReader, pc6HuisnummerReader, pc6BuurtReader, microdataReader, corporatieVerhuringenReader, corporatieBezitReader]) {
        expect([rel, r.kind, r.sniff(head)]).toEqual([rel, r.kind, false]);
      }
    }
  });
});
