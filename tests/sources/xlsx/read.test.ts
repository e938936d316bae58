import { describe, expect, it } from 'vitest';
import { thrown, thrownAsync } from '../../helpers/thrown.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLeefbaarometer } from '../../../src/sources/leefbaarometer/load.js';
import { parseBezit } from '../../../src/sources/corporatie/bezit.js';
import { loadDelimitedTable } from '../../../src/sources/csv/reader.js';
import { parseStatlineCsv } from '../../../src/sources/statline/csv-export.js';
import { detectFormat, readAnyTable } from '../../../src/sources/registry.js';
import { readXlsxSheet, excelSerialToIso, isDateFormat } from '../../../src/sources/xlsx/read.js';
import { VeerkrachtError } from '../../../src/util/errors.js';
import { buildXlsx, row, sheetXml } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'veerkracht-xlsx-'));
const put = (name: string, bytes: Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};



// A Leefbaarometer score sheet as handed out in Excel: a merged title over the table, the
// header on row 3, a duplicate row, and a source note after an empty row.
const LBM_SHARED = [
  'Leefbaarometer 3.0 – scores per buurt (synthetisch)', 'bu_code', 'bu_naam', 'jaar', 'lbm', 'afw', 'fys', 'onv', 'soc', 'vrz', 'won',
  'BU03440101', 'Binnenstad', 'BU03440102', 'Oog in Al & Lombok', 'NA', 'Bron: Leefbaarometer 3.0, ministerie van BZK',
];
const s = (i: number) => ({ s: i });
const lbmSheet = sheetXml(
  [
    row(1, [s(0)]),
    row(3, [s(1), s(2), s(3), s(4), s(5), s(6), s(7), s(8), s(9), s(10)]),
    row(4, [s(11), s(12), 2022, 4.123456789012345, 0.0234, 0.01, -0.002, 0.0054, 0.004, 0.006]),
    row(5, [s(13), s(14), 2016, 3.987, -0.1, s(15), s(15), s(15), s(15), s(15)]),
    row(6, [s(11), s(12), 2022, 4.123456789012345, 0.0234, 0.01, -0.002, 0.0054, 0.004, 0.006]),
    row(8, [s(16)]),
  ],
  ['A1:J1'],
);
const lbmBytes = buildXlsx([{ name: 'scores buurt', xml: lbmSheet }, { name: 'toelichting', xml: sheetXml([row(1, [s(16)])]) }], LBM_SHARED);
const lbmPath = put('lbm_buurt.xlsx', lbmBytes);

