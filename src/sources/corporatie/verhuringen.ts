/**
 * A corporation's lettings list (verhuringen / nieuwe huurders) as exported from Excel: one row
 * per letting with date, VHE, household type, income class, urgency and previous situation.
 */
import { table } from 'arquero';
import { showValue } from '../../util/errors.js';
import { sha256Hex } from '../csv/checksum.js';
import { parseDelimited } from '../csv/read.js';
import { readFileBytes } from '../csv/reader.js';
import type { ColumnMeta, DroppedRows, LoadedTable } from '../types.js';
import { fieldCell, resolveFields, type FieldSpec } from './header.js';
import { groepenUitSituatie, parseDatum, parseJaNee, parseUrgentie } from './values.js';
import { countDropped } from '../dropped.js';
import { dialectWarnings } from '../csv/warnings.js';

/**
 * Columns of a lettings list and the accepted header names. Required: `datum`, `vhe`.
 * Optional columns that are absent make their group columns null (unknown), never false.
 */
export const VERHURING_FIELDS: readonly FieldSpec[] = [
  { field: 'datum', aliases: ['verhuurdatum', 'ingangsdatum', 'startdatum', 'contractdatum', 'ingang_contract', 'datum_verhuring', 'ingangsdatum_contract'], required: true, description: 'date of the letting' },
  { field: 'vhe', aliases: ['vhe_id', 'vhenummer', 'vhe_nr', 'vhecode', 'eenheid', 'eenheidnummer', 'eenheidnr', 'verhuureenheid', 'objectnummer', 'object_id'], required: true, description: 'VHE id as in the stock list' },
  { field: 'huishoudtype', aliases: ['huishoudsamenstelling', 'type_huishouden', 'huishouden', 'samenstelling_huishouden', 'huishoudenstype'], required: false, description: 'household type' },
  { field: 'inkomensklasse', aliases: ['inkomen', 'inkomenscategorie', 'inkomensgroep', 'inkomensgrens', 'passendtoewijzen'], required: false, description: 'income class' },
  { field: 'urgentie', aliases: ['voorrang', 'urgentiestatus', 'voorrangsstatus', 'urgent', 'toewijzingsreden', 'wijze_toewijzing', 'toewijzing'], required: false, description: 'priority / urgency status' },
  { field: 'vorige_situatie', aliases: ['herkomst', 'vorige_woonsituatie', 'woonsituatie_voor', 'instroom_uit', 'uitstroom', 'doelgroep', 'achtergrond'], required: false, description: 'previous situation (uitstroom GGZ, beschermd wonen, MO, …)' },
  { field: 'statushouder', aliases: ['vergunninghouder', 'is_statushouder'], required: false, description: 'statushouder ja/nee' },
];


/**
 * Parse a lettings list.
 *
 * Output columns: `datum` (ISO), `jaar`, `vhe`, `huishoudtype`, `inkomensklasse`,
 * `vorige_situatie` (text | null), `regel` (source line) and one boolean column per
 * {@link KWETSBARE_GROEPEN} group: `urgentie` from the urgency column; `uitstroom_ggz`,
 * `beschermd_wonen`, `maatschappelijke_opvang` from the previous situation; `statushouder` from
 * its own column, or else from the previous situation. A group is null (unknown) when its source
 * column is absent, its cell empty, or its text unrecognised (counted in a warning).
 * Rows without VHE id or date are dropped and counted.
 *
 * @throws VeerkrachtError on a missing required column or a date that is not a date
 * @example parseVerhuringen('Datum;VHE;Urgentie\n1-7-2021;17;ja\n').table.get('urgentie', 0) // true
 */
