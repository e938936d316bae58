import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { categorize, SIGNAL_CATEGORIES, SIGNAL_LABELS } from '../../src/signal/categories.js';
import { compileVegaLite } from '../../src/viz/compile.js';
import { bandDecimals, dataDecimals, explorerSpec, type ExplorerBuurt, type ExplorerMeta } from '../../src/viz/explorer.js';
import { formatReadout, thresholdFragment } from '../../src/viz/explorer-page.js';
import { GRID_CODES, grid } from './fixtures.js';

// planted: buurt 1 sits exactly on the ΔK dead band (1.5 − 0.5 = 1 = tK: not up), buurt 6 has no
// ΔK, buurt 7 is marked not valid, buurt 8 has no relatief reference, buurt 9 is not in the rows
const rows: ExplorerBuurt[] = [
  { dK: 1.5, dO: -0.1, a: [0.5, 0], r: [0, 0] },
  { dK: 2, dO: -0.05, a: [0, 0], r: [1.5, -0.06] },
  { dK: 2, dO: 0.01, a: [0, 0], r: [0.2, 0.02] },
  { dK: -1, dO: -0.06, a: [0, 0], r: [-0.5, -0.01] },
  { dK: 0.2, dO: 0, a: [0, 0], r: [0.1, 0.05] },
  { dK: null, dO: 0, a: [0, 0], r: [0, 0] },
  { dK: 3, dO: -0.2, a: [0, 0], r: [0, 0], geldig: false },
  { dK: 3, dO: -0.2, a: [0, 0], r: [null, 0] },
].map((b, i) => ({
  code: GRID_CODES[i],
  naam: `Buurt ${i + 1}`,
  dK: b.dK,
  dO: b.dO,
  refKAbsoluut: b.a[0],
  refOAbsoluut: b.a[1],
  refKRelatief: b.r[0],
  refORelatief: b.r[1],
  inwoners: 1000 * (i + 1),
  geldig: b.geldig,
}));

/** Expected categories by the library rule, per buurt of the grid (invalid or absent → 4). */
function expected(tK: number, tO: number, variant: 'absoluut' | 'relatief'): string[] {
  const nan = (v: number | null | undefined): number => (typeof v === 'number' ? v : Number.NaN);
  const dK = GRID_CODES.map((c) => nan(rows.find((r) => r.code === c)?.dK));
  const dO = GRID_CODES.map((c) => nan(rows.find((r) => r.code === c)?.dO));
  const refK = GRID_CODES.map((c) => nan(rows.find((r) => r.code === c)?.[variant === 'relatief' ? 'refKRelatief' : 'refKAbsoluut']));
  const refO = GRID_CODES.map((c) => nan(rows.find((r) => r.code === c)?.[variant === 'relatief' ? 'refORelatief' : 'refOAbsoluut']));
  const idx = categorize(dK, dO, { tK, tO, refK, refO });
  return GRID_CODES.map((c, i) => {
    const r = rows.find((x) => x.code === c);
    return r === undefined || r.geldig === false ? 'onvoldoende_gegevens' : SIGNAL_CATEGORIES[idx[i]];
  });
}

type Row = Record<string, unknown> & { properties?: { code: string } };

async function state(view: vega.View): Promise<{ map: Row[]; counts: Row[] }> {
  await view.runAsync();
  const data = (view.getState({ data: vega.truthy, signals: vega.falsy, recurse: true }) as { data: Record<string, Row[]> }).data;
  const sets = Object.keys(data).map((name) => view.data(name) as Row[]).filter((s) => Array.isArray(s));
  const map = sets.find((s) => s.length === 9 && s[0].categorie !== undefined && s[0].properties !== undefined);
  const counts = sets.find((s) => s.length === 5 && s[0].tekst !== undefined);
  if (map === undefined || counts === undefined) throw new Error(`datasets not found: ${Object.keys(data).join(', ')}`);
  return { map, counts };
}

