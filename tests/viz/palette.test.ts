/**
 * Every class colour of the maps is visibly apart from the white page and from the other
 * classes of its legend, by CIEDE2000 colour distance computed here (tests/viz/colour.ts):
 * categorical palettes ≥ 10 between any two classes and to the page; sequential classes ≥ 5
 * to their neighbour; "onvoldoende gegevens" / "geen gegevens" a mid grey, never page white.
 * (ΔE00 ≈ 1 is a just-noticeable difference for patches side by side; small map polygons
 * need several times that.)
 */
import { describe, expect, it } from 'vitest';
import { SIGNAL_CATEGORIES, SIGNAL_COLOURS } from '../../src/signal/categories.js';
import { FOCUS_CATEGORIES, FOCUS_COLOURS } from '../../src/signal/focus.js';
import { NO_DATA_COLOUR, sequentialColours } from '../../src/viz/classes.js';
import { LISA_COLOURS } from '../../src/viz/maps/lisa.js';
import { LISA_CLUSTERS } from '../../src/spatial/lisa.js';
import { explorerSpec } from '../../src/viz/explorer.js';
import { deltaE2000, deltaE76, distance, hexToLab, type Lab } from './colour.js';
import { grid } from './fixtures.js';

const PAGE = '#FFFFFF';
const MIN_TO_PAGE = 10;
const MIN_BETWEEN = 10;
const MIN_SEQUENTIAL_STEP = 5;

/** Pairs of a palette closer than `min` (empty when all are apart), with their distance. */
function tooClose(colours: Record<string, string>, min: number): string[] {
  const names = Object.keys(colours);
  const out: string[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const d = distance(colours[names[i]], colours[names[j]]);
      if (d < min) out.push(`${names[i]} ${colours[names[i]]} ~ ${names[j]} ${colours[names[j]]}: ${d.toFixed(1)}`);
    }
  }
  return out;
}

function nearPage(colours: Record<string, string>): string[] {
  return Object.entries(colours)
    .filter(([, c]) => distance(c, PAGE) < MIN_TO_PAGE)
    .map(([n, c]) => `${n} ${c}: ${distance(c, PAGE).toFixed(1)}`);
}

describe('colour distance (the measuring stick itself)', () => {
  it('reproduces the CIEDE2000 test pairs of Sharma, Wu & Dalal (2005)', () => {
    const pairs: [Lab, Lab, number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, 0, 0], [50, -1, 2], 2.3669],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[50, 2.5, 0], [61, -5, 29], 22.8977],
      [[50, 2.5, 0], [56, -27, -3], 31.903],
      [[50, 2.5, 0], [58, 24, 15], 19.4535],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
      [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
    ];
    for (const [a, b, want] of pairs) {
      expect(deltaE2000(a, b)).toBeCloseTo(want, 4);
      expect(deltaE2000(b, a)).toBeCloseTo(want, 4);
    }
  });

  it('converts sRGB to Lab (white, black, mid grey, pure red)', () => {
    const near = (lab: Lab, want: Lab) => lab.forEach((v, i) => expect(v).toBeCloseTo(want[i], 1));
    near(hexToLab('#FFFFFF'), [100, 0, 0]);
    near(hexToLab('#000000'), [0, 0, 0]);
    near(hexToLab('#808080'), [53.59, 0, 0]);
    near(hexToLab('#FF0000'), [53.24, 80.09, 67.2]);
    expect(deltaE76(hexToLab('#FFFFFF'), hexToLab('#000000'))).toBeCloseTo(100, 1);
  });
});

describe('map palettes', () => {
  it('signal categories: apart from the page and from each other', () => {
    expect(nearPage(SIGNAL_COLOURS)).toEqual([]);
    expect(tooClose(SIGNAL_COLOURS, MIN_BETWEEN)).toEqual([]);
  });

  it('"onvoldoende gegevens" and "geen gegevens" are a mid grey, not the page white nor "geen signaal"', () => {
    for (const c of [SIGNAL_COLOURS.onvoldoende_gegevens, NO_DATA_COLOUR]) {
      const [L, a, b] = hexToLab(c);
      expect(Math.hypot(a, b), c).toBeLessThan(3); // a grey
      expect(L, c).toBeGreaterThan(40); // mid, not dark
      expect(L, c).toBeLessThan(75);
      expect(distance(c, PAGE)).toBeGreaterThanOrEqual(MIN_TO_PAGE);
      expect(distance(c, SIGNAL_COLOURS.geen_signaal)).toBeGreaterThanOrEqual(MIN_BETWEEN);
    }
  });

  it('LISA clusters with the no-data class: apart from the page and from each other', () => {
    const lisa: Record<string, string> = { ...LISA_COLOURS, 'geen gegevens': NO_DATA_COLOUR };
    expect(Object.keys(lisa)).toHaveLength(LISA_CLUSTERS.length + 1);
    expect(nearPage(lisa)).toEqual([]);
    expect(tooClose(lisa, MIN_BETWEEN)).toEqual([]);
  });

  it('sequential choropleth classes: the palest apart from the page, neighbours apart, all apart from no data', () => {
    for (let k = 2; k <= 7; k++) {
      const c = sequentialColours(k);
      expect(distance(c[0], PAGE), `k=${k}`).toBeGreaterThanOrEqual(MIN_TO_PAGE);
      for (let i = 1; i < k; i++) expect(distance(c[i], c[i - 1]), `k=${k} class ${i}`).toBeGreaterThanOrEqual(MIN_SEQUENTIAL_STEP);
      for (const x of c) expect(distance(x, NO_DATA_COLOUR), `k=${k} ${x}`).toBeGreaterThanOrEqual(MIN_BETWEEN);
    }
  });

  it('the explorer colours by the signal palette', () => {
    const spec = explorerSpec(grid(), [], { tK: 1, tO: 0.02, title: 't', synthetic: true });
    const json = JSON.stringify(spec);
    for (const c of SIGNAL_CATEGORIES) expect(json).toContain(JSON.stringify(SIGNAL_COLOURS[c]));
  });

  // src/signal/focus.ts is outside this change: its "onvoldoende gegevens" is still page white
  // and "geen focus" #DDDDDD too pale. Proposed: geen_focus '#CCCCCC', onvoldoende_gegevens
  // '#999999' (as the signal map). When FOCUS_COLOURS changes, make this an ordinary `it`.
  it('focus categories: apart from the page and from each other', () => {
    const focus = Object.fromEntries(FOCUS_CATEGORIES.map((f) => [f, FOCUS_COLOURS[f]]));
    expect(nearPage(focus)).toEqual([]);
    expect(tooClose(focus, MIN_BETWEEN)).toEqual([]);
  });
});
