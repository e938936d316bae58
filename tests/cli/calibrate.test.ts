import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe as group, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'vk-calibrate-'));
const file = join(dir, 'buurten.csv');
// planted: dK = 0.1..1.0, every O worse; 1000 inwoners each, the last 10000; one buurt without data
const rows = Array.from({ length: 10 }, (_, i) => `BU${i},${(i + 1) / 10},-5,${i === 9 ? 10000 : 1000},GM1`);
writeFileSync(file, ['code,dk,do,inwoners,gemeente', ...rows, 'BU10,,-1,500,GM1'].join('\n') + '\n');

group('veerkracht calibrate', () => {
  it('target in buurten: JSON states the chosen thresholds and the counts at them', async () => {
    const r = await runCli(['calibrate', file, '--dk', 'dk', '--do', 'do', '--target-category', 'veerkracht_onder_druk', '--target-buurten', '3', '--json']);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.mode).toBe('target');
    expect(j.thresholds).toEqual({ tK: 0.7, tO: 0 });
    expect(j.target).toMatchObject({ category: 'veerkracht_onder_druk', measure: 'buurten', value: 3, achieved: 3, next_threshold: 0.8 });
    expect(j.counts.buurten).toEqual({
      veerkracht_onder_druk: 3,
      kwetsbaarheid_neemt_toe: 0,
      leefbaarheid_verslechtert: 7,
      geen_signaal: 0,
      onvoldoende_gegevens: 1,
    });
  });

  it('target in inwoners with --weights', async () => {
    const r = await runCli(['calibrate', file, '--dk', 'dk', '--do', 'do', '--weights', 'inwoners', '--target-category', 'veerkracht_onder_druk', '--target-inwoners', '11000', '--json']);
    const j = JSON.parse(r.out);
    expect(j.thresholds.tK).toBe(0.8);
    expect(j.counts.inwoners.veerkracht_onder_druk).toBe(11000);
    expect(j.counts.inwoners.onvoldoende_gegevens).toBe(500);
  });

  it('sweep over a grid: one row per grid point, counts equal to planted truth', async () => {
    const r = await runCli(['calibrate', file, '--dk', 'dk', '--do', 'do', '--grid-k', '0:1:0.25', '--grid-o', '0,4.9,5', '--json']);
    const j = JSON.parse(r.out);
    expect(j.mode).toBe('sweep');
    expect(j.sweep).toHaveLength(15);
    const at = (tK: number, tO: number) => j.sweep.find((x: { tK: number; tO: number }) => x.tK === tK && x.tO === tO);
    expect(at(0.5, 0).buurten_veerkracht_onder_druk).toBe(5); // dK > 0.5: 0.6..1.0
    expect(at(0.5, 5).buurten_veerkracht_onder_druk).toBe(0); // −5 < −5 is false
    expect(at(0.5, 5).buurten_kwetsbaarheid_neemt_toe).toBe(5);
    expect(at(1, 4.9).buurten_geen_signaal).toBe(0);
  });

  it('usage errors exit 2 with one line', async () => {
    const a = await runCli(['calibrate', file, '--dk', 'dk']);
    expect(a.code).toBe(2);
    const b = await runCli(['calibrate', file, '--dk', 'dk', '--do', 'do', '--target-category', 'onvoldoende_gegevens', '--target-buurten', '1']);
    expect(b.code).toBe(2);
    expect(b.err.trim().split('\n')).toHaveLength(1);
    const c = await runCli(['calibrate', file, '--dk', 'dk', '--do', 'do', '--target-category', 'geen_signaal', '--target-inwoners', '5']);
    expect(c.err).toContain('--weights');
    const d = await runCli(['calibrate', file, '--dk', 'dk', '--do', 'do', '--grid-k', '-1,2']);
    expect(d.code).toBe(2);
  });

  it('text output lists counts per category', async () => {
    const r = await runCli(['calibrate', file, '--dk', 'dk', '--do', 'do', '--tk', '0.5']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/veerkracht_onder_druk\s+5 buurten/);
  });
});

