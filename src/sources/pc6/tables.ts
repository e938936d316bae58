/**
 * The two CBS address tables that place an address in a buurt: the postcode-6 + huisnummer
 * table (`PC6;Huisnummer;Buurt2025;Wijk2025;Gemeente2025`, one row per address, published per
 * year) and a derived postcode-6 table (`pc6, pc4, nbh_code, district_code, municipality_code`
 * plus names, one row per postcode). Files re-saved from pandas carry an extra leading index
 * column (`,PC6;…` / `0,1011AB;…`), which is removed.
 */
import { table } from 'arquero';
import { normalizeRegionCode, wijkOf, gemeenteOf } from '../../regions/codes.js';
import { VeerkrachtError } from '../../util/errors.js';
import { sha256Hex } from '../csv/checksum.js';
import { parseDelimited, type Delimited } from '../csv/read.js';
import { readFileBytes } from '../csv/reader.js';
import type { ColumnMeta, DroppedRows, LoadedTable } from '../types.js';
import { resolveFields, type FieldSpec } from '../corporatie/header.js';
import { normalizePostcode } from './postcode.js';
import { countDropped } from '../dropped.js';

/** Which of the two address tables a file is. */
export type Pc6TableKind = 'pc6-huisnummer' | 'pc6-buurt';

/** Fields of the CBS postcode-huisnummer table (year suffixes such as `Buurt2025` are accepted). */
export const PC6_HUISNUMMER_FIELDS: readonly FieldSpec[] = [
  { field: 'postcode', aliases: ['pc6', 'postcode6'], required: true, description: 'postcode 1234AB' },
  { field: 'huisnummer', aliases: ['hnr', 'huisnr'], required: true, description: 'house number (integer)' },
  { field: 'buurt', aliases: ['buurtcode', 'bu_code'], required: true, description: 'buurt code (BU optional)' },
  { field: 'wijk', aliases: ['wijkcode', 'wk_code'], required: false, description: 'wijk code' },
  { field: 'gemeente', aliases: ['gemeentecode', 'gm_code'], required: false, description: 'gemeente code' },
];

/** Fields of the derived postcode-6 → buurt table. */
export const PC6_BUURT_FIELDS: readonly FieldSpec[] = [
  { field: 'postcode', aliases: ['pc6', 'postcode6'], required: true, description: 'postcode 1234AB' },
  { field: 'pc4', aliases: ['postcode4'], required: false, description: 'postcode 4 digits' },
  { field: 'buurt', aliases: ['nbh_code', 'buurtcode', 'bu_code', 'neighbourhood_code'], required: true, description: 'buurt code' },
  { field: 'wijk', aliases: ['district_code', 'wijkcode', 'wk_code'], required: false, description: 'wijk code' },
  { field: 'gemeente', aliases: ['municipality_code', 'gemeentecode', 'gm_code'], required: false, description: 'gemeente code' },
  { field: 'buurt_naam', aliases: ['neighbourhood_name', 'buurtnaam'], required: false, description: 'buurt name' },
  { field: 'wijk_naam', aliases: ['district_name', 'wijknaam'], required: false, description: 'wijk name' },
  { field: 'gemeente_naam', aliases: ['municipality_name', 'gemeentenaam'], required: false, description: 'gemeente name' },
];

/** Remove a year suffix from a header (`Buurt2025` → `Buurt`) and return the year found. */
function stripYear(h: string): { name: string; year?: number } {
  const m = /^(buurt|wijk|gemeente)_?((?:19|20)\d{2})$/i.exec(h.trim());
  return m ? { name: m[1], year: Number(m[2]) } : { name: h };
}

/**
 * Remove a pandas index column: either an empty first header with integer cells, or (when the
 * file was re-saved with a comma before a `;` header) a first header `,PC6` and cells `0,1011AB`.
 *
 * @returns the table without that column and whether one was removed
 */
export function dropIndexColumn(d: Delimited): { d: Delimited; removed: boolean } {
  if (d.header.length > 1 && d.header[0] === '' && d.rows.every((r) => /^\d*$/.test(r[0] ?? ''))) {
    return { d: { ...d, header: d.header.slice(1), rows: d.rows.map((r) => r.slice(1)) }, removed: true };
  }
  if (/^,./.test(d.header[0] ?? '') && d.rows.every((r) => /^\d*,/.test(r[0] ?? ''))) {
    return {
      d: {
        ...d,
        header: [d.header[0].slice(1), ...d.header.slice(1)],
        rows: d.rows.map((r) => [r[0].replace(/^\d*,/, ''), ...r.slice(1)]),
      },
      removed: true,
    };
  }
  return { d, removed: false };
}

