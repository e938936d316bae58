/**
 * Build .xlsx workbooks by hand, part by part as Excel writes them (ECMA-376: content types,
 * package and workbook relationships, workbook, shared strings, styles, worksheets), so the
 * reader is tested on files it did not write.
 */
import { zipSync, strToU8 } from 'fflate';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A cell for {@link row}: a number, a shared string index `{ s: i }`, or raw cell XML. */
export type CellSpec = number | { s: number; style?: number } | { raw: string } | { n: number; style: number } | null;

/** Cell XML for one row, columns A, B, C … in order (null leaves a gap). */
export function row(r: number, cells: CellSpec[]): string {
  const xs = cells.map((c, i) => {
    const ref = `${String.fromCharCode(65 + i)}${r}`;
    if (c === null) return '';
    if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
    if ('raw' in c) return c.raw.replace('REF', ref);
    if ('n' in c) return `<c r="${ref}" s="${c.style}"><v>${c.n}</v></c>`;
    return `<c r="${ref}" t="s"${c.style !== undefined ? ` s="${c.style}"` : ''}><v>${c.s}</v></c>`;
  });
  return `<row r="${r}">${xs.join('')}</row>`;
}

/** A worksheet part around row XML, with optional merged ranges and a prefix (`x:`) on every element. */
export function sheetXml(rows: string[], merges: string[] = [], prefix = ''): string {
  const body = `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>${rows.join('')}</sheetData>${
    merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : ''
  }<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">${body}</worksheet>`;
  if (prefix === '') return xml;
  return xml
    .replace(/<(\/?)([a-zA-Z]+)([\s/>])/g, (_, slash: string, name: string, after: string) => `<${slash}${prefix}${name}${after}`)
    .replace(`<${prefix}worksheet xmlns=`, `<${prefix}worksheet xmlns:${prefix.slice(0, -1)}=`)
    .replace(`<${prefix}?xml`, '<?xml');
}

/** Styles: xf 0 general, 1 date (built-in 14), 2 custom date `dd-mm-yyyy`, 3 custom number `#,##0.00`. */
export const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** One sheet of a workbook. */
export interface SheetSpec {
  name: string;
  xml: string;
  hidden?: boolean;
}

/** Zip the parts of a workbook; `shared` become xl/sharedStrings.xml (plain `<t>` items unless given as raw `<si>` XML). */
export function buildXlsx(sheets: SheetSpec[], shared: string[], options: { rawShared?: boolean; date1904?: boolean } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  files['[Content_Types].xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`);
  files['_rels/.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  // relationship ids deliberately not in sheet order, and the last one with an absolute target
  files['xl/_rels/workbook.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((_, i) => `<Relationship Id="rId${i + 3}" Type="${REL_NS}/worksheet" Target="${i === sheets.length - 1 && i > 0 ? '/xl/' : ''}worksheets/sheet${i + 1}.xml"/>`)
    .join('')}<Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  files['xl/workbook.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 3}"/>`)
    .join('')}</sheets></workbook>`);
  files['xl/styles.xml'] = strToU8(STYLES);
  const items = options.rawShared ? shared : shared.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`);
  files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="${NS}" count="${shared.length}" uniqueCount="${shared.length}">${items.join('')}</sst>`);
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml);
  });
  return zipSync(files);
}
