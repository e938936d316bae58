// `veerkracht run` on real open data as researchers have it, no file converted: the national KWB
// 2017 export, a processed KWB 2021 table with a column mapping, the official Leefbaarometer
// wijk file (ΔO per wijk for every buurt) and the 2023 Utrecht buurten. The categories are
// checked one for one against an independent computation of the README rules, written here from
// the raw files with a minimal CSV parser (no code of src/ is used for the expected values).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/shared.js';
import { plainNumber as num, plainRows as rows } from '../helpers/plain-csv.js';

interface Expected {
  cat: Map<string, string>;
  tK: number;
  tO: number;
}

/** The README rules, from scratch: relatief (leave-one-out in the gemeente) or absoluut (0). */
function expected(variant: 'relatief' | 'absoluut'): Expected {
  const geo = JSON.parse(readFileSync(sharedData('geo/buurten_2023_GM0344_utrecht_wgs84.geojson'), 'utf8')) as { features: { properties: { statcode: string } }[] };
  const codes = geo.features.map((f) => f.properties.statcode);
  const k17 = new Map(rows(sharedData('kwb/kwb2017_83765NED_nl_22topics.csv')).map((r) => [r.WijkenEnBuurten, r]));
  const k21 = new Map(rows(sharedData('kwb/kwb2021_10gemeenten_buurten_translated.csv')).map((r) => [r.gwb_code, r]));
  const onv = new Map<string, number>();
  for (const r of rows(sharedData('leefbaarometer/Leefbaarometer-scores wijken 2002-2022.csv'))) onv.set(`${r.wk_code}|${r.jaar}`, num(r.onv));
  const b = codes.map((code) => {
    const a = k17.get(code);
    const c = k21.get(code);
    const wk = `WK${code.slice(2, 8)}`;
    const inw0 = num(a?.AantalInwoners_5);
    const inw1 = num(c?.['Number of inhabitants']);
    const dK = num(c?.p_low_income_household) - num(a?.HuishoudensMetEenLaagInkomen_72);
    const dO = (onv.get(`${wk}|2022`) ?? NaN) - (onv.get(`${wk}|2018`) ?? NaN);
    const usable = inw0 >= 100 && inw1 >= 100 && Number.isFinite(dK) && Number.isFinite(dO);
    return { code, inw1, dK, dO, usable };
  });
  const ref = (i: number, key: 'dK' | 'dO') => {
    if (variant === 'absoluut') return 0;
    let num_ = 0;
    let den = 0;
    b.forEach((x, j) => {
      if (j !== i && x.usable && x.inw1 > 0) (num_ += x.inw1 * x[key]), (den += x.inw1);
    });
    return num_ / den;
  };
  const devK: number[] = [];
  const devO: number[] = [];
  const dev = b.map((x, i) => (x.usable ? { k: x.dK - ref(i, 'dK'), o: x.dO - ref(i, 'dO') } : null));
  for (const d of dev) if (d) devK.push(d.k), devO.push(d.o);
  const sd = (xs: number[]) => {
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
  };
  const tK = 0.5 * sd(devK);
  const tO = 0.5 * sd(devO);
  const cat = new Map<string, string>();
  b.forEach((x, i) => {
    const d = dev[i];
    if (!d) return cat.set(x.code, 'onvoldoende_gegevens');
    const up = d.k > tK;
    const worse = d.o < -tO;
    cat.set(x.code, up && worse ? 'veerkracht_onder_druk' : up ? 'kwetsbaarheid_neemt_toe' : worse ? 'leefbaarheid_verslechtert' : 'geen_signaal');
  });
  return { cat, tK, tO };
}

const config = {
  level: 'buurt',
  area: ['GM0344'],
  period: { t0: 2018, t1: 2022, K: { t0: 2017, t1: 2021 } },
  inputs: {
    kwb: {
      '2017': sharedData('kwb/kwb2017_83765NED_nl_22topics.csv'),
      '2021': {
        file: sharedData('kwb/kwb2021_10gemeenten_buurten_translated.csv'),
        columns: { code: 'gwb_code', naam: 'regio', inwoners: 'Number of inhabitants', laag_inkomen_huishoudens_pct: 'p_low_income_household' },
      },
    },
    leefbaarometer: sharedData('leefbaarometer/Leefbaarometer-scores wijken 2002-2022.csv'),
    boundaries: { t1: sharedData('geo/buurten_2023_GM0344_utrecht_wgs84.geojson') },
  },
  indicators: { O: { dimension: 'onv', level: 'wijk' } },
};

let out: string;
let stderr: string;
let csv: Record<string, string>[];
let summary: Record<string, any>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vk-real-utrecht-'));
  writeFileSync(join(dir, 'run.json'), JSON.stringify(config));
  out = join(dir, 'out');
  const r = await runCli(['run', '--config', join(dir, 'run.json'), '--out', out]);
  stderr = r.err;
  expect(r.code, r.err).toBe(0);
  csv = rows(join(out, 'signalen-plain.csv'));
  summary = JSON.parse(readFileSync(join(out, 'samenvatting.json'), 'utf8'));
}, 120_000);

