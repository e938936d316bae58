// K from a corporation's own lettings on the demo region: `veerkracht run --config` with the demo
// corporation files and "source": "verhuringen" must recover the planted rise of vulnerable
// instroom. The truth (data/demo/synthetisch_truth_verhuringen.csv) is written by the generator
// from its latent model and never read by the library.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { plainRows } from '../helpers/plain-csv.js';

const home = new URL('../..', import.meta.url).pathname;
const demo = join(home, 'data/demo');

interface Truth {
  instroom: string;
  p2013: number;
  p2021: number;
  eigen: number;
}

function truth(): Map<string, Truth> {
  const lines = readFileSync(join(demo, 'synthetisch_truth_verhuringen.csv'), 'utf8').trim().split(/\r?\n/);
  const h = lines[0].split(',');
  const col = (c: string[], name: string) => c[h.indexOf(name)];
  return new Map(
    lines.slice(1).map((l) => {
      const c = l.split(',');
      return [col(c, 'buurtcode'), { instroom: col(c, 'instroom'), p2013: Number(col(c, 'kwetsbaar_aandeel_2013')), p2021: Number(col(c, 'kwetsbaar_aandeel_2021')), eigen: Number(col(c, 'eigen_woningen')) }];
    }),
  );
}

function config(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    title: 'Veerkracht in het eigen bezit — demoregio',
    synthetic: true,
    period: { t0: 2014, t1: 2022 },
    inputs: {
      kwb: { '2014': 'kwb/synthetisch_kwb2014_82931NED.csv', '2022': 'kwb/synthetisch_kwb2022_85318NED.csv' },
      leefbaarometer: 'leefbaarometer/synthetisch_leefbaarometer-scores-buurten-2014-2022.csv',
      boundaries: { t0: 'geo/synthetisch_buurten_2014-2018_rd.geojson', t1: 'geo/synthetisch_buurten_2019-2022_rd.geojson' },
      corporatie: {
        bezit: ['corporatie/synthetisch_bezit_vhe_2022_wooncooperatie-de-eendracht.csv'],
        verhuringen: ['corporatie/synthetisch_verhuringen_wooncooperatie-de-eendracht_2012-2022.csv'],
        pc6: 'pc6/synthetisch_pc6hnr20220801_gwb.csv',
      },
    },
    ...extra,
  };
}

/** Write a config into data/demo's sibling temp folder (paths resolved against data/demo) and run the CLI. */
async function run(extra: Record<string, unknown>): Promise<{ dir: string; rows: Record<string, string>[]; summary: Record<string, any>; code: number; err: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'vk-corp-'));
  const cfg = config(extra);
  // relative paths resolve against the config's folder: make them absolute in data/demo
  const abs = JSON.parse(JSON.stringify(cfg), (k, v) => (typeof v === 'string' && /\.(csv|geojson)$/.test(v) ? join(demo, v) : v));
  writeFileSync(join(dir, 'run.json'), JSON.stringify(abs));
  const r = await runCli(['run', '--config', join(dir, 'run.json'), '--out', join(dir, 'out')]);
  if (r.code !== 0) return { dir, rows: [], summary: {}, code: r.code, err: r.err };
  return { dir, rows: plainRows(join(dir, 'out', 'signalen-plain.csv')), summary: JSON.parse(readFileSync(join(dir, 'out', 'samenvatting.json'), 'utf8')), code: 0, err: r.err };
}

