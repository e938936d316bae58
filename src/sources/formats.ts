/**
 * Registry of input formats for `veerkracht inspect` and for commands that take "any table"
 * (classify). Each loader module registers one FormatReader here; detection asks each in order
 * (src/sources/registry.ts) and the first whose sniff() says yes reads the file. Keep sniff() cheap (first bytes/lines).
 */
import type { LoadedTable } from './types.js';

/** First bytes of a file, decoded leniently, plus its name, for sniffing. */
export interface FileHead {
  path: string;
  /** Up to the first 64 KiB. */
  bytes: Uint8Array;
  /**
   * The same bytes decoded as the loaders decode them (UTF-8, Windows-1252 or UTF-16 after a
   * BOM; BOM stripped); for an `.xlsx` workbook its first sheet as tab-separated text (header
   * first), and then `bytes` are that text in UTF-8.
   */
  text: string;
  /** True when the file is an `.xlsx` workbook (text and bytes are then its first sheet). */
  workbook?: boolean;
  /** For a workbook: the sheet read and the names of all sheets. */
  sheets?: { read: string; names: string[] };
  /** Why a ZIP file could not be read as a workbook (reported when nothing else reads it). */
  workbookError?: Error;
}

/** Choices a reader takes: the GeoPackage layer, the workbook sheet. Readers ignore what does not apply. */
export interface FormatReadOptions {
  /** GeoPackage layer (`--layer`). */
  layer?: string;
  /** Sheet of an `.xlsx` workbook, by name or 1-based position (`--sheet`). */
  sheet?: string | number;
}

export interface FormatReader {
  /** Kind as reported by inspect (`statline-csv`, `leefbaarometer`, `boundaries-geojson`, …). */
  kind: string;
  /** True when this reader recognises the file. */
  sniff(head: FileHead): boolean;
  /** Read the whole file into a typed table with metadata and a load report. */
  read(path: string, options?: FormatReadOptions): Promise<LoadedTable>;
}
