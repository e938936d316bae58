/**
 * Describe any {@link LoadedTable} the same way, whatever reader produced it: rows, columns with
 * type and missing count, regions per level, years, warnings and the load report. Used by
 * `veerkracht inspect`; knows nothing about specific formats.
 */
import { countByLevel } from '../regions/hierarchy.js';
import { normalizeRegionCode } from '../regions/codes.js';
import type { LoadReport, LoadedTable, Provenance } from './types.js';

/** Type of a column as seen in its values. */
export type ColumnType = 'number' | 'string' | 'boolean' | 'date' | 'object' | 'mixed' | 'empty';

/** One column of a description. */
export interface ColumnDescription {
  name: string;
  type: ColumnType;
  missing: number;
  unit?: string;
  title?: string;
  sourceKey?: string;
  concept?: string;
  /** Minimum and maximum of a numeric column. */
  min?: number;
  max?: number;
}

/** What `veerkracht inspect --json` prints. */
export interface TableDescription {
  kind: string;
  file?: string;
  rows: number;
  columns: ColumnDescription[];
  /** Distinct region codes per level (0 everywhere when the table has no code column). */
  regions: { land: number; gemeente: number; wijk: number; buurt: number };
  /** Column the region counts came from, or null. */
  regionColumn: string | null;
  /** Reference years: from a year column (`jaar`, `Perioden`, …) or the provenance. */
  years: number[];
  warnings: string[];
  report: LoadReport;
  provenance: Provenance;
}

const YEAR_COLUMNS = /^(jaar|year|perioden|peiljaar|periode)$/i;

function columnType(values: readonly unknown[]): { type: ColumnType; min?: number; max?: number } {
  let type: ColumnType = 'empty';
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    let t: ColumnType;
    if (typeof v === 'number') {
      t = 'number';
      if (v < min) min = v;
      if (v > max) max = v;
    } else if (typeof v === 'string') t = 'string';
    else if (typeof v === 'boolean') t = 'boolean';
    else if (v instanceof Date) t = 'date';
    else t = 'object';
    if (type === 'empty') type = t;
    else if (type !== t) return { type: 'mixed' };
  }
  return type === 'number' ? { type, min, max } : { type };
}

function countMissing(values: readonly unknown[]): number {
  let n = 0;
  for (const v of values) if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) n++;
  return n;
}

/** The column holding region codes: `code` if present, else the first text column whose values are nearly all codes. */
export function findRegionColumn(loaded: LoadedTable): string | null {
  const names = loaded.table.columnNames();
  if (names.includes('code')) return 'code';
  for (const name of names) {
    const values = loaded.table.array(name) as unknown[];
    let seen = 0;
    let ok = 0;
    for (let i = 0; i < values.length && seen < 500; i++) {
      const v = values[i];
      if (typeof v !== 'string' || v.trim() === '') continue;
      seen++;
      if (normalizeRegionCode(v) !== null) ok++;
    }
    if (seen > 0 && ok / seen >= 0.9) return name;
  }
  return null;
}

function yearsOf(loaded: LoadedTable): number[] {
  const ys = new Set<number>();
  for (const name of loaded.table.columnNames()) {
    if (!YEAR_COLUMNS.test(name)) continue;
    for (const v of loaded.table.array(name) as unknown[]) {
      const m = /^((?:19|20)\d{2})/.exec(String(v ?? '').trim());
      if (m) ys.add(Number(m[1]));
    }
  }
  if (ys.size === 0 && loaded.provenance.year !== undefined) ys.add(loaded.provenance.year);
  return [...ys].sort((a, b) => a - b);
}

/**
 * Describe a loaded table generically.
 *
 * @example describeTable(await readAnyTable('kwb.csv')).regions // { land: 1, gemeente: 387, wijk: 3067, buurt: 13198 }
 */
