import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { assignFocus } from '../../src/signal/focus.js';

const t = aq.table({
  code: ['BU1', 'BU2', 'BU3', 'BU4', 'BU5'],
  gemeente: ['GM1', 'GM1', 'GM1', 'GM1', 'GM1'],
  inwoners: [1000, 1000, 1000, 1000, 50],
  K1: [20, 5, 20, 5, 30],
  O1: [-0.1, 0.1, 0.1, -0.1, -0.2],
  reden: [null, null, null, null, 'te weinig inwoners'],
});

describe('assignFocus', () => {
  it('absoluut: high K and low O against the resident-weighted level of the usable buurten', () => {
    const f = assignFocus(t, { variant: 'absoluut', marginK: 1, marginO: 0.01 });
    // level K = 12.5, O = 0 (BU5 too small: left out of the level and of the map)
    expect(f.array('focus_refK')[0]).toBeCloseTo(12.5, 12);
    expect(f.array('focus')).toEqual(['focus', 'geen_focus', 'hoge_kwetsbaarheid', 'lage_leefbaarheid', 'onvoldoende_gegevens']);
  });
  it('a margin wider than the distance to the level removes the signal', () => {
    const f = assignFocus(t, { variant: 'absoluut', marginK: 8, marginO: 0.2 });
    expect((f.array('focus') as string[]).slice(0, 4)).toEqual(['geen_focus', 'geen_focus', 'geen_focus', 'geen_focus']);
  });
  it('relatief: against the rest of the gemeente (leave-one-out)', () => {
    const f = assignFocus(t, { variant: 'relatief', marginK: 0, marginO: 0 });
    // BU1: rest K = (5+20+5)/3 = 10, rest O = (0.1+0.1-0.1)/3
    expect(f.array('focus_refK')[0]).toBeCloseTo(10, 12);
    expect(f.array('focus_refO')[0]).toBeCloseTo(0.1 / 3, 12);
  });
});
