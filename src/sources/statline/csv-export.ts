/**
 * StatLine CSV exports in the three layouts researchers have: topic keys as headers
 * (`WijkenEnBuurten, SoortRegio_2, AantalInwoners_5, …`), topic titles as headers (plain or
 * R-mangled `Bevolking.Aantal.inwoners..aantal.`), and the "with statistical symbols" layout
 * (title line, `Onderwerp` line, `|`-joined topic paths, a units line, `Bron: CBS` footer).
 */
import { basename } from 'node:path';
import { VeerkrachtError } from '../../util/errors.js';
import { decodeText } from '../csv/decode.js';
import { isLegacyXls, isZip, legacyXlsError } from '../xlsx/read.js';
import { delimitedText, xlsxDelimited } from '../xlsx/table.js';
import { mayHoldMojibake, mojibakeWarning } from '../csv/mojibake.js';
import { sniffDelimiter } from '../csv/dialect.js';
import { gridCellText, scanCells, splitRecords, type CellGrid } from '../csv/records.js';
import { cleanInvisible, duplicateHeaderWarnings, hasInvisible, invisibleWarning } from '../csv/invisible.js';
import { sha256Hex } from '../csv/checksum.js';
import { readFileBytes } from '../csv/reader.js';
import type { LoadedTable } from '../types.js';
import { assembleStatline, type RegionRoles, type StatlineColumnInput } from './assemble.js';
import { statlineRegionRoles } from './odata.js';
import type { TopicInfo } from './properties.js';
import { KWB_TABLES, findTableId, kwbYearOfTable } from './tables.js';
import { normalizeTitle, parseMangledTitle, parseTitleWithUnit } from './titles.js';

/** The StatLine CSV layouts we read. */
export type StatlineCsvLayout = 'keys' | 'titles' | 'symbols';

const REGION_STEMS = new Set(['WijkenEnBuurten', 'RegioS', 'SoortRegio', 'Codering', 'GemeentenEnWijken']);

const KEY_RE = /^[A-Za-z][A-Za-z0-9]*_\d+$|^k_[A-Za-z0-9]+_\d+$/;

/**
 * Which StatLine layout a file's first records have, or null when it is not a StatLine export.
 *
 * @example statlineCsvLayout([['ID', 'WijkenEnBuurten', 'SoortRegio_2']]) // 'keys'
 */
export function statlineCsvLayout(records: readonly string[][]): StatlineCsvLayout | null {
  if (records.length === 0) return null;
  const h = records[0];
  if (h.length === 1 && records.slice(1, 6).some((r) => r.some((c) => c === 'Onderwerp' || c.includes('|')))) return 'symbols';
  const keys = h.filter((c) => KEY_RE.test(c)).length;
  const regionKey = h.some((c) => REGION_STEMS.has(c.replace(/_\d+$/, '')));
  if ((regionKey && keys >= 1) || (h.length >= 3 && keys >= h.length * 0.8)) return 'keys';
  const mangled = h.filter((c) => parseMangledTitle(c) !== null).length;
  if (h.length >= 3 && mangled >= h.length / 2) return 'titles';
  const titles = h.map((c) => normalizeTitle(c));
  if (titles.includes('wijken en buurten') && titles.some((t) => t.includes('soort regio') || t.includes('codering'))) return 'titles';
  return null;
}

/** Region roles of a titles export from its (normalised) topic paths. */
function titleRoles(infos: readonly TopicInfo[], first: string): RegionRoles {
  const roles: RegionRoles = { ignore: [] };
  for (const i of infos) {
    const t = normalizeTitle(i.title ?? i.key);
    if (i.key === first && (first === '' || /^x?$/.test(t))) roles.ignore!.push(i.key);
    else if (t === 'wijken en buurten' || t === 'regio s' || t === 'regios') roles.name = i.key;
    else if (/(^| )codering$/.test(t)) roles.code = i.key;
    else if (/(^| )soort regio$/.test(t)) roles.soort = i.key;
    else if (/(^| )gemeentenaam$/.test(t) || t === 'id') roles.ignore!.push(i.key);
  }
  return roles;
}

