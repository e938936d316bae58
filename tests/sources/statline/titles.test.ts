import { describe, expect, it } from 'vitest';
import { keyStem, normalizeTitle, parseMangledTitle } from '../../../src/sources/statline/titles.js';
import { findTableId, kwbTableOfYear, kwbYearOfTable, KWB_TABLES } from '../../../src/sources/statline/tables.js';
import { statlineCsvLayout } from '../../../src/sources/statline/csv-export.js';

describe('titles', () => {
  it('parses R-mangled headers into path and unit', () => {
    expect(parseMangledTitle('Bevolking.Aantal.inwoners..aantal.')).toEqual({ path: 'Bevolking Aantal inwoners', unit: 'aantal' });
    expect(parseMangledTitle('Wonen.Woningen.naar.eigendom.Koopwoningen....')).toEqual({ path: 'Wonen Woningen naar eigendom Koopwoningen', unit: '%' });
    expect(parseMangledTitle('Inkomen.Inkomen.van.huishoudens.Huish..onder.of.rond.sociaal.minimum....')).toEqual({
      path: 'Inkomen Inkomen van huishoudens Huish onder of rond sociaal minimum',
      unit: '%',
    });
    expect(parseMangledTitle('Sociale.zekerheid.Personen.per.soort.uitkering..Bijstand..aantal.')).toEqual({
      path: 'Sociale zekerheid Personen per soort uitkering Bijstand',
      unit: 'aantal',
    });
    expect(parseMangledTitle('Wonen.Gemiddelde.WOZ.waarde.van.woningen..x.1.000.euro.')?.unit).toBe('x 1 000 euro');
    expect(parseMangledTitle('Wijken.en.buurten')).toBeNull();
  });
  it('normalises titles and key stems', () => {
    expect(normalizeTitle('Twee-onder-één-kap-woning ')).toBe('twee onder een kap woning');
    expect(normalizeTitle('40% personen met laagste inkomen')).toBe('40 personen met laagste inkomen');
    expect(keyStem('k_40PersonenMetLaagsteInkomen_67')).toBe('40PersonenMetLaagsteInkomen');
    expect(keyStem('InBezitWoningcorporatie_49')).toBe('InBezitWoningcorporatie');
  });
});

describe('KWB tables', () => {
  it('maps every edition 2016–2025 both ways', () => {
    expect(Object.keys(KWB_TABLES).map(Number)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    for (const [y, id] of Object.entries(KWB_TABLES)) {
      expect(kwbYearOfTable(id.toLowerCase())).toBe(Number(y));
      expect(kwbTableOfYear(Number(y))).toBe(id);
    }
    expect(kwbYearOfTable('80137ned')).toBeNull();
    expect(findTableId('kwb2017_83765NED_nl_22topics.csv')).toBe('83765NED');
    expect(findTableId('https://opendata.cbs.nl/ODataFeed/OData/80137ned/$metadata')).toBe('80137NED');
  });
});

describe('statlineCsvLayout', () => {
  it('recognises the three layouts and rejects other tables', () => {
    expect(statlineCsvLayout([['ID', 'WijkenEnBuurten', 'Gemeentenaam_1', 'AantalInwoners_5']])).toBe('keys');
    expect(statlineCsvLayout([['', 'Wijken.en.buurten', 'Regioaanduiding.Codering..code.', 'Bevolking.Aantal.inwoners..aantal.']])).toBe('titles');
    expect(statlineCsvLayout([['Kerncijfers wijken en buurten 2015'], ['', 'Onderwerp'], ['', 'Inkomen|Aantal']])).toBe('symbols');
    expect(statlineCsvLayout([['bu_code', 'jaar', 'lbm', 'onv']])).toBeNull();
    expect(statlineCsvLayout([['gwb_code_10', 'regio', 'Number of inhabitants', 'MunicipalityName_1', 'Encoding_3']])).toBeNull();
  });
});

describe('concept key stems across editions', () => {
  it('resolves the drifting corporation key of several editions and PDOK attribute names', async () => {
    const { resolveConcept } = await import('../../../src/sources/statline/concepts.js');
    for (const key of ['InBezitWoningcorporatie_41', 'InBezitWoningcorporatie_42', 'InBezitWoningcorporatie_43', 'InBezitWoningcorporatie_49', 'HuurwoningenInBezitWoningcorporaties_40', 'percHuurwoningenInBezitWoningcorporaties']) {
      const r = resolveConcept([{ name: key }, { name: 'InBezitOverigeVerhuurders_50' }], 'corporatie_pct');
      expect(r.status === 'found' && r.column, key).toBe(key);
    }
    expect(resolveConcept([{ name: 'NietWoningvoorraad_37', title: 'Niet-woningvoorraad' }], 'woningvoorraad').status).toBe('absent');
    // a count column is not taken for a percentage concept when units are known
    expect(resolveConcept([{ name: 'x', title: 'In bezit woningcorporatie', unit: 'aantal' }], 'corporatie_pct').status).toBe('absent');
  });
});
