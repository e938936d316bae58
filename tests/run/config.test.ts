import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoConfig, loadRunConfig, parseRunConfig } from '../../src/run/config.js';
import { VeerkrachtError } from '../../src/util/errors.js';
import { runCli } from '../helpers/cli.js';

const home = new URL('../..', import.meta.url).pathname;
const demo = join(home, 'data/demo');

function base(): Record<string, unknown> {
  return {
    period: { t0: 2014, t1: 2022 },
    inputs: {
      kwb: { '2014': 'kwb/synthetisch_kwb2014_82931NED.csv', '2022': 'kwb/synthetisch_kwb2022_85318NED.csv' },
      leefbaarometer: 'leefbaarometer/synthetisch_leefbaarometer-scores-buurten-2014-2022.csv',
      boundaries: { t0: 'geo/synthetisch_buurten_2014-2018_rd.geojson', t1: 'geo/synthetisch_buurten_2019-2022_rd.geojson' },
    },
  };
}

function errorOf(json: unknown): VeerkrachtError {
  try {
    parseRunConfig(json, 'run.json', demo);
  } catch (e) {
    if (e instanceof VeerkrachtError) return e;
    throw e;
  }
  throw new Error('expected a VeerkrachtError');
}

describe('parseRunConfig', () => {
  it('resolves relative paths against the config folder and fills defaults', () => {
    const c = parseRunConfig(base(), 'run.json', demo);
    expect(c.inputs.kwb['2014']).toEqual({ file: join(demo, 'kwb/synthetisch_kwb2014_82931NED.csv') });
    expect(c.reference.variant).toBe('relatief');
    expect(c.thresholds.K).toEqual({ rule: 'sd', c: 0.5 });
    expect(c.indicators.O).toEqual({ dimension: 'onv', level: 'buurt' });
    expect(c.level).toBe('buurt');
    expect(c.area).toBeNull();
    expect(c.period).toEqual({ t0: 2014, t1: 2022, K: { t0: 2014, t1: 2022 }, O: { t0: 2014, t1: 2022 } });
  });

  it.each([
    [{ period: { t0: 2015, t1: 2022 } }, 'period.t0', 'Leefbaarometer year'],
    [{ period: { t0: 2022, t1: 2014 } }, 'period.t1', 'after t0'],
    [{ thresholds: { K: -1 } }, 'thresholds.K', 'number ≥ 0'],
    [{ thresholds: { O: { rule: 'median' } } }, 'thresholds.O.rule', 'one of sd, quantile'],
    [{ reference: { variant: 'absolute' } }, 'reference.variant', 'one of absoluut, relatief'],
    [{ indicators: { O: 'overlast' } }, 'indicators.O', 'one of onv'],
    [{ indicators: { K: { source: 'kwb', concepts: [{ concept: 'armoede', weight: 1 }] } } }, 'indicators.K.concepts[0].concept', 'one of inwoners'],
    [{ indicators: { K: { source: 'microdata', group: 'kwetsbaar', status: 'zittend' } } }, 'inputs.microdata', 'a microdata file'],
    [{ drempels: 1 }, 'drempels', 'one of the fields'],
    [{ level: 'pc4' }, 'level', 'one of buurt, wijk, gemeente'],
    [{ area: ['Utrecht'] }, 'area[0]', 'a gemeente code'],
    [{ area: ['BU03440111'] }, 'area[0]', 'a gemeente code'],
    [{ level: 'wijk', indicators: { O: { dimension: 'onv', level: 'buurt' } } }, 'indicators.O.level', 'the map level (wijk) or a coarser one'],
    [{ indicators: { O: { dimensie: 'onv' } } }, 'indicators.O.dimensie', 'one of the fields dimension, level'],
    [{ period: { t0: 2014, t1: 2022, O: { t0: 2015 } } }, 'period.O.t0', 'Leefbaarometer year'],
    [{ period: { t0: 2014, t1: 2022, K: { t0: 2013, t1: 2022 } } }, 'inputs.kwb.2013', 'a KWB file for year 2013'],
  ])('names the field of a bad value: %j', (patch, field, expected) => {
    const e = errorOf({ ...base(), ...patch });
    expect(e.location.column).toBe(field);
    expect(e.message).toContain(`column "${field}"`);
    expect(e.message).toContain(expected);
    expect(e.message).toContain('run.json');
  });

  it('names a missing input file', () => {
    const cfg = base();
    (cfg.inputs as Record<string, unknown>).leefbaarometer = 'nergens.csv';
    const e = errorOf(cfg);
    expect(e.location.column).toBe('inputs.leefbaarometer');
    expect(e.message).toContain('"nergens.csv"');
  });

  it('requires a KWB file for both period years', () => {
    const cfg = base();
    (cfg.inputs as { kwb: Record<string, string> }).kwb = { '2014': 'kwb/synthetisch_kwb2014_82931NED.csv' };
    expect(errorOf(cfg).location.column).toBe('inputs.kwb.2022');
  });

  it('the embedded demo config is itself valid', () => {
    const d = demoConfig(home);
    const rel = (p: string) => p.slice(demo.length + 1);
    const json = { ...d, inputs: { ...d.inputs, kwb: Object.fromEntries(Object.entries(d.inputs.kwb).map(([y, p]) => [y, rel(p.file)])) } };
    expect(() => parseRunConfig(json, 'demo', demo)).not.toThrow();
  });
});

