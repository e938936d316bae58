import { describe, expect, it } from 'vitest';
import { corporatieSignaal } from '../../src/indicators/corporatie-signaal.js';
import { DEFAULT_KWETSBAAR } from '../../src/indicators/kwetsbaar.js';
import { parseBezit } from '../../src/sources/corporatie/bezit.js';
import { parseVerhuringen } from '../../src/sources/corporatie/verhuringen.js';
import { parsePc6Table } from '../../src/sources/pc6/tables.js';
import { wijkOf } from '../../src/regions/codes.js';

// two buurten of one wijk and one of another; VHE 4 has an address the postcode table lacks
const pc6 = parsePc6Table('PC6;Huisnummer;Buurt2022\n1011AB;1;03630001\n1011AB;3;03630001\n1011AC;1;03630002\n1012AA;1;03630101\n');
const bezit = parseBezit('VHE;Postcode;Huisnummer;Type\n1;1011AB;1;Woning\n2;1011AB;3;Garage\n3;1011AC;1;Woning\n4;9999ZZ;1;Woning\n5;1012AA;1;Woning\n');
const rows = ['Datum;VHE;Inkomensklasse;Urgentie'];
// window up to 2014: VHE 1 and 3 (wijk 036300) 2 of 4 vulnerable; up to 2022: 4 of 4; VHE 5 only at t1
for (const [d, v, ink] of [['1-1-2013', 1, 'Primaire doelgroep'], ['1-1-2014', 1, 'Midden'], ['1-1-2013', 3, 'Midden'], ['1-1-2012', 3, 'Primaire doelgroep'], ['1-1-2021', 1, 'Primaire doelgroep'], ['1-1-2022', 3, 'Primaire doelgroep'], ['1-1-2020', 3, 'Primaire doelgroep'], ['1-1-2022', 1, 'Primaire doelgroep'], ['1-1-2022', 5, 'Midden'], ['1-1-2022', 4, 'Primaire doelgroep'], ['1-1-2017', 1, 'Midden']] as const) {
  rows.push(`${d};${v};${ink};Regulier`);
}
const verhuringen = parseVerhuringen(rows.join('\n'));

describe('corporatieSignaal', () => {
  it('places stock and lettings, sums them up to wijken, counts windows and what it could not place', () => {
    const r = corporatieSignaal([{ naam: 'A', bezit, verhuringen }], pc6, ['WK036300', 'WK036301'], new Map([['WK036300', 20], ['WK036301', 10]]), (b) => wijkOf(b), { t0: 2014, t1: 2022, venster: 3, minVerhuringen: 2, kwetsbaar: DEFAULT_KWETSBAAR });
    expect(r.bezit.eigen_bezit).toEqual([2, 1]); // the garage does not count, VHE 4 is not placed
    expect(r.bezit.C_eigen).toEqual([10, 10]);
    const k = r.K!.table.objects() as Record<string, unknown>[];
    expect(k[0]).toMatchObject({ code: 'WK036300', verhuringen_t0: 4, kwetsbaar_t0: 2, K0: 50, verhuringen_t1: 4, kwetsbaar_t1: 4, K1: 100, dK: 50, reden: null });
    expect(k[1]).toMatchObject({ code: 'WK036301', verhuringen_t0: 0, verhuringen_t1: 1, reden: 'te weinig verhuringen' });
    expect(r.K!.report.buitenVensters).toBe(1); // 2017
    const t = r.corporaties[0];
    expect(t.bezit).toMatchObject({ vhe: 5, geplaatst: 4, woningen: 3, woningen_op_kaart: 3 });
    expect(t.verhuringen).toMatchObject({ gelezen: 11, geplaatst: 10 });
    expect(t.verhuringen!.niet_geplaatst).toEqual([{ reason: 'VHE not placed in a buurt', count: 1, examples: ['line 11: VHE 4'] }]);
    expect(t.verhuringen!.t1).toMatchObject({ jaren: [2020, 2022], verhuringen: 5, kwetsbaar: 4, K: 80 });
    expect(r.warnings.join(' ')).toMatch(/A: 1 VHE niet in een buurt geplaatst \(postcode not in table: 1\)/);
  });
});
