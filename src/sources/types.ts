/**
 * Shapes every loader in src/sources returns, so `inspect`, the joins and the pipeline can treat
 * all inputs alike: a typed arquero table, metadata per column, provenance, and a load report
 * in which every row that did not make it into the table is counted with its reason.
 */
import type { ColumnTable } from 'arquero';

// The administrative level of a region code lives in src/regions/codes.ts (the layer below
// sources); kept here under its old name so every existing importer works unchanged.
export type { RegionLevel } from '../regions/codes.js';

/** What we know about one column. Units live here, never implied by the column name alone. */
export interface ColumnMeta {
  /** Column name in the table (a harmonised concept name or the source key). */
  name: string;
  /** The key in the source (e.g. `InBezitWoningcorporatie_49`), when different from `name`. */
  sourceKey?: string;
  /** Title as the source gives it (e.g. StatLine Title). */
  title?: string;
  /** Unit (e.g. `%`, `aantal`, `x 1 000 euro`, `score`). */
  unit?: string;
  /** Decimals as published. */
  decimals?: number;
  /** Harmonised concept id when the column was resolved from a registry (e.g. `corporatie_pct`). */
  concept?: string;
  /** Number of missing (null) values in the column. */
  missing: number;
}

/** Where a table came from: enough to reproduce it. */
export interface Provenance {
  /** Detected kind, e.g. `statline-csv`, `statline-odata`, `leefbaarometer`, `boundaries`, `corporatie-bezit`. */
  kind: string;
  /** Path as given by the user. */
  file?: string;
  /** SHA-256 of the file bytes (hex). */
  checksum?: string;
  /** StatLine table id, e.g. `83765NED`. */
  tableId?: string;
  /** Edition / reference year of the data (KWB 2017 → 2017). */
  year?: number;
  /** Free-form edition label (e.g. `KWB 2017`, `Leefbaarometer 3.0`). */
  edition?: string;
  /** Attribution to print on maps (e.g. `Bron: CBS`). */
  attribution?: string;
}

/** Rows that were read but not kept, grouped by reason. Never drop a row without one of these. */
export interface DroppedRows {
  reason: string;
  count: number;
  /** A few examples (line numbers, codes) so a user can find them. */
  examples: string[];
}

/** Counts that must balance: rowsRead = rowsKept + sum(dropped.count). */
export interface LoadReport {
  rowsRead: number;
  rowsKept: number;
  dropped: DroppedRows[];
  /** Human-readable warnings (e.g. `12 rows with afw ≠ fys+onv+soc+vrz+won`). */
  warnings: string[];
}

/** What a tabular loader returns. */
export interface LoadedTable {
  table: ColumnTable;
  columns: ColumnMeta[];
  provenance: Provenance;
  report: LoadReport;
  /** The 1-based line (or Excel row) of each table row in the file, where the loader knows it. */
  lines?: readonly number[];
}
