import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { categorize, SIGNAL_CATEGORIES, SIGNAL_LABELS } from '../../src/signal/categories.js';
import { compileVegaLite } from '../../src/viz/compile.js';
import { explorerSpec, type ExplorerBuurt } from '../../src/viz/explorer.js';
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

  it('starts from the given thresholds and variant, with sliders and a radio switch', () => {
    const params = spec.params as { name: string; value: unknown; bind: { input: string; max?: number } }[];
    expect(params.map((p) => [p.name, p.value, p.bind.input])).toEqual([['tK', 1, 'range'], ['tO', 0.02, 'range'], ['variant', 'absoluut', 'radio']]);
    expect(params[0].bind.max).toBeGreaterThanOrEqual(1);
  });

  it('the planted edge case on the dead band is not "up" (strict comparison, as categorize)', () => {
    expect(expected(1, 0.02, 'absoluut')[0]).toBe('leefbaarheid_verslechtert');
  });
});
