import { describe, expect, it } from 'vitest';
import { aggregateCorporatie } from '../../../src/sources/corporatie/aggregate.js';
import { parseBezit } from '../../../src/sources/corporatie/bezit.js';
import { parseVerhuringen } from '../../../src/sources/corporatie/verhuringen.js';
import { createAddressLookup } from '../../../src/sources/pc6/lookup.js';
import { parsePc6Table } from '../../../src/sources/pc6/tables.js';

/** Encode text as Windows-1252 (only Latin-1 characters and € are used here). */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0))));
}

const PC6 = parsePc6Table(
  ['PC6;Huisnummer;Buurt2023', '3511AA;1;03440101', '3511AA;2;03440101', '3511AA;3;03440102', '3511AB;1;03440102', '3511AB;5;03440102', '3512CC;9;03440201'].join('\n'),
);
const LOOKUP = createAddressLookup({ huisnummer: PC6 });

// Planted truth (stock year 2023):
//  BU03440101: VHE 1 (3511AA 1), 2 (3511AA 2-A), 3 (garage, 3511AA 2 G)         → 3 VHE, 2 woningen
//  BU03440102: VHE 4 (3511AA 3), 5 (3511 ab 7: placed by postcode, one buurt)      → 2 VHE, 2 woningen
//  BU03440201: VHE 6 (own buurt code, no address in table)                         → 1 VHE
//  unplaced:   VHE 7 (9999ZZ not in table), 8 (3511AA 99: postcode spans 2 buurten), 9 (postcode "onbekend")
//  dropped while parsing: a row without VHE id, a repeated VHE 1
const BEZIT_TEXT = [
  'VHE-nummer;Postcode;Huisnr;Toevoeging;Type;Kale huur;Buurtcode',
  '1;3511 aa;1;;Eengezinswoning;612,30;',
  '2;3511AA;2-a;;Appartement;€ 1.012,50;',
  '3;3511AA;2;G;Garagebox;85;',
  '4;3511aa;3;;Appartement;700;',
  '5;3511 AB;7;;Maisonnette;;',
  '6;;;;Eengezinswoning;650,00;03440201',
  '7;9999ZZ;1;;Eengezinswoning;600;',
  '8;3511AA;99;;Eengezinswoning;600;',
  '9;onbekend;4;;Eengezinswoning;600;',
  ';3511AA;1;;Woning;600;',
  '1;3511AA;1;;Woning;600;',
].join('\r\n');

// Lettings (2022 and 2023), planted groups:
const VERHUUR_TEXT = [
  'Verhuurdatum;VHE;Huishoudtype;Inkomensklasse;Urgentie;Vorige situatie;Statushouder',
  '03-01-2022;1;Alleenstaand;Primaire doelgroep;Medische urgentie;Uitstroom GGZ;nee',
  '15-06-2023;1;Gezin;Primaire doelgroep;Regulier;Doorstromer;nee',
  '01-07-2023;2;Alleenstaand;Primaire doelgroep;ja;Maatschappelijke opvang;nee',
  '2023-08-01;4;Gezin;Middeninkomen;nee;;ja',
  '01-09-2023;5;Alleenstaand;Primaire doelgroep;;Beschermd wonen;',
  '01-10-2023;7;Gezin;Primaire doelgroep;nee;Starter;nee',
  '01-11-2023;42;Gezin;Primaire doelgroep;nee;Starter;nee',
  ';4;Gezin;;;;',
].join('\n');

describe('parseBezit', () => {
  it('reads a Windows-1252 export with decimal commas and € signs', () => {
    const b = parseBezit(cp1252(BEZIT_TEXT), { file: 'bezit.csv' });
    expect(b.report.warnings).toContain('file is not valid UTF-8: decoded as Windows-1252');
    expect(b.table.array('huur').slice(0, 5)).toEqual([612.3, 1012.5, 85, 700, null]);
    expect(b.table.array('postcode').slice(0, 5)).toEqual(['3511AA', '3511AA', '3511AA', '3511AA', '3511AB']);
    expect(b.table.array('toevoeging').slice(0, 3)).toEqual([null, 'A', 'G']);
    expect(b.table.array('woning').slice(0, 3)).toEqual([true, true, false]);
    expect(b.report.rowsRead).toBe(11);
    expect(b.report.rowsKept).toBe(9);
    expect(b.report.dropped.map((d) => [d.reason, d.count])).toEqual([['no VHE id', 1], ['duplicate VHE id (first kept)', 1]]);
  });
  it('reads the same export as UTF-8 with BOM identically', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(BEZIT_TEXT)]);
    const a = parseBezit(utf8).table.objects();
    const b = parseBezit(cp1252(BEZIT_TEXT)).table.objects();
    expect(a).toEqual(b);
  });
  it('errors clearly on a missing required column', () => {
    expect(() => parseBezit('VHE;Straat;Huisnummer\n1;Dorpsstraat;1\n', { file: 'bezit.csv' })).toThrow(/required column "postcode" is missing/);
  });
});

