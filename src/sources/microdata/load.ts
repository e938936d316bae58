/**
 * Load a microdata aggregate (see `format.ts` for the columns) into a typed table with
 * suppressed cells as null and flagged.
 */
import { table } from 'arquero';
import { normalizeRegionCode } from '../../regions/codes.js';
import { VeerkrachtError, showValue } from '../../util/errors.js';
import { sha256Hex } from '../csv/checksum.js';
import { parseNumberCell } from '../csv/number.js';
import { parseDelimited } from '../csv/read.js';
import { readFileBytes } from '../csv/reader.js';
import { fieldCell, resolveFields } from '../corporatie/header.js';
import type { ColumnMeta, DroppedRows, LoadedTable } from '../types.js';
import { MICRODATA_FIELDS, TOTAAL_GROEP, normalizeGroep, normalizeStatus, suppressionMarker } from './format.js';
import { countDropped } from '../dropped.js';
import { dialectWarnings } from '../csv/warnings.js';


/**
 * Parse a microdata aggregate.
 *
 * Output columns: `code` (normalised region code), `jaar`, `groep`, `status`, `eenheid`
 * (null when the file has no unit column), `aantal` (number | null), `onderdrukt` (boolean),
 * `markering` (the suppression marker as written, or null), `regel` (source line).
 * Rows with an invalid region code and repeated keys (first kept) are dropped and counted.
 * Warnings: groups larger than their `totaal`, buurt × year × status without a `totaal` row.
 *
 * @throws VeerkrachtError on a missing column, a bad year or status, or a count that is neither
 *   a non-negative number nor a suppression marker
 * @example parseMicrodata('buurtcode;jaar;groep;status;aantal\nBU03440101;2020;ggz;instroom;<10\n').table.get('onderdrukt', 0) // true
 */
