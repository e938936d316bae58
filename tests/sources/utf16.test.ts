import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectFormat, readAnyTable, readHead } from '../../src/sources/registry.js';
import { loadLeefbaarometer } from '../../src/sources/leefbaarometer/load.js';
import { loadStatlineCsv } from '../../src/sources/statline/csv-export.js';
import { loadBezit } from '../../src/sources/corporatie/bezit.js';
import { runCli } from '../helpers/cli.js';

// Excel's "Unicode text" (Opslaan als → Unicode-tekst): UTF-16 LE with BOM, tab separated, CRLF.
function utf16(text: string, be = false): Uint8Array {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (!be) return new Uint8Array(le);
  const out = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    out[i] = le[i + 1];
    out[i + 1] = le[i];
  }
  return new Uint8Array(out);
}

const dir = mkdtempSync(join(tmpdir(), 'veerkracht-utf16-'));
const put = (name: string, text: string, be = false) => {
  const p = join(dir, name);
  writeFileSync(p, utf16(text, be));
  return p;
};

const KWB = ['ID\tWijkenEnBuurten\tGemeentenaam_1\tSoortRegio_2\tAantalInwoners_5', '0\tNL00      \tNederland\tLand\t17407585', '1\tGM0344    \tUtrecht\tGemeente\t361924', '2\tBU03440101\t’s-Gravenweg Ærø\tBuurt\t1805', ''].join('\r\n');
const LBM = ['bu_code\tbu_naam\tjaar\tlbm\tafw\tfys\tonv\tsoc\tvrz\twon', 'BU03440101\tCafé Ü\t2022\t4,1\t0,02\t0,01\t0\t0,01\t0\t0', ''].join('\r\n');
const BEZIT = ['VHE\tPostcode\tHuisnr\tKale huur', '000123\t1011 AB\t12\t712,50', ''].join('\r\n');

describe('UTF-16 with BOM (Excel "Unicode text") in every loader and in inspect', () => {
  for (const be of [false, true]) {
    const tag = be ? 'BE' : 'LE';
    it(`${tag}: the sniffing head is decoded text, not bytes with NULs`, () => {
      const p = put(`head-${tag}.txt`, KWB, be);
      expect(readHead(p).text.split('\r\n')[0]).toBe('ID\tWijkenEnBuurten\tGemeentenaam_1\tSoortRegio_2\tAantalInwoners_5');
    });

    it(`${tag}: KWB StatLine export is detected and read`, async () => {
      const p = put(`kwb-${tag}.txt`, KWB, be);
      expect(detectFormat(p).kind).toBe('statline-csv');
      const direct = loadStatlineCsv(p);
      const viaRegistry = await readAnyTable(p);
      for (const t of [direct, viaRegistry]) {
        const rows = t.table.objects() as Record<string, unknown>[];
        const bu = rows.find((r) => Object.values(r).includes('BU03440101'))!;
        expect(Object.values(bu)).toContain(1805);
        expect(Object.values(bu)).toContain('’s-Gravenweg Ærø');
      }
    });

    it(`${tag}: Leefbaarometer and corporation files with decimal commas`, async () => {
      const l = put(`lbm-${tag}.txt`, LBM, be);
      expect(detectFormat(l).kind).toBe('leefbaarometer');
      const lbm = loadLeefbaarometer(l);
      expect(lbm.table.array('lbm')).toEqual([4.1]);
      expect(lbm.table.array('naam')).toEqual(['Café Ü']);
      const b = put(`bezit-${tag}.txt`, BEZIT, be);
      expect(detectFormat(b).kind).toBe('corporatie-bezit');
      const bezit = loadBezit(b);
      expect(bezit.table.array('vhe')).toEqual(['000123']);
      expect(bezit.table.array('huur')).toEqual([712.5]);
    });

    it(`${tag}: a generic table falls through to the delimited reader`, async () => {
      const p = put(`tabel-${tag}.txt`, 'regio\tscore\r\nNoord\t1,5\r\nZuid\t2\r\n', be);
      expect(detectFormat(p).kind).toBe('csv');
      const t = await readAnyTable(p);
      expect(t.table.objects()).toEqual([{ regio: 'Noord', score: 1.5 }, { regio: 'Zuid', score: 2 }]);
    });
  }

  it('veerkracht inspect describes a UTF-16 KWB export', async () => {
    const p = put('kwb-inspect.txt', KWB);
    const r = await runCli(['inspect', p, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out) as { kind: string; rows: number; regions: { buurt: number } };
    expect(d.kind).toBe('statline-csv');
    expect(d.regions.buurt).toBe(1);
  });
});

describe('UTF-16 boundary files', () => {
  it('a GeoJSON saved as UTF-16 LE with BOM reads like UTF-8', async () => {
    const { readBoundaries } = await import('../../src/sources/boundaries/read.js');
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { statcode: 'BU03440101', statnaam: 'Één' }, geometry: { type: 'Polygon', coordinates: [[[135000, 455000], [136000, 455000], [136000, 456000], [135000, 456000], [135000, 455000]]] } }] };
    const b = await readBoundaries(put('buurten.geojson', JSON.stringify(fc)));
    expect(b.features[0].properties.name).toBe('Één');
    expect(b.crs).toBe('EPSG:28992');
  });
});