describe('xlsx where a delimited table is accepted', () => {
  it('Leefbaarometer scores: merged title skipped, numbers exact, NA missing, Excel rows as lines', () => {
    const t = parseLeefbaarometer(lbmBytes, { file: 'lbm_buurt.xlsx' });
    expect(t.table.array('code')).toEqual(['BU03440101', 'BU03440102']);
    expect(t.table.array('naam')).toEqual(['Binnenstad', 'Oog in Al & Lombok']);
    expect(t.table.array('lbm')).toEqual([4.123456789012345, 3.987]);
    expect(t.table.array('onv')).toEqual([-0.002, null]);
    expect(t.table.array('jaar')).toEqual([2022, 2016]);
    expect(t.report.dropped.find((d) => d.reason.startsWith('duplicate'))?.examples).toEqual(['line 6: BU03440101 2022']);
    expect(t.report.warnings).toContain('skipped 1 title row above the header (row 1)');
    expect(t.report.warnings).toContain('skipped 1 note row below the table (row 8)');
    expect(t.report.warnings.some((w) => w.startsWith('read sheet "scores buurt" of 2'))).toBe(true);
  });

  it('inspect recognises the workbook by its content, as it would the CSV', async () => {
    expect(detectFormat(lbmPath).kind).toBe('leefbaarometer');
    const t = await readAnyTable(lbmPath);
    expect(t.table.numRows()).toBe(2);
  });

  it('corporation stock: VHE codes keep their leading zeros, rents are numbers', async () => {
    const shared = ['VHE', 'Postcode', 'Huisnr', 'Kale huur', '000123', '1011 AB', '000124', '3511AB', 'Woningbezit per 1 januari'];
    const xml = sheetXml([
      row(1, [s(8)]),
      row(2, [s(0), s(1), s(2), s(3)]),
      row(3, [s(4), s(5), 12, 712.5]),
      row(4, [s(6), s(7), 7, 689.01]),
    ], ['A1:D1']);
    const bytes = buildXlsx([{ name: 'Blad1', xml }], shared);
    const t = parseBezit(bytes, { file: 'bezit.xlsx' });
    expect(t.table.array('vhe')).toEqual(['000123', '000124']);
    expect(t.table.array('postcode')).toEqual(['1011AB', '3511AB']);
    expect(t.table.array('huisnummer')).toEqual([12, 7]);
    expect(t.table.array('huur')).toEqual([712.5, 689.01]);
    expect(t.table.array('regel')).toEqual([3, 4]);
    expect(detectFormat(put('bezit.xlsx', bytes)).kind).toBe('corporatie-bezit');
  });

  // a generic table: first visible sheet, text codes, styles, dates, booleans, errors, rich text, formulas
  const shared = ['gemeentecode', 'aantal', 'aandeel', 'peildatum', 'actief', 'fout', 'naam', 'formule', 'dubbel', '0344', '0014', 'meta'];
  const gegevens = sheetXml([
    row(1, [s(0), s(1), s(2), s(3), s(4), s(5), s(6), s(7), s(8)]),
    row(2, [
      s(9), 1805, { n: 0.125, style: 3 }, { n: 45292, style: 1 }, { raw: '<c r="REF" t="b"><v>1</v></c>' }, { raw: '<c r="REF" t="e"><v>#N/A</v></c>' },
      { raw: '<c r="REF" t="inlineStr"><is><r><t xml:space="preserve">Oog in </t></r><r><rPr><b/></rPr><t>Al</t></r></is></c>' },
      { raw: '<c r="REF" t="str"><f>A2&amp;"x"</f><v>0344x</v></c>' }, { raw: '<c r="REF"><f>B2*2</f><v>3610</v></c>' },
    ]),
    row(3, [
      s(10), 640, { n: 12.5, style: 3 }, { n: 44927, style: 2 }, { raw: '<c r="REF" t="b"><v>0</v></c>' }, 3,
      { raw: '<c r="REF" t="inlineStr"><is><t>Zuilen</t></is></c>' }, { raw: '<c r="REF" t="str"><f>A3&amp;"x"</f><v>0014x</v></c>' }, { raw: '<c r="REF" s="0"><f>B3*2</f><v>1280</v></c>' },
    ]),
  ]);
  const genericBytes = buildXlsx(
    [
      { name: 'meta', xml: sheetXml([row(1, [s(11)])]), hidden: true },
      { name: 'gegevens', xml: gegevens },
      { name: 'Blad3', xml: sheetXml([row(1, [s(0), s(1)]), row(2, [s(10), 42])], [], 'x:') },
    ],
    shared,
  );
  const genericPath = put('tabel.xlsx', genericBytes);

  it('generic table: first visible sheet, numbers as numbers, text codes as text, dates as ISO dates', async () => {
    const t = await readAnyTable(genericPath);
    expect(t.provenance.kind).toBe('csv');
    const o = t.table.objects() as Record<string, unknown>[];
    expect(o.map((r) => r.gemeentecode)).toEqual(['0344', '0014']);
    expect(o.map((r) => r.aantal)).toEqual([1805, 640]);
    expect(o.map((r) => r.aandeel)).toEqual([0.125, 12.5]);
    expect(o.map((r) => r.peildatum)).toEqual(['2024-01-01', '2023-01-01']);
    expect(o.map((r) => r.actief)).toEqual(['TRUE', 'FALSE']);
    expect(o.map((r) => r.fout)).toEqual([null, 3]);
    expect(o.map((r) => r.naam)).toEqual(['Oog in Al', 'Zuilen']);
    expect(o.map((r) => r.formule)).toEqual(['0344x', '0014x']);
    expect(o.map((r) => r.dubbel)).toEqual([3610, 1280]);
    expect(t.report.warnings).toContain('1 Excel error cell read as missing (F2 #N/A)');
  });

  it('a sheet chosen by name or position; prefixed SpreadsheetML (x:) reads the same', async () => {
    const byName = await loadDelimitedTable(genericPath, { sheet: 'Blad3' });
    expect(byName.table.objects()).toEqual([{ gemeentecode: '0014', aantal: 42 }]);
    const byIndex = await loadDelimitedTable(genericPath, { sheet: 3 });
    expect(byIndex.table.objects()).toEqual([{ gemeentecode: '0014', aantal: 42 }]);
    const e = await thrownAsync(loadDelimitedTable(genericPath, { sheet: 'Blad9' }));
    expect(e.message).toMatch(/^.*tabel\.xlsx, column "sheet": sheet not found; expected one of the sheets "meta", "gegevens", "Blad3", found "Blad9"$/);
  });

  it('a StatLine export saved as xlsx reads with its title line skipped', () => {
    const sh = ['Kerncijfers wijken en buurten 2023', 'ID', 'WijkenEnBuurten', 'SoortRegio_2', 'AantalInwoners_5', 'GM0344', 'Gemeente', 'BU03440101', 'Buurt'];
    const xml = sheetXml([
      row(1, [s(0)]),
      row(2, [s(1), s(2), s(3), s(4)]),
      row(3, [0, s(5), s(6), 367984]),
      row(4, [1, s(7), s(8), 1805]),
    ]);
    const t = parseStatlineCsv(buildXlsx([{ name: 'Kerncijfers', xml }], sh), 'kwb2023.xlsx');
    const o = t.table.objects() as Record<string, unknown>[];
    expect(o.length).toBe(2);
    expect(Object.values(o[1])).toContain(1805);
    expect(Object.values(o[1])).toContain('BU03440101');
  });

  it('a title with a date beside it is not the header of a wide table', () => {
    const sh = ['Woningvoorraad', 'Peildatum 1 januari 2024', 'VHE', 'Postcode', 'Huisnr', 'Type', 'Kale huur', '000777', '3511 AB', 'EGW'];
    const xml = sheetXml([
      row(1, [s(0), null, null, s(1)]),
      row(3, [s(2), s(3), s(4), s(5), s(6)]),
      row(4, [s(7), s(8), 3, s(9), 650.25]),
    ]);
    const t = parseBezit(buildXlsx([{ name: 'Blad1', xml }], sh), { file: 'bezit.xlsx' });
    expect(t.table.array('vhe')).toEqual(['000777']);
    expect(t.table.array('huur')).toEqual([650.25]);
    expect(t.report.warnings).toContain('skipped 1 title row above the header (row 1)');
  });

  it('a data cell right of the header names file, Excel row and column', () => {
    const xml = sheetXml([row(1, [s(0), s(1)]), row(2, [s(9), 1, 99])]);
    const e = thrown(() => parseLeefbaarometer(buildXlsx([{ name: 'Blad1', xml }], shared), { file: 'breed.xlsx' }));
    expect(e.message).toMatch(/^breed\.xlsx, line 2, column "C \(sheet \\"Blad1\\"\)": cell to the right of the header/);
  });

  it('legacy .xls gets one clear line in every entry point', async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const p = put('oud.xls', ole);
    const msg = /oud\.xls: legacy Excel \.xls is not read: save as \.xlsx or CSV/;
    expect((await thrownAsync(readAnyTable(p))).message).toMatch(msg);
    expect(thrown(() => detectFormat(p)).message).toMatch(msg);
    expect(thrown(() => parseLeefbaarometer(ole, { file: 'oud.xls' })).message).toMatch(msg);
    expect(thrown(() => parseStatlineCsv(ole, 'oud.xls')).message).toMatch(msg);
  });

  it('a ZIP that is no workbook says so', async () => {
    const p = put('archief.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    const e = await thrownAsync(readAnyTable(p));
    expect(e.message).toMatch(/archief\.xlsx: cannot unzip workbook/);
  });
});