describe('explorerSpec', () => {
  const spec = explorerSpec(grid(), rows, { tK: 1, tO: 0.02, variant: 'absoluut', title: 'Verkenner', synthetic: true });

  it('computes the same categories as categorize(), and updates when thresholds and variant change', async () => {
    const view = new vega.View(vega.parse(compileVegaLite(spec)), { renderer: 'none' });
    try {
      const cases: [number, number, 'absoluut' | 'relatief'][] = [[1, 0.02, 'absoluut'], [1, 0.02, 'relatief'], [0.1, 0.005, 'relatief'], [2.5, 0.1, 'absoluut']];
      for (const [tK, tO, variant] of cases) {
        view.signal('tK', tK).signal('tO', tO).signal('variant', variant);
        const { map, counts } = await state(view);
        const got = GRID_CODES.map((c) => map.find((r) => r.properties?.code === c)?.categorie);
        const want = expected(tK, tO, variant);
        expect(got, `${tK} ${tO} ${variant}`).toEqual(want);
        // counts of buurten and residents per category, all five categories present
        for (const [i, cat] of SIGNAL_CATEGORIES.entries()) {
          const row = counts.find((r) => r.signaal === SIGNAL_LABELS[cat]);
          const members = GRID_CODES.map((c, j) => (want[j] === cat ? j : -1)).filter((j) => j >= 0);
          expect(row?.buurten, `${cat} ${i}`).toBe(members.length);
          expect(row?.inwoners).toBe(members.reduce((s, j) => s + (j < 8 ? 1000 * (j + 1) : 0), 0));
        }
      }
    } finally {
      view.finalize();
    }
  });

  it('recounts for the chosen gemeente only (gemeente signal), the map keeps every buurt', async () => {
    const view = new vega.View(vega.parse(compileVegaLite(spec)), { renderer: 'none' });
    try {
      view.signal('tK', 1).signal('tO', 0.02).signal('variant', 'absoluut').signal('gemeente', 'GM0002');
      const { counts } = await state(view);
      const want = expected(1, 0.02, 'absoluut');
      // GM0002 is the third column of the grid: buurten 3, 6, 9
      const inGm = GRID_CODES.map((c, j) => (c.startsWith('BU0002') ? j : -1)).filter((j) => j >= 0);
      expect(inGm).toEqual([2, 5, 8]);
      for (const cat of SIGNAL_CATEGORIES) {
        const row = counts.find((r) => r.signaal === SIGNAL_LABELS[cat]);
        expect(row?.buurten, cat).toBe(inGm.filter((j) => want[j] === cat).length);
        expect(row?.inwoners, cat).toBe(inGm.filter((j) => want[j] === cat).reduce((s, j) => s + (j < 8 ? 1000 * (j + 1) : 0), 0));
      }
    } finally {
      view.finalize();
    }
  });

  it('starts from the given thresholds and variant; tells the page the steps, the view and the gemeenten', () => {
    const params = spec.params as { name: string; value: unknown }[];
    expect(params.slice(0, 3).map((p) => [p.name, p.value])).toEqual([['tK', 1], ['tO', 0.02], ['variant', 'absoluut']]);
    const meta = (spec.usermeta as { veerkrachtExplorer: ExplorerMeta }).veerkrachtExplorer;
    expect(meta.thresholds).toEqual({ K: 1, O: 0.02 });
    expect(meta.variant).toBe('absoluut');
    // slider max ΔK 4 × 1 = 4: steps of 0,01 (4/50 = 0,08; ΔK has one decimal, so two are allowed);
    // ΔO max 0.02 + 0.1 = 0.12: steps of 0,001 (0,12/50 = 0,0024; ΔO has two decimals)
    expect(meta.decimals).toEqual({ K: 2, O: 3 });
    expect(meta.max).toEqual({ K: 4, O: 0.12 });
    expect(meta.gemeenten.map((g) => [g.code, g.buurten, g.inwoners, g.bbox])).toEqual([
      ['GM0001', 6, 1000 + 2000 + 4000 + 5000 + 7000 + 8000, [150000, 450000, 152000, 453000]],
      ['GM0002', 3, 3000 + 6000, [152000, 450000, 153000, 453000]],
    ]);
    // the whole grid (3 km × 3 km) fits the 520 × 440 plot, centred
    expect(meta.view).toEqual({ width: 520, height: 440, scale: (0.98 * 440) / 3000, cx: 151500, cy: 451500 });
    // a small map draws in SVG (accessible DOM); canvas on request or above 2,000 buurten
    expect(meta.renderer).toBe('svg');
    const canvas = explorerSpec(grid(), rows, { tK: 1, tO: 0.02, title: 'V', synthetic: true, renderer: 'canvas' });
    expect((canvas.usermeta as { veerkrachtExplorer: ExplorerMeta }).veerkrachtExplorer.renderer).toBe('canvas');
    expect(meta.eenheid).toEqual({ enkelvoud: 'buurt', meervoud: 'buurten' });
  });

  it('names wijken as wijken in the counts, the axis and the tooltip', async () => {
    const w = explorerSpec(grid(), rows, { tK: 1, tO: 0.02, title: 'V', synthetic: true, level: 'wijk' });
    const view = new vega.View(vega.parse(compileVegaLite(w)), { renderer: 'none' });
    try {
      const { counts } = await state(view);
      for (const r of counts) expect(String(r.tekst)).toMatch(/^\d+ wijk(en)? · [\d.,]+ inw\.$/); // (Node: no nl locale here)
      const json = JSON.stringify(w);
      expect(json).toContain('"title":"Aantal wijken"');
      expect(json).toContain('"title":"Wijk"');
      expect(json).not.toContain('buurten ·');
    } finally {
      view.finalize();
    }
  });

  it('says the live variant in the subtitle and the legend title, the period without a fixed variant', () => {
    const s = explorerSpec(grid(), rows, { tK: 1, tO: 0.02, title: 'V', period: '2014–2022 · relatief', synthetic: false });
    const json = JSON.stringify(s);
    expect(json).toContain(`"subtitle":{"expr":"['Periode ' + \\"2014–2022\\" + ' · ' + variant`);
    expect(json).not.toContain('2014–2022 · relatief');
  });

  it('the planted edge case on the dead band is not "up" (strict comparison, as categorize)', () => {
    expect(expected(1, 0.02, 'absoluut')[0]).toBe('leefbaarheid_verslechtert');
  });
});