group('veerkracht calibrate on a run\'s signalen.csv (issue 21)', () => {
  // A run folder: signalen.csv as `run` writes it (excel-nl: BOM, ';', decimal comma) and
  // samenvatting.json with the variant. Planted: dK − refK = 0.1 … 1.0 with large per-buurt
  // refK (relatief), dO − refO = −5 everywhere.
  const runDir = mkdtempSync(join(tmpdir(), 'vk-calibrate-run-'));
  const signalen = join(runDir, 'signalen.csv');
  const refK = (i: number) => 2 * i + 0.25;
  const dK = (i: number) => (i + 1) / 10 + refK(i);
  const nlNum = (x: number) => String(Math.round(x * 1e6) / 1e6).replace('.', ',');
  const lines = Array.from({ length: 10 }, (_, i) => [`BU9901000${i}`, '1000', nlNum(dK(i)), '-5,1', nlNum(refK(i)), '-0,1', 'geen_signaal', 'geen_signaal', 'geen_signaal'].join(';'));
  writeFileSync(signalen, `\uFEFFcode;inwoners;dK;dO;refK;refO;categorie;categorie_absoluut;categorie_relatief\r\n${lines.join('\r\n')}\r\n`);
  writeFileSync(join(runDir, 'samenvatting.json'), JSON.stringify({ parameters: { variant: 'relatief', reference: { absoluut: { K: 2, O: 0 } } } }));

  it('uses the run\'s refK/refO and variant by default and says so', async () => {
    const r = await runCli(['calibrate', signalen, '--dk', 'dK', '--do', 'dO', '--target-category', 'veerkracht_onder_druk', '--target-buurten', '3', '--json']);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.thresholds.tK).toBeCloseTo(0.7, 9); // 3 buurten with dK − refK > 0.7: 0.8, 0.9, 1.0
    expect(j.counts.buurten.veerkracht_onder_druk).toBe(3);
    expect(j.reference.variant).toBe('relatief');
    expect(j.reference.variant_source).toBe('samenvatting.json');
    const t = await runCli(['calibrate', signalen, '--dk', 'dK', '--do', 'dO', '--tk', '0,45']);
    expect(t.out).toContain('references: refK = column refK of the run, refO = column refO of the run; variant relatief (from samenvatting.json)');
    expect(t.out).toMatch(/veerkracht_onder_druk\s+6 buurten/); // 0.5 … 1.0 > 0.45
  });

  it('--variant absoluut uses the absoluut references of samenvatting.json (refK = 2)', async () => {
    const r = await runCli(['calibrate', signalen, '--dk', 'dK', '--do', 'dO', '--variant', 'absoluut', '--tk', '1', '--json']);
    const j = JSON.parse(r.out);
    const expected = Array.from({ length: 10 }, (_, i) => dK(i)).filter((x) => x - 2 > 1).length;
    expect(j.counts.buurten.veerkracht_onder_druk).toBe(expected);
    expect(j.reference.variant).toBe('absoluut');
    const bad = await runCli(['calibrate', signalen, '--dk', 'dK', '--do', 'dO', '--variant', 'gemiddeld']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('absoluut, relatief');
  });

  it('prints thresholds rounded in Dutch notation (tK = 3,126, not 3.1264730000000003); decimal commas and category names as typed', async () => {
    const f = join(dir, 'round.csv');
    writeFileSync(f, ['code,dk,do', 'BU1,1,-1', 'BU2,2,-1', 'BU3,3.1264730000000003,-1', 'BU4,4.5,-1', 'BU5,5,-1'].join('\n') + '\n');
    const r = await runCli(['calibrate', f, '--dk', 'dk', '--do', 'do', '--target-category', 'Veerkracht onder druk', '--target-buurten', '2']);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/at tK = 3,126, tO = 0 \(same counts up to tK < 4,5\)/);
    expect(r.out).not.toContain('3.126473');
    const a = JSON.parse((await runCli(['calibrate', file, '--dk', 'dk', '--do', 'do', '--tk', '0,55', '--json'])).out);
    const b = JSON.parse((await runCli(['calibrate', file, '--dk', 'dk', '--do', 'do', '--tk', '0.55', '--json'])).out);
    expect(a.counts).toEqual(b.counts);
    expect(a.counts.buurten.veerkracht_onder_druk).toBe(5); // 0.6 … 1.0
    const c = await runCli(['calibrate', file, '--dk', 'dk', '--do', 'do', '--target-category', 'kwetsbaarheid-neemt-toe', '--target-buurten', '0', '--json']);
    expect(JSON.parse(c.out).target.category).toBe('kwetsbaarheid_neemt_toe');
    const d = await runCli(['calibrate', file, '--dk', 'dk', '--do', 'do', '--target-category', 'druk', '--target-buurten', '0']);
    expect(d.code).toBe(2);
    expect(d.err).toContain('veerkracht_onder_druk, kwetsbaarheid_neemt_toe, leefbaarheid_verslechtert, geen_signaal');
  });
});
