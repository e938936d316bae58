import { describe, expect, it } from 'vitest';
import { parseBezit } from '../../../src/sources/corporatie/bezit.js';
import { parseVerhuringen } from '../../../src/sources/corporatie/verhuringen.js';
import { placeBezit } from '../../../src/sources/corporatie/place.js';
import { placeVerhuringen } from '../../../src/sources/corporatie/place-verhuringen.js';

describe('placeVerhuringen', () => {
  it('places each letting through its VHE; the rest is counted by reason and the balance holds', () => {
    const bezit = parseBezit('VHE;Postcode;Huisnummer;Buurtcode\n1;1011AB;1;BU03630001\n2;1011AB;3;\n3;1011AC;5;BU03630002\n');
    const placed = placeBezit(bezit.table); // VHE 2 has no buurt code and there is no postcode table
    const v = parseVerhuringen('Datum;VHE\n1-1-2021;1\n2-1-2021;3\n3-1-2021;2\n4-1-2021;99\n;1\n5-1-2021;1\n');
    const r = placeVerhuringen(v, placed);
    expect(r.table.array('buurt')).toEqual(['BU03630001', 'BU03630002', null, null, 'BU03630001']);
    expect(r.placed).toBe(3);
    expect(Object.fromEntries(r.unplaced.map((d) => [d.reason, d.count]))).toEqual({ 'no datum': 1, 'VHE not placed in a buurt': 1, 'VHE not in the stock list': 1 });
    expect(r.read).toBe(r.placed + r.unplaced.reduce((s, d) => s + d.count, 0));
  });
});

describe('parseVerhuringen without a statushouder column', () => {
  it('takes the statushouder from the previous situation and says so', () => {
    const v = parseVerhuringen('Ingangsdatum;Eenheidnummer;Herkomst\n41248;1;Azc / statushouder\n41249;2;Zelfstandig\n41250;3;\n');
    expect(v.table.array('statushouder')).toEqual([true, false, null]);
    expect(v.table.array('datum')).toEqual(['2012-12-05', '2012-12-06', '2012-12-07']);
    expect(v.report.warnings).toContain('column statushouder absent: taken from the previous situation (vorige_situatie)');
    expect(v.report.warnings).toContain('column urgentie absent: its values are unknown (null)');
  });
});
