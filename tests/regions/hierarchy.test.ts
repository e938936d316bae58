import { describe, expect, it } from 'vitest';
import { childrenOf, countByLevel, regionHierarchy } from '../../src/regions/hierarchy.js';
import { soortRegioLabel, soortRegioLevel } from '../../src/regions/soort.js';

describe('soortRegioLevel', () => {
  it('maps padded Dutch and English labels, null otherwise', () => {
    expect(['Land      ', 'Gemeente  ', 'Wijk', 'Buurt', 'Municipality', 'District', 'Neighbourhood', '', 'Provincie', null].map(soortRegioLevel)).toEqual([
      'land', 'gemeente', 'wijk', 'buurt', 'gemeente', 'wijk', 'buurt', null, null, null,
    ]);
    expect(soortRegioLabel('buurt')).toBe('Buurt');
  });
});

describe('regionHierarchy', () => {
  it('derives parents from codes (also Amsterdam letter codes) and reports missing parents', () => {
    const h = regionHierarchy(['GM0344  ', 'WK034401', 'BU03440101', 'BU03440102', 'BU0363AA01', 'WK0363AA', 'bogus', null]);
    expect(h.buurten).toEqual([
      { buurt: 'BU03440101', wijk: 'WK034401', gemeente: 'GM0344' },
      { buurt: 'BU03440102', wijk: 'WK034401', gemeente: 'GM0344' },
      { buurt: 'BU0363AA01', wijk: 'WK0363AA', gemeente: 'GM0363' },
    ]);
    expect(h.wijken).toEqual([
      { wijk: 'WK034401', gemeente: 'GM0344' },
      { wijk: 'WK0363AA', gemeente: 'GM0363' },
    ]);
    expect(h.gemeenten).toEqual(['GM0344']);
    expect(h.missingWijken).toEqual([]);
    expect(h.missingGemeenten).toEqual(['GM0363']);
  });
  it('childrenOf lists the children within the set', () => {
    const codes = ['NL00', 'GM0344', 'WK034401', 'WK034402', 'BU03440101', 'BU03440201', 'GM0363'];
    expect(childrenOf('NL00', codes)).toEqual(['GM0344', 'GM0363']);
    expect(childrenOf('GM0344', codes)).toEqual(['WK034401', 'WK034402']);
    expect(childrenOf('WK034401', codes)).toEqual(['BU03440101']);
  });
  it('countByLevel counts distinct codes and invalid ones', () => {
    expect(countByLevel(['NL00', 'GM0363', 'GM0363 ', 'BU03630000', 'x1', '', null])).toEqual({
      land: 1, gemeente: 1, wijk: 0, buurt: 1, invalid: 1,
    });
  });
});