function precisionRecall(rows: Record<string, string>[], want: Map<string, Truth>, predicted: (r: Record<string, string>) => boolean) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const t = want.get(r.code)?.instroom === 'stijging';
    const p = predicted(r);
    if (t && p) tp++;
    else if (p) fp++;
    else if (t) fn++;
  }
  // planted buurten absent from the map count as misses too
  const onMap = new Set(rows.map((r) => r.code));
  for (const [code, t] of want) if (t.instroom === 'stijging' && !onMap.has(code)) fn++;
  return { tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

const kUp = (cat: string) => cat === 'veerkracht_onder_druk' || cat === 'kwetsbaarheid_neemt_toe';

describe('veerkracht run --config with K from the corporation lettings (issue 18)', () => {
  let main: Awaited<ReturnType<typeof run>>;
  let loose: Awaited<ReturnType<typeof run>>;
  const want = truth();
  beforeAll(async () => {
    // signals on at least 30 lettings per 3-year window, ΔK against 0 (absoluut)
    main = await run({ indicators: { K: { source: 'verhuringen', venster: 3, minVerhuringen: 30 } }, reference: { variant: 'absoluut' } });
    // the defaults: at least 10 lettings per window, relatief
    loose = await run({ indicators: { K: { source: 'verhuringen' } } });
  }, 120_000);

  it('writes the full set of outputs', () => {
    expect(main.code, main.err).toBe(0);
    const files = readdirSync(join(main.dir, 'out'));
    for (const f of ['signaleringskaart.svg', 'signaleringskaart.png', 'signaleringskaart.html', 'focuskaart.svg', 'focuskaart.png', 'signalen.geojson', 'signalen.csv', 'signalen-plain.csv', 'matrix-handelingskaders.json', 'samenvatting.json']) {
      expect(files).toContain(f);
    }
  });

  it('recovers the planted rise of vulnerable instroom: precision and recall ≥ 0.9 (measured 1.00 / 1.00 absoluut, 1.00 / 0.90 relatief)', () => {
    const planted = [...want.values()].filter((t) => t.instroom === 'stijging').length;
    expect(planted).toBe(10);
    const abs = precisionRecall(main.rows, want, (r) => r.richting_K === 'toename');
    expect(abs.precision).toBeGreaterThanOrEqual(0.9);
    expect(abs.recall).toBeGreaterThanOrEqual(0.9);
    // the same from the category columns, and the other variant of the same run
    expect(precisionRecall(main.rows, want, (r) => kUp(r.categorie_absoluut))).toEqual(abs);
    const rel = precisionRecall(main.rows, want, (r) => kUp(r.categorie_relatief));
    expect(rel.precision).toBeGreaterThanOrEqual(0.9);
    expect(rel.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('K0, K1 and ΔK are the shares of vulnerable lettings counted from the file itself', () => {
    // independent count: Primaire doelgroep, urgency or statushouder (the default rule) per buurt and window
    // an address is placed by postcode + huisnummer, else by its postcode when that lies in one buurt
    const stock = new Map<string, string>();
    const pc = new Map<string, string>();
    const pc6 = new Map<string, Set<string>>();
    for (const l of readFileSync(join(demo, 'pc6/synthetisch_pc6hnr20220801_gwb.csv'), 'latin1').trim().split(/\r?\n/).slice(1)) {
      const [p, h, b] = l.split(';');
      pc.set(`${p} ${h}`, `BU${b}`);
      pc6.set(p, (pc6.get(p) ?? new Set()).add(`BU${b}`));
    }
    for (const l of readFileSync(join(demo, 'corporatie/synthetisch_bezit_vhe_2022_wooncooperatie-de-eendracht.csv'), 'latin1').trim().split(/\r?\n/).slice(1)) {
      const c = l.split(';');
      const only = pc6.get(c[4]);
      const b = pc.get(`${c[4]} ${c[2]}`) ?? (only && only.size === 1 ? [...only][0] : undefined);
      if (b) stock.set(c[0], b);
    }
    const count = new Map<string, number[]>();
    for (const l of readFileSync(join(demo, 'corporatie/synthetisch_verhuringen_wooncooperatie-de-eendracht_2012-2022.csv'), 'latin1').trim().split(/\r?\n/).slice(1)) {
      const [day, vhe, inkomen, toewijzing, herkomst] = l.split(';');
      const year = new Date(Date.UTC(1899, 11, 30) + Number(day) * 86400000).getUTCFullYear();
      const w = year >= 2012 && year <= 2014 ? 0 : year >= 2020 && year <= 2022 ? 1 : -1;
      const b = stock.get(vhe);
      if (w < 0 || !b) continue;
      const kw = inkomen === 'Primaire doelgroep' || toewijzing !== 'Regulier' || /statushouder/i.test(herkomst);
      const c = count.get(b) ?? [0, 0, 0, 0];
      c[2 * w] += 1;
      if (kw) c[2 * w + 1] += 1;
      count.set(b, c);
    }
    let checked = 0;
    for (const r of main.rows) {
      const c = count.get(r.code) ?? [0, 0, 0, 0];
      expect([Number(r.verhuringen_t0), Number(r.kwetsbaar_t0), Number(r.verhuringen_t1), Number(r.kwetsbaar_t1)], r.code).toEqual(c);
      if (c[0] >= 30 && c[2] >= 30) {
        expect(Number(r.K0)).toBeCloseTo((100 * c[1]) / c[0], 4);
        expect(Number(r.dK)).toBeCloseTo((100 * c[3]) / c[2] - (100 * c[1]) / c[0], 4);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('the 90 % intervals of ΔK cover the planted change in about 90 % of the buurten', () => {
    let n = 0;
    let covered = 0;
    for (const r of loose.rows) {
      const t = want.get(r.code);
      if (!t || r.dK_ci_laag === '') continue;
      const d = 100 * (t.p2021 - t.p2013);
      n++;
      if (Number(r.dK_ci_laag) <= d && d <= Number(r.dK_ci_hoog)) covered++;
    }
    expect(n).toBeGreaterThan(30);
    expect(covered / n).toBeGreaterThanOrEqual(0.8);
    expect(covered / n).toBeLessThan(1);
  });

  it('too few lettings is "onvoldoende gegevens" with its own reason; the default rule is labelled as ours', () => {
    expect(loose.code, loose.err).toBe(0);
    const few = loose.rows.filter((r) => r.reden === 'te weinig verhuringen');
    expect(few.length).toBeGreaterThan(100); // every buurt outside the corporation's stock, and small stock
    for (const r of few) expect(Number(r.verhuringen_t0) < 10 || Number(r.verhuringen_t1) < 10).toBe(true);
    expect(loose.summary.onvoldoende_gegevens['te weinig verhuringen']).toBe(few.length);
    expect(loose.summary.corporatie.standaardregel).toBe(true);
    expect(loose.summary.parameters.indicators.K).toMatch(/standaardregel \(onze keuze\)/);
  });

  it('per-corporation summary: every VHE and letting placed or counted by reason', () => {
    const c = main.summary.corporatie.corporaties[0];
    const dropped = (xs: { count: number }[]) => xs.reduce((s, d) => s + d.count, 0);
    expect(c.bezit.vhe).toBe(c.bezit.geplaatst + dropped(c.bezit.niet_geplaatst));
    expect(c.verhuringen.gelezen).toBe(c.verhuringen.geplaatst + dropped(c.verhuringen.niet_geplaatst));
    expect(c.verhuringen.kwetsbaar + c.verhuringen.niet_kwetsbaar + c.verhuringen.onbekend).toBe(c.verhuringen.geplaatst);
    const sumT0 = main.rows.reduce((s, r) => s + Number(r.verhuringen_t0), 0);
    expect(c.verhuringen.t0.verhuringen).toBe(sumT0);
    // every placed letting is in a window count, outside both windows, unknown or off the map
    const t = main.summary.corporatie.verhuringen_telling;
    expect(t.geteld + t.buiten_vensters + t.onbekend_in_venster + t.buiten_kaart).toBe(c.verhuringen.geplaatst);
    expect(t.geteld).toBe(sumT0 + main.rows.reduce((s, r) => s + Number(r.verhuringen_t1), 0));
  });
});

describe('several corporations, C from own stock and the filter (issue 18)', () => {
  // the demo corporation split in two by VHE number: the combined map must equal the single one
  const dir = mkdtempSync(join(tmpdir(), 'vk-corp2-'));
  const bezitLines = readFileSync(join(demo, 'corporatie/synthetisch_bezit_vhe_2022_wooncooperatie-de-eendracht.csv'), 'latin1').split('\r\n');
  const verhLines = readFileSync(join(demo, 'corporatie/synthetisch_verhuringen_wooncooperatie-de-eendracht_2012-2022.csv'), 'latin1').split('\r\n');
  const half = (id: string) => Number(id) % 2;
  for (const h of [0, 1]) {
    const b = [bezitLines[0], ...bezitLines.slice(1).filter((l) => l !== '' && half(l.split(';')[0]) === h)];
    const v = [verhLines[0], ...verhLines.slice(1).filter((l) => l !== '' && half(l.split(';')[1]) === h)];
    writeFileSync(join(dir, `bezit_${h}.csv`), b.join('\r\n') + '\r\n', 'latin1');
    writeFileSync(join(dir, `verhuringen_${h}.csv`), v.join('\r\n') + '\r\n', 'latin1');
  }
  const two = { bezit: [join(dir, 'bezit_0.csv'), join(dir, 'bezit_1.csv')], verhuringen: [join(dir, 'verhuringen_0.csv'), join(dir, 'verhuringen_1.csv')], pc6: join(demo, 'pc6/synthetisch_pc6hnr20220801_gwb.csv') };
  const K = { source: 'verhuringen', venster: 3, minVerhuringen: 30 };
  let one: Awaited<ReturnType<typeof run>>;
  let split: Awaited<ReturnType<typeof run>>;
  let filtered: Awaited<ReturnType<typeof run>>;
  let byClass: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    one = await run({ indicators: { K, C: { source: 'bezit' } } });
    const cfg = (extra: Record<string, unknown>) => {
      const c = config(extra);
      (c.inputs as Record<string, unknown>).corporatie = two;
      return c;
    };
    const runWith = async (c: Record<string, unknown>) => {
      const d = mkdtempSync(join(tmpdir(), 'vk-corp3-'));
      const abs = JSON.parse(JSON.stringify(c), (_k, v) => (typeof v === 'string' && /\.(csv|geojson)$/.test(v) && !v.startsWith('/') ? join(demo, v) : v));
      writeFileSync(join(d, 'run.json'), JSON.stringify(abs));
      const r = await runCli(['run', '--config', join(d, 'run.json'), '--out', join(d, 'out')]);
      expect(r.code, r.err).toBe(0);
      return { dir: d, rows: plainRows(join(d, 'out', 'signalen-plain.csv')), summary: JSON.parse(readFileSync(join(d, 'out', 'samenvatting.json'), 'utf8')), code: r.code, err: r.err };
    };
    split = await runWith(cfg({ indicators: { K, C: { source: 'bezit' } } }));
    filtered = await runWith(cfg({ indicators: { K, C: { source: 'bezit' } }, filter: { eigenBezitMin: 100 } }));
    byClass = await runWith(cfg({ indicators: { K }, filter: { corporatieklasse: ['meer dan 2/3'] } }));
  }, 120_000);

  it('two corporations give the combined map of their stock and lettings', () => {
    expect(split.rows.length).toBe(one.rows.length);
    for (const [i, r] of split.rows.entries()) {
      for (const c of ['eigen_bezit', 'C_eigen', 'C', 'verhuringen_t0', 'kwetsbaar_t0', 'verhuringen_t1', 'kwetsbaar_t1', 'dK', 'dK_ci_laag', 'categorie']) expect(r[c], `${r.code} ${c}`).toBe(one.rows[i][c]);
    }
  });

  it('per-corporation summaries add up to the combined one', () => {
    const s = split.summary.corporatie;
    expect(s.corporaties.map((c: { naam: string }) => c.naam)).toEqual(['bezit_0', 'bezit_1']);
    for (const k of ['vhe', 'geplaatst', 'woningen']) expect(s.corporaties[0].bezit[k] + s.corporaties[1].bezit[k]).toBe(s.gecombineerd.bezit[k]);
    for (const w of ['t0', 't1']) {
      expect(s.corporaties[0].verhuringen[w].verhuringen + s.corporaties[1].verhuringen[w].verhuringen).toBe(s.gecombineerd.verhuringen[w].verhuringen);
      expect(s.gecombineerd.verhuringen[w].verhuringen).toBe(one.summary.corporatie.gecombineerd.verhuringen[w].verhuringen);
    }
  });

  it('C from own stock is own dwellings / KWB dwellings and drives corporatie_klasse; C_kwb sits beside it', () => {
    let checked = 0;
    for (const r of one.rows) {
      if (r.woningen === '' || Number(r.woningen) === 0) continue;
      expect(Number(r.C_eigen)).toBeCloseTo((100 * Number(r.eigen_bezit)) / Number(r.woningen), 4);
      expect(r.C).toBe(r.C_eigen);
      const c = Number(r.C);
      expect(r.corporatie_klasse).toBe(c < 100 / 3 ? 'minder dan 1/3' : c > 200 / 3 ? 'meer dan 2/3' : '1/3 tot 2/3');
      checked++;
    }
    expect(checked).toBeGreaterThan(150);
    // the corporation owns 85 % of the corporation stock in its gemeente: its share stays below KWB's
    const own = one.rows.filter((r) => Number(r.eigen_bezit) > 100);
    for (const r of own) expect(Number(r.C_eigen)).toBeLessThan(Number(r.C_kwb) + 5);
  });

  it('filter eigenBezitMin keeps exactly the buurten with that many own dwellings; the rest is counted and reported', () => {
    const want = split.rows.filter((r) => Number(r.eigen_bezit) >= 100).map((r) => r.code);
    expect(filtered.rows.map((r) => r.code)).toEqual(want);
    const f = filtered.summary.reports.studiegebied.filter;
    expect(f.binnen).toBe(want.length);
    expect(f.binnen + f.buiten).toBe(split.rows.length);
    expect(filtered.summary.buurten).toBe(want.length);
    expect(filtered.summary.reports.studiegebied.buiten.find((b: { invoer: string }) => /filter/.test(b.invoer)).aantal).toBe(f.buiten);
    const geo = JSON.parse(readFileSync(join(filtered.dir, 'out', 'signalen.geojson'), 'utf8'));
    expect(geo.features.length).toBe(want.length);
    // signals are those of the whole area (references and dead bands before the filter)
    const before = new Map(split.rows.map((r) => [r.code, r.categorie]));
    for (const r of filtered.rows) expect(r.categorie).toBe(before.get(r.code));
    expect(Object.values(f.categorieen_buiten as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(f.buiten);
  });

  it('filter corporatieklasse on the KWB share keeps the corporatiebuurten only', () => {
    const want = split.rows.filter((r) => Number(r.C_kwb) > 200 / 3 && r.C_kwb !== '').map((r) => r.code);
    expect(want.length).toBeGreaterThan(5);
    expect(byClass.rows.map((r) => r.code)).toEqual(want);
    expect(byClass.summary.corporatie.C).toBe('kwb');
  });
});

describe('unusable corporation files (issue 18)', () => {
  it('a lettings list given as stock list: one line naming the file and what was expected, exit 1', async () => {
    const r = await run({ indicators: { K: { source: 'verhuringen' } }, inputs: { ...(config({}).inputs as Record<string, unknown>), corporatie: { bezit: ['corporatie/synthetisch_verhuringen_wooncooperatie-de-eendracht_2012-2022.csv'], verhuringen: ['corporatie/synthetisch_verhuringen_wooncooperatie-de-eendracht_2012-2022.csv'] } } });
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n').filter((l) => !/^veerkracht run: (invoer|corporatiebestanden|geen)/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/synthetisch_verhuringen_wooncooperatie-de-eendracht_2012-2022\.csv, line 1/);
    expect(lines[0]).toMatch(/postcode/i);
    expect(lines[0]).not.toMatch(/\n\s+at /);
  });
});
