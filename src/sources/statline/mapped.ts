/**
 * A KWB table in any layout: a processed table, CBS's short-name download (`gwb_code`,
 * `a_inw`, …) or a researcher's own export, with a column mapping from the registry's concept
 * names (and `code`, `naam`, `gemeentenaam`) onto its columns. The result looks like a StatLine table to the rest
 * of the toolkit: columns `code`, `level`, `gemeente`, `naam` and one column per mapped concept,
 * tagged with that concept so {@link resolveConcept} finds it without guessing.
 */
import * as aq from 'arquero';
import { VeerkrachtError, showValue } from '../../util/errors.js';
import { gemeenteOf, normalizeRegionCode, regionLevel } from '../../regions/codes.js';
import type { ColumnMeta, DroppedRows, LoadedTable, RegionLevel } from '../types.js';
import { kwbConcept } from './concepts.js';

/** The level of a bare code by its length: 4 gemeente, 6 wijk, 8 buurt (Amsterdam may use letters). */
function bareLevel(s: string): RegionLevel | undefined {
  if (/^\d{4}$/.test(s)) return 'gemeente';
  if (/^\d{4}[0-9A-Z]{2}$/.test(s)) return 'wijk';
  if (/^\d{4}[0-9A-Z]{4}$/.test(s)) return 'buurt';
  return undefined;
}

/**
 * Normalise a region code with or without prefix, padded or not (`" 00340101"` → `BU00340101`,
 * `GM0034` stays, `NL00` is land). Null when it is not a region code.
 *
 * @example regionCodeAnyForm('00340101') // 'BU00340101'
 */
export function regionCodeAnyForm(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const s = String(raw).trim().toUpperCase();
  if (s === '') return null;
  const direct = normalizeRegionCode(s);
  if (direct !== null) return direct;
  const lvl = bareLevel(s);
  return lvl === undefined ? null : normalizeRegionCode(s, lvl);
}

/** Find a column by its exact name, else ignoring case and surrounding blanks. */
function findColumn(names: readonly string[], wanted: string): string | undefined {
  if (names.includes(wanted)) return wanted;
  const w = wanted.trim().toLowerCase();
  return names.find((n) => n.trim().toLowerCase() === w);
}

/**
 * Apply a column mapping to a loaded table.
 *
 * @param loaded any table (from readAnyTable)
 * @param columns concept name → column of `loaded` (`code` required; `naam`, `gemeentenaam` optional)
 * @param year the KWB year the table stands for (provenance)
 * @throws VeerkrachtError naming the file and the mapped column that is not in the table
 * @example mapKwbColumns(t, { code: 'gwb_code', inwoners: 'Number of inhabitants' }, 2021).table.columnNames()
 *   // ['code', 'level', 'gemeente', 'naam', 'inwoners']
 */
export function mapKwbColumns(loaded: LoadedTable, columns: Readonly<Record<string, string>>, year: number): LoadedTable {
  const file = loaded.provenance.file ?? 'table';
  const names = loaded.table.columnNames();
  const source: Record<string, string> = {};
  for (const [concept, col] of Object.entries(columns)) {
    const found = findColumn(names, col);
    if (found === undefined) {
      throw new VeerkrachtError(`column ${JSON.stringify(col)} (mapped to ${concept}) is not in the table`, {
        file,
        column: col,
        expected: `one of the table's columns: ${names.slice(0, 12).map((n) => JSON.stringify(n)).join(', ')}${names.length > 12 ? `, … (${names.length} in all)` : ''}`,
      });
    }
    source[concept] = found;
  }
  const rawCodes = loaded.table.array(source.code) as unknown[];
  const keep: number[] = [];
  const bad: DroppedRows = { reason: `no region code in column ${JSON.stringify(source.code)}`, count: 0, examples: [] };
  const code: string[] = [];
  const level: RegionLevel[] = [];
  for (let i = 0; i < rawCodes.length; i++) {
    const c = regionCodeAnyForm(rawCodes[i]);
    const lvl = c === null ? null : regionLevel(c);
    if (c === null || lvl === null) {
      bad.count += 1;
      if (bad.examples.length < 5) bad.examples.push(`row ${i + 1}: ${showValue(String(rawCodes[i] ?? ''))}`);
      continue;
    }
    keep.push(i);
    code.push(c);
    level.push(lvl);
  }
  const pick = (col: string) => {
    const a = loaded.table.array(col) as unknown[];
    return keep.map((i) => a[i] ?? null);
  };
  const data: Record<string, unknown[]> = {
    code,
    level,
    gemeente: code.map((c) => gemeenteOf(c)),
  };
  const meta: ColumnMeta[] = [
    { name: 'code', sourceKey: source.code, title: 'Regiocode (genormaliseerd)', missing: 0 },
    { name: 'level', title: 'Regioniveau', missing: 0 },
    { name: 'gemeente', title: 'Gemeentecode', missing: 0 },
  ];
  if (source.naam !== undefined) {
    data.naam = pick(source.naam).map((v) => (v === null ? null : String(v).trim() || null));
    meta.push({ name: 'naam', sourceKey: source.naam, title: 'Naam', missing: data.naam.filter((v) => v === null).length });
  }
  if (source.gemeentenaam !== undefined) {
    data.gemeentenaam = pick(source.gemeentenaam).map((v) => (v === null ? null : String(v).trim() || null));
    meta.push({ name: 'gemeentenaam', sourceKey: source.gemeentenaam, title: 'Gemeentenaam', missing: data.gemeentenaam.filter((v) => v === null).length });
  }
  for (const [concept, col] of Object.entries(source)) {
    if (concept === 'code' || concept === 'naam' || concept === 'gemeentenaam') continue;
    const k = kwbConcept(concept);
    const values = pick(col);
    data[concept] = values;
    meta.push({ name: concept, sourceKey: col, title: k.label, unit: k.unit, concept, missing: values.filter((v) => v === null).length });
  }
  const dropped = bad.count > 0 ? [...loaded.report.dropped, bad] : loaded.report.dropped;
  return {
    table: aq.table(data),
    columns: meta,
    provenance: { ...loaded.provenance, kind: 'kwb-kolommen', year, edition: `KWB ${year} (eigen tabel, kolommen toegewezen)`, attribution: 'Bron: CBS' },
    report: { ...loaded.report, rowsKept: keep.length, dropped, warnings: loaded.report.warnings },
    ...(loaded.lines ? { lines: keep.map((i) => loaded.lines![i]) } : {}),
  };
}
