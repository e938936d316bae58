import { describe, expect, it } from 'vitest';
import { REDEN_TE_WEINIG_VERHURINGEN, verhuringenK, type PlacedLetting } from '../../src/indicators/verhuringen.js';
import { newcombeDifference, wilsonInterval } from '../../src/indicators/binomial.js';

function lettings(code: string, jaar: number, kw: number, niet: number): PlacedLetting[] {
  return [...Array.from({ length: kw }, () => ({ code, jaar, kwetsbaar: true })), ...Array.from({ length: niet }, () => ({ code, jaar, kwetsbaar: false }))];
}

describe('verhuringenK', () => {
  const data = [
    ...lettings('BU1', 2012, 2, 8), ...lettings('BU1', 2014, 3, 7), // window 2012–2014: 5 of 20
    ...lettings('BU1', 2015, 9, 0), // outside both windows
    ...lettings('BU1', 2021, 6, 4), ...lettings('BU1', 2022, 6, 4), // window 2020–2022: 12 of 20
    ...lettings('BU2', 2013, 1, 3), ...lettings('BU2', 2021, 5, 10), // 4 at t0: too few
    ...lettings('BU9', 2022, 1, 1), // not on the map
    { code: 'BU1', jaar: 2022, kwetsbaar: null },
  ];
  const r = verhuringenK(['BU1', 'BU2', 'BU3'], data, { t0: 2014, t1: 2022, venster: 3, minVerhuringen: 10 });
  const row = (i: number) => r.table.objects()[i] as Record<string, number | string | null>;

  it('shares per window, ΔK in percentage points, counted from the lettings themselves', () => {
    expect(row(0)).toMatchObject({ code: 'BU1', verhuringen_t0: 20, kwetsbaar_t0: 5, K0: 25, verhuringen_t1: 20, kwetsbaar_t1: 12, K1: 60, dK: 35, reden: null });
  });

  it('Wilson bounds for each share and Newcombe bounds for ΔK, in % and pp', () => {
    const w = wilsonInterval(5, 20);
    expect(row(0).K0_ci_laag).toBeCloseTo(100 * w.laag, 9);
    expect(row(0).K0_ci_hoog).toBeCloseTo(100 * w.hoog, 9);
    const d = newcombeDifference(5, 20, 12, 20);
    expect(row(0).dK_ci_laag).toBeCloseTo(100 * d.laag, 9);
    expect(row(0).dK_ci_hoog).toBeCloseTo(100 * d.hoog, 9);
    expect(row(0).dK_ci_laag as number).toBeLessThan(35);
  });

  it('too few lettings in a window → no K there, no ΔK, its own reason (never 0)', () => {
    expect(row(1)).toMatchObject({ verhuringen_t0: 4, K0: null, verhuringen_t1: 15, K1: (100 * 5) / 15, dK: null, dK_ci_laag: null, reden: REDEN_TE_WEINIG_VERHURINGEN });
    expect(row(2)).toMatchObject({ verhuringen_t0: 0, verhuringen_t1: 0, K0: null, K1: null, reden: REDEN_TE_WEINIG_VERHURINGEN });
  });

  it('reports what it did not count: outside the windows, unknown, outside the map', () => {
    expect(r.report).toEqual({ geteld: 59, buitenVensters: 9, onbekend: 1, buitenKaart: { aantal: 2, voorbeelden: ['BU9'] }, teWeinig: 2 });
    expect(r.report.geteld + r.report.buitenVensters + r.report.onbekend + r.report.buitenKaart.aantal).toBe(data.length);
  });
});
