// The main job on the synthetic demo region: the planted truth (data/demo/synthetisch_truth.csv,
// written by the generator and never read by the library) must be recovered.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoConfig } from '../../src/run/config.js';
import { runJob, runPipeline } from '../../src/run/job.js';
import { loadKwb } from '../../src/run/load.js';
import type { Boundaries } from '../../src/sources/boundaries/types.js';
import type { SignalResult as PipelineResult } from '../../src/run/compute.js';
import { mapSpecs, prepareDrawing, runFigures, type PreparedDrawing } from '../../src/run/figures.js';
import { inProcessFigures, writeRunOutputs, type FigureWriter } from '../../src/run/write.js';
import { changeDirection, signalCategory, type SignalCategory } from '../../src/signal/categories.js';
import { countByCategory } from '../../src/signal/summary.js';

const home = new URL('../..', import.meta.url).pathname;

function truth(): Map<string, string> {
  const lines = readFileSync(join(home, 'data/demo/synthetisch_truth.csv'), 'utf8').trim().split(/\r?\n/);
  const h = lines[0].split(',');
  return new Map(lines.slice(1).map((l) => {
    const c = l.split(',');
    return [c[h.indexOf('buurtcode')], c[h.indexOf('verwacht_signaal')]];
  }));
}

function precisionRecall(codes: string[], got: string[], want: Map<string, string>, category: string) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  codes.forEach((c, i) => {
    const t = want.get(c) === category;
    const p = got[i] === category;
    if (t && p) tp++;
    else if (p) fp++;
    else if (t) fn++;
  });
  return { tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

let r: PipelineResult;
beforeAll(async () => {
  r = await runPipeline(demoConfig(home));
});

describe('runPipeline on the demo region (defaults)', () => {
  it('recovers the planted downward spirals: absoluut precision 1.0 and recall 1.0 (21 spirals)', () => {
    const codes = r.signalen.array('code') as string[];
    const pr = precisionRecall(codes, r.signalen.array('categorie_absoluut') as string[], truth(), 'veerkracht_onder_druk');
    expect(pr.tp + pr.fn).toBe(21);
    expect(pr.precision).toBeGreaterThanOrEqual(0.95);
    expect(pr.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('relatief (the default) keeps precision; recall is lower where a whole gemeente moved (measured 0.90)', () => {
    const codes = r.signalen.array('code') as string[];
    const pr = precisionRecall(codes, r.signalen.array('categorie') as string[], truth(), 'veerkracht_onder_druk');
    expect(pr.precision).toBeGreaterThanOrEqual(0.95);
    expect(pr.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('every buurt of the t1 indeling gets exactly one category; counts add up', () => {
    const n = r.boundaries.features.length;
    expect(r.signalen.numRows()).toBe(n);
    const counts = countByCategory(r.signalen);
    const total = Object.values(counts).reduce((s, c) => s + c.buurten, 0);
    expect(total).toBe(n);
    const inw = (r.signalen.array('inwoners') as (number | null)[]).reduce<number>((s, v) => s + (v ?? 0), 0);
    expect(Object.values(counts).reduce((s, c) => s + c.inwoners, 0)).toBeCloseTo(inw, 6);
  });

  it('onvoldoende gegevens always carries its reason, a usable buurt never does', () => {
    const cat = r.signalen.array('categorie') as string[];
    const reden = r.signalen.array('reden') as (string | null)[];
    cat.forEach((c, i) => expect(c === 'onvoldoende_gegevens').toBe(reden[i] !== null));
  });

  it('the split and merged buurten of 2019 get their t0 values through the crosswalk', () => {
    expect(r.reports.crosswalk?.split).toEqual([{ from: 'BU99010002', to: ['BU99010009', 'BU99010010'] }]);
    expect(r.reports.crosswalk?.merged).toEqual([{ to: 'BU99010209', from: ['BU99010200', 'BU99010201'] }]);
    const rows = r.signalen.objects() as { code: string; reden: string | null; K0: number | null }[];
    for (const code of ['BU99010009', 'BU99010010', 'BU99010209']) {
      const row = rows.find((x) => x.code === code)!;
      expect(row.reden).not.toBe('grens niet gematcht');
    }
  });

  it('absoluut and relatief differ exactly where the references put a buurt on the other side of a dead band', () => {
    const rows = r.signalen.objects() as Record<string, number | string | null>[];
    const tK = r.thresholds.K.value;
    const tO = r.thresholds.O.value;
    let differ = 0;
    for (const row of rows) {
      for (const v of ['absoluut', 'relatief'] as const) {
        if (row.reden !== null) continue;
        const rk = row[`refK_${v}`] as number | null;
        const ro = row[`refO_${v}`] as number | null;
        const k = changeDirection(row.dK as number, rk, tK);
        const o = changeDirection(row.dO as number, ro, tO);
        const want: SignalCategory = k === null || o === null ? 'onvoldoende_gegevens' : signalCategory(k === 'toename', o === 'afname');
        expect(row[`categorie_${v}`]).toBe(want);
      }
      if (row.categorie_absoluut !== row.categorie_relatief) differ++;
    }
    expect(differ).toBeGreaterThan(0);
  });

  it('the relatief reference of a buurt is its gemeente without itself', () => {
    const rows = r.signalen.objects() as { code: string; gemeente: string; dK: number; inwoners: number; reden: string | null; refK_relatief: number | null }[];
    const row = rows.find((x) => x.reden === null)!;
    const others = rows.filter((x) => x.gemeente === row.gemeente && x.code !== row.code && x.reden === null && x.inwoners > 0);
    const want = others.reduce((s, x) => s + x.inwoners * x.dK, 0) / others.reduce((s, x) => s + x.inwoners, 0);
    expect(row.refK_relatief).toBeCloseTo(want, 9);
  });

  it('the default dead bands are 0.5·sd of the deviations from the reference', () => {
    const rows = r.signalen.objects() as { dK: number; refK: number; reden: string | null }[];
    const dev = rows.filter((x) => x.reden === null).map((x) => x.dK - x.refK);
    const mean = dev.reduce((s, x) => s + x, 0) / dev.length;
    const sd = Math.sqrt(dev.reduce((s, x) => s + (x - mean) ** 2, 0) / (dev.length - 1));
    expect(r.thresholds.K.value).toBeCloseTo(0.5 * sd, 9);
  });
});

describe('writeRunOutputs', () => {
  it('writes the files of the CLI contract, byte-identical on a second run', async () => {
    const a = mkdtempSync(join(tmpdir(), 'vk-run-a-'));
    const b = mkdtempSync(join(tmpdir(), 'vk-run-b-'));
    const files = await writeRunOutputs(r, runFigures(r), a);
    const r2 = await runPipeline(demoConfig(home));
    await writeRunOutputs(r2, runFigures(r2), b);
    for (const f of ['signaleringskaart.svg', 'signaleringskaart.png', 'signaleringskaart.html', 'signalen.geojson', 'signalen.csv', 'samenvatting.json']) {
      expect(files).toContain(f);
    }
    const listed = readdirSync(a, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => relative(a, join(d.parentPath ?? d.path, d.name)));
    expect(listed.sort()).toEqual([...files].sort());
    expect(files).toContain('signalen.xlsx');
    expect(files).toContain('gemeenten/index.html');
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  it('samenvatting.json carries categories, gemeenten, parameters, inputs with checksums and the version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-run-s-'));
    await writeRunOutputs(r, runFigures(r), dir);
    const s = JSON.parse(readFileSync(join(dir, 'samenvatting.json'), 'utf8'));
    const pkg = JSON.parse(readFileSync(join(home, 'package.json'), 'utf8'));
    expect(s.version).toBe(pkg.version);
    expect(s.synthetic).toBe(true);
    expect(Object.keys(s.categories).sort()).toEqual(['geen_signaal', 'kwetsbaarheid_neemt_toe', 'leefbaarheid_verslechtert', 'onvoldoende_gegevens', 'veerkracht_onder_druk']);
    expect(s.gemeenten.map((g: { code: string }) => g.code)).toEqual(['GM9901', 'GM9902', 'GM9903', 'GM9904']);
    const sumG = s.gemeenten.reduce((t: number, g: { buurten: number }) => t + g.buurten, 0);
    expect(sumG).toBe(s.buurten);
    expect(s.gemeenten_met_veerkracht_onder_druk).toBe(s.gemeenten.filter((g: { onder_druk: boolean }) => g.onder_druk).length);
    expect(s.inputs.length).toBeGreaterThanOrEqual(5);
    for (const i of s.inputs) expect(i.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(s.parameters.thresholds.K.value).toBeCloseTo(r.thresholds.K.value, 6);
  });
});

describe('runFigures with the drawing of the boundaries made ahead of time', () => {
  const outlineLayer = (spec: unknown) => (spec as { layer: { data: { values: { properties: { code: string } }[] } }[] }).layer[1].data.values;
  const planted = () => {
    const features = r.boundaries.features;
    // planted stand-ins: one outline only, and every buurt drawn as the same small square
    const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]] };
    return {
      checksum: r.boundaries.provenance.checksum!,
      codes: features.map((f) => f.properties.code),
      drawn: features.map((f) => ({ ...f, geometry: square })),
      outlines: [{ ...features[0], properties: { code: 'GM9999', name: null } }],
    };
  };

  it('uses it when it was made from the very boundaries of the result', () => {
    expect(outlineLayer(runFigures(r).signaleringskaart).length).toBeGreaterThan(1);
    const d = planted();
    const figs = runFigures(r, { drawing: d });
    expect(outlineLayer(figs.signaleringskaart).map((f) => f.properties.code)).toEqual(['GM9999']);
    expect(outlineLayer(figs.focuskaart).map((f) => f.properties.code)).toEqual(['GM9999']);
    const region = figs.gemeenten!.pages[0].draft.input.regions[0];
    expect(region.geometry).toBe(d.drawn[0].geometry);
    // whoever made the drawing builds the same maps from it and the maps' content
    expect(figs.preparedMaps).not.toBeNull();
    const specs = mapSpecs({ features: d.drawn, crs: r.boundaries.crs }, { features: d.outlines, crs: r.boundaries.crs }, figs.preparedMaps!);
    expect(JSON.stringify(specs.signaleringskaart)).toBe(JSON.stringify(figs.signaleringskaart));
    expect(JSON.stringify(specs.focuskaart)).toBe(JSON.stringify(figs.focuskaart));
    expect(figs.preparedMaps!.codes).toEqual(r.signalen.array('code'));
    // drawn null: the boundaries themselves are drawn
    const exact = runFigures(r, { drawing: { ...d, drawn: null } });
    expect(exact.gemeenten!.pages[0].draft.input.regions[0].geometry).toBe(r.boundaries.features.find((f) => f.properties.code === region.code)!.geometry);
  });

  it('makes its own when the drawing came from another file or other features', () => {
    const own = JSON.stringify(runFigures(r).signaleringskaart);
    const d = planted();
    expect(JSON.stringify(runFigures(r, { drawing: { ...d, checksum: '0'.repeat(64) } }).signaleringskaart)).toBe(own);
    expect(JSON.stringify(runFigures(r, { drawing: { ...d, codes: [...d.codes].reverse() } }).signaleringskaart)).toBe(own);
    expect(JSON.stringify(runFigures(r, { drawing: { ...d, codes: d.codes.slice(1) } }).signaleringskaart)).toBe(own);
    expect(runFigures(r, { drawing: { ...d, checksum: '0'.repeat(64) } }).preparedMaps).toBeNull();
    expect(runFigures(r).preparedMaps).toBeNull();
  });
});

describe('runJob with a writer that loads inputs and makes the drawing elsewhere', () => {
  it('hands it the t1 boundaries, takes its tables and drawing, lets it build the maps, and writes the same files', async () => {
    const config = demoConfig(home);
    const plain = mkdtempSync(join(tmpdir(), 'vk-job-plain-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'vk-job-else-'));
    const { files } = await runJob(config, plain);
    const seen = { handed: 0, mapsBuilt: 0, specsSent: 0, kwbTaken: 0 };
    let made: PreparedDrawing | null = null;
    let t1: Boundaries | null = null;
    const year = String(config.period.K.t1);
    const writer: FigureWriter = {
      async write(list, options) {
        if (list.some((f) => f.spec !== undefined)) seen.specsSent++;
        await inProcessFigures.write(list, options);
      },
      prefetched: () => ({ kwb: { [year]: loadKwb(config.inputs.kwb[year], Number(year)).then((t) => (seen.kwbTaken++, t)) } }),
      drawFrom(b) {
        seen.handed++;
        t1 = b;
        made = prepareDrawing(b);
      },
      drawing: () => (made === null ? null : Promise.resolve(made)),
      async writeMaps(content, maps, options) {
        seen.mapsBuilt++;
        const specs = mapSpecs({ features: made!.drawn ?? t1!.features, crs: t1!.crs }, { features: made!.outlines, crs: t1!.crs }, content);
        await inProcessFigures.write([{ ...maps[0], spec: specs.signaleringskaart }, { ...maps[1], spec: specs.focuskaart }], options);
      },
    };
    const out = await runJob(config, elsewhere, () => {}, writer);
    expect(seen).toEqual({ handed: 1, mapsBuilt: 1, specsSent: 0, kwbTaken: 1 });
    expect(out.files).toEqual(files);
    for (const f of files) expect(readFileSync(join(elsewhere, f)).equals(readFileSync(join(plain, f))), f).toBe(true);
  });
});
