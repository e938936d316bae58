import { describe, expect, it } from 'vitest';
import { eigenBezit } from '../../src/indicators/eigen-bezit.js';

describe('eigenBezit', () => {
  const vhe = [
    ...Array.from({ length: 30 }, () => ({ buurt: 'BU00010001', woning: true })),
    { buurt: 'BU00010001', woning: false }, // a garage does not count
    ...Array.from({ length: 12 }, () => ({ buurt: 'BU00010101', woning: true })),
    { buurt: null, woning: true }, // unplaced: the caller's report
    { buurt: 'BU00020001', woning: true }, // outside the map
  ];
  it('own dwellings over KWB dwellings, 0 where the corporation has none, null without dwellings', () => {
    const r = eigenBezit(['BU00010001', 'BU00010101', 'BU00010102'], vhe, new Map([['BU00010001', 120], ['BU00010101', null], ['BU00010102', 50]]));
    expect(r.eigen_bezit).toEqual([30, 12, 0]);
    expect(r.C_eigen).toEqual([25, null, 0]);
    expect(r.buitenKaart).toEqual({ aantal: 1, voorbeelden: ['BU00020001'] });
  });
  it('sums up to wijken through regionOf and flags more own dwellings than dwellings', () => {
    const r = eigenBezit(['WK000100', 'WK000101'], vhe, new Map([['WK000100', 20], ['WK000101', 48]]), (b) => `WK${b.slice(2, 8)}`);
    expect(r.eigen_bezit).toEqual([30, 12]);
    expect(r.C_eigen).toEqual([150, 25]);
    expect(r.boven100).toEqual(['WK000100 (30 van 20)']);
  });
});
