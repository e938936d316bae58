import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAddressLookup } from '../../src/sources/pc6/lookup.js';
import { loadPc6Table } from '../../src/sources/pc6/tables.js';
import { sharedData } from '../helpers/shared.js';

describe('CBS postcode-huisnummer table (head 100, 1 Aug 2025)', () => {
  const path = sharedData('pc6/pc6hnr20250801_gwb_head100.csv');
  const t = loadPc6Table(path);
  // independent reading: plain line split of "idx,PC6;Huisnummer;Buurt;Wijk;Gemeente"
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',')[1].split(';'));
  it('keeps all 100 rows with 2025 codes', () => {
    expect(t.report.rowsRead).toBe(100);
    expect(t.report.rowsKept).toBe(lines.length);
    expect(t.provenance.year).toBe(2025);
  });
  it('places every address in its own table row', () => {
    const lookup = createAddressLookup({ huisnummer: t });
    for (const [pc, hnr, bu, wk, gm] of lines) {
      const p = lookup.placeAddress(`${pc.slice(0, 4)} ${pc.slice(4).toLowerCase()}`, hnr);
      expect(p).toMatchObject({ placed: true, via: 'huisnummer', buurt: `BU${bu}`, wijk: `WK${wk}`, gemeente: `GM${gm}` });
    }
  });
});

describe('derived pc6 → buurt table (head 100)', () => {
  const path = sharedData('pc6/pc6_pc4_buurt_2025_head100.csv');
  const t = loadPc6Table(path);
  it('reads 100 postcodes, municipality codes padded back to 4 digits', () => {
    expect(t.provenance.kind).toBe('pc6-buurt');
    expect(t.report.rowsKept).toBe(100);
    expect(t.table.get('gemeente', 0)).toBe('GM0363');
    expect(t.table.get('buurt_naam', 0)).toBe('Oosterdokseiland');
    expect(t.report.warnings.filter((w) => w.includes('does not contain'))).toEqual([]);
  });
});
