import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { countByCategory, countByFocus, countReasons, summariseCorporatie, summariseGemeenten } from '../../src/signal/summary.js';
import { SIGNAL_CATEGORIES, type SignalCategory } from '../../src/signal/categories.js';
import { FOCUS_CATEGORIES } from '../../src/signal/focus.js';

// a small planted table: residents unknown in several ways, a buurt without a gemeente, a
// gemeente whose first buurt has no name, C missing or not finite
const planted = aq.table({
  gemeente: ['GM0002', 'GM0001', 'GM0002', null, 'GM0001', 'GM0002'],
  gemeentenaam: [null, 'Een', 'Twee', null, 'Een', 'Twee'],
  inwoners: [100, null, 250, 40, Number.NaN, 10],
  C: [80, 10, null, 50, Number.POSITIVE_INFINITY, 70],
  categorie: ['veerkracht_onder_druk', 'geen_signaal', 'geen_signaal', 'onvoldoende_gegevens', 'kwetsbaarheid_neemt_toe', 'veerkracht_onder_druk'],
  focus: ['focus', 'geen_focus', 'geen_focus', 'onvoldoende_gegevens', 'hoge_kwetsbaarheid', 'focus'],
  reden: [null, null, null, 'te weinig inwoners', null, null],
});

describe('signal summaries on a planted table', () => {
  it('counts buurten per category, residents unknown count as 0', () => {
    const c = countByCategory(planted);
    expect(c.veerkracht_onder_druk).toMatchObject({ buurten: 2, inwoners: 110 });
    expect(c.geen_signaal).toMatchObject({ buurten: 2, inwoners: 250 });
    expect(c.kwetsbaarheid_neemt_toe).toMatchObject({ buurten: 1, inwoners: 0 });
    expect(c.leefbaarheid_verslechtert).toMatchObject({ buurten: 0, inwoners: 0 });
    expect(Object.keys(c)).toEqual([...SIGNAL_CATEGORIES]);
    expect(Object.keys(countByFocus(planted))).toEqual([...FOCUS_CATEGORIES]);
    expect(countByFocus(planted).focus).toMatchObject({ buurten: 2, inwoners: 110 });
  });

  it('summarises per gemeente, sorted by code, the name from the first buurt', () => {
    const g = summariseGemeenten(planted);
    expect(g.map((x) => x.code)).toEqual(['(onbekend)', 'GM0001', 'GM0002']);
    expect(g[1]).toMatchObject({ code: 'GM0001', naam: 'Een', buurten: 2, inwoners: 0, onder_druk: false });
    // GM0002's first buurt has no name: no name, as before
    expect(g[2].naam).toBeUndefined();
    expect(g[2]).toMatchObject({ buurten: 3, inwoners: 360, onder_druk: true });
    expect(g[2].categories.veerkracht_onder_druk).toMatchObject({ buurten: 2, inwoners: 110 });
    expect(Object.keys(g[1])).toEqual(['code', 'buurten', 'inwoners', 'categories', 'onder_druk', 'naam']);
  });

  it('stratifies by corporation share; a share that is not a finite number is onbekend', () => {
    const c = summariseCorporatie(planted);
    expect(c.klassen['meer dan 2/3']).toMatchObject({ buurten: 2, inwoners: 110 });
    expect(c.klassen['1/3 tot 2/3']).toMatchObject({ buurten: 1, inwoners: 40 });
    expect(c.klassen['minder dan 1/3']).toMatchObject({ buurten: 1, inwoners: 0 });
    expect(c.klassen.onbekend).toMatchObject({ buurten: 2, inwoners: 250 });
    expect(c).toMatchObject({ corporatiebuurten: 2, inwoners_in_corporatiebuurten: 110, inwoners_corporatiebuurten_onder_druk: 110 });
    const none = summariseCorporatie(planted.filter('d.C < 60'));
    expect(none).toMatchObject({ corporatiebuurten: 0, inwoners_in_corporatiebuurten: 0, inwoners_corporatiebuurten_onder_druk: 0 });
  });

  it('counts reasons, sorted', () => {
    expect(countReasons(planted)).toEqual({ 'te weinig inwoners': 1 });
    expect(Object.keys(countReasons(aq.table({ reden: ['b', null, 'a', 'b'] })))).toEqual(['a', 'b']);
  });
});

// an independent computation (plain loops over the rows) on a seeded random table
describe('signal summaries against a row loop', () => {
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const n = 2000;
  const rows = Array.from({ length: n }, () => ({
    gemeente: pick(['GM0003', 'GM0001', 'GM0002', null]),
    gemeentenaam: pick(['A', null]),
    inwoners: pick([null, Number.NaN, 0.1, 0.2, 0.7, 3, 12345, 1e17]),
    C: pick([null, 10, 100 / 3, 50, 200 / 3, 90]),
    categorie: pick(SIGNAL_CATEGORIES),
  }));
  const t = aq.from(rows);
  const w = (v: number | null) => (v !== null && Number.isFinite(v) ? v : 0);

  it('sums residents in row order per category and per gemeente (same floats)', () => {
    const c = countByCategory(t);
    for (const cat of SIGNAL_CATEGORIES) {
      let b = 0;
      let s = 0;
      for (const r of rows) if (r.categorie === cat) (b += 1), (s += w(r.inwoners));
      expect(c[cat]).toMatchObject({ buurten: b, inwoners: s });
    }
    for (const g of summariseGemeenten(t)) {
      const mine = rows.filter((r) => (r.gemeente ?? '(onbekend)') === g.code);
      expect(g.buurten).toBe(mine.length);
      expect(g.inwoners).toBe(mine.reduce((s, r) => s + w(r.inwoners), 0));
      expect(g.naam ?? null).toBe(mine[0].gemeentenaam);
      for (const cat of SIGNAL_CATEGORIES) {
        const inCat = mine.filter((r) => r.categorie === (cat as SignalCategory));
        expect(g.categories[cat]).toMatchObject({ buurten: inCat.length, inwoners: inCat.reduce((s, r) => s + w(r.inwoners), 0) });
      }
    }
  });

  it('corporatiebuurten: share strictly above two thirds', () => {
    const cb = rows.filter((r) => r.C !== null && r.C > 200 / 3);
    const c = summariseCorporatie(t);
    expect(c.corporatiebuurten).toBe(cb.length);
    expect(c.inwoners_in_corporatiebuurten).toBe(cb.reduce((s, r) => s + w(r.inwoners), 0));
    expect(c.inwoners_corporatiebuurten_onder_druk).toBe(cb.filter((r) => r.categorie === 'veerkracht_onder_druk').reduce((s, r) => s + w(r.inwoners), 0));
  });
});
