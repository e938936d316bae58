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
  /** The same bytes decoded as UTF-8 (BOM stripped; invalid bytes replaced). */
  text: string;
}

export interface FormatReader {
  /** Kind as reported by inspect (`statline-csv`, `leefbaarometer`, `boundaries-geojson`, …). */
  kind: string;
  /** True when this reader recognises the file. */
  sniff(head: FileHead): boolean;
  /** Read the whole file into a typed table with metadata and a load report. */
  read(path: string): Promise<LoadedTable>;
}