/** Year of an export from a title line (`Kerncijfers wijken en buurten 2015`) or the file name (`kwb2017_…`). */
function yearFrom(texts: readonly string[]): number | null {
  for (const t of texts) {
    const m = /(?:wijken en buurten|kwb)[ _-]?((?:19|20)\d{2})/i.exec(t);
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * The columns of a grid's body: each reads its cells from the text; its strings (`values`) are
 * made only when asked for (a column with a cell that is not a number, for the message).
 */
function gridColumns(infos: readonly TopicInfo[], grid: CellGrid): StatlineColumnInput[] {
  return infos.map((info, j) => {
    let values: string[] | undefined;
    return {
      info,
      cells: { grid, j },
      get values(): string[] {
        if (values === undefined) {
          values = new Array<string>(grid.rows);
          for (let r = 0; r < grid.rows; r++) values[r] = gridCellText(grid, r, j);
        }
        return values;
      },
    };
  });
}

/** Options of {@link loadStatlineCsv}. */
export interface StatlineCsvOptions {
  /** Missing-value symbols (default `.`, `x`, `-`, `?`, `NA`, empty). */
  missing?: readonly string[];
  /** For an `.xlsx` export: the sheet (name or 1-based position); default the first. */
  sheet?: string | number;
}

/**
 * Load a StatLine CSV export of any of the three layouts from bytes.
 *
 * @throws VeerkrachtError when the layout is not recognised or a row has the wrong number of fields
 */
export function parseStatlineCsv(bytes: Uint8Array, file: string, options: StatlineCsvOptions = {}): LoadedTable {
  if (isLegacyXls(bytes)) throw legacyXlsError(file);
  // an .xlsx export is read as its first sheet, header first, lines = Excel rows
  const { text, encoding } = isZip(bytes) ? { text: delimitedText(xlsxDelimited(bytes, { file, sheet: options.sheet }), { alignLines: true }), encoding: 'utf-8' } : decodeText(bytes, { file });
  const delimiter = sniffDelimiter(text);
  const anyInvisible = hasInvisible(text);
  const anyMojibake = mayHoldMojibake(text);
  // the common file (a header of several keys or titles, every row as wide, no quote that needs
  // unescaping, no invisible character to clean): the body as bounds in the text, typed without a string per
  // number. Its header decides the layout exactly as all records would (only a one-field header
  // looks further). Anything else is split into strings as before.
  const head = splitRecords(text, { delimiter, file, maxRecords: 1 });
  const width = head.records.length === 1 ? head.records[0].length : 0;
  const grid = width > 1 && !anyInvisible ? scanCells(text, { delimiter, width, from: head.end, line: head.nextLine }) : null;
  const { records, lines } = grid !== null ? head : splitRecords(text, { delimiter, file });
  const invisible = anyInvisible ? cleanInvisible(records, lines) : null;
  const layout = statlineCsvLayout(records);
  if (layout === null) {
    throw new VeerkrachtError('not a StatLine CSV export', {
      file,
      line: lines[0] ?? 1,
      expected: 'topic keys (WijkenEnBuurten, SoortRegio_2, …), topic titles or the "with statistical symbols" layout',
      found: JSON.stringify((records[0] ?? []).slice(0, 4).join(delimiter)),
    });
  }
  const warnings: string[] = [];
  if (encoding === 'windows-1252') warnings.push('file is not valid UTF-8: decoded as Windows-1252');
  const moji = anyMojibake ? mojibakeWarning(records, lines, grid ?? undefined) : null;
  if (moji) warnings.push(moji);
  if (invisible) {
    const w = invisibleWarning(invisible, records[0] ?? []);
    if (w) warnings.push(w);
  }
  if (layout === 'keys') warnings.push(...duplicateHeaderWarnings(records[0]));
  let infos: TopicInfo[];
  let dataStart: number;
  let roles: RegionRoles;
  let year: number | null = null;
  const tableId = findTableId(basename(file));
  if (layout === 'keys') {
    infos = records[0].map((k) => ({ key: k }));
    dataStart = 1;
    roles = statlineRegionRoles(records[0]);
  } else if (layout === 'titles') {
    infos = records[0].map((h, j) => {
      const m = parseMangledTitle(h) ?? parseTitleWithUnit(h);
      const key = h === '' ? `column_${j + 1}` : h;
      return m ? { key, title: m.path, unit: m.unit } : { key, title: h };
    });
    dataStart = 1;
    roles = titleRoles(infos, infos[0].key);
  } else {
    // symbols: title, (blank), "";"Onderwerp", paths, units, data…, "Bron: CBS"
    const title = records[0][0];
    year = yearFrom([title]);
    let p = 1;
    while (p < records.length && !records[p].some((c) => c.includes('|')) && !(records[p].length > 2)) p++;
    if (p >= records.length) throw new VeerkrachtError('no topic line found', { file, expected: 'a line with topic paths' });
    const paths = records[p];
    const units = records[p + 1] ?? [];
    const nDims = paths.findIndex((c) => c !== '');
    infos = paths.map((c, j) => {
      if (j < nDims) {
        const name = units[j] || `dimensie_${j + 1}`;
        return { key: name, title: name, type: 'Dimension' };
      }
      const parts = c.split('|').map((s) => s.trim());
      const info: TopicInfo = { key: parts.join(' / '), title: parts[parts.length - 1], path: parts.join(' / ') };
      if (units[j]) info.unit = units[j];
      return info;
    });
    dataStart = p + 2;
    roles = { ignore: [] };
    const nameIdx = infos.findIndex((i) => normalizeTitle(i.key) === 'wijken en buurten' || normalizeTitle(i.key) === 'regio s');
    if (nameIdx >= 0) roles.name = infos[nameIdx].key;
    warnings.push(`"with statistical symbols" layout: ${title}`);
  }
  const columns: StatlineColumnInput[] = grid !== null && layout !== 'symbols' ? gridColumns(infos, grid) : [];
  const rows: string[][] = [];
  const rowLines: number[] = grid !== null ? grid.lines : [];
  let footer = 0;
  for (let r = grid !== null ? records.length : dataStart; r < records.length; r++) {
    const rec = records[r];
    if (rec.length === 1 && infos.length > 1 && (layout === 'symbols' || /^bron/i.test(rec[0]))) {
      footer++;
      continue;
    }
    if (rec.length !== infos.length) {
      throw new VeerkrachtError('wrong number of fields', {
        file,
        line: lines[r],
        expected: `${infos.length} fields like the header (delimiter ${JSON.stringify(delimiter)})`,
        found: `${rec.length}`,
      });
    }
    rows.push(rec);
    rowLines.push(lines[r]);
  }
  if (footer > 0) warnings.push(`${footer} footer line(s) skipped (e.g. "Bron: CBS")`);
  if (grid === null) {
    for (let j = 0; j < infos.length; j++) {
      const values = new Array<string>(rows.length);
      for (let r = 0; r < rows.length; r++) values[r] = rows[r][j];
      columns.push({ info: infos[j], values });
    }
  }
  year = year ?? (tableId ? kwbYearOfTable(tableId) : null) ?? yearFrom([basename(file)]);
  const latest = Math.max(...Object.keys(KWB_TABLES).map(Number));
  if (year !== null && (year < 1995 || year > latest + 1)) {
    warnings.push(`year ${year} has no KWB edition (known editions up to ${latest}): check the file name or title`);
  }
  const tableYear = tableId ? kwbYearOfTable(tableId) : null;
  if (tableYear !== null && year !== null && tableYear !== year) {
    warnings.push(`table ${tableId} is KWB ${tableYear} but the title says ${year} (title year used)`);
  }
  return assembleStatline({
    kind: `statline-csv`,
    file,
    checksum: sha256Hex(bytes),
    tableId,
    year,
    edition: year ? `KWB ${year}` : undefined,
    columns,
    roles,
    lines: rowLines,
    missing: options.missing,
    warnings: [`layout: ${layout}`, ...warnings],
  });
}

/**
 * Read a StatLine CSV export (keys, titles or symbols layout) into a typed table.
 *
 * @example const kwb = loadStatlineCsv('kwb2017_83765NED_nl_22topics.csv'); kwb.report.dropped
 */
export function loadStatlineCsv(path: string, options: StatlineCsvOptions = {}): LoadedTable {
  return parseStatlineCsv(readFileBytes(path), path, options);
}

/** True when the first records look like a StatLine export (used by the format registry). */
export function isStatlineCsvHead(text: string): boolean {
  try {
    const d = sniffDelimiter(text);
    const { records } = splitRecords(text, { delimiter: d, maxRecords: 6 });
    return statlineCsvLayout(records) !== null;
  } catch {
    return false;
  }
}
