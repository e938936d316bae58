/**
 * Which readers `inspect` and "any table" commands try, most specific first. A loader module
 * exports its FormatReader; add it to this list (one line) when it lands.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { VeerkrachtError } from '../util/errors.js';
import type { FileHead, FormatReadOptions, FormatReader } from './formats.js';
import type { LoadedTable } from './types.js';
import { decodeText } from './csv/decode.js';
import { isLegacyXls, isZip, legacyXlsError } from './xlsx/read.js';
import { delimitedText, xlsxDelimited } from './xlsx/table.js';
import { csvReader } from './csv/reader.js';
import { statlineCsvReader, statlineODataReader } from './statline/reader.js';
import { boundariesGeoJsonReader, boundariesGeoPackageReader, boundariesShapefileReader, boundariesTopoJsonReader } from './boundaries/reader.js';
import { leefbaarometerReader } from './leefbaarometer/reader.js';
import { pc6BuurtReader, pc6HuisnummerReader } from './pc6/reader.js';
import { corporatieBezitReader, corporatieVerhuringenReader } from './corporatie/reader.js';
import { microdataReader } from './microdata/reader.js';

/** Readers in detection order: specific formats first, the generic delimited-text reader last. */
export const FORMAT_READERS: FormatReader[] = [
  statlineODataReader,
  statlineCsvReader,
  boundariesGeoJsonReader,
  boundariesTopoJsonReader,
  boundariesShapefileReader,
  boundariesGeoPackageReader,
  leefbaarometerReader,
  pc6HuisnummerReader,
  pc6BuurtReader,
  microdataReader,
  corporatieVerhuringenReader,
  corporatieBezitReader,
  // generic fallback: any delimited table; keep last
  csvReader,
];

/**
 * Read the first 64 KiB of a file for sniffing; a missing file is a user error. The text is
 * decoded as the loaders will decode it: UTF-8, Windows-1252, or UTF-16 LE/BE after a BOM (Excel
 * "Unicode text"). For an `.xlsx` workbook the text is its first sheet as tab-separated lines,
 * header first, so the same sniffers recognise a Leefbaarometer, corporation or StatLine table in
 * a workbook as in a CSV.
 */
export function readHead(path: string, options: { sheet?: string | number } = {}): FileHead {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new VeerkrachtError(code === 'ENOENT' ? 'file not found' : `cannot open file (${code})`, { file: path });
  }
  let bytes: Uint8Array;
  try {
    const buf = new Uint8Array(65536);
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, 0);
    } catch (e) {
      // a directory opens but cannot be read (EISDIR): a user error, not a stack trace
      const code = (e as NodeJS.ErrnoException).code;
      throw new VeerkrachtError(code === 'EISDIR' ? 'is a folder, not a file' : `cannot read file (${code})`, { file: path, expected: 'a data file' });
    }
    bytes = buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
  if (isZip(bytes)) {
    try {
      const d = xlsxDelimited(readFileSync(path), { file: path, sheet: options.sheet });
      const text = delimitedText(d, { maxRows: 200 });
      const sheets = d.dialect.sheet ? { read: d.dialect.sheet.sheet, names: d.dialect.sheet.sheetNames } : undefined;
      return { path, bytes: new TextEncoder().encode(text), text, workbook: true, sheets };
    } catch (e) {
      // not a workbook (or an unreadable one): offered as binary; detectFormat reports the reason
      if (!(e instanceof VeerkrachtError)) throw e;
      return { path, bytes, text: '', workbookError: e };
    }
  }
  // a UTF-16 head cut inside a code unit loses only that last byte
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const body = utf16 && bytes.length % 2 === 1 ? bytes.subarray(0, bytes.length - 1) : bytes;
  const text = decodeText(body, { partial: true }).text;
  return { path, bytes, text };
}

/**
 * True when the first bytes hold a NUL byte and no UTF-16 byte-order mark: not a text file.
 *
 * @example isBinaryHead(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])) // true
 */
export function isBinaryHead(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return false;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * The reader that recognises this file, or a user error listing the kinds we know. With
 * `options.sheet`, a workbook is recognised by that sheet.
 */
export function detectFormat(path: string, readers: readonly FormatReader[] = FORMAT_READERS, options: FormatReadOptions = {}): FormatReader {
  const read = readHead(path, { sheet: options.sheet });
  if (read.bytes.length === 0) throw new VeerkrachtError('file is empty', { file: path, expected: 'a data file' });
  if (isLegacyXls(read.bytes) || (/\.xls$/i.test(path) && !read.workbook)) throw legacyXlsError(path);
  if (read.workbookError && /\.xls[xm]$/i.test(path)) throw read.workbookError;
  // binary data (NUL bytes, no UTF-16 BOM) is offered to the text sniffers as no text at all, so a
  // text reader cannot half-recognise it and then report garbage as cells; shapefiles sniff bytes
  const binary = !read.workbook && isBinaryHead(read.bytes);
  const head = binary ? { ...read, text: '' } : read;
  const reader = readers.find((r) => r.sniff(head));
  if (!reader && !binary && /^\uFEFF?\s*[[{]/.test(read.text) && read.bytes.length < 65536) {
    // the whole file is in the head: a JSON file that no reader knows may simply be cut short
    try {
      JSON.parse(read.text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new VeerkrachtError('invalid JSON', { file: path, expected: 'GeoJSON, TopoJSON or a StatLine OData response', found: (e as Error).message });
    }
  }
  if (!reader && read.sheets && read.sheets.names.length > 1) {
    throw new VeerkrachtError(`sheet ${JSON.stringify(read.sheets.read)} is not a table we recognise`, {
      file: path,
      column: `sheet ${JSON.stringify(read.sheets.read)}`,
      expected: `a header row and rows; choose another sheet with --sheet (${read.sheets.names.map((n) => JSON.stringify(n)).join(', ')})`,
      found: JSON.stringify(read.text.split(/\r?\n/, 1)[0].slice(0, 60)),
    });
  }
  if (!reader) {
    throw new VeerkrachtError('format not recognised', {
      file: path,
      line: 1,
      expected: `one of: ${readers.map((r) => r.kind).join(', ') || '(no readers registered yet)'}`,
      found: binary ? 'binary data (NUL bytes)' : JSON.stringify(read.text.split(/\r?\n/, 1)[0].slice(0, 60)),
    });
  }
  return reader;
}

/**
 * Detect the format and read the file into a typed table.
 *
 * @param options GeoPackage `layer`, workbook `sheet` (readers ignore what does not apply)
 * @example const t = await readAnyTable('scores.xlsx', { sheet: 'buurt' });
 */
export async function readAnyTable(path: string, options: FormatReadOptions = {}): Promise<LoadedTable> {
  return detectFormat(path, FORMAT_READERS, options).read(path, options);
}
