// The outputs beside the map: a page per gemeente (with its index) and signalen.xlsx, checked
// against the run's own signalen-plain.csv (a different writer: the CSV) and read back with the
// toolkit's xlsx reader.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoConfig } from '../../src/run/config.js';
import { runJob } from '../../src/run/job.js';
import { readAnyTable } from '../../src/sources/registry.js';
import { plainRows } from '../helpers/plain-csv.js';
import { SIGNAL_LABELS, type SignalCategory } from '../../src/signal/categories.js';

const home = new URL('../..', import.meta.url).pathname;
let out: string;
let csv: Record<string, string>[];

beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'vk-pages-')), 'out');
  await runJob(demoConfig(home), out);
  csv = plainRows(join(out, 'signalen-plain.csv'));
}, 120_000);

describe('a page per gemeente', () => {
  it('exists for every gemeente of the demo and is linked from the index', () => {
    const gemeenten = [...new Set(csv.map((r) => r.gemeente))].sort();
    expect(gemeenten).toHaveLength(4);
    const files = readdirSync(join(out, 'gemeenten'));
    const index = readFileSync(join(out, 'gemeenten/index.html'), 'utf8');
    for (const g of gemeenten) {
      const naam = csv.find((r) => r.gemeente === g)!.gemeentenaam;
      const page = `${g}-${naam}`;
      expect(files).toContain(`${page}.html`);
      expect(files).toContain(`${page}.png`);
      expect(index).toContain(`href="${page}.html"`);
    }
  });

  it('lists exactly the buurten of its gemeente with their category, and counts them', () => {
    for (const g of [...new Set(csv.map((r) => r.gemeente))]) {
      const mine = csv.filter((r) => r.gemeente === g);
      const html = readFileSync(join(out, 'gemeenten', `${g}-${mine[0].gemeentenaam}.html`), 'utf8');
      const body = html.slice(html.indexOf('<th>naam</th>'));
      const rows = body.slice(0, body.indexOf('</tbody>')).split('<tr>').slice(1);
      expect(rows).toHaveLength(mine.length);
      for (const r of mine) {
        const row = rows.find((x) => x.includes(`<td>${r.code}</td>`));
        expect(row, r.code).toBeDefined();
        expect(row).toContain(SIGNAL_LABELS[r.categorie as SignalCategory]);
      }
      const onderDruk = mine.filter((r) => r.categorie === 'veerkracht_onder_druk').length;
      expect(html).toMatch(new RegExp(`Veerkracht onder druk</td><td class="n">${onderDruk}</td>`));
      // printable and offline: A4 print rules, no request to any host
      expect(html).toContain('@page { size: A4');
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(html).toContain('synthetische gegevens');
      expect(html).toContain('illustratieve standaard');
    }
  });
});

describe('signalen.xlsx', () => {
  it('holds the same regions and numbers as signalen-plain.csv, as real numbers', async () => {
    const book = await readAnyTable(join(out, 'signalen.xlsx'));
    const t = book.table;
    expect(t.numRows()).toBe(csv.length);
    const code = t.array('code') as string[];
    const dK = t.array('dK') as (number | null)[];
    const inw = t.array('inwoners') as (number | null)[];
    expect(typeof inw.find((x) => x !== null)).toBe('number');
    csv.forEach((r, i) => {
      expect(code[i]).toBe(r.code);
      if (r.dK === '') expect(dK[i]).toBeNull();
      else expect(dK[i]).toBeCloseTo(Number(r.dK), 9);
      expect(inw[i]).toBe(r.inwoners === '' ? null : Number(r.inwoners));
    });
  });
});

describe('the output folder', () => {
  it('keeps what the user put there but drops pages of an earlier run that the new run does not write', async () => {
    const { writeFileSync, mkdirSync, existsSync } = await import('node:fs');
    const dir = join(mkdtempSync(join(tmpdir(), 'vk-carry-')), 'out');
    mkdirSync(join(dir, 'gemeenten'), { recursive: true });
    writeFileSync(join(dir, 'gemeenten', 'GM0001-Oud.html'), 'stale page of an earlier run');
    writeFileSync(join(dir, 'mijn-notities.txt'), 'kept');
    await runJob(demoConfig(home), dir);
    expect(existsSync(join(dir, 'gemeenten', 'GM0001-Oud.html'))).toBe(false);
    expect(readFileSync(join(dir, 'mijn-notities.txt'), 'utf8')).toBe('kept');
    expect(existsSync(join(dir, 'samenvatting.json'))).toBe(true);
  }, 120_000);
});

describe('gemeentePaginas', () => {
  it('"html" writes the pages without PNGs, false writes none, an odd value names the field', async () => {
    const { existsSync } = await import('node:fs');
    const { parseRunConfig } = await import('../../src/run/config.js');
    const html = join(mkdtempSync(join(tmpdir(), 'vk-gp-')), 'out');
    await runJob({ ...demoConfig(home), gemeentePaginas: 'html' }, html);
    const files = readdirSync(join(html, 'gemeenten'));
    expect(files.filter((f) => f.endsWith('.html'))).toHaveLength(5);
    expect(files.filter((f) => f.endsWith('.png'))).toHaveLength(0);
    const none = join(mkdtempSync(join(tmpdir(), 'vk-gp-')), 'out');
    await runJob({ ...demoConfig(home), gemeentePaginas: false }, none);
    expect(existsSync(join(none, 'gemeenten'))).toBe(false);
    const d = demoConfig(home);
    const json = { period: { t0: 2014, t1: 2022 }, inputs: { kwb: { '2014': d.inputs.kwb['2014'].file, '2022': d.inputs.kwb['2022'].file }, leefbaarometer: d.inputs.leefbaarometer, boundaries: d.inputs.boundaries }, gemeentePaginas: 'pdf' };
    expect(() => parseRunConfig(json, 'run.json', home)).toThrow(/gemeentePaginas.*true, false, "html" or "auto"/);
  }, 120_000);
});
