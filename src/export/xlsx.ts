/**
 * Write tables as an Excel workbook (`.xlsx`, ECMA-376 SpreadsheetML) that a researcher opens
 * without an import dialogue: one sheet per table, real numbers (never text), number formats per
 * column (Excel shows them with the user's separators, so `#,##0.0` reads `1.234,5` in Dutch
 * Excel), a bold frozen header row and column widths. Missing values (null, undefined, NaN) are
 * empty cells, never 0. Pure: the same sheets give the same bytes (fixed ZIP timestamps; the
 * parts are deflated by Node's zlib, so a different zlib may pick other, equally valid bytes).
 */
import { writeFileAtomic } from './atomic.js';
import { zipDeflate } from './zip.js';
import { sixDecimals, writeFixedDecimal, writeUint } from '../util/decimal.js';

/** One column of a sheet. */
export interface XlsxWriteColumn {
  /** Field of the row objects. */
  key: string;
  /** Header text on row 1. */
  header: string;
  /**
   * Number format: a preset of {@link XLSX_NUMBER_FORMATS} (`geheel`, `decimaal1`, `decimaal2`,
   * `decimaal3`, `procent`, `procent1`, `datum`, `tekst`) or an Excel format code (`0.000`).
   * Default: General.
   */
  numFmt?: string;
  /** Column width in characters; default from the header and the longest value (8–60). */
  width?: number;
}

/** One sheet: name (≤ 31 characters, no `[]:*?/\`), columns in order, and the rows. */
export interface XlsxWriteSheet {
  name: string;
  columns: readonly XlsxWriteColumn[];
  rows: readonly Record<string, unknown>[];
}

/**
 * Number formats by name. Excel stores format codes with `.` as decimal and `,` as thousands
 * mark and displays them with the reader's locale: Dutch Excel shows `#,##0.0` as `1.234,5`.
 */
export const XLSX_NUMBER_FORMATS: Readonly<Record<string, string>> = {
  geheel: '#,##0',
  decimaal1: '#,##0.0',
  decimaal2: '#,##0.00',
  decimaal3: '#,##0.000',
  procent: '0%',
  procent1: '0.0%',
  datum: 'dd-mm-yyyy',
  tekst: '@',
};

// Built-in format ids (ECMA-376 §18.8.30) that need no <numFmt> entry.
const BUILTIN: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAX_CELL = 32767;
// zlib level of the workbook's parts. Measured on the national run's 13 MB of sheet XML (CPU ms,
// compressed MB): level 1 41 ms 2.17, level 2 48 ms 2.03, level 4 76 ms 1.88, level 6 190 ms
// 1.69 (fflate's JS level 6: 1.77 MB in about 450 ms)
const XLSX_DEFLATE_LEVEL = 2;

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

/**
 * Escape text for XML; control characters (carriage return included: an XML reader turns a
 * literal CR into a line feed, so Excel writes `_x000D_`) and literal `_xHHHH_` as OOXML
 * `_xHHHH_` escapes.
 */
function xmlEscape(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** Column letters of a 0-based index (0 → A, 26 → AA). */
function letters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel serial day number (1900 system) of a date. */
function serial(d: Date): number {
  const days = d.getTime() / 86400000 + 25569;
  return days < 61 ? days - 1 : days;
}

/**
 * Sheet names Excel accepts: forbidden characters replaced by `_`, at most 31 characters, not
 * empty, unique without regard to case (a repeat gets ` (2)`, ` (3)` …).
 *
 * @example xlsxSheetNames(['buurten', 'a/b', 'Buurten']) // ['buurten', 'a_b', 'Buurten (2)']
 */
export function xlsxSheetNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw) => {
    const base = (raw.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim() || 'Blad').slice(0, 31);
    let name = base;
    for (let i = 2; seen.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - ` (${i})`.length)} (${i})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * A growing byte buffer for XML that is ASCII by construction (tags, cell references, numbers,
 * shared-string indices): each character is one byte, so no string is built per cell or row.
 */
