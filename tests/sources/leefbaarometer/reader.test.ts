import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvReader } from '../../../src/sources/csv/reader.js';
import { corporatieBezitReader, corporatieVerhuringenReader } from '../../../src/sources/corporatie/reader.js';
import { leefbaarometerReader } from '../../../src/sources/leefbaarometer/reader.js';
import { microdataReader } from '../../../src/sources/microdata/reader.js';
import { pc6BuurtReader, pc6HuisnummerReader } from '../../../src/sources/pc6/reader.js';
import { detectFormat } from '../../../src/sources/registry.js';
import { statlineCsvReader, statlineODataReader } from '../../../src/sources/statline/reader.js';

// the order of FORMAT_READERS for these kinds: StatLine first, the generic csv reader last
export const READERS = [
  statlineODataReader,
  statlineCsvReader,
  leefbaarometerReader,
  pc6HuisnummerReader,
  pc6BuurtReader,
  microdataReader,
  corporatieVerhuringenReader,
  corporatieBezitReader,
  csvReader,
];

const dir = mkdtempSync(join(tmpdir(), 'veerkracht-readers-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('detection of the Leefbaarometer, pc6, corporation and microdata files', () => {
  const cases: [string, string][] = [
    [file('lbm.csv', 'bu_code,bu_naam,jaar,lbm,afw,fys,onv,soc,vrz,won\nBU03440101,Oud,2014,4.1,0,0,0,0,0,0\n'), 'leefbaarometer'],
    [file('lbm-wide.csv', 'pc4;lbm_2014;onv_2014\n3511;4,1;0,1\n'), 'leefbaarometer'],
    [file('pc6hnr.csv', 'PC6;Huisnummer;Buurt2025;Wijk2025;Gemeente2025\n1011AB;99;0363AF01;0363AF;0363\n'), 'pc6-huisnummer'],
    [file('micro.csv', 'buurtcode;jaar;groep;status;aantal\nBU03440101;2020;totaal;instroom;<10\n'), 'microdata-aggregaat'],
    [file('verhuur.csv', 'Verhuurdatum;VHE;Urgentie\n01-07-2023;1;ja\n'), 'corporatie-verhuringen'],
    [file('bezit.csv', '\uFEFFVHE-nummer;Postcode;Huisnr;Kale huur\n1;3511AA;1;612,30\n'), 'corporatie-bezit'],
    [file('other.csv', 'a;b\n1;2\n'), 'csv'],
  ];
  it.each(cases)('%s is read as %s', async (path, kind) => {
    const reader = detectFormat(path, READERS);
    expect(reader.kind).toBe(kind);
    const t = await reader.read(path);
    expect(t.provenance.kind).toBe(kind);
    expect(t.report.rowsKept + t.report.dropped.reduce((s, d) => s + d.count, 0)).toBe(t.report.rowsRead);
  });
});
