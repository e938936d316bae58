import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeCp1252 } from '../../src/demo/index.js';
import { demoPath, demoText, records, splitCsv } from './files.js';

// integer millionths of a printed decimal (exact, no floating point)
const micro = (s: string): number => {
  const neg = s.startsWith('-');
  const [i, f = ''] = s.replace('-', '').split('.');
  const v = Number(i) * 1e6 + Number(f.padEnd(6, '0').slice(0, 6));
  return neg ? -v : v;
};

describe('Leefbaarometer buurt file', () => {
  const rows = records(demoText('leefbaarometer/synthetisch_leefbaarometer-scores-buurten-2014-2022.csv'), ',');

  it('has the official long layout and years', () => {
    expect(Object.keys(rows[0])).toEqual(['bu_code', 'bu_naam', 'jaar', 'lbm', 'afw', 'fys', 'onv', 'soc', 'vrz', 'won']);
    expect(new Set(rows.map((r) => r.jaar))).toEqual(new Set(['2014', '2016', '2018', '2020', '2022']));
  });

  it('lbm − afw = 4.1023 and afw = fys+onv+soc+vrz+won exactly as printed; 2016 without dimensions', () => {
    let checked = 0;
    for (const r of rows) {
      if (r.lbm === 'NA') continue;
      expect(micro(r.lbm) - micro(r.afw)).toBe(4102300);
      if (r.jaar === '2016') {
        expect([r.fys, r.onv, r.soc, r.vrz, r.won]).toEqual(['NA', 'NA', 'NA', 'NA', 'NA']);
        continue;
      }
      expect(micro(r.fys) + micro(r.onv) + micro(r.soc) + micro(r.vrz) + micro(r.won)).toBe(micro(r.afw));
      checked++;
    }
    expect(checked).toBeGreaterThan(600);
  });
});

describe('corporation exports (Excel-Dutch, Windows-1252)', () => {
  const files = readdirSync(demoPath('corporatie'));
  const decode = (f: string): string => new TextDecoder('windows-1252').decode(readFileSync(demoPath(`corporatie/${f}`)));

  it('are ; separated with decimal commas, CRLF, and need Windows-1252 for ë/é/ö', () => {
    for (const f of files) {
      const bytes = readFileSync(demoPath(`corporatie/${f}`));
      expect(bytes.includes(0xeb) || bytes.includes(0xe9) || bytes.includes(0xf6)).toBe(true); // ë é ö as single bytes
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      const text = decode(f);
      expect(text).toContain('\r\n');
      const rows = splitCsv(text, ';');
      for (const r of rows) expect(r.length).toBe(rows[0].length);
    }
    const stock = records(decode(files.find((f) => f.includes('bezit'))!), ';');
    expect(stock.length).toBeGreaterThan(1000);
    for (const r of stock.slice(0, 200)) expect(r['Kale huur']).toMatch(/^\d+,\d{2}$/);
    expect(stock.some((r) => /ë|é|ö|ï/.test(r.Straat))).toBe(true);
  });

  it('addresses are placed by the pc6 table except the few left out on purpose', () => {
    const stock = records(decode(files.find((f) => f.includes('bezit'))!), ';');
    const pc = records(demoText('pc6/synthetisch_pc6hnr20220801_gwb.csv'), ';');
    expect(Object.keys(pc[0])).toEqual(['PC6', 'Huisnummer', 'Buurt2022', 'Wijk2022', 'Gemeente2022']);
    const table = new Map(pc.map((r) => [`${r.PC6}|${r.Huisnummer}`, r.Buurt2022]));
    const addresses = new Set(stock.map((r) => `${r.Postcode}|${r.Huisnummer}`));
    const unplaced = [...addresses].filter((a) => !table.has(a));
    expect(unplaced.length).toBeGreaterThan(0);
    expect(unplaced.length / addresses.size).toBeLessThan(0.01);
    const geo = JSON.parse(demoText('geo/synthetisch_buurten_2019-2022_rd.geojson'));
    const codes = new Set(geo.features.map((f: { properties: { buurtcode: string } }) => f.properties.buurtcode.slice(2)));
    for (const b of table.values()) expect(codes.has(b)).toBe(true);
  });
});

describe('microdata aggregates', () => {
  const rows = records(demoText('microdata/synthetisch_microdata_buurt_jaar_groep_status.csv'), ',');

  it('buurt × jaar × groep × status with small cells suppressed as x', () => {
    expect(Object.keys(rows[0])).toEqual(['buurtcode', 'jaar', 'groep', 'status', 'aantal_personen']);
    expect(new Set(rows.map((r) => r.groep))).toEqual(new Set(['totaal', 'kwetsbaar', 'laag_inkomen']));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['instroom', 'zittend']));
    let x = 0;
    for (const r of rows) {
      if (r.aantal_personen === 'x') x++;
      else expect(Number(r.aantal_personen)).toBeGreaterThanOrEqual(10);
    }
    expect(x).toBeGreaterThan(0);
    // each year uses its own indeling: a split buurt code of 2014 is gone in 2022
    const y2014 = new Set(rows.filter((r) => r.jaar === '2014').map((r) => r.buurtcode));
    const y2022 = new Set(rows.filter((r) => r.jaar === '2022').map((r) => r.buurtcode));
    expect([...y2014].filter((c) => !y2022.has(c)).length).toBe(3);
  });
});

describe('encodeCp1252', () => {
  it('maps ASCII and Latin-1 to themselves and the 0x80–0x9F block to its punctuation', () => {
    // Node's decoder treats windows-1252 as Latin-1 for 0x80–0x9F, so that block is checked by hand
    const bytes = Uint8Array.from({ length: 256 - 32 }, (_, i) => i + 32).filter((b) => b !== 0x7f && (b < 0x80 || b > 0x9f));
    const text = new TextDecoder('latin1').decode(bytes);
    expect([...encodeCp1252(text)]).toEqual([...bytes]);
    expect([...encodeCp1252('€„…–—‘’“”™')]).toEqual([0x80, 0x84, 0x85, 0x96, 0x97, 0x91, 0x92, 0x93, 0x94, 0x99]);
    expect([...encodeCp1252('Poëzie Café Coöperatie')].filter((b) => b > 0x7f)).toEqual([0xeb, 0xe9, 0xf6]);
    expect(() => encodeCp1252('ł')).toThrow(/U\+0142/);
  });
});
