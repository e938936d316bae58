import { describe, expect, it } from 'vitest';
import { table, type ColumnTable } from 'arquero';
import { deriveMicrodataShares, type ShareStatus } from '../../../src/sources/microdata/shares.js';
import { combineKeys, encodeColumn, rowKeys } from '../../../src/sources/microdata/keys.js';

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Row {
  code: string;
  jaar: number;
  groep: string;
  status: string;
  eenheid: string | null;
  aantal: number | null;
  onderdrukt: boolean;
}

/** An aggregate with suppressed groups and totals, missing totals, zero totals and three units (null included). */
function generate(seed: number, buurten: number): Row[] {
  const u = rng(seed);
  const rows: Row[] = [];
  for (let b = 0; b < buurten; b++) {
    for (const jaar of [2019, 2020, 2021]) {
      for (const status of ['instroom', 'zittend', 'uitstroom']) {
        for (const eenheid of ['personen', 'huishoudens', null]) {
          const code = `BU${String(344 + (b % 7)).padStart(4, '0')}${String(b).padStart(4, '0')}`;
          const groepen = ['ggz', 'laag_inkomen', 'lvb'];
          const withTotal = u() > 0.15;
          const cells: Row[] = [];
          if (withTotal) {
            const x = u();
            const onderdrukt = x < 0.1;
            cells.push({ code, jaar, groep: 'totaal', status, eenheid, onderdrukt, aantal: onderdrukt ? null : x < 0.2 ? 0 : Math.floor(u() * 500) });
          }
          for (const groep of groepen) {
            if (u() < 0.2) continue;
            const x = u();
            const onderdrukt = x < 0.15;
            cells.push({ code, jaar, groep, status, eenheid, onderdrukt, aantal: onderdrukt ? null : x < 0.2 ? null : Math.floor(u() * 300) });
          }
          // rows of a key are not adjacent in real files either
          for (const c of cells) rows.splice(Math.floor(u() * (rows.length + 1)), 0, c);
        }
      }
    }
  }
  return rows;
}

const toTable = (rows: Row[]): ColumnTable =>
  table({
    code: rows.map((r) => r.code),
    jaar: rows.map((r) => r.jaar),
    groep: rows.map((r) => r.groep),
    status: rows.map((r) => r.status),
    eenheid: rows.map((r) => r.eenheid),
    aantal: rows.map((r) => r.aantal),
    onderdrukt: rows.map((r) => r.onderdrukt),
  });

/** Independent reference: for each non-total row, search its totaal by comparing the four key fields. */
function reference(rows: Row[]) {
  const counts: Record<ShareStatus, number> = { ok: 0, 'groep onderdrukt': 0, 'totaal onderdrukt': 0, 'totaal ontbreekt': 0, 'totaal is 0': 0 };
  const out = rows
    .filter((r) => r.groep !== 'totaal')
    .map((r) => {
      const tot = rows.filter((t) => t.groep === 'totaal' && t.code === r.code && t.jaar === r.jaar && t.status === r.status && t.eenheid === r.eenheid);
      const t = tot.length > 0 ? tot[tot.length - 1] : undefined;
      const status: ShareStatus =
        r.onderdrukt || r.aantal === null
          ? 'groep onderdrukt'
          : t === undefined
            ? 'totaal ontbreekt'
            : t.onderdrukt || t.aantal === null
              ? 'totaal onderdrukt'
              : t.aantal === 0
                ? 'totaal is 0'
                : 'ok';
      counts[status]++;
      return {
        code: r.code,
        jaar: r.jaar,
        groep: r.groep,
        status: r.status,
        eenheid: r.eenheid,
        aantal: r.aantal,
        totaal: t === undefined ? null : t.aantal,
        aandeel_pct: status === 'ok' ? (100 * r.aantal!) / t!.aantal! : null,
        aandeel_status: status,
        aandeel_ontbreekt: status !== 'ok',
      };
    });
  return { rows: out, counts };
}