describe('veerkracht run on the real Utrecht data (KWB 2017 → 2021, Leefbaarometer wijk 2018 → 2022)', () => {
  it('maps exactly the 111 buurten of the study area, none from elsewhere', () => {
    expect(csv).toHaveLength(111);
    expect(csv.every((r) => r.code.startsWith('BU0344'))).toBe(true);
    expect(summary.buurten).toBe(111);
  });

  it('relatief categories agree one for one with an independent computation', () => {
    const e = expected('relatief');
    const diff = csv.filter((r) => e.cat.get(r.code) !== r.categorie_relatief).map((r) => `${r.code}: ${r.categorie_relatief} ≠ ${e.cat.get(r.code)}`);
    expect(diff).toEqual([]);
    expect(summary.parameters.thresholds.relatief.K.value).toBeCloseTo(e.tK, 5);
    expect(summary.parameters.thresholds.relatief.O.value).toBeCloseTo(e.tO, 5);
    // the counts are not trivial: every category occurs
    expect(new Set(csv.map((r) => r.categorie_relatief)).size).toBe(5);
  });

  it('absoluut gets its own dead bands from its own deviations and agrees one for one too', () => {
    const e = expected('absoluut');
    const diff = csv.filter((r) => e.cat.get(r.code) !== r.categorie_absoluut).map((r) => `${r.code}: ${r.categorie_absoluut} ≠ ${e.cat.get(r.code)}`);
    expect(diff).toEqual([]);
    expect(summary.parameters.thresholds.absoluut.K.value).toBeCloseTo(e.tK, 5);
    expect(summary.parameters.thresholds.absoluut.K.value).not.toBeCloseTo(summary.parameters.thresholds.relatief.K.value, 5);
  });

  it('every buurt takes the ΔO of its wijk, and says so (O_niveau, summary, map subtitle)', () => {
    const byWijk = new Map<string, Set<string>>();
    for (const r of csv) {
      if (r.dO === '') continue;
      const wk = `WK${r.code.slice(2, 8)}`;
      byWijk.set(wk, (byWijk.get(wk) ?? new Set()).add(r.dO));
    }
    expect(byWijk.size).toBe(10);
    for (const s of byWijk.values()) expect(s.size).toBe(1);
    expect(new Set(csv.map((r) => r.O_niveau))).toEqual(new Set(['wijk']));
    expect(summary.parameters.indicators.O_niveau).toBe('wijk');
    expect(summary.period).toEqual({ t0: 2018, t1: 2022, K: { t0: 2017, t1: 2021 }, O: { t0: 2018, t1: 2022 } });
    const svg = readFileSync(join(out, 'signaleringskaart.svg'), 'utf8');
    expect(svg).toContain('K 2017–2021 · O 2018–2022 (ΔO per wijk)');
  });

  it('counts what lies outside the study area in one line per input, and never draws it', () => {
    // national KWB 2017: 13,198 buurten, 111 of them in Utrecht
    expect(stderr).toContain('13.087 buurten van KWB 2017 buiten het studiegebied (GM0344)');
    const kwb17 = summary.reports.studiegebied.buiten.find((b: { invoer: string }) => b.invoer === 'KWB 2017');
    expect(kwb17.aantal).toBe(13198 - 111);
    expect(summary.categories.onvoldoende_gegevens.buurten).toBe(csv.filter((r) => r.categorie === 'onvoldoende_gegevens').length);
  });

  it('names every buurt and its gemeente (names from the KWB inputs, codes kept beside them)', () => {
    expect(new Set(csv.map((r) => r.gemeentenaam))).toEqual(new Set(['Utrecht']));
    expect(csv.find((r) => r.code === 'BU03440111')?.naam).toBe('Welgelegen, Den Hommel');
    expect(summary.gemeenten.map((g: { code: string; naam: string }) => [g.code, g.naam])).toEqual([['GM0344', 'Utrecht']]);
    // each buurt's wijk, named as the Leefbaarometer wijk file names it (the KWB export has codes only)
    const wijkNaam = new Map(rows(sharedData('leefbaarometer/Leefbaarometer-scores wijken 2002-2022.csv')).map((r) => [r.wk_code, r.wk_naam]));
    for (const r of csv) {
      expect(r.wijk).toBe(`WK${r.code.slice(2, 8)}`);
      expect(r.wijknaam, r.code).toBe(wijkNaam.get(r.wijk));
    }
  });

  it('prints the warnings on stderr as well', () => {
    expect(stderr).toContain('waarschuwing: KWB 2017: geen corporatiebezit in deze editie');
  });
});

describe('a repeated region row in a mapped KWB table', () => {
  it('stops the run with the file, both lines and the code (not "line 2" after the whole pipeline)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-real-dup-'));
    const src = readFileSync(sharedData('kwb/kwb2021_10gemeenten_buurten_translated.csv'), 'utf8').split('\n');
    const first = src.findIndex((l) => l.includes('"BU03440111"'));
    src.splice(first + 3, 0, src[first]);
    const table = join(dir, 'kwb2021.csv');
    writeFileSync(table, src.join('\n'));
    const c = structuredClone(config) as typeof config;
    (c.inputs.kwb['2021'] as { file: string }).file = table;
    writeFileSync(join(dir, 'run.json'), JSON.stringify(c));
    const r = await runCli(['run', '--config', join(dir, 'run.json'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${table}, line ${first + 4}, column "code": buurt BU03440111 occurs twice`);
    expect(r.err).toContain(`on line ${first + 1} and line ${first + 4}`);
    expect(r.err).not.toMatch(/\n\s+at /);
  }, 60_000);
});