describe('readout rounding and the saved fragment', () => {
  it('finds the decimals the data carry', () => {
    expect(dataDecimals([5.3, -0.2, 0.1, null])).toBe(1);
    expect(dataDecimals([12, 3, NaN])).toBe(0);
    expect(dataDecimals([0.012723, -0.069402])).toBe(6);
    expect(dataDecimals([1 / 3])).toBe(6); // capped
    expect(dataDecimals([0.1 + 0.2])).toBe(1); // float noise is not resolution
  });

  it('steps a dead band by at most 1/50 of its range, at most one decimal finer than the data', () => {
    expect(bandDecimals(5.05, 1)).toBe(1); // 0,1 %-punt
    expect(bandDecimals(5.05, 0)).toBe(1);
    expect(bandDecimals(0.5, 1)).toBe(2); // 0,01 ≤ 0,5/50
    expect(bandDecimals(0.0742, 6)).toBe(3); // 0,001 ≤ 0,0742/50 = 0,0015
    expect(bandDecimals(0.0742, 1)).toBe(2);
  });

  it('writes readouts in Dutch notation', () => {
    expect(formatReadout(1.2613645545444014, 1)).toBe('1,3');
    expect(formatReadout(0.018552, 3)).toBe('0,019');
    expect(formatReadout(-0.0004, 3)).toBe('0,000');
    expect(formatReadout(-0.112, 2)).toBe('\u22120,11');
    expect(formatReadout(33850, 0)).toBe('33.850');
  });

  it('makes the run-configuration fragment of README "Run configuration"', () => {
    expect(JSON.stringify(thresholdFragment('absoluut', 0.8, 0.031))).toBe('{"reference":{"variant":"absoluut"},"thresholds":{"K":0.8,"O":0.031}}');
  });
});