/** Which table the header belongs to, or null. */
export function detectPc6Kind(header: readonly string[]): Pc6TableKind | null {
  const f = header.map((h) => stripYear(h.replace(/^,/, '')).name.toLowerCase().replace(/[^a-z0-9]/g, ''));
  const hasPc6 = f.includes('pc6') || f.includes('postcode');
  if (!hasPc6) return null;
  if (f.includes('huisnummer') && f.includes('buurt')) return 'pc6-huisnummer';
  if (f.some((h) => ['nbhcode', 'buurtcode', 'bucode', 'buurt', 'neighbourhoodcode'].includes(h))) return 'pc6-buurt';
  return null;
}


/** Options of {@link parsePc6Table}. */
export interface Pc6Options {
  /** File name for messages and provenance. */
  file?: string;
  /**
   * Keep only addresses in these gemeenten (`GM0344` or `0344`); the others are counted as
   * dropped. The national table has about 9 million addresses: select to save memory.
   */
  gemeenten?: readonly string[];
  /** For an `.xlsx` workbook: the sheet (name or 1-based position); default the first. */
  sheet?: string | number;
}

/**
 * Parse one of the two address tables from bytes or text.
 *
 * Output columns: `postcode` (`1234AB`), `huisnummer` (number; huisnummer table only), `buurt`,
 * `wijk`, `gemeente` (normalised `BU…`/`WK…`/`GM…`; wijk and gemeente derived from the buurt when
 * absent), and for the derived table `pc4` and the names. Rows with an invalid postcode, house
 * number or buurt code, and repeated addresses (postcode + huisnummer, first kept), are dropped and counted; a wijk or gemeente that does not contain its
 * buurt is a warning.
 *
 * @throws VeerkrachtError when the header is neither table or a required column is missing
 * @example parsePc6Table('PC6;Huisnummer;Buurt2025\n1011AB;99;0363AF01\n').table.get('buurt', 0) // 'BU0363AF01'
 */