describe('parseVerhuringen', () => {
  const v = parseVerhuringen(VERHUUR_TEXT, { file: 'verhuur.csv' });
  it('derives year and group flags, unknown stays null', () => {
    expect(v.report.rowsKept).toBe(7);
    expect(v.report.dropped).toEqual([{ reason: 'no datum', count: 1, examples: ['line 9: VHE 4'] }]);
    expect(v.table.array('jaar')).toEqual([2022, 2023, 2023, 2023, 2023, 2023, 2023]);
    expect(v.table.array('urgentie')).toEqual([true, false, true, false, null, false, false]);
    expect(v.table.array('uitstroom_ggz')).toEqual([true, false, false, null, false, false, false]);
    expect(v.table.array('statushouder')).toEqual([false, false, false, true, false, false, false]);
  });
});

describe('aggregateCorporatie', () => {
  const bezit = parseBezit(cp1252(BEZIT_TEXT), { file: 'bezit.csv' });
  const verhuringen = parseVerhuringen(VERHUUR_TEXT);
  const woningen = [
    { code: 'BU03440101', woningen: 4 },
    { code: 'BU03440102', woningen: 2 },
    { code: '03440301', woningen: 100 },
  ];
  const agg = aggregateCorporatie({ bezit, bezitJaar: 2023, verhuringen, lookup: LOOKUP, woningen });
  const rows = agg.table.objects() as Record<string, unknown>[];
  const row = (code: string, jaar: number) => rows.find((r) => r.code === code && r.jaar === jaar)!;

  it('places stock and reports what cannot be placed', () => {
    expect(agg.bezit.aggregated).toBe(6);
    const byReason = Object.fromEntries(agg.bezit.unplaced.map((d) => [d.reason, d.count]));
    expect(byReason).toEqual({
      'no VHE id': 1,
      'duplicate VHE id (first kept)': 1,
      'postcode not in table': 1,
      'huisnummer not in table, postcode spans several buurten': 1,
      'invalid postcode': 1,
    });
    expect(agg.bezit.unplaced.find((d) => d.reason === 'postcode not in table')?.examples).toEqual(['line 8: VHE 7, 9999ZZ 1']);
  });
  it('balances: every VHE and letting is aggregated or reported', () => {
    for (const b of [agg.bezit, agg.verhuringen!]) {
      expect(b.aggregated + b.unplaced.reduce((s, d) => s + d.count, 0)).toBe(b.read);
    }
    expect(agg.bezit.read).toBe(11);
    expect(agg.verhuringen!.read).toBe(8);
    const vheInTable = rows.reduce((s, r) => s + ((r.vhe as number | null) ?? 0), 0);
    expect(vheInTable).toBe(agg.bezit.aggregated);
    expect(rows.reduce((s, r) => s + (r.verhuringen as number), 0)).toBe(agg.verhuringen!.aggregated);
  });
  it('computes stock and corporation share per buurt', () => {
    expect(row('BU03440101', 2023)).toMatchObject({ vhe: 3, vhe_woning: 2, woningen_totaal: 4, corporatie_pct: 50, gemeente: 'GM0344' });
    expect(row('BU03440102', 2023)).toMatchObject({ vhe: 2, vhe_woning: 2, corporatie_pct: 100 });
    expect(row('BU03440201', 2023)).toMatchObject({ vhe: 1, woningen_totaal: null, corporatie_pct: null });
    expect(agg.woningenMatch).toMatchObject({ onlyLeft: ['BU03440201'], onlyRight: ['BU03440301'] });
    expect(agg.inputs.map((p) => p.kind)).toEqual(['corporatie-bezit', 'corporatie-verhuringen']);
  });
  it('computes lettings and group shares; unknown is not counted as "no"', () => {
    // BU03440101 2022: VHE 1 urgent from GGZ
    expect(row('BU03440101', 2022)).toMatchObject({ vhe: null, verhuringen: 1, urgentie: 1, urgentie_pct: 100, uitstroom_ggz_pct: 100 });
    // BU03440101 2023: VHE 1 regular, VHE 2 urgent from MO
    expect(row('BU03440101', 2023)).toMatchObject({ verhuringen: 2, urgentie_pct: 50, maatschappelijke_opvang_pct: 50, statushouder_pct: 0 });
    // BU03440102 2023: VHE 4 statushouder (situation unknown), VHE 5 beschermd wonen (urgency unknown)
    const r = row('BU03440102', 2023);
    expect(r).toMatchObject({ verhuringen: 2, urgentie: 0, urgentie_bekend: 1, urgentie_pct: 0, beschermd_wonen: 1, beschermd_wonen_bekend: 1, beschermd_wonen_pct: 100, statushouder_pct: 50 });
    const lost = Object.fromEntries(agg.verhuringen!.unplaced.map((d) => [d.reason, d.examples]));
    expect(lost).toEqual({ 'no datum': ['line 9: VHE 4'], 'VHE not placed in a buurt': ['line 7: VHE 7'], 'VHE not in the stock list': ['line 8: VHE 42'] });
  });
});

describe("Excel's sep= first line", () => {
  it('is honoured, and line numbers still point at the file lines', () => {
    const b = parseBezit('sep=;\r\nVHE;Postcode;Huisnummer\r\n1;3511AA;1\r\n1;3511AA;2\r\n');
    expect(b.table.numRows()).toBe(1);
    expect(b.report.dropped[0].examples).toEqual(['line 4: 1']);
  });
});
