/**
 * Read the cells of one worksheet of an Office Open XML workbook (`.xlsx`, ECMA-376 part 1
 * §18): unzip with fflate, follow workbook.xml → its relationships → the sheet part, resolve
 * shared strings, inline and rich text, booleans, error cells, formula results and dates (a
 * number whose cell style has a date format). Synchronous, so every delimited-text loader can
 * take a workbook where it takes a CSV.
 */
import { unzipSync } from 'fflate';
import { VeerkrachtError } from '../../util/errors.js';
import { stringItemText, xmlElements, xmlText } from './xml.js';

/** A cell value: number, text, boolean, a date (as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` text) or null. */
export type XlsxValue = number | string | boolean | null;

/** One cell as stored. */
export interface XlsxCell {
  /** 0-based column. */
  col: number;
  value: XlsxValue;
  /** How Excel stored it: number, shared/inline text, boolean, a date-formatted number, an error (`#N/A`). */
  kind: 'number' | 'text' | 'boolean' | 'date' | 'error';
  /** The error text for kind `error`. */
  error?: string;
}

/** One stored row (empty rows are not stored). */
export interface XlsxRow {
  /** 1-based row number as in Excel. */
  row: number;
  cells: XlsxCell[];
}

/** A merged range, 0-based inclusive. */
export interface XlsxMerge {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** A worksheet read from a workbook. */
export interface XlsxSheet {
  /** Name of this sheet (tab). */
  name: string;
  /** Names of all worksheets in tab order. */
  sheetNames: string[];
  rows: XlsxRow[];
  merges: XlsxMerge[];
}

/** Options of {@link readXlsxSheet}. */
export interface XlsxReadOptions {
  /** Sheet name, or 1-based position among the worksheets. Default: the first visible worksheet. */
  sheet?: string | number;
  /** File name for messages. */
  file?: string;
}

/** True when the bytes start like a ZIP archive (every .xlsx is one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** True when the bytes are an OLE2 compound file: legacy Excel `.xls` (BIFF). */
export function isLegacyXls(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}

/** The one-line error for a legacy `.xls` file. */
export function legacyXlsError(file?: string): VeerkrachtError {
  return new VeerkrachtError('legacy Excel .xls is not read: save as .xlsx or CSV', { file, expected: 'an .xlsx workbook or a CSV file', found: 'an Excel 97–2003 (.xls) file' });
}

/**
 * Column index of a cell reference (`A1` → 0, `AB12` → 27) and its row (1-based).
 *
 * @example cellRef('AB12') // { col: 27, row: 12 }
 */
export function cellRef(ref: string): { col: number; row: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return { col: -1, row: -1 };
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) };
}

/** Column letters of a 0-based index (0 → `A`, 27 → `AB`). */
export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// Built-in number formats that are dates or times (ECMA-376 §18.8.30; 27–36 and 50–58 are the
// East Asian date formats).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True when a custom number format code shows a date or time (d, m, y, h, s outside quotes and brackets). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '').split(';')[0];
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\sE+-]*$/i.test(bare);
}

function decodeUtf8(bytes: Uint8Array | undefined): string | undefined {
  return bytes === undefined ? undefined : new TextDecoder('utf-8').decode(bytes);
}