export function describeTable(loaded: LoadedTable): TableDescription {
  const meta = new Map(loaded.columns.map((c) => [c.name, c]));
  const columns: ColumnDescription[] = loaded.table.columnNames().map((name) => {
    const values = loaded.table.array(name) as unknown[];
    const t = columnType(values);
    const m = meta.get(name);
    const d: ColumnDescription = { name, type: t.type, missing: countMissing(values) };
    if (m?.unit !== undefined) d.unit = m.unit;
    if (m?.title !== undefined) d.title = m.title;
    if (m?.sourceKey !== undefined && m.sourceKey !== name) d.sourceKey = m.sourceKey;
    if (m?.concept !== undefined) d.concept = m.concept;
    if (t.min !== undefined && Number.isFinite(t.min)) {
      d.min = t.min;
      d.max = t.max;
    }
    return d;
  });
  const regionColumn = findRegionColumn(loaded);
  const counts = regionColumn ? countByLevel(loaded.table.array(regionColumn) as unknown[]) : null;
  const warnings = [...loaded.report.warnings];
  if (counts && counts.invalid > 0) warnings.push(`${counts.invalid} values in ${regionColumn} are not region codes`);
  for (const d of loaded.report.dropped) {
    warnings.push(`${d.count} rows not kept: ${d.reason}${d.examples.length ? ` (e.g. ${d.examples.slice(0, 3).join('; ')})` : ''}`);
  }
  const desc: TableDescription = {
    kind: loaded.provenance.kind,
    rows: loaded.table.numRows(),
    columns,
    regions: counts ? { land: counts.land, gemeente: counts.gemeente, wijk: counts.wijk, buurt: counts.buurt } : { land: 0, gemeente: 0, wijk: 0, buurt: 0 },
    regionColumn,
    years: yearsOf(loaded),
    warnings,
    report: loaded.report,
    provenance: loaded.provenance,
  };
  if (loaded.provenance.file !== undefined) desc.file = loaded.provenance.file;
  return desc;
}

/**
 * A readable text summary of a description (what `inspect` prints without `--json`).
 *
 * @example formatDescription(describeTable(t)).split('\n')[0] // 'kwb.csv: statline-csv, 16653 rows × 28 columns'
 */
export function formatDescription(d: TableDescription, maxColumns = 40): string {
  const out: string[] = [];
  out.push(`${d.file ?? '(table)'}: ${d.kind}, ${d.rows} rows × ${d.columns.length} columns`);
  const p = d.provenance;
  const prov = [p.edition, p.tableId, p.year !== undefined ? `year ${p.year}` : undefined, p.attribution].filter(Boolean);
  if (prov.length) out.push(`source: ${prov.join(', ')}`);
  if (d.regionColumn) {
    out.push(`regions (${d.regionColumn}): ${d.regions.land} land, ${d.regions.gemeente} gemeenten, ${d.regions.wijk} wijken, ${d.regions.buurt} buurten`);
  } else out.push('regions: no region code column');
  if (d.years.length) out.push(`years: ${d.years.join(', ')}`);
  const r = d.report;
  out.push(`rows read ${r.rowsRead}, kept ${r.rowsKept}${r.dropped.length ? `, not kept ${r.dropped.reduce((s, x) => s + x.count, 0)}` : ''}`);
  out.push('columns:');
  const w = Math.min(40, Math.max(...d.columns.map((c) => c.name.length), 4));
  for (const c of d.columns.slice(0, maxColumns)) {
    const extra = [c.unit ? `[${c.unit}]` : '', c.title && c.title !== c.name ? c.title : ''].filter(Boolean).join(' ');
    const name = c.name.length > w ? `${c.name.slice(0, w - 1)}…` : c.name.padEnd(w);
    out.push(`  ${name}  ${c.type.padEnd(6)}  missing ${String(c.missing).padStart(6)}${extra ? `  ${extra}` : ''}`);
  }
  if (d.columns.length > maxColumns) out.push(`  … ${d.columns.length - maxColumns} more (use --json for all)`);
  if (d.warnings.length) {
    out.push('warnings:');
    for (const x of d.warnings) out.push(`  - ${x}`);
  }
  return `${out.join('\n')}\n`;
}