export function parseVerhuringen(input: string | Uint8Array, options: { file?: string; sheet?: string | number } = {}): LoadedTable {
  const file = options.file;
  const d = parseDelimited(input, { file, ragged: 'pad', sheet: options.sheet });
  const idx = resolveFields(d.header, VERHURING_FIELDS, { file, line: d.dialect.headerLine, what: 'the lettings list (verhuringen)' });
  const get = fieldCell(idx);
  const cols: Record<string, unknown[]> = {
    datum: [], jaar: [], vhe: [], huishoudtype: [], inkomensklasse: [], vorige_situatie: [],
    urgentie: [], uitstroom_ggz: [], beschermd_wonen: [], maatschappelijke_opvang: [], statushouder: [], regel: [],
  };
  const drops = new Map<string, DroppedRows>();
  const unknown = new Map<string, string[]>();
  const noteUnknown = (field: string, value: string): void => {
    const l = unknown.get(field) ?? [];
    if (!l.includes(value)) l.push(value);
    unknown.set(field, l);
  };
  let unknownCount = 0;
  const hasSit = idx.has('vorige_situatie');
  for (let r = 0; r < d.rows.length; r++) {
    const row = d.rows[r];
    const line = d.lines[r];
    const vhe = get(row, 'vhe');
    if (vhe === '') {
      countDropped(drops, 'no VHE id', `line ${line}`);
      continue;
    }
    const datum = parseDatum(get(row, 'datum'), { file, line, column: d.header[idx.get('datum') as number] });
    if (datum === null) {
      countDropped(drops, 'no datum', `line ${line}: VHE ${vhe}`);
      continue;
    }
    let urgentie: boolean | null = null;
    if (idx.has('urgentie')) {
      const u = parseUrgentie(get(row, 'urgentie'));
      if (u === undefined) {
        unknownCount++;
        noteUnknown('urgentie', get(row, 'urgentie'));
      } else urgentie = u;
    }
    const sit = get(row, 'vorige_situatie');
    const groups = hasSit && sit !== '' ? groepenUitSituatie(sit) : null;
    let statushouder: boolean | null = groups ? groups.statushouder : null;
    if (idx.has('statushouder')) {
      const s = parseJaNee(get(row, 'statushouder'));
      if (s === undefined) {
        unknownCount++;
        noteUnknown('statushouder', get(row, 'statushouder'));
      } else if (s !== null) statushouder = s || (groups?.statushouder ?? false);
    }
    cols.datum.push(datum);
    cols.jaar.push(Number(datum.slice(0, 4)));
    cols.vhe.push(vhe);
    cols.huishoudtype.push(get(row, 'huishoudtype') || null);
    cols.inkomensklasse.push(get(row, 'inkomensklasse') || null);
    cols.vorige_situatie.push(sit || null);
    cols.urgentie.push(urgentie);
    cols.uitstroom_ggz.push(groups ? groups.uitstroom_ggz : null);
    cols.beschermd_wonen.push(groups ? groups.beschermd_wonen : null);
    cols.maatschappelijke_opvang.push(groups ? groups.maatschappelijke_opvang : null);
    cols.statushouder.push(statushouder);
    cols.regel.push(line);
  }
  const warnings = dialectWarnings(d.dialect, { padded: true, header: d.header });
  if (unknownCount > 0) {
    const parts = [...unknown.entries()].map(([f, v]) => `${f}: ${v.slice(0, 5).map((x) => showValue(x)).join(', ')}`);
    warnings.push(`${unknownCount} cells not recognised as ja/nee or urgency status, taken as unknown (${parts.join('; ')})`);
  }
  for (const f of VERHURING_FIELDS) {
    if (idx.has(f.field) || f.required) continue;
    // without its own column the statushouder comes from the previous situation, when there is one
    if (f.field === 'statushouder' && hasSit) warnings.push('column statushouder absent: taken from the previous situation (vorige_situatie)');
    else warnings.push(`column ${f.field} absent: its values are unknown (null)`);
  }
  const columns: ColumnMeta[] = Object.keys(cols).map((name) => ({
    name,
    missing: cols[name].filter((v) => v === null).length,
    ...(idx.has(name) ? { sourceKey: d.header[idx.get(name) as number] } : {}),
  }));
  const years = (cols.jaar as number[]).slice().sort((a, b) => a - b);
  return {
    table: table(cols),
    columns,
    provenance: {
      kind: 'corporatie-verhuringen',
      file,
      checksum: typeof input === 'string' ? undefined : sha256Hex(input),
      year: years.length > 0 ? years[years.length - 1] : undefined,
    },
    report: { rowsRead: d.rows.length, rowsKept: cols.vhe.length, dropped: [...drops.values()], warnings },
  };
}

/**
 * Read a lettings list file (see {@link parseVerhuringen}).
 *
 * @example const verhuringen = loadVerhuringen('verhuringen.csv');
 */
export function loadVerhuringen(path: string, options: { sheet?: string | number } = {}): LoadedTable {
  return parseVerhuringen(readFileBytes(path), { file: path, sheet: options.sheet });
}