describe('xlsx cell details', () => {
  it('shared rich text without its phonetic run, entities and _xHHHH_ escapes', () => {
    const sh = [
      '<si><r><t>Vrije</t></r><r><rPr><i/></rPr><t xml:space="preserve"> School &amp; Co</t></r><rPh sb="0" eb="1"><t>PHON</t></rPh></si>',
      '<si><t>regel 1_x000D_&#10;regel 2</t></si>',
      '<si><t>naam</t></si>',
    ];
    const xml = sheetXml([row(1, [s(2)]), row(2, [s(0)]), row(3, [s(1)])]);
    const sheet = readXlsxSheet(buildXlsx([{ name: 'a', xml }], sh, { rawShared: true }));
    expect(sheet.rows.map((r) => r.cells[0].value)).toEqual(['naam', 'Vrije School & Co', 'regel 1\r\nregel 2']);
  });

  it('dates in both date systems, with and without time', () => {
    expect(excelSerialToIso(45292)).toBe('2024-01-01');
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45292.5)).toBe('2024-01-01T12:00:00');
    expect(excelSerialToIso(43830, true)).toBe('2024-01-01');
    expect(isDateFormat('dd\\-mm\\-yyyy')).toBe(true);
    expect(isDateFormat('#,##0.00')).toBe(false);
    expect(isDateFormat('[Red]0.0%')).toBe(false);
    expect(isDateFormat('"dag "0')).toBe(false);
    expect(isDateFormat('[$-413]d mmmm yyyy')).toBe(true);
  });
});