class AsciiSink {
  private buf: Uint8Array;
  private len = 0;

  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(capacity, 64));
  }

  private room(extra: number): Uint8Array {
    if (this.len + extra > this.buf.length) {
      let cap = this.buf.length * 2;
      while (cap < this.len + extra) cap *= 2;
      const grown = new Uint8Array(cap);
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    return this.buf;
  }

  /** Append ASCII text (every char code < 128). */
  text(s: string): void {
    const buf = this.room(s.length);
    let p = this.len;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.len = p;
  }

  /** Append a non-negative integer below 2^31 in decimal. */
  uint(n: number): void {
    this.len = writeUint(this.room(10), this.len, n);
  }

  /** Append a finite number as JavaScript writes it (`String(v)`: shortest round trip, `-0` as `0`). */
  number(v: number): void {
    if (v >= 0 && v < 2147483648 && Number.isInteger(v)) return this.uint(v);
    // (the shares and changes of a run: six decimals at most, written digit by digit)
    const k = sixDecimals(v);
    if (k === k) {
      const buf = this.room(18);
      this.len = writeFixedDecimal(buf, this.len, k, 6);
    } else this.text(String(v));
  }

  /** The bytes written so far (a view, not a copy). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

function cellText(v: unknown): string {
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.length > MAX_CELL ? `${s.slice(0, MAX_CELL - 1)}…` : s;
}

function displayLength(v: unknown, fmt: string | undefined): number {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return 0;
  if (typeof v === 'number') {
    const decimals = fmt ? (/\.(0+)/.exec(fmt)?.[1].length ?? 0) : Math.min(String(v).split('.')[1]?.length ?? 0, 10);
    const intDigits = String(Math.trunc(Math.abs(v))).length;
    return intDigits + Math.floor((intDigits - 1) / 3) + (decimals ? decimals + 1 : 0) + (v < 0 ? 1 : 0) + (fmt?.includes('%') ? 3 : 0);
  }
  if (v instanceof Date) return 10;
  const s = cellText(v);
  return s.includes('\n') ? Math.max(...s.split('\n').map((l) => l.length)) : s.length;
}

/** Build the workbook in memory. */
export function xlsxBytes(sheets: readonly XlsxWriteSheet[]): Uint8Array {
  if (sheets.length === 0) throw new Error('xlsxBytes: at least one sheet is needed');
  const names = xlsxSheetNames(sheets.map((s) => s.name));
  // styles: xf 0 default, xf 1 bold header, then one xf per number format in use
  const fmtCode = (f: string | undefined) => (f === undefined ? undefined : XLSX_NUMBER_FORMATS[f] ?? f);
  const codes: string[] = [];
  for (const s of sheets) for (const c of s.columns) {
    const code = fmtCode(c.numFmt);
    if (code !== undefined && !codes.includes(code)) codes.push(code);
  }
  if (!codes.includes(XLSX_NUMBER_FORMATS.datum)) codes.push(XLSX_NUMBER_FORMATS.datum); // for Date values without a format
  const custom = new Map<string, number>();
  let nextId = 164;
  for (const code of codes) if (BUILTIN[code] === undefined) custom.set(code, nextId++);
  const fmtId = (code: string) => BUILTIN[code] ?? (custom.get(code) as number);
  const xfOf = (code: string | undefined) => (code === undefined ? 0 : 2 + codes.indexOf(code));
  const styles = `${XML_HEAD}<styleSheet xmlns="${NS}">${
    custom.size ? `<numFmts count="${custom.size}">${[...custom].map(([c, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(c)}"/>`).join('')}</numFmts>` : ''
  }<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>`
    + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + `<cellXfs count="${2 + codes.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${codes
      .map((c) => `<xf numFmtId="${fmtId(c)}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
      .join('')}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const sst = (s: string) => {
    let i = sharedIndex.get(s);
    if (i === undefined) {
      i = shared.length;
      shared.push(s);
      sharedIndex.set(s, i);
    }
    return i;
  };
  let sharedCount = 0;

  const dateXf = xfOf(XLSX_NUMBER_FORMATS.datum);
  const sheetParts = sheets.map((sheet) => {
    const cols = sheet.columns;
    const widths = cols.map((c) => {
      if (c.width !== undefined) return c.width;
      let w = c.header.length;
      const code = fmtCode(c.numFmt);
      for (let r = 0; r < Math.min(sheet.rows.length, 2000); r++) w = Math.max(w, displayLength(sheet.rows[r][c.key], code));
      return Math.min(60, Math.max(8, w + 2));
    });
    // per column, once: the key, the cell reference's letters and the style attribute; the
    // rows are written as ASCII bytes straight into one buffer (no string per cell or row)
    const n = cols.length;
    const keys = cols.map((c) => c.key);
    const refs = cols.map((_, j) => `<c r="${letters(j)}`);
    const xfs = cols.map((c) => xfOf(fmtCode(c.numFmt)));
    const styleAttr = xfs.map((x) => (x ? ` s="${x}"` : ''));
    const dateAttr = xfs.map((x) => ` s="${x || dateXf}"`);
    const last = `${letters(Math.max(cols.length, 1) - 1)}${sheet.rows.length + 1}`;
    const colsXml = cols.length
      ? `<cols>${widths.map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${Math.round(w * 100) / 100}" customWidth="1"/>`).join('')}</cols>`
      : '';
    const rows = sheet.rows;
    const xml = new AsciiSink(1024 + colsXml.length + 32 * (rows.length + 1) * (n + 1));
    xml.text(`${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL}"><dimension ref="A1:${last}"/>`
      + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
      + '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
      + `<sheetFormatPr defaultRowHeight="15"/>${colsXml}<sheetData><row r="1">`);
    for (let j = 0; j < n; j++) {
      sharedCount++;
      xml.text(refs[j]);
      xml.text('1" s="1" t="s"><v>');
      xml.uint(sst(cellText(cols[j].header)));
      xml.text('</v></c>');
    }
    xml.text('</row>');
    for (let i = 0; i < rows.length; i++) {
      const rowObj = rows[i];
      const r = i + 2;
      xml.text('<row r="');
      xml.uint(r);
      xml.text('">');
      for (let j = 0; j < n; j++) {
        const v = rowObj[keys[j]];
        if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) continue;
        if (v instanceof Date && Number.isNaN(v.getTime())) continue;
        xml.text(refs[j]);
        xml.uint(r);
        xml.text('"');
        if (typeof v === 'number') {
          xml.text(styleAttr[j]);
          xml.text('><v>');
          xml.number(v);
        } else if (typeof v === 'boolean') {
          xml.text(styleAttr[j]);
          xml.text(v ? ' t="b"><v>1' : ' t="b"><v>0');
        } else if (v instanceof Date) {
          xml.text(dateAttr[j]);
          xml.text('><v>');
          xml.number(serial(v));
        } else {
          sharedCount++;
          xml.text(styleAttr[j]);
          xml.text(' t="s"><v>');
          xml.uint(sst(cellText(v)));
        }
        xml.text('</v></c>');
      }
      xml.text('</row>');
    }
    xml.text('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
    return xml.bytes();
  });

  const strToU8 = (xml: string) => Buffer.from(xml, 'utf8');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
      + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'),
    '_rels/.rels': strToU8(`${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${names
      .map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`${XML_HEAD}<Relationships xmlns="${PKG_REL}">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
    'xl/styles.xml': strToU8(styles),
    'xl/sharedStrings.xml': strToU8(`${XML_HEAD}<sst xmlns="${NS}" count="${sharedCount}" uniqueCount="${shared.length}">${shared
      .map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`)
      .join('')}</sst>`),
  };
  sheetParts.forEach((xml, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = xml;
  });
  // a fixed local timestamp: the same sheets give the same bytes in every time zone
  return zipDeflate(Object.entries(files).map(([name, data]) => ({ name, data })), { level: XLSX_DEFLATE_LEVEL, mtime: new Date(2000, 0, 1) });
}

/**
 * Write sheets as an `.xlsx` workbook, atomically (the old file stays until the new one is complete).
 *
 * @param path target file (its folder is created when needed)
 * @param sheets one entry per sheet: `{ name, columns: [{ key, header, numFmt?, width? }], rows }`
 * @example
 * writeXlsxFile('out/signalen.xlsx', [{
 *   name: 'buurten',
 *   columns: [{ key: 'code', header: 'Buurtcode' }, { key: 'inwoners', header: 'Inwoners', numFmt: 'geheel' },
 *             { key: 'aandeel', header: 'Aandeel corporatie', numFmt: 'procent1' }],
 *   rows: [{ code: 'BU03440101', inwoners: 1805, aandeel: 0.412 }],
 * }]);
 */
export function writeXlsxFile(path: string, sheets: readonly XlsxWriteSheet[]): void {
  writeFileAtomic(path, xlsxBytes(sheets));
}
