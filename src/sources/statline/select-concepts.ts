/**
 * A harmonised view of a KWB edition: the region columns plus one column per concept, named by
 * the concept id, with metadata saying which source key it came from. Absent concepts are
 * listed as warnings, never filled with zeros.
 */
import { table } from 'arquero';
import type { ColumnMeta, LoadedTable } from '../types.js';
import { conceptValues, resolveConcept } from './concepts.js';

/**
 * Select concepts from a loaded KWB table.
 *
 * @param loaded a KWB table from any loader in src/sources/statline
 * @param concepts concept ids (see KWB_CONCEPTS)
 * @param options `absent: 'warn'` (default) adds an all-null column and a warning; `'skip'` leaves it out
 * @example selectConcepts(kwb2017, ['inwoners', 'laag_inkomen_huishoudens_pct']).table.columnNames()
 * // ['code', 'level', 'gemeente', 'inwoners', 'laag_inkomen_huishoudens_pct']
 */
export function selectConcepts(
  loaded: LoadedTable,
  concepts: readonly string[],
  options: { absent?: 'warn' | 'skip' } = {},
): LoadedTable {
  const data: Record<string, unknown[]> = {};
  const columns: ColumnMeta[] = [];
  const warnings = [...loaded.report.warnings];
  const n = loaded.table.numRows();
  for (const name of ['code', 'level', 'gemeente', 'naam']) {
    const meta = loaded.columns.find((c) => c.name === name);
    if (meta && loaded.table.columnNames().includes(name)) {
      data[name] = loaded.table.array(name) as unknown[];
      columns.push(meta);
    }
  }
  for (const id of concepts) {
    const r = resolveConcept(loaded, id);
    if (r.status === 'absent') {
      warnings.push(r.message);
      if (options.absent === 'skip') continue;
      data[id] = new Array(n).fill(null);
      columns.push({ name: id, concept: id, unit: r.concept.unit, title: r.concept.label, missing: n });
      continue;
    }
    const values = conceptValues(loaded, id);
    data[id] = values;
    const meta: ColumnMeta = { name: id, concept: id, title: r.concept.label, unit: r.concept.unit, missing: values.filter((v) => v === null).length };
    if (r.status === 'found') {
      meta.sourceKey = r.sourceKey;
      const src = loaded.columns.find((c) => c.name === r.column);
      if (src?.decimals !== undefined) meta.decimals = src.decimals;
      if (src?.title) meta.title = src.title;
    } else {
      meta.sourceKey = `${r.numerator} / ${r.denominator} × ${r.scale}`;
    }
    columns.push(meta);
  }
  return { table: table(data), columns, provenance: loaded.provenance, report: { ...loaded.report, warnings } };
}
