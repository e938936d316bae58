// One signal rule: categorize (sweeps), changeDirection/signalCategory (assignSignals) and the
// explorer's Vega expression are generated from SIGNAL_RULE and COMBINE; here they must agree on
// every case, ties at the dead band included, and match the README's wording of the rule.
import { describe, expect, it } from 'vitest';
import { SIGNAL_CATEGORIES, categorize, changeDirection, signalCategory, signalRuleExpression } from '../../src/signal/categories.js';
import { categoryExpression } from '../../src/viz/explorer.js';

// the README's words, written out independently: K up when ΔK − refK > tK; O worse when ΔO − refO < −tO
function readme(devK: number, devO: number, tK: number, tO: number): string {
  const up = devK > tK;
  const worse = devO < -tO;
  return up && worse ? 'veerkracht_onder_druk' : up ? 'kwetsbaarheid_neemt_toe' : worse ? 'leefbaarheid_verslechtert' : 'geen_signaal';
}

const cases: [number, number, number, number][] = [];
for (const dk of [-2, -1, -0.5, 0, 0.5, 1, 2]) for (const d0 of [-0.04, -0.02, 0, 0.02, 0.04]) for (const [tK, tO] of [[0, 0], [1, 0.02], [0.5, 0.04]]) cases.push([dk, d0, tK, tO]);

describe('one signal rule', () => {
  it('categorize, changeDirection/signalCategory and the generated expression agree with the README rule, ties included', () => {
    const expr = new Function('dk', 'do_', 'tK', 'tO', `return ${signalRuleExpression('dk', 'do_', 'tK', 'tO', 'false')};`) as (a: number, b: number, c: number, d: number) => string;
    for (const [dk, d0, tK, tO] of cases) {
      const want = readme(dk, d0, tK, tO);
      expect(SIGNAL_CATEGORIES[categorize([dk], [d0], { tK, tO, refK: 0, refO: 0 })[0]], `${dk} ${d0} ${tK} ${tO}`).toBe(want);
      expect(signalCategory(changeDirection(dk, 0, tK) === 'toename', changeDirection(d0, 0, tO) === 'afname')).toBe(want);
      expect(expr(dk, d0, tK, tO)).toBe(want);
    }
  });

  it('the explorer uses the generated expression, with missing data as onvoldoende gegevens', () => {
    const e = categoryExpression('datum.');
    expect(e).toContain(signalRuleExpression('datum.dK - (variant == \'relatief\' ? datum.rKr : datum.rKa)', 'datum.dO - (variant == \'relatief\' ? datum.rOr : datum.rOa)', 'tK', 'tO', 'x').split(" ? 'onvoldoende_gegevens' : ")[1]);
    expect(SIGNAL_CATEGORIES[categorize([NaN], [0], { tK: 0, tO: 0, refK: 0, refO: 0 })[0]]).toBe('onvoldoende_gegevens');
  });
});
