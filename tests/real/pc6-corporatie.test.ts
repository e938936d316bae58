import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregateCorporatie } from '../../src/sources/corporatie/aggregate.js';
import { parseBezit } from '../../src/sources/corporatie/bezit.js';
import { createAddressLookup } from '../../src/sources/pc6/lookup.js';
import { loadPc6Table } from '../../src/sources/pc6/tables.js';
import { sharedData } from '../helpers/shared.js';

// A synthetic stock list on real addresses of the CBS pc6-huisnummer sample (Amsterdam, 1011..),
// with expected buurten computed from a plain split of the CBS file, not by the loader.
const path = sharedData('pc6/pc6hnr20250801_gwb_head100.csv');
const cbs = readFileSync(path, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',')[1].split(';'));
const buurtenOfPostcode = new Map<string, Set<string>>();
for (const [pc, , bu] of cbs) buurtenOfPostcode.set(pc, (buurtenOfPostcode.get(pc) ?? new Set()).add(`BU${bu}`));

describe('stock list placed with the real CBS postcode-huisnummer sample', () => {
  // every 3rd CBS address as a VHE (written "1011 ab" with a toevoeging), plus three extra addresses:
  // an unknown house number in a one-buurt postcode, one in a multi-buurt postcode (if any), an unknown postcode
  const vhe = cbs.filter((_, i) => i % 3 === 0).map(([pc, hnr], i) => `${i + 1};${pc.slice(0, 4)} ${pc.slice(4).toLowerCase()};${hnr};A`);
  const onePc = [...buurtenOfPostcode.entries()].find(([, s]) => s.size === 1)![0];
  const multiPc = [...buurtenOfPostcode.entries()].find(([, s]) => s.size > 1)?.[0];
  const extra = [`900;${onePc};9999;`, `901;9999ZZ;1;`];
  if (multiPc) extra.push(`902;${multiPc};9999;`);
  const text = ['VHE;Postcode;Huisnummer;Toevoeging', ...vhe, ...extra].join('\r\n');
  const bezit = parseBezit(text, { file: 'bezit.csv' });
  const agg = aggregateCorporatie({ bezit, bezitJaar: 2025, lookup: createAddressLookup({ huisnummer: loadPc6Table(path) }) });

  it('places every listed address in the buurt the CBS table gives', () => {
    const expected = new Map<string, number>();
    cbs.filter((_, i) => i % 3 === 0).forEach(([, , bu]) => expected.set(`BU${bu}`, (expected.get(`BU${bu}`) ?? 0) + 1));
    const onlyBuurt = [...buurtenOfPostcode.get(onePc)!][0];
    expected.set(onlyBuurt, (expected.get(onlyBuurt) ?? 0) + 1); // placed through its postcode
    const got = new Map((agg.table.objects() as { code: string; vhe: number }[]).map((r) => [r.code, r.vhe]));
    expect(got).toEqual(expected);
  });
  it('reports the addresses it cannot place and balances', () => {
    const reasons = Object.fromEntries(agg.bezit.unplaced.map((d) => [d.reason, d.count]));
    expect(reasons['postcode not in table']).toBe(1);
    expect(reasons['huisnummer not in table, postcode spans several buurten'] ?? 0).toBe(multiPc ? 1 : 0);
    expect(agg.bezit.aggregated + agg.bezit.unplaced.reduce((s, d) => s + d.count, 0)).toBe(agg.bezit.read);
    expect(agg.bezit.read).toBe(vhe.length + extra.length);
  });
});
