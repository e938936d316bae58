import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_KWB_EDITIONS as KWB_EDITIONS } from '../../src/demo/index.js';
import { demoPath, demoText, splitCsv } from './files.js';

const csvFiles = readdirSync(demoPath('kwb')).filter((f) => f.endsWith('.csv') && !f.endsWith('_statline_symbolen.csv'));
const yearOf = (f: string): number => Number(/kwb(\d{4})_/.exec(f)![1]);

describe('KWB CSV exports', () => {
  it('one CSV per edition except the OData edition 2020', () => {
    expect(csvFiles.map(yearOf).sort()).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022]);
  });

  it('carry the key drift of the corporation share and the income topic per edition', () => {
    for (const f of csvFiles) {
      const y = yearOf(f);
      const header = demoText(`kwb/${f}`).split('\n', 1)[0].split(',');
      const corp = header.filter((h) => /Woningcorporatie/.test(h));
      expect(corp.length).toBe(1);
      if (y <= 2016) expect(corp[0]).toMatch(/^HuurwoningenInBezitWoningcorporaties_\d+$/);
      else expect(corp[0]).toMatch(/^InBezitWoningcorporatie_\d+$/);
      expect(header).toContain('AantalInwoners_5');
      expect(header.some((h) => /^HuishoudensMetEenLaagInkomen_\d+$/.test(h))).toBe(true);
    }
    // the real, verified keys of 2017 (national export in ../shared/data/kwb)
    const h2017 = demoText('kwb/synthetisch_kwb2017_83765NED.csv').split('\n', 1)[0];
    expect(h2017).toContain('HuishoudensMetEenLaagInkomen_72');
    expect(h2017).toContain('IndelingswijzigingWijkenEnBuurten_4');
    // the income key moves between editions
    const incomeKeys = new Set(KWB_EDITIONS.map((e) => e.keys.laagInkomen));
    expect(incomeKeys.size).toBeGreaterThan(3);
  });

  it('is written as CBS does: BOM, padded codes and names, Land/Gemeente/Wijk/Buurt, `.` suppressed', () => {
    const raw = readFileSync(demoPath('kwb/synthetisch_kwb2017_83765NED.csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [head, ...rows] = splitCsv(demoText('kwb/synthetisch_kwb2017_83765NED.csv'), ',');
    const inw = head.indexOf('AantalInwoners_5');
    const li = head.indexOf('HuishoudensMetEenLaagInkomen_72');
    const levels = new Map<string, number>();
    for (const r of rows) {
      expect(r.length).toBe(head.length);
      expect(r[1].length).toBe(10);
      expect(r[2].length).toBe(40);
      levels.set(r[3].trim(), (levels.get(r[3].trim()) ?? 0) + 1);
    }
    expect(levels.get('Land')).toBe(1);
    expect(levels.get('Gemeente')).toBe(4);
    expect(rows[1][1]).toBe('GM9901    ');
    const buurten = rows.filter((r) => r[3].trim() === 'Buurt');
    const suppressed = buurten.filter((r) => r[li].trim() === '.');
    expect(suppressed.length).toBeGreaterThan(0.2 * buurten.length);
    // suppression hits small buurten only
    for (const r of suppressed) expect(Number(r[inw])).toBeLessThan(400);
    // Land = sum of gemeenten (gemeente rows are exact)
    const gm = rows.filter((r) => r[3].trim() === 'Gemeente').reduce((s, r) => s + Number(r[inw]), 0);
    expect(Math.abs(Number(rows[0][inw]) - gm)).toBeLessThanOrEqual(4);
    // buurt counts are multiples of 5
    for (const r of buurten) expect(Number(r[inw]) % 5).toBe(0);
  });

  it('marks the new buurten of the boundary change with indelingswijziging 3 in 2019', () => {
    const [head, ...rows] = splitCsv(demoText('kwb/synthetisch_kwb2019_84583NED.csv'), ',');
    const k = head.indexOf('IndelingswijzigingWijkenEnBuurten_4');
    expect(rows.filter((r) => r[k] === '3').length).toBe(3);
  });
});

describe('KWB 2020 as OData v3 JSON', () => {
  const dir = 'kwb/synthetisch_kwb2020_84799NED_odata';
  const props = JSON.parse(demoText(`${dir}/DataProperties.json`)).value as Array<{ Key: string; Title: string; Unit?: string; Decimals?: number; Type: string }>;
  const data = JSON.parse(demoText(`${dir}/TypedDataSet.json`)).value as Array<Record<string, unknown>>;

  it('has the 2020 keys with titles and units', () => {
    const corp = props.find((p) => p.Key === 'InBezitWoningcorporatie_42');
    expect(corp?.Title).toBe('In bezit woningcorporatie');
    expect(corp?.Unit).toBe('%');
    expect(props.find((p) => p.Key === 'Koopwoningen_40')).toBeDefined();
    expect(JSON.parse(demoText(`${dir}/TableInfos.json`)).value[0].Title).toMatch(/SYNTHETISCH/);
  });

  it('uses null for suppressed values and padded region keys; every key is a DataProperties topic', () => {
    const keys = new Set(props.map((p) => p.Key));
    for (const row of data) for (const k of Object.keys(row)) if (k !== 'ID' && k !== 'WijkenEnBuurten') expect(keys.has(k)).toBe(true);
    expect(data[0].WijkenEnBuurten).toBe('NL00      ');
    const income = props.find((p) => p.Title === 'Huishoudens met een laag inkomen')!.Key;
    expect(data.some((r) => r[income] === null)).toBe(true);
    expect(data.every((r) => r[income] === null || typeof r[income] === 'number')).toBe(true);
    const names = JSON.parse(demoText(`${dir}/WijkenEnBuurten.json`)).value;
    expect(names.length).toBe(data.length);
  });
});

describe('KWB 2015 in the "CSV with statistical symbols" layout', () => {
  const file = readdirSync(demoPath('kwb')).find((f) => f.endsWith('_statline_symbolen.csv'))!;
  const text = demoText(`kwb/${file}`);
  const lines = splitCsv(text, ';').map((r) => r.map((c) => c.replace(/^"|"$/g, '')));

  it('has a title line saying SYNTHETISCH, topic paths, units, names and decimal commas', () => {
    expect(readFileSync(demoPath(`kwb/${file}`)).subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(lines[0][0]).toMatch(/^Kerncijfers wijken en buurten 2015 \(SYNTHETISCH/);
    expect(lines[3].slice(1).every((p) => p.includes('|'))).toBe(true);
    expect(lines[4][0]).toBe('Wijken en buurten');
    expect(lines[lines.length - 1][0]).toMatch(/^Bron:/);
    const data = lines.slice(5, -1);
    expect(data[0][0]).toBe('Veerdam');
    for (const r of data) for (const c of r.slice(1)) expect(c).toMatch(/^(\d+(,\d)?|\.)$/);
    expect(text).toContain('\r\n');
    // same values as the key-layout export of 2015 for the gemeente row
    const [head, , gm] = splitCsv(demoText('kwb/synthetisch_kwb2015_83220NED.csv'), ',');
    expect(data[0][1]).toBe(gm[head.indexOf('AantalInwoners_5')]);
  });
});
