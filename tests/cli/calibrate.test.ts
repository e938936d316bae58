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