describe('veerkracht run --config', () => {
  it('a config error exits 1 with one line naming the file and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-cfg-'));
    const file = join(dir, 'run.json');
    writeFileSync(file, JSON.stringify({ ...base(), inputs: { ...(base().inputs as object), leefbaarometer: join(demo, 'leefbaarometer/synthetisch_leefbaarometer-scores-buurten-2014-2022.csv') }, period: { t0: 2014, t1: 'later' } }));
    const r = await runCli(['run', '--config', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(file);
    expect(r.err).toContain('period.t1');
  });

  it('invalid JSON names the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-cfg-'));
    const file = join(dir, 'kapot.json');
    writeFileSync(file, '{ "period": ');
    expect(() => loadRunConfig(file)).toThrow(/kapot\.json: not valid JSON/);
  });
});

describe('parseRunConfig: the fields for real data (issue 15)', () => {
  it('reads level, area, own K and O years, a column mapping and O at a coarser level', () => {
    const cfg = {
      ...base(),
      level: 'buurt',
      area: ['gm0344', 'WK036300'],
      period: { t0: 2014, t1: 2022, K: { t0: 2014 } },
      indicators: { O: { dimension: 'soc', level: 'wijk' } },
    };
    ((cfg as Record<string, unknown>).inputs as { kwb: Record<string, unknown> }).kwb['2022'] = { file: 'kwb/synthetisch_kwb2022_85318NED.csv', columns: { code: 'Codering_3', inwoners: 'AantalInwoners_5' } };
    const c = parseRunConfig(cfg, 'run.json', demo);
    expect(c.area).toEqual(['GM0344', 'WK036300']);
    expect(c.period.K).toEqual({ t0: 2014, t1: 2022 });
    expect(c.indicators.O).toEqual({ dimension: 'soc', level: 'wijk' });
    expect(c.inputs.kwb['2022'].columns).toEqual({ code: 'Codering_3', inwoners: 'AantalInwoners_5' });
  });

  it('a column mapping must name the code column and only known concepts', () => {
    const cfg = base();
    (cfg.inputs as { kwb: Record<string, unknown> }).kwb['2022'] = { file: 'kwb/synthetisch_kwb2022_85318NED.csv', columns: { inwoners: 'x' } };
    expect(errorOf(cfg).location.column).toBe('inputs.kwb.2022.columns.code');
    (cfg.inputs as { kwb: Record<string, unknown> }).kwb['2022'] = { file: 'kwb/synthetisch_kwb2022_85318NED.csv', columns: { code: 'c', armoede: 'x' } };
    const e = errorOf(cfg);
    expect(e.location.column).toBe('inputs.kwb.2022.columns.armoede');
    expect(e.message).toContain('laag_inkomen_huishoudens_pct');
  });

  it('indicators.O as a plain string keeps working and takes the map level', () => {
    const c = parseRunConfig({ ...base(), level: 'wijk', indicators: { O: 'onv' } }, 'run.json', demo);
    expect(c.indicators.O).toEqual({ dimension: 'onv', level: 'wijk' });
  });
});

