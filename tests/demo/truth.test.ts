import { describe, expect, it } from 'vitest';
import { demoText, records, splitCsv } from './files.js';

// Independent recomputation from the published files: ΔK from the KWB CSVs 2014 and 2022 (low
// income %), Δonv from the Leefbaarometer file, for buurten whose code is in both indelingen.
const truth = records(demoText('synthetisch_truth.csv'), ',');

function kwbColumn(file: string, stem: RegExp): Map<string, number> {
  const [head, ...rows] = splitCsv(demoText(file), ',');
  const k = head.findIndex((h) => stem.test(h));
  const out = new Map<string, number>();
  for (const r of rows) if (r[3].trim() === 'Buurt' && r[k].trim() !== '.') out.set(r[1].trim(), Number(r[k]));
  return out;
}
const k2014 = kwbColumn('kwb/synthetisch_kwb2014_82931NED.csv', /^HuishoudensMetEenLaagInkomen_/);
const k2022 = kwbColumn('kwb/synthetisch_kwb2022_85318NED.csv', /^HuishoudensMetEenLaagInkomen_/);
const onv = new Map<string, number>();
for (const r of records(demoText('leefbaarometer/synthetisch_leefbaarometer-scores-buurten-2014-2022.csv'), ',')) {
  if (r.onv !== 'NA') onv.set(`${r.bu_code}|${r.jaar}`, Number(r.onv));
}

const byType = (t: string): Array<{ dk: number; donv: number }> =>
  truth
    .filter((r) => r.traject === t && k2014.has(r.buurtcode) && k2022.has(r.buurtcode) && onv.has(`${r.buurtcode}|2014`))
    .map((r) => ({ dk: k2022.get(r.buurtcode)! - k2014.get(r.buurtcode)!, donv: onv.get(`${r.buurtcode}|2022`)! - onv.get(`${r.buurtcode}|2014`)! }));
const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

describe('planted truth', () => {
  it('has all four trajectories with their expected signal, in clusters', () => {
    const counts = new Map<string, number>();
    for (const r of truth) counts.set(r.traject, (counts.get(r.traject) ?? 0) + 1);
    for (const t of ['spiraal', 'veerkrachtig', 'leefbaarheid']) expect(counts.get(t)! / truth.length).toBeGreaterThan(0.05);
    expect(counts.get('stabiel')! / truth.length).toBeGreaterThan(0.6);
    const signal = Object.fromEntries(truth.map((r) => [r.traject, r.verwacht_signaal]));
    expect(signal).toEqual({ spiraal: 'veerkracht_onder_druk', veerkrachtig: 'kwetsbaarheid_neemt_toe', leefbaarheid: 'leefbaarheid_verslechtert', stabiel: 'geen_signaal' });
    // clustering: most planted buurten share their cluster with another buurt
    const clusters = new Map<string, number>();
    for (const r of truth) if (r.cluster !== '-1') clusters.set(r.cluster, (clusters.get(r.cluster) ?? 0) + 1);
    const inShared = [...clusters.values()].filter((n) => n > 1).reduce((a, b) => a + b, 0);
    expect(inShared / [...clusters.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0.7);
  });

  it('the published files show the planted signs of ΔK and Δonv in aggregate', () => {
    const sp = byType('spiraal');
    const vk = byType('veerkrachtig');
    const lb = byType('leefbaarheid');
    const st = byType('stabiel');
    for (const g of [sp, vk, lb, st]) expect(g.length).toBeGreaterThan(8);
    expect(mean(sp.map((x) => x.dk))).toBeGreaterThan(2.5);
    expect(mean(vk.map((x) => x.dk))).toBeGreaterThan(2.5);
    expect(mean(lb.map((x) => x.dk))).toBeLessThan(0.5);
    expect(mean(st.map((x) => x.dk))).toBeLessThan(0.5);
    expect(mean(sp.map((x) => x.donv))).toBeLessThan(-0.03);
    expect(mean(lb.map((x) => x.donv))).toBeLessThan(-0.03);
    expect(mean(vk.map((x) => x.donv))).toBeGreaterThan(0);
    expect(mean(st.map((x) => x.donv))).toBeGreaterThan(0);
    // and per buurt: every spiral buurt's K rose and onv fell
    for (const x of sp) {
      expect(x.dk).toBeGreaterThan(0);
      expect(x.donv).toBeLessThan(0);
    }
  });

  it('lists every buurt of the latest indeling once, with its earlier code(s)', () => {
    const geo = JSON.parse(demoText('geo/synthetisch_buurten_2019-2022_rd.geojson'));
    const codes = geo.features.map((f: { properties: { buurtcode: string } }) => f.properties.buurtcode).sort();
    expect(truth.map((r) => r.buurtcode).sort()).toEqual(codes);
    expect(truth.filter((r) => r.buurtcode_t0.includes('+')).length).toBe(1); // the merged buurt
  });
});
