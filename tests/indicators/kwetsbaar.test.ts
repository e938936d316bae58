import { describe, expect, it } from 'vitest';
import { classifyLettings, DEFAULT_KWETSBAAR, describeKwetsbaar } from '../../src/indicators/kwetsbaar.js';
import { parseVerhuringen } from '../../src/sources/corporatie/verhuringen.js';

const csv = [
  'Datum;VHE;Inkomensklasse;Urgentie;Vorige woonsituatie;Statushouder',
  '1-1-2021;1;Primaire doelgroep;Regulier;Zelfstandig wonend;Nee', // income → yes
  '1-1-2021;2;Middeninkomen;Medische urgentie;Zelfstandig wonend;Nee', // urgency → yes
  '1-1-2021;3;Middeninkomen;Regulier;Azc;Ja', // statushouder → yes
  '1-1-2021;4;Middeninkomen;Regulier;Uitstroom GGZ;Nee', // only previous situation
  '1-1-2021;5;Secundaire doelgroep;Regulier;Zelfstandig wonend;Nee', // no
  '1-1-2021;6;;Regulier;Zelfstandig wonend;Nee', // income unknown, nothing else → unknown
  '1-1-2021;7;;Sociale urgentie;;', // unknown income but urgent → yes
].join('\n');

const cols = () => {
  const t = parseVerhuringen(csv).table;
  const a = (n: string) => t.array(n) as unknown[];
  return { inkomensklasse: a('inkomensklasse'), urgentie: a('urgentie'), statushouder: a('statushouder'), uitstroom_ggz: a('uitstroom_ggz'), beschermd_wonen: a('beschermd_wonen'), maatschappelijke_opvang: a('maatschappelijke_opvang') };
};

describe('classifyLettings', () => {
  it('the default rule (ours): Primaire doelgroep, urgency or statushouder; unknown stays unknown', () => {
    const r = classifyLettings(cols(), DEFAULT_KWETSBAAR);
    expect(r.kwetsbaar).toEqual([true, true, true, false, false, null, true]);
    expect(r.report).toMatchObject({ kwetsbaar: 4, niet: 2, onbekend: 1 });
    expect(describeKwetsbaar(DEFAULT_KWETSBAAR)).toBe('inkomensklasse Primaire doelgroep; urgentie of voorrang; statushouder');
  });

  it('a criterion left out is not used; labels compare without case and spaces', () => {
    const r = classifyLettings(cols(), { inkomensklasse: ['secundaire  DOELGROEP'], vorige_situatie: ['uitstroom_ggz'] });
    expect(r.kwetsbaar).toEqual([false, false, false, true, true, null, null]);
  });

  it('names labels of the rule that the file lacks, and the labels it has', () => {
    const r = classifyLettings(cols(), { inkomensklasse: ['Laagste inkomens'] }, 'v.csv');
    expect(r.report.labelsNietGevonden).toEqual(['Laagste inkomens']);
    expect(r.report.labels).toEqual({ Middeninkomen: 3, 'Primaire doelgroep': 1, 'Secundaire doelgroep': 1 });
    expect(r.report.warnings.join(' ')).toMatch(/v\.csv: inkomensklasse "Laagste inkomens" komt niet voor; wel: "Middeninkomen"/);
  });

  it('a criterion whose column is absent from the export is not used (never makes everything unknown)', () => {
    const t = parseVerhuringen('Datum;VHE;Urgentie\n1-1-2021;1;ja\n1-1-2021;2;nee\n').table;
    const a = (n: string) => t.array(n) as unknown[];
    const r = classifyLettings({ inkomensklasse: a('inkomensklasse'), urgentie: a('urgentie'), statushouder: a('statushouder'), uitstroom_ggz: a('uitstroom_ggz'), beschermd_wonen: a('beschermd_wonen'), maatschappelijke_opvang: a('maatschappelijke_opvang') }, DEFAULT_KWETSBAAR);
    expect(r.kwetsbaar).toEqual([true, false]);
    expect(r.report.nietGebruikt).toEqual(['inkomensklasse', 'statushouder']);
  });
});
