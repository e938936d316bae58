import { describe, expect, it } from 'vitest';
import { demoText, splitCsv, records } from './files.js';

// Measured from the committed files with the test's own arithmetic, against the national
// targets of issue 5 (KWB 2017 deciles, low-income mean and suppression, Leefbaarometer onv).
const q7 = (v: number[], p: number): number => {
  const s = v.slice().sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * (s[Math.min(s.length - 1, lo + 1)] - s[lo]);
};
const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
const sd = (v: number[]): number => Math.sqrt(mean(v.map((x) => (x - mean(v)) ** 2)));

describe('realism of the demo region', () => {
  const [head, ...rows] = splitCsv(demoText('kwb/synthetisch_kwb2017_83765NED.csv'), ',');
  const buurten = rows.filter((r) => r[3].trim() === 'Buurt');
  const inw = buurten.map((r) => Number(r[head.indexOf('AantalInwoners_5')]));
  const li = buurten.map((r) => r[head.indexOf('HuishoudensMetEenLaagInkomen_72')].trim());
  const corp = buurten.map((r) => r[head.indexOf('InBezitWoningcorporatie_42')].trim()).filter((v) => v !== '.').map(Number);

  it('buurt inhabitants follow the national deciles of 2017 (within 15 %)', () => {
    const target = [45, 125, 235, 410, 680, 1045, 1485, 2121, 3300];
    target.forEach((t, k) => expect(Math.abs(q7(inw, (k + 1) / 10) - t) / t).toBeLessThan(0.15));
    expect(inw.filter((v) => v === 0).length).toBeGreaterThan(0);
  });

  it('% low-income households: mean ≈ 6.7, deciles ≈ 1.9 … 14.0, suppressed for ≈ 31 % of small buurten', () => {
    const vals = li.filter((v) => v !== '.').map(Number);
    expect(mean(vals)).toBeGreaterThan(5.7);
    expect(mean(vals)).toBeLessThan(7.7);
    expect(q7(vals, 0.1)).toBeGreaterThan(1.2);
    expect(q7(vals, 0.1)).toBeLessThan(2.6);
    expect(q7(vals, 0.9)).toBeGreaterThan(11.5);
    expect(q7(vals, 0.9)).toBeLessThan(16.5);
    const sup = li.filter((v) => v === '.').length / li.length;
    expect(sup).toBeGreaterThan(0.24);
    expect(sup).toBeLessThan(0.38);
  });

  it('corporation share spans 0–100 % with about a sixth of buurten above two thirds', () => {
    expect(Math.min(...corp)).toBeLessThan(3);
    expect(Math.max(...corp)).toBeGreaterThan(85);
    const share = corp.filter((c) => c > 200 / 3).length / corp.length;
    expect(share).toBeGreaterThan(0.11);
    expect(share).toBeLessThan(0.23);
  });

  it('onv: mean ≈ 0.04, sd ≈ 0.07; change 2014→2022 sd ≈ 0.03 with about a third worse', () => {
    const lbm = records(demoText('leefbaarometer/synthetisch_leefbaarometer-scores-buurten-2014-2022.csv'), ',').filter((r) => r.onv !== 'NA');
    const v = lbm.map((r) => Number(r.onv));
    expect(Math.abs(mean(v) - 0.04)).toBeLessThan(0.01);
    expect(Math.abs(sd(v) - 0.07)).toBeLessThan(0.015);
    const at = new Map(lbm.map((r) => [`${r.bu_code}|${r.jaar}`, Number(r.onv)]));
    const d: number[] = [];
    for (const r of lbm) if (r.jaar === '2014' && at.has(`${r.bu_code}|2022`)) d.push(at.get(`${r.bu_code}|2022`)! - Number(r.onv));
    expect(Math.abs(sd(d) - 0.03)).toBeLessThan(0.01);
    const worse = d.filter((x) => x < 0).length / d.length;
    expect(worse).toBeGreaterThan(0.25);
    expect(worse).toBeLessThan(0.42);
  });
});
