import { describe, expect, it } from 'vitest';
import { normalizePostcode, splitHuisnummer } from '../../../src/sources/pc6/postcode.js';

describe('normalizePostcode', () => {
  it('removes spaces and upper-cases', () => {
    expect(normalizePostcode('1234 ab')).toBe('1234AB');
    expect(normalizePostcode(' 3511\tAb ')).toBe('3511AB');
  });
  it('rejects what is not a Dutch postcode', () => {
    for (const bad of ['0123AB', '123AB', '1234A', '1234ABC', '', null, undefined, '12 34']) {
      expect(normalizePostcode(bad)).toBeNull();
    }
  });
});

describe('splitHuisnummer', () => {
  it('splits number and addition in the ways people type them', () => {
    expect(splitHuisnummer('12')).toEqual({ huisnummer: 12, toevoeging: null });
    expect(splitHuisnummer('12a')).toEqual({ huisnummer: 12, toevoeging: 'A' });
    expect(splitHuisnummer('12 - a')).toEqual({ huisnummer: 12, toevoeging: 'A' });
    expect(splitHuisnummer('12-2')).toEqual({ huisnummer: 12, toevoeging: '2' });
    expect(splitHuisnummer(7, 'hs')).toEqual({ huisnummer: 7, toevoeging: 'HS' });
    expect(splitHuisnummer('7.0')).toEqual({ huisnummer: 7, toevoeging: null });
  });
  it('returns null without a leading positive number', () => {
    expect(splitHuisnummer('a12')).toBeNull();
    expect(splitHuisnummer('0')).toBeNull();
    expect(splitHuisnummer('')).toBeNull();
  });
});
