// `veerkracht run` at wijk level on real open data, from the repository's own configs (as a
// researcher would copy them): the national map of ΔO 2014 → 2022 from the official
// Leefbaarometer wijk file (no K), and the ten gemeenten of the processed KWB 2021 table, whose
// buurten are summed up to wijken. Expected values are computed here from the raw files.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/shared.js';
import { plainNumber as num, plainRows as rows } from '../helpers/plain-csv.js';

const home = new URL('../..', import.meta.url).pathname;

async function run(config: string): Promise<{ csv: Record<string, string>[]; summary: Record<string, any>; err: string }> {
  const out = mkdtempSync(join(tmpdir(), 'vk-real-wijk-'));
  const r = await runCli(['run', '--config', join(home, 'configs', config), '--out', out]);
  expect(r.code, r.err).toBe(0);
  return { csv: rows(join(out, 'signalen-plain.csv')), summary: JSON.parse(readFileSync(join(out, 'samenvatting.json'), 'utf8')), err: r.err };
}

const sd = (xs: number[]) => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
};

describe('national wijk map of ΔO 2014 → 2022 (configs/nederland-wijken-onv-2014-2022.json)', () => {
  it('categories agree one for one with the README rule applied to ΔO alone', async () => {
    const { csv, summary } = await run('nederland-wijken-onv-2014-2022.json');
    const topo = JSON.parse(readFileSync(sharedData('geo/wijken_2023_nl_wgs84.topojson'), 'utf8'));
    const codes: string[] = topo.objects.wijk_2023.geometries.map((g: { properties: { statcode: string } }) => g.properties.statcode);
    expect(csv.map((r) => r.code).sort()).toEqual([...new Set(codes)].sort());
    const inw = new Map<string, number>();
    const dict = JSON.parse(readFileSync(sharedData('statline/85984NED_gm_wk_8topics_2024.json'), 'utf8')) as Record<string, Record<string, number | null>>;
    for (const [code, v] of Object.entries(dict)) inw.set(code.trim(), v.AantalInwoners_5 ?? NaN);
    const onv = new Map<string, number>();
    for (const r of rows(sharedData('leefbaarometer/Leefbaarometer-scores wijken 2002-2022.csv'))) onv.set(`${r.wk_code}|${r.jaar}`, num(r.onv));
    const w = csv.map((r) => {
      const dO = (onv.get(`${r.code}|2022`) ?? NaN) - (onv.get(`${r.code}|2014`) ?? NaN);
      const n = inw.get(r.code) ?? NaN;
      return { code: r.code, gm: r.code.slice(2, 6), dO, n, usable: n >= 100 && Number.isFinite(dO) };
    });
    // relatief: the inhabitant-weighted ΔO of the other wijken of the gemeente
    const sums = new Map<string, { a: number; b: number }>();
    for (const x of w) if (x.usable) {
      const s = sums.get(x.gm) ?? { a: 0, b: 0 };
      (s.a += x.n * x.dO), (s.b += x.n);
      sums.set(x.gm, s);
    }
    const dev = w.map((x) => {
      const s = sums.get(x.gm);
      if (!x.usable || !s || s.b - x.n <= 0) return null;
      return x.dO - (s.a - x.n * x.dO) / (s.b - x.n);
    });
    const tO = 0.5 * sd(dev.filter((d): d is number => d !== null));
    const expected = new Map(w.map((x, i) => [x.code, dev[i] === null ? 'onvoldoende_gegevens' : dev[i]! < -tO ? 'leefbaarheid_verslechtert' : 'geen_signaal']));
    const diff = csv.filter((r) => expected.get(r.code) !== r.categorie).map((r) => `${r.code}: ${r.categorie} ≠ ${expected.get(r.code)}`);
    expect(diff).toEqual([]);
    expect(summary.parameters.thresholds.relatief.O.value).toBeCloseTo(tO, 6);
    expect(summary.categories.leefbaarheid_verslechtert.buurten).toBeGreaterThan(500);
    expect(summary.categories.veerkracht_onder_druk.buurten).toBe(0);
    expect(summary.level).toBe('wijk');
  }, 120_000);
});

describe('ten gemeenten at wijk level (configs/tien-gemeenten-wijken-2017-2021.json)', () => {
  it('sums the 2021 buurten up to wijken: K from households, inwoners added', async () => {
    const { csv, summary, err } = await run('tien-gemeenten-wijken-2017-2021.json');
    expect(summary.area).toHaveLength(10);
    expect(new Set(csv.map((r) => r.code.slice(2, 6))).size).toBe(10);
    expect(err).toContain('762 buurten opgeteld tot');
    const b21 = rows(sharedData('kwb/kwb2021_10gemeenten_buurten_translated.csv')).filter((r) => r.recs === 'Buurt');
    const byWijk = new Map<string, Record<string, string>[]>();
    for (const r of b21) byWijk.set(`WK${r.gwb_code.slice(2, 8)}`, [...(byWijk.get(`WK${r.gwb_code.slice(2, 8)}`) ?? []), r]);
    let checked = 0;
    for (const row of csv) {
      const parts = byWijk.get(row.code);
      if (!parts || parts.some((p) => !Number.isFinite(num(p.p_low_income_household)))) continue;
      const hh = parts.map((p) => num(p['Number of households']));
      const k = parts.reduce((s, p, i) => s + num(p.p_low_income_household) * hh[i], 0) / hh.reduce((s, x) => s + x, 0);
      expect(num(row.K1), row.code).toBeCloseTo(k, 6);
      expect(num(row.inwoners), row.code).toBe(parts.reduce((s, p) => s + num(p['Number of inhabitants']), 0));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(50);
  }, 120_000);
});
