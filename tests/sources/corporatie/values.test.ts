import { describe, expect, it } from 'vitest';
import { foldHeader, resolveFields } from '../../../src/sources/corporatie/header.js';
import { groepenUitSituatie, isWoningType, parseBedrag, parseDatum, parseUrgentie } from '../../../src/sources/corporatie/values.js';
import { BEZIT_FIELDS } from '../../../src/sources/corporatie/bezit.js';

describe('parseDatum', () => {
  it('reads the date forms Excel writes', () => {
    expect(parseDatum('1-7-2021')).toBe('2021-07-01');
    expect(parseDatum('31/12/2021 00:00')).toBe('2021-12-31');
    expect(parseDatum('2021-12-31')).toBe('2021-12-31');
    expect(parseDatum('44561')).toBe('2021-12-31'); // Excel serial day
    expect(parseDatum('')).toBeNull();
  });
  it('rejects impossible dates with the location', () => {
    expect(() => parseDatum('31-02-2021', { file: 'v.csv', line: 3, column: 'Datum' })).toThrow(/v\.csv, line 3, column "Datum": not a valid date/);
    expect(() => parseDatum('gisteren')).toThrow(/not a date/);
  });
});

describe('cell values', () => {
  it('parses rents with euro sign, decimal comma and thousands point', () => {
    expect(parseBedrag('€ 1.012,30')).toBe(1012.3);
    expect(parseBedrag('612,5')).toBe(612.5);
    expect(parseBedrag('612.50')).toBe(612.5);
    expect(parseBedrag('')).toBeNull();
    expect(() => parseBedrag('veel')).toThrow(/not a number/);
  });
  it('maps urgency texts', () => {
    expect(parseUrgentie('Medische urgentie')).toBe(true);
    expect(parseUrgentie('Regulier')).toBe(false);
    expect(parseUrgentie('nee')).toBe(false);
    expect(parseUrgentie('')).toBeNull();
    expect(parseUrgentie('onbekend?')).toBeUndefined();
  });
  it('maps previous situations to groups', () => {
    expect(groepenUitSituatie('Uitstroom GGZ-kliniek')).toEqual({ uitstroom_ggz: true, beschermd_wonen: false, maatschappelijke_opvang: false, statushouder: false });
    expect(groepenUitSituatie('Uitstroom beschermd wonen (RIBW)')).toMatchObject({ uitstroom_ggz: false, beschermd_wonen: true });
    expect(groepenUitSituatie('MO')).toMatchObject({ maatschappelijke_opvang: true });
    expect(groepenUitSituatie('Vergunninghouder (COA)')).toMatchObject({ statushouder: true });
    expect(groepenUitSituatie('Doorstromer')).toEqual({ uitstroom_ggz: false, beschermd_wonen: false, maatschappelijke_opvang: false, statushouder: false });
  });
  it('tells dwellings from other VHE', () => {
    expect(isWoningType('Eengezinswoning')).toBe(true);
    expect(isWoningType('Garagebox')).toBe(false);
    expect(isWoningType('BOG')).toBe(false);
  });
});

describe('resolveFields', () => {
  it('matches aliases ignoring case, accents and punctuation', () => {
    expect(foldHeader(' Kale huur (€) ')).toBe('kalehuur');
    const m = resolveFields(['VHE-nummer', 'Postcode', 'Huisnr.', 'Kale huur'], BEZIT_FIELDS);
    expect([m.get('vhe'), m.get('postcode'), m.get('huisnummer'), m.get('huur'), m.get('type')]).toEqual([0, 1, 2, 3, undefined]);
  });
  it('names a missing required column and the accepted names', () => {
    expect(() => resolveFields(['VHE', 'Huisnummer'], BEZIT_FIELDS, { file: 'b.csv', line: 1, what: 'the stock list' })).toThrow(
      /b\.csv, line 1, column "postcode": required column "postcode" is missing in the stock list; expected a column named one of "postcode", "pc6", "pc"/,
    );
  });
  it('refuses two columns for one field', () => {
    expect(() => resolveFields(['VHE', 'Postcode', 'PC6', 'Huisnummer'], BEZIT_FIELDS)).toThrow(/two columns mean the same field "postcode"/);
  });
});