export function parsePc6Table(input: string | Uint8Array, options: Pc6Options = {}): LoadedTable {
  const file = options.file;
  const only = options.gemeenten ? new Set(options.gemeenten.map((g) => normalizeRegionCode(g, 'gemeente'))) : null;
  const raw = parseDelimited(input, { file, ragged: 'error', sheet: options.sheet });
  const { d, removed } = dropIndexColumn(raw);
  const kind = detectPc6Kind(d.header);
  if (kind === null) {
    throw new VeerkrachtError('not a postcode table', {
      file,
      line: d.dialect.headerLine,
      expected: 'PC6;Huisnummer;Buurt…;Wijk…;Gemeente… or pc6,pc4,nbh_code,…',
      found: d.header.join(d.dialect.delimiter).slice(0, 80),
    });
  }
  let year: number | undefined;
  const header = d.header.map((h) => {
    const s = stripYear(h);
    if (s.year !== undefined) year = s.year;
    return s.name;
  });
  const specs = kind === 'pc6-huisnummer' ? PC6_HUISNUMMER_FIELDS : PC6_BUURT_FIELDS;
  const idx = resolveFields(header, specs, { file, line: d.dialect.headerLine, what: kind });
  const cell = (r: string[], f: string): string | undefined => {
    const j = idx.get(f);
    return j === undefined ? undefined : r[j];
  };
  const cols: Record<string, unknown[]> = { postcode: [], buurt: [], wijk: [], gemeente: [] };
  if (kind === 'pc6-huisnummer') cols.huisnummer = [];
  const extra = kind === 'pc6-buurt' ? ['pc4', 'buurt_naam', 'wijk_naam', 'gemeente_naam'].filter((f) => idx.has(f)) : [];
  for (const f of extra) cols[f] = [];
  const drops = new Map<string, DroppedRows>();
  let inconsistent = 0;
  const seenAddress = new Map<string, string>();
  const inconsistentEx: string[] = [];
  for (let r = 0; r < d.rows.length; r++) {
    const row = d.rows[r];
    const line = d.lines[r];
    const pc = normalizePostcode(cell(row, 'postcode'));
    if (pc === null) {
      countDropped(drops, 'invalid postcode', `line ${line}: ${JSON.stringify(cell(row, 'postcode'))}`);
      continue;
    }
    let hnr: number | null = null;
    if (kind === 'pc6-huisnummer') {
      const h = (cell(row, 'huisnummer') ?? '').trim();
      hnr = /^\d+$/.test(h) && Number(h) > 0 ? Number(h) : null;
      if (hnr === null) {
        countDropped(drops, 'invalid huisnummer', `line ${line}: ${JSON.stringify(h)}`);
        continue;
      }
    }
    const bu = normalizeRegionCode(cell(row, 'buurt'), 'buurt');
    if (bu === null) {
      countDropped(drops, 'invalid buurt code', `line ${line}: ${JSON.stringify(cell(row, 'buurt'))}`);
      continue;
    }
    const wkRaw = cell(row, 'wijk');
    const gmRaw = cell(row, 'gemeente');
    const wk = wkRaw === undefined || wkRaw.trim() === '' ? wijkOf(bu) : normalizeRegionCode(wkRaw, 'wijk');
    const gm = gmRaw === undefined || gmRaw.trim() === '' ? gemeenteOf(bu) : normalizeRegionCode(gmRaw, 'gemeente');
    if (wk !== wijkOf(bu) || gm !== gemeenteOf(bu)) {
      inconsistent++;
      if (inconsistentEx.length < 5) inconsistentEx.push(`line ${line}: ${bu} / ${wkRaw} / ${gmRaw}`);
    }
    if (only !== null && !only.has(gemeenteOf(bu))) {
      countDropped(drops, 'outside the selected gemeenten', `line ${line}: ${bu}`);
      continue;
    }
    if (hnr !== null) {
      // one address, one buurt: a second row would silently overwrite the first in the lookup
      const key = `${pc} ${hnr}`;
      const first = seenAddress.get(key);
      if (first !== undefined) {
        countDropped(drops, 'duplicate postcode and huisnummer (first kept)', `line ${line}: ${key} ${bu} (first ${first})`);
        continue;
      }
      seenAddress.set(key, bu);
    }
    cols.postcode.push(pc);
    if (cols.huisnummer) cols.huisnummer.push(hnr);
    cols.buurt.push(bu);
    cols.wijk.push(wk);
    cols.gemeente.push(gm);
    for (const f of extra) {
      const v = (cell(row, f) ?? '').trim();
      cols[f].push(v === '' ? null : v);
    }
  }
  const warnings: string[] = [];
  if (removed) warnings.push('removed a leading index column (file re-saved with a row index)');
  if (raw.dialect.encoding === 'windows-1252') warnings.push('file is not valid UTF-8: decoded as Windows-1252');
  if (inconsistent > 0) {
    warnings.push(`${inconsistent} rows whose wijk or gemeente code does not contain the buurt code, e.g. ${inconsistentEx.join('; ')}`);
  }
  const columns: ColumnMeta[] = Object.keys(cols).map((name) => ({
    name,
    missing: cols[name].filter((v) => v === null).length,
    ...(name === 'huisnummer' ? { unit: 'nummer' } : {}),
  }));
  const dropped = [...drops.values()];
  return {
    table: table(cols),
    columns,
    provenance: {
      kind,
      file,
      checksum: typeof input === 'string' ? undefined : sha256Hex(input),
      year: year ?? yearFromFileName(file),
      edition: kind === 'pc6-huisnummer' ? 'CBS postcode-huisnummer-buurt' : 'postcode-6 → buurt',
      attribution: 'Bron: CBS',
    },
    report: {
      rowsRead: d.rows.length,
      rowsKept: cols.postcode.length,
      dropped,
      warnings,
    },
  };
}

function yearFromFileName(file: string | undefined): number | undefined {
  const m = file ? /(?:pc6hnr|_)((?:19|20)\d{2})(?:\d{4})?/.exec(file) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * Read a postcode table file (see {@link parsePc6Table}).
 *
 * @example const t = loadPc6Table('pc6hnr20250801_gwb.csv'); t.report.rowsKept
 */
export function loadPc6Table(path: string, options: Omit<Pc6Options, 'file'> = {}): LoadedTable {
  return parsePc6Table(readFileBytes(path), { ...options, file: path });
}