describe('deriveMicrodataShares against an independent implementation', () => {
  const rows = generate(7, 40);
  const expected = reference(rows);

  it('the generated input covers every status and unit', () => {
    for (const s of Object.keys(expected.counts) as ShareStatus[]) expect(expected.counts[s], s).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.eenheid))).toEqual(new Set(['personen', 'huishoudens', null]));
  });

  it('gives the same rows, in the same order, with the same columns and counts', () => {
    const got = deriveMicrodataShares(toTable(rows));
    expect(got.table.columnNames()).toEqual(['code', 'jaar', 'groep', 'status', 'eenheid', 'aantal', 'totaal', 'aandeel_pct', 'aandeel_status', 'aandeel_ontbreekt']);
    expect(got.table.objects()).toEqual(expected.rows);
    expect(got.counts).toEqual(expected.counts);
  });

  it('respects a filtered and sorted aggregate', () => {
    const t = toTable(rows)
      .params({ y: 2020 })
      .filter((d: { jaar: number }, $: { y: number }) => d.jaar !== $.y)
      .orderby('code', 'groep');
    const ordered = t.objects() as Row[];
    const want = reference(ordered);
    const got = deriveMicrodataShares(t);
    expect(got.table.objects()).toEqual(want.rows);
    expect(got.counts).toEqual(want.counts);
  });

  it('keeps an absent totaal, a suppressed one and a zero one apart from a null unit', () => {
    const got = deriveMicrodataShares(
      toTable([
        { code: 'BU1', jaar: 2020, groep: 'totaal', status: 'instroom', eenheid: 'personen', aantal: 40, onderdrukt: false },
        { code: 'BU1', jaar: 2020, groep: 'ggz', status: 'instroom', eenheid: null, aantal: 10, onderdrukt: false },
        { code: 'BU1', jaar: 2020, groep: 'ggz', status: 'instroom', eenheid: 'personen', aantal: 10, onderdrukt: false },
        { code: 'BU1', jaar: 2020, groep: 'totaal', status: 'instroom', eenheid: null, aantal: 0, onderdrukt: false },
        { code: 'BU1', jaar: 2021, groep: 'totaal', status: 'instroom', eenheid: null, aantal: null, onderdrukt: true },
        { code: 'BU1', jaar: 2021, groep: 'ggz', status: 'instroom', eenheid: null, aantal: 3, onderdrukt: false },
        { code: 'BU2', jaar: 2021, groep: 'ggz', status: 'instroom', eenheid: null, aantal: 3, onderdrukt: false },
      ]),
    );
    expect(got.table.array('aandeel_status')).toEqual(['totaal is 0', 'ok', 'totaal onderdrukt', 'totaal ontbreekt']);
    expect(got.table.array('aandeel_pct')).toEqual([null, 25, null, null]);
    expect(got.table.array('totaal')).toEqual([0, 40, null, null]);
  });

  it('handles an empty aggregate', () => {
    const got = deriveMicrodataShares(toTable([]));
    expect(got.table.numRows()).toBe(0);
    expect(got.counts.ok).toBe(0);
  });
});

describe('row keys', () => {
  it('encodes values as a Map compares them: null, "null" and undefined differ', () => {
    const k = encodeColumn([null, 'null', undefined, null, 'null']);
    expect(Array.from(k.ids)).toEqual([0, 1, 2, 0, 1]);
    expect(k.size).toBe(3);
  });
  it('gives equal combined codes exactly to equal tuples, also when it must re-encode large ranges', () => {
    const n = 3000;
    const a = Array.from({ length: n }, (_, i) => `c${i % 1500}`);
    const b = Array.from({ length: n }, (_, i) => (i * 7919) % 1499);
    const keys = rowKeys([a, b], n);
    expect(keys.size).toBeLessThanOrEqual(n); // 1500 × 1499 codes would not fit the direct range
    const byTuple = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const t = `${a[i]}|${b[i]}`;
      const seen = byTuple.get(t);
      if (seen === undefined) byTuple.set(t, keys.ids[i]);
      else expect(keys.ids[i]).toBe(seen);
    }
    expect(new Set(keys.ids).size).toBe(byTuple.size);
  });
  it('refuses columns of different lengths', () => {
    expect(() => combineKeys(encodeColumn([1, 2]), encodeColumn([1]))).toThrow(RangeError);
  });
});
