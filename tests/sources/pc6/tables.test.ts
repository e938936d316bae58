import { describe, expect, it } from 'vitest';
import { createAddressLookup } from '../../../src/sources/pc6/lookup.js';
import { parsePc6Table } from '../../../src/sources/pc6/tables.js';

const HNR = [
  ',PC6;Huisnummer;Buurt2024;Wijk2024;Gemeente2024',
  '0,1011AB;99;0363AF01;0363AF;0363',
  '1,1011AB;101;0363AF01;0363AF;0363',
  '2,3511AA;1;03440101;034401;0344',
  '3,3511AA;3;03440102;034401;0344',
  '4,9999Z;1;03440102;034401;0344', // bad postcode
  '5,3511AB;2;0344XX;034401;0344', // bad buurt code
  '6,3511AC;4;03440103;034402;0344', // wijk does not contain buurt
].join('\n');

describe('parsePc6Table (huisnummer table)', () => {
  const t = parsePc6Table(HNR, { file: 'pc6hnr.csv' });
  it('removes the index column, normalises codes and takes the year from the header', () => {
    expect(t.provenance.kind).toBe('pc6-huisnummer');
    expect(t.provenance.year).toBe(2024);
    expect(t.table.objects()[0]).toEqual({ postcode: '1011AB', huisnummer: 99, buurt: 'BU0363AF01', wijk: 'WK0363AF', gemeente: 'GM0363' });
  });
  it('counts dropped rows so the report balances', () => {
    const r = t.report;
    expect(r.rowsRead).toBe(7);
    expect(r.rowsKept).toBe(5);
    expect(r.rowsKept + r.dropped.reduce((s, d) => s + d.count, 0)).toBe(r.rowsRead);
    expect(r.dropped.map((d) => d.reason).sort()).toEqual(['invalid buurt code', 'invalid postcode']);
    expect(r.dropped.find((d) => d.reason === 'invalid postcode')?.examples[0]).toContain('line 6');
    expect(r.warnings.some((w) => w.startsWith('1 rows whose wijk'))).toBe(true);
  });
  it('accepts an empty first header with integer index cells', () => {
    const u = parsePc6Table(',pc6,pc4,nbh_code,district_code,municipality_code\n0,1011AB,1011,0363AF01,0363AF,363\n');
    expect(u.provenance.kind).toBe('pc6-buurt');
    expect(u.table.objects()[0]).toMatchObject({ postcode: '1011AB', buurt: 'BU0363AF01', gemeente: 'GM0363', pc4: '1011' });
  });
  it('names the missing column', () => {
    expect(() => parsePc6Table('PC6;Huisnummer;Wijk2024\n1011AB;1;0363AF')).toThrow(/not a postcode table|"buurt"/);
  });
});

describe('placeAddress', () => {
  const hnr = parsePc6Table(HNR);
  const pc6 = parsePc6Table('pc6,buurtcode\n1234AB,BU00140001\n');
  const lookup = createAddressLookup({ huisnummer: hnr, pc6 });
  it('places by postcode + huisnummer with normalisation', () => {
    expect(lookup.placeAddress('1011 ab', '101', 'b')).toMatchObject({ placed: true, via: 'huisnummer', buurt: 'BU0363AF01' });
    expect(lookup.placeAddress('3511aa', '3')).toMatchObject({ placed: true, buurt: 'BU03440102' });
  });
  it('falls back to the postcode when all its addresses lie in one buurt', () => {
    expect(lookup.placeAddress('1011AB', 7)).toMatchObject({ placed: true, via: 'postcode', buurt: 'BU0363AF01' });
    expect(lookup.placeAddress('1234 AB', 12)).toMatchObject({ placed: true, via: 'postcode', buurt: 'BU00140001' });
  });
  it('says why an address cannot be placed', () => {
    expect(lookup.placeAddress('3511AA', 5)).toMatchObject({ placed: false, reason: 'huisnummer not in table, postcode spans several buurten' });
    expect(lookup.placeAddress('9999ZZ', 5)).toMatchObject({ placed: false, reason: 'postcode not in table' });
    expect(lookup.placeAddress('99ZZ', 5)).toMatchObject({ placed: false, reason: 'invalid postcode' });
    expect(lookup.placeAddress('1011AB', 'bis')).toMatchObject({ placed: false, reason: 'invalid huisnummer' });
  });
});

describe('parsePc6Table with a gemeente selection', () => {
  it('keeps only the selected gemeenten and counts the rest', () => {
    const t = parsePc6Table(HNR, { gemeenten: ['0344'] });
    expect([...new Set(t.table.array('gemeente'))]).toEqual(['GM0344']);
    expect(t.report.dropped.find((d) => d.reason === 'outside the selected gemeenten')?.count).toBe(2);
    expect(t.report.rowsKept + t.report.dropped.reduce((s, d) => s + d.count, 0)).toBe(t.report.rowsRead);
  });
});
