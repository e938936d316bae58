/**
 * A corporation's stock list (verhuureenheden) as exported from Excel: one row per VHE with
 * address, type, rent and optionally its own buurt code.
 */
import { table } from 'arquero';
import { normalizeRegionCode } from '../../regions/codes.js';
import { sha256Hex } from '../csv/checksum.js';
import { parseDelimited } from '../csv/read.js';
import { readFileBytes } from '../csv/reader.js';
import { normalizePostcode, splitHuisnummer } from '../pc6/postcode.js';
import type { ColumnMeta, DroppedRows, LoadedTable } from '../types.js';
import { fieldCell, resolveFields, type FieldSpec } from './header.js';
import { isWoningType, parseBedrag } from './values.js';
import { countDropped } from '../dropped.js';
import { dialectWarnings } from '../csv/warnings.js';

/**
 * Columns of a stock list and the header names accepted for each (compared ignoring case,
 * accents, spaces and punctuation). Required: `vhe`, `postcode`, `huisnummer`.
 */
export const BEZIT_FIELDS: readonly FieldSpec[] = [
  { field: 'vhe', aliases: ['vhe_id', 'vhenummer', 'vhe_nr', 'vhecode', 'eenheid', 'eenheidnummer', 'eenheidnr', 'verhuureenheid', 'objectnummer', 'object_id'], required: true, description: 'VHE id' },
  { field: 'postcode', aliases: ['pc6', 'pc'], required: true, description: 'postcode 1234AB' },
  { field: 'huisnummer', aliases: ['huisnr', 'hnr', 'nummer'], required: true, description: 'house number, optionally with addition' },
  { field: 'toevoeging', aliases: ['huisnummertoevoeging', 'huisletter', 'toev', 'huisnrtoev'], required: false, description: 'house number addition' },
  { field: 'type', aliases: ['woningtype', 'vhe_type', 'eenheidtype', 'objecttype', 'soort', 'type_vhe', 'typering'], required: false, description: 'VHE type (woning, garage, …)' },
  { field: 'huur', aliases: ['kale_huur', 'kalehuur', 'netto_huur', 'nettohuur', 'huurprijs', 'huur_per_maand'], required: false, description: 'monthly rent in euro' },
  { field: 'buurtcode', aliases: ['bu_code', 'buurt', 'cbs_buurtcode', 'cbs_buurt'], required: false, description: 'CBS buurt code (BU optional)' },
];


/**
 * Parse a stock list (`;` or `,`, decimal comma, Windows-1252 or UTF-8 with BOM).
 *
 * Output columns: `vhe`, `postcode` (`1234AB`, or the raw text when invalid: placing reports it),
 * `huisnummer` (number | null), `toevoeging`, `type`, `woning` (boolean, see `isWoningType`),
 * `huur` (euro | null), `buurtcode` (own code, normalised, or null), `regel` (source line).
 * Rows without a VHE id and repeated VHE ids (first kept) are dropped and counted.
 *
 * @throws VeerkrachtError on a missing required column or a rent that is not an amount
 * @example parseBezit('VHE;Postcode;Huisnr\n1;1011 ab;99\n').table.get('postcode', 0) // '1011AB'
 */
export function parseBezit(input: string | Uint8Array, options: { file?: string; sheet?: string | number } = {}): LoadedTable {
  const file = options.file;
  const d = parseDelimited(input, { file, ragged: 'pad', sheet: options.sheet });
  const idx = resolveFields(d.header, BEZIT_FIELDS, { file, line: d.dialect.headerLine, what: 'the stock list (bezit)' });
  const get = fieldCell(idx);
  const cols: Record<string, unknown[]> = { vhe: [], postcode: [], huisnummer: [], toevoeging: [], type: [], woning: [], huur: [], buurtcode: [], regel: [] };
  const drops = new Map<string, DroppedRows>();
  const seen = new Set<string>();
  let badBuurt = 0;
  const badBuurtEx: string[] = [];
  let noType = 0;
  let negHuur = 0;
  const negHuurEx: string[] = [];
  for (let r = 0; r < d.rows.length; r++) {
    const row = d.rows[r];
    const line = d.lines[r];
    const vhe = get(row, 'vhe');
    if (vhe === '') {
      countDropped(drops, 'no VHE id', `line ${line}`);
      continue;
    }
    if (seen.has(vhe)) {
      countDropped(drops, 'duplicate VHE id (first kept)', `line ${line}: ${vhe}`);
      continue;
    }
    seen.add(vhe);
    const pcRaw = get(row, 'postcode');
    const h = splitHuisnummer(get(row, 'huisnummer'), idx.has('toevoeging') ? get(row, 'toevoeging') : undefined);
    const type = get(row, 'type') || null;
    if (type === null) noType++;
    const buRaw = get(row, 'buurtcode');
    const bu = buRaw === '' ? null : normalizeRegionCode(buRaw, 'buurt');
    if (buRaw !== '' && bu === null) {
      badBuurt++;
      if (badBuurtEx.length < 5) badBuurtEx.push(`line ${line}: ${JSON.stringify(buRaw)}`);
    }
    cols.vhe.push(vhe);
    cols.postcode.push(normalizePostcode(pcRaw) ?? (pcRaw === '' ? null : pcRaw));
    cols.huisnummer.push(h ? h.huisnummer : null);
    cols.toevoeging.push(h ? h.toevoeging : null);
    cols.type.push(type);
    cols.woning.push(isWoningType(type));
    const huur = idx.has('huur') ? parseBedrag(get(row, 'huur'), { file, line, column: d.header[idx.get('huur') as number] }) : null;
    if (huur !== null && huur < 0) {
      negHuur++;
      if (negHuurEx.length < 5) negHuurEx.push(`line ${line}: ${huur}`);
    }
    cols.huur.push(huur);
    cols.buurtcode.push(bu);
    cols.regel.push(line);
  }
  const warnings = dialectWarnings(d.dialect, { padded: true, header: d.header });
  if (badBuurt > 0) warnings.push(`${badBuurt} own buurt codes are not valid buurt codes and are ignored, e.g. ${badBuurtEx.join('; ')}`);
  if (negHuur > 0) warnings.push(`${negHuur} negative rents (kept as given; a rent is ≥ 0), e.g. ${negHuurEx.join('; ')}`);
  if (idx.has('type') && noType > 0) warnings.push(`${noType} VHE without type are counted as dwellings`);
  for (const f of BEZIT_FIELDS) if (!idx.has(f.field) && !f.required) warnings.push(`column ${f.field} absent: values are null`);
  const columns: ColumnMeta[] = Object.keys(cols).map((name) => ({
    name,
    missing: cols[name].filter((v) => v === null).length,
    ...(name === 'huur' ? { unit: 'euro per maand' } : {}),
    ...(idx.has(name) ? { sourceKey: d.header[idx.get(name) as number] } : {}),
  }));
  return {
    table: table(cols),
    columns,
    provenance: { kind: 'corporatie-bezit', file, checksum: typeof input === 'string' ? undefined : sha256Hex(input) },
    report: { rowsRead: d.rows.length, rowsKept: cols.vhe.length, dropped: [...drops.values()], warnings },
  };
}

/**
 * Read a stock list file (see {@link parseBezit}).
 *
 * @example const bezit = loadBezit('bezit.csv');
 */
export function loadBezit(path: string, options: { sheet?: string | number } = {}): LoadedTable {
  return parseBezit(readFileBytes(path), { file: path, sheet: options.sheet });
}