describe('parseRunConfig: corporation data (issue 18)', () => {
  const corp = {
    bezit: ['corporatie/synthetisch_bezit_vhe_2022_wooncooperatie-de-eendracht.csv'],
    verhuringen: ['corporatie/synthetisch_verhuringen_wooncooperatie-de-eendracht_2012-2022.csv'],
    pc6: 'pc6/synthetisch_pc6hnr20220801_gwb.csv',
  };
  const withCorp = (extra: Record<string, unknown>, corporatie: unknown = corp): Record<string, unknown> => {
    const b = base();
    return { ...b, inputs: { ...(b.inputs as Record<string, unknown>), corporatie }, ...extra };
  };

  it('reads the corporation inputs, K from lettings with its defaults, C from own stock and the filter', () => {
    const c = parseRunConfig(
      withCorp({ indicators: { K: { source: 'verhuringen' }, C: { source: 'bezit' } }, filter: { corporatieklasse: ['meer dan 2/3'] } }),
      'run.json',
      demo,
    );
    expect(c.inputs.corporatie).toEqual({ bezit: [join(demo, corp.bezit[0])], verhuringen: [join(demo, corp.verhuringen[0])], pc6: join(demo, corp.pc6) });
    expect(c.indicators.K).toEqual({ source: 'verhuringen', venster: 3, minVerhuringen: 10 });
    expect(c.indicators.C).toEqual({ source: 'bezit' });
    expect(c.filter).toEqual({ corporatieklasse: ['meer dan 2/3'] });
    // one file instead of a list; a kwetsbaar rule as given
    const d = parseRunConfig(
      withCorp({ indicators: { K: { source: 'verhuringen', venster: 2, minVerhuringen: 25, kwetsbaar: { inkomensklasse: ['Primaire doelgroep'], urgentie: true, vorige_situatie: ['uitstroom_ggz', 'beschermd_wonen'] } } }, filter: { eigenBezitMin: 10 } }, { bezit: corp.bezit[0], verhuringen: corp.verhuringen[0] }),
      'run.json',
      demo,
    );
    expect(d.inputs.corporatie?.bezit).toHaveLength(1);
    expect(d.indicators.K).toEqual({ source: 'verhuringen', venster: 2, minVerhuringen: 25, kwetsbaar: { inkomensklasse: ['Primaire doelgroep'], urgentie: true, vorige_situatie: ['uitstroom_ggz', 'beschermd_wonen'] } });
    expect(d.filter).toEqual({ eigenBezitMin: 10 });
  });

  it('without corporation fields the defaults are KWB for C and no filter', () => {
    const c = parseRunConfig(base(), 'run.json', demo);
    expect(c.indicators.C).toEqual({ source: 'kwb' });
    expect(c.filter).toBeNull();
  });

  it.each([
    [{ indicators: { K: { source: 'verhuringen', venster: 0 } } }, 'indicators.K.venster', 'a whole number ≥ 1'],
    [{ indicators: { K: { source: 'verhuringen', venster: 9 } } }, 'indicators.K.venster', 'at most 8 years'],
    [{ indicators: { K: { source: 'verhuringen', minVerhuringen: 2.5 } } }, 'indicators.K.minVerhuringen', 'a whole number ≥ 1'],
    [{ indicators: { K: { source: 'verhuringen', drempel: 1 } } }, 'indicators.K.drempel', 'one of the fields source, venster, minVerhuringen, kwetsbaar'],
    [{ indicators: { K: { source: 'verhuringen', kwetsbaar: {} } } }, 'indicators.K.kwetsbaar', 'at least one criterion'],
    [{ indicators: { K: { source: 'verhuringen', kwetsbaar: { inkomensklasse: 'Primaire doelgroep' } } } }, 'indicators.K.kwetsbaar.inkomensklasse', 'a non-empty list'],
    [{ indicators: { K: { source: 'verhuringen', kwetsbaar: { inkomensklasse: [''] } } } }, 'indicators.K.kwetsbaar.inkomensklasse[0]', 'a non-empty string'],
    [{ indicators: { K: { source: 'verhuringen', kwetsbaar: { urgentie: 'ja' } } } }, 'indicators.K.kwetsbaar.urgentie', 'true or false'],
    [{ indicators: { K: { source: 'verhuringen', kwetsbaar: { statushouder: 1 } } } }, 'indicators.K.kwetsbaar.statushouder', 'true or false'],
    [{ indicators: { K: { source: 'verhuringen', kwetsbaar: { vorige_situatie: ['ggz'] } } } }, 'indicators.K.kwetsbaar.vorige_situatie[0]', 'one of uitstroom_ggz, beschermd_wonen'],
    [{ indicators: { K: { source: 'verhuringen', kwetsbaar: { leeftijd: 23 } } } }, 'indicators.K.kwetsbaar.leeftijd', 'one of the fields inkomensklasse'],
    [{ indicators: { C: { source: 'eigen' } } }, 'indicators.C.source', 'one of kwb, bezit'],
    [{ indicators: { C: { bron: 'kwb' } } }, 'indicators.C.bron', 'one of the fields source'],
    [{ filter: { corporatieklasse: ['> 2/3'] } }, 'filter.corporatieklasse[0]', 'one of minder dan 1/3, 1/3 tot 2/3, meer dan 2/3'],
    [{ filter: { corporatieklasse: [] } }, 'filter.corporatieklasse', 'a non-empty list'],
    [{ filter: { eigenBezitMin: -1 } }, 'filter.eigenBezitMin', 'a number ≥ 0'],
    [{ filter: {} }, 'filter', '{ "corporatieklasse": [...] } or { "eigenBezitMin": N }'],
    [{ filter: { buurten: 3 } }, 'filter.buurten', 'one of the fields corporatieklasse, eigenBezitMin'],
  ])('corporation field %j → error at %s', (extra, field, expected) => {
    const e = errorOf(withCorp(extra));
    expect(e.location.column).toBe(field);
    expect(e.location.expected).toContain(expected);
    expect(e.location.file).toBe('run.json');
  });

  it.each([
    [{ bezit: [] }, 'inputs.corporatie.bezit', 'a file or a non-empty list of files'],
    [{ bezit: ['corporatie/bestaat-niet.csv'] }, 'inputs.corporatie.bezit[0]', 'an existing file'],
    [{ bezit: corp.bezit, verhuringen: [corp.verhuringen[0], corp.verhuringen[0]] }, 'inputs.corporatie.verhuringen', 'one lettings list per stock list'],
    [{ bezit: corp.bezit, pc6: 'pc6/geen.csv' }, 'inputs.corporatie.pc6', 'an existing file'],
    [{ verhuringen: corp.verhuringen }, 'inputs.corporatie.bezit', 'a file or a non-empty list'],
    [{ bezit: corp.bezit, lijst: 1 }, 'inputs.corporatie.lijst', 'one of the fields bezit, verhuringen, pc6'],
  ])('inputs.corporatie %j → error at %s', (corporatie, field, expected) => {
    const e = errorOf(withCorp({}, corporatie));
    expect(e.location.column).toBe(field);
    expect(e.location.expected).toContain(expected);
  });

  it('K from lettings, C from own stock and eigenBezitMin need the corporation files', () => {
    const b = base();
    expect(errorOf({ ...b, indicators: { K: { source: 'verhuringen' } } }).location.column).toBe('inputs.corporatie.verhuringen');
    expect(errorOf(withCorp({ indicators: { K: { source: 'verhuringen' } } }, { bezit: corp.bezit })).location.column).toBe('inputs.corporatie.verhuringen');
    expect(errorOf({ ...b, indicators: { C: { source: 'bezit' } } }).location.column).toBe('inputs.corporatie.bezit');
    expect(errorOf({ ...b, filter: { eigenBezitMin: 5 } }).location.column).toBe('inputs.corporatie.bezit');
    // the KWB corporation classes need no corporation files
    expect(parseRunConfig({ ...b, filter: { corporatieklasse: ['meer dan 2/3'] } }, 'run.json', demo).filter).toEqual({ corporatieklasse: ['meer dan 2/3'] });
  });
});
