/**
 * Header names in exports made by people vary (`VHE-nummer`, `vhe_id`, `Eenheidnummer`): each
 * expected field lists its accepted aliases, the header is matched after folding case, accents,
 * spaces and punctuation, and a missing required field is a clear user error.
 */
import { VeerkrachtError } from '../../util/errors.js';

/** One expected field of a delimited file and the header names that mean it. */
export interface FieldSpec {
  /** Field name used in the output table. */
  field: string;
  /** Accepted header names (the field name itself is always accepted). */
  aliases: readonly string[];
  /** A missing required field is an error; a missing optional one gives null values. */
  required: boolean;
  /** One line saying what the field holds (for docs and error messages). */
  description: string;
}

/**
 * Fold a header name for comparison: lower case, accents removed, everything but letters and
 * digits dropped (`VHE-nummer` → `vhenummer`, `Kale huur (€)` → `kalehuur`).
 *
 * @example foldHeader(' Huisnummer-Toevoeging ') // 'huisnummertoevoeging'
 */
export function foldHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Find the column index of every field. Each header column is used for at most one field and
 * the first matching alias wins.
 *
 * @param header the header record
 * @param specs the expected fields
 * @param where file and header line, for errors
 * @returns field → column index (absent optional fields are not in the map)
 * @throws VeerkrachtError when a required field is missing (listing its accepted names and the
 *   header found) or when two header columns match the same field
 * @example resolveFields(['VHE-nummer', 'Postcode'], specs).get('vhe') // 0
 */
export function resolveFields(
  header: readonly string[],
  specs: readonly FieldSpec[],
  where: { file?: string; line?: number; what?: string } = {},
): Map<string, number> {
  const folded = header.map(foldHeader);
  const out = new Map<string, number>();
  const used = new Set<number>();
  for (const spec of specs) {
    const names = [spec.field, ...spec.aliases].map(foldHeader);
    const hits: number[] = [];
    for (let j = 0; j < folded.length; j++) if (!used.has(j) && names.includes(folded[j])) hits.push(j);
    if (hits.length > 1) {
      throw new VeerkrachtError(`two columns mean the same field "${spec.field}"`, {
        file: where.file,
        line: where.line,
        column: header[hits[1]],
        expected: `one column for ${spec.field}`,
        found: hits.map((j) => JSON.stringify(header[j])).join(' and '),
      });
    }
    if (hits.length === 1) {
      out.set(spec.field, hits[0]);
      used.add(hits[0]);
    } else if (spec.required) {
      throw new VeerkrachtError(`required column "${spec.field}" is missing${where.what ? ` in ${where.what}` : ''}`, {
        file: where.file,
        line: where.line,
        column: spec.field,
        expected: `a column named one of ${[spec.field, ...spec.aliases].map((a) => JSON.stringify(a)).join(', ')} (${spec.description})`,
        found: `header ${header.map((h) => JSON.stringify(h)).join(', ')}`,
      });
    }
  }
  return out;
}

/**
 * The trimmed cell of a resolved field in a row; '' when the (optional) field has no column or
 * the row is short.
 *
 * @example const get = fieldCell(resolveFields(header, specs)); get(row, 'postcode')
 */
export function fieldCell(idx: ReadonlyMap<string, number>): (row: readonly string[], field: string) => string {
  return (row, field) => {
    const j = idx.get(field);
    return j === undefined ? '' : (row[j] ?? '').trim();
  };
}
