import { describe, expect, it } from 'vitest';
import { LBM_CLASS_LABELS, lbmClassLabel, parseLbmClass } from '../../../src/sources/leefbaarometer/classes.js';
import { decimalsOf } from '../../../src/sources/leefbaarometer/checks.js';
import { hasDimensions } from '../../../src/sources/leefbaarometer/years.js';

describe('hasDimensions', () => {
  it('is true from 2014 on, except 2016 (Leefbaarometer 3.0 open data)', () => {
    expect([2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022].filter(hasDimensions)).toEqual([2014, 2018, 2020, 2022]);
  });
});

describe('Leefbaarometer classes', () => {
  it('has the nine published labels', () => {
    expect(LBM_CLASS_LABELS).toHaveLength(9);
    expect(lbmClassLabel(1)).toBe('Zeer onvoldoende');
    expect(lbmClassLabel(5)).toBe('Voldoende');
    expect(lbmClassLabel(0)).toBeNull();
  });
  it('parses numbers, labels and "7 Goed"', () => {
    expect(parseLbmClass('7 Goed', ['NA'])).toBe(7);
    expect(parseLbmClass('ruim voldoende', ['NA'])).toBe(6);
    expect(parseLbmClass('6 Goed', ['NA'])).toBeUndefined();
    expect(parseLbmClass('NA', ['NA'])).toBeNull();
  });
});

describe('decimalsOf', () => {
  it('counts decimals including exponents', () => {
    expect(decimalsOf('4.10')).toBe(2);
    expect(decimalsOf('12')).toBe(0);
    expect(decimalsOf('9.064e-5')).toBe(8);
    expect(decimalsOf('0,125')).toBe(3);
  });
});