export function parseMicrodata(input: string | Uint8Array, options: { file?: string; sheet?: string | number } = {}): LoadedTable {
  const file = options.file;
  const d = parseDelimited(input, { file, sheet: options.sheet });
  const idx = resolveFields(d.header, MICRODATA_FIELDS, { file, line: d.dialect.headerLine, what: 'the microdata aggregate' });
  const get = fieldCell(idx);
  const colName = (f: string): string => d.header[idx.get(f) as number];
  const cols: Record<string, unknown[]> = { code: [], jaar: [], groep: [], status: [], eenheid: [], aantal: [], onderdrukt: [], markering: [], regel: [] };
  const drops = new Map<string, DroppedRows>();
  const seen = new Set<string>();
  for (let r = 0; r < d.rows.length; r++) {
    const row = d.rows[r];
    const line = d.lines[r];
    const raw = get(row, 'buurtcode');
    const code = /^(GM|WK|BU)/i.test(raw) ? normalizeRegionCode(raw) : normalizeRegionCode(raw, 'buurt');
    if (code === null) {
      countDropped(drops, 'invalid region code', `line ${line}: ${showValue(raw)}`);
      continue;
    }
    const jt = get(row, 'jaar');
    if (!/^(19|20)\d{2}$/.test(jt)) throw new VeerkrachtError('not a year', { file, line, column: colName('jaar'), expected: 'a four-digit year', found: showValue(jt) });
    const status = normalizeStatus(get(row, 'status'));
    if (status === null) {
      throw new VeerkrachtError('unknown status', { file, line, column: colName('status'), expected: 'instroom, zittend or uitstroom', found: showValue(get(row, 'status')) });
    }
    const groep = normalizeGroep(get(row, 'groep'));
    if (groep === '') throw new VeerkrachtError('empty group', { file, line, column: colName('groep'), expected: `a group label or "${TOTAAL_GROEP}"`, found: '""' });
    let eenheid: string | null = null;
    if (idx.has('eenheid')) {
      const e = get(row, 'eenheid').toLowerCase();
      if (e !== '' && e !== 'personen' && e !== 'huishoudens') {
        throw new VeerkrachtError('unknown unit', { file, line, column: colName('eenheid'), expected: 'personen or huishoudens', found: showValue(e) });
      }
      eenheid = e === '' ? null : e;
    }
    const cell = get(row, 'aantal');
    const marker = suppressionMarker(cell);
    let aantal: number | null = null;
    if (marker === null) {
      aantal = parseNumberCell(cell, { file, line, column: colName('aantal'), decimal: cell.includes(',') ? ',' : '.', missing: [] });
      if (aantal === null || aantal < 0) {
        throw new VeerkrachtError('negative count', { file, line, column: colName('aantal'), expected: 'a count ≥ 0 or a suppression marker', found: showValue(cell) });
      }
    }
    const key = `${code}|${jt}|${groep}|${status}|${eenheid}`;
    if (seen.has(key)) {
      countDropped(drops, 'duplicate buurtcode, jaar, groep, status (first kept)', `line ${line}: ${code} ${jt} ${groep} ${status}`);
      continue;
    }
    seen.add(key);
    cols.code.push(code);
    cols.jaar.push(Number(jt));
    cols.groep.push(groep);
    cols.status.push(status);
    cols.eenheid.push(eenheid);
    cols.aantal.push(aantal);
    cols.onderdrukt.push(marker !== null);
    cols.markering.push(marker);
    cols.regel.push(line);
  }
  const warnings = dialectWarnings(d.dialect, { header: d.header });
  // consistency with the totaal rows
  const totals = new Map<string, number | null>();
  const n = cols.code.length;
  const keyOf = (i: number): string => `${cols.code[i]}|${cols.jaar[i]}|${cols.status[i]}|${cols.eenheid[i]}`;
  for (let i = 0; i < n; i++) if (cols.groep[i] === TOTAAL_GROEP) totals.set(keyOf(i), cols.aantal[i] as number | null);
  const larger: string[] = [];
  const noTotal = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (cols.groep[i] === TOTAAL_GROEP) continue;
    const k = keyOf(i);
    if (!totals.has(k)) noTotal.add(k);
    const t = totals.get(k);
    const a = cols.aantal[i] as number | null;
    if (t !== undefined && t !== null && a !== null && a > t) larger.push(`line ${cols.regel[i]} (${cols.code[i]} ${cols.jaar[i]} ${cols.groep[i]} ${cols.status[i]}: ${a} > ${t})`);
  }
  if (larger.length > 0) warnings.push(`${larger.length} group counts exceed their totaal, e.g. ${larger.slice(0, 5).join('; ')}`);
  if (noTotal.size > 0) {
    warnings.push(`${noTotal.size} buurt × jaar × status combinations have no "${TOTAAL_GROEP}" row (their shares are missing), e.g. ${[...noTotal].slice(0, 5).map((k) => k.split('|').slice(0, 3).join(' ')).join('; ')}`);
  }
  const suppressed = (cols.onderdrukt as boolean[]).filter(Boolean).length;
  if (suppressed > 0) warnings.push(`${suppressed} of ${n} counts are suppressed (missing, not 0)`);
  const columns: ColumnMeta[] = Object.keys(cols).map((name) => ({
    name,
    missing: cols[name].filter((v) => v === null).length,
    ...(name === 'aantal' ? { unit: 'aantal', sourceKey: colName('aantal') } : {}),
  }));
  const years = [...new Set(cols.jaar as number[])].sort((a, b) => a - b);
  return {
    table: table(cols),
    columns,
    provenance: {
      kind: 'microdata-aggregaat',
      file,
      checksum: typeof input === 'string' ? undefined : sha256Hex(input),
      year: years.length > 0 ? years[years.length - 1] : undefined,
      edition: 'CBS microdata (remote access), aggregate',
      attribution: 'Bron: eigen berekeningen op CBS-microdata',
    },
    report: { rowsRead: d.rows.length, rowsKept: n, dropped: [...drops.values()], warnings },
  };
}

/**
 * Read a microdata aggregate file (see {@link parseMicrodata}).
 *
 * @example const m = loadMicrodata('instroom_buurt.csv');
 */
export function loadMicrodata(path: string, options: { sheet?: string | number } = {}): LoadedTable {
  return parseMicrodata(readFileBytes(path), { file: path, sheet: options.sheet });
}