function resolveTarget(target: string): string {
  const t = target.replace(/\\/g, '/');
  if (t.startsWith('/')) return t.slice(1);
  const parts = `xl/${t}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Excel serial day number (1900 or 1904 system) to ISO date text; times keep seconds. */
export function excelSerialToIso(serial: number, date1904 = false): string {
  // 1900 system: day 1 = 1900-01-01, with Lotus's phantom 1900-02-29 (serial 60)
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  const ms = Math.round((days - 25569) * 86400000);
  const d = new Date(ms);
  const iso = d.toISOString();
  return Math.abs(serial - Math.trunc(serial)) < 1e-9 ? iso.slice(0, 10) : iso.slice(0, 19);
}

/**
 * Read the cells of one worksheet.
 *
 * @throws VeerkrachtError when the file is not an xlsx workbook, is a legacy `.xls`, or the sheet does not exist
 * @example readXlsxSheet(readFileSync('bezit.xlsx'), { sheet: 'Bezit' }).rows[0]
 */
export function readXlsxSheet(bytes: Uint8Array, options: XlsxReadOptions = {}): XlsxSheet {
  const file = options.file;
  if (isLegacyXls(bytes)) throw legacyXlsError(file);
  let zip: Record<string, Uint8Array>;
  try {
    zip = unzipSync(bytes, { filter: (f) => !/\.(png|jpe?g|gif|emf|wmf|bin)$/i.test(f.name) });
  } catch (e) {
    throw new VeerkrachtError('cannot unzip workbook', { file, expected: 'an .xlsx workbook (a ZIP archive)', found: (e as Error).message });
  }
  const workbook = decodeUtf8(zip['xl/workbook.xml']);
  if (workbook === undefined) {
    const ods = decodeUtf8(zip.mimetype)?.includes('opendocument') ? ' (this is an OpenDocument file: save as .xlsx or CSV)' : '';
    throw new VeerkrachtError(`ZIP archive is not an xlsx workbook${ods}`, { file, expected: 'xl/workbook.xml inside the archive', found: `${Object.keys(zip).length} other entries` });
  }
  const rels = new Map<string, { target: string; type: string }>();
  for (const r of xmlElements(decodeUtf8(zip['xl/_rels/workbook.xml.rels']) ?? '', 'Relationship')) {
    rels.set(r.attrs.Id, { target: resolveTarget(r.attrs.Target ?? ''), type: r.attrs.Type ?? '' });
  }
  const sheets = xmlElements(workbook, 'sheet')
    .map((s) => ({ name: s.attrs.name ?? '', hidden: (s.attrs.state ?? 'visible') !== 'visible', rel: rels.get(s.attrs.id ?? '') }))
    .filter((s) => s.rel !== undefined && /\/worksheet$/.test(s.rel.type) && zip[s.rel.target] !== undefined);
  if (sheets.length === 0) throw new VeerkrachtError('workbook has no worksheet', { file, expected: 'at least one worksheet' });
  const names = sheets.map((s) => s.name);
  let chosen: (typeof sheets)[number] | undefined;
  if (typeof options.sheet === 'number') chosen = sheets[options.sheet - 1];
  else if (typeof options.sheet === 'string') {
    chosen = sheets.find((s) => s.name === options.sheet) ?? sheets.find((s) => s.name.toLowerCase() === String(options.sheet).toLowerCase());
    if (chosen === undefined && /^\d+$/.test(options.sheet)) chosen = sheets[Number(options.sheet) - 1];
  } else chosen = sheets.find((s) => !s.hidden) ?? sheets[0];
  if (chosen === undefined) {
    throw new VeerkrachtError('sheet not found', { file, column: 'sheet', expected: `one of the sheets ${names.map((n) => JSON.stringify(n)).join(', ')}`, found: JSON.stringify(options.sheet) });
  }
  const date1904 = /date1904\s*=\s*["'](1|true)["']/.test(workbook);

  const shared = xmlElements(decodeUtf8(zip['xl/sharedStrings.xml']) ?? '', 'si').map((si) => stringItemText(si.inner));
  const styles = decodeUtf8(zip['xl/styles.xml']) ?? '';
  const customFormats = new Map<number, string>();
  for (const f of xmlElements(styles, 'numFmt')) customFormats.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? '');
  const cellXfs = xmlElements(styles, 'cellXfs')[0]?.inner ?? '';
  const dateStyles = xmlElements(cellXfs, 'xf').map((xf) => {
    const id = Number(xf.attrs.numFmtId ?? 0);
    const custom = customFormats.get(id);
    return custom !== undefined ? isDateFormat(custom) : BUILTIN_DATE_FORMATS.has(id);
  });

  const xml = decodeUtf8(zip[chosen.rel!.target]) ?? '';
  const rows: XlsxRow[] = [];
  let nextRow = 1;
  for (const r of xmlElements(xml, 'row')) {
    const rowNumber = r.attrs.r !== undefined ? Number(r.attrs.r) : nextRow;
    nextRow = rowNumber + 1;
    const cells: XlsxCell[] = [];
    let nextCol = 0;
    for (const c of xmlElements(r.inner, 'c')) {
      const col = c.attrs.r !== undefined ? cellRef(c.attrs.r).col : nextCol;
      nextCol = col + 1;
      const t = c.attrs.t ?? 'n';
      const v = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(c.inner)?.[1];
      let cell: XlsxCell | null = null;
      if (t === 'inlineStr') {
        const is = xmlElements(c.inner, 'is')[0];
        cell = { col, value: is ? stringItemText(is.inner) : '', kind: 'text' };
      } else if (v === undefined) {
        cell = null; // a styled empty cell
      } else if (t === 's') {
        cell = { col, value: shared[Number(v)] ?? '', kind: 'text' };
      } else if (t === 'str') {
        cell = { col, value: xmlText(v), kind: 'text' };
      } else if (t === 'b') {
        cell = { col, value: v.trim() === '1', kind: 'boolean' };
      } else if (t === 'e') {
        cell = { col, value: null, kind: 'error', error: xmlText(v) };
      } else if (t === 'd') {
        cell = { col, value: xmlText(v).replace(/Z$/, '').replace(/T00:00:00(\.0+)?$/, ''), kind: 'date' };
      } else {
        const n = Number(v);
        if (!Number.isFinite(n)) cell = { col, value: xmlText(v), kind: 'text' };
        else if (dateStyles[Number(c.attrs.s ?? 0)]) cell = { col, value: excelSerialToIso(n, date1904), kind: 'date' };
        else cell = { col, value: n, kind: 'number' };
      }
      if (cell !== null && !(cell.kind === 'text' && cell.value === '')) cells.push(cell);
    }
    if (cells.length > 0) rows.push({ row: rowNumber, cells });
  }
  const merges: XlsxMerge[] = xmlElements(xml, 'mergeCell').map((m) => {
    const [a, b] = (m.attrs.ref ?? '').split(':');
    const p = cellRef(a);
    const q = cellRef(b ?? a);
    return { r0: p.row - 1, c0: p.col, r1: q.row - 1, c1: q.col };
  });
  return { name: chosen.name, sheetNames: names, rows, merges };
}
