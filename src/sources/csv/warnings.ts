/**
 * Warnings every delimited-text loader gives about how the file was read, worded once.
 */
import type { Dialect } from './read.js';
import { duplicateHeaderWarnings, invisibleWarning } from './invisible.js';

/**
 * The encoding warning (a file that is not valid UTF-8 was decoded as Windows-1252), and — with
 * `padded: true`, for loaders that read short rows — how many rows had fewer fields than the
 * header (a file cut short looks the same as an export that drops trailing empty cells).
 *
 * @example dialectWarnings({ ...dialect, encoding: 'windows-1252' }) // ['file is not valid UTF-8: decoded as Windows-1252']
 */
export function dialectWarnings(
  dialect: Pick<Dialect, 'encoding' | 'paddedLines' | 'sheet' | 'invisible'>,
  options: { padded?: boolean; header?: readonly string[] } = {},
): string[] {
  const warnings: string[] = [];
  if (options.header) warnings.push(...duplicateHeaderWarnings(options.header));
  if (dialect.invisible) {
    const w = invisibleWarning(dialect.invisible, options.header ?? []);
    if (w) warnings.push(w);
  }
  const sheet = dialect.sheet;
  if (sheet !== undefined) {
    if (sheet.sheetNames.length > 1) {
      warnings.push(`read sheet ${JSON.stringify(sheet.sheet)} of ${sheet.sheetNames.length} (${sheet.sheetNames.map((n) => JSON.stringify(n)).join(', ')}); choose another with the sheet option`);
    }
    if (sheet.titleRows.length > 0) warnings.push(`skipped ${sheet.titleRows.length} title row${sheet.titleRows.length === 1 ? '' : 's'} above the header (row ${sheet.titleRows.join(', ')})`);
    if (sheet.noteRows.length > 0) warnings.push(`skipped ${sheet.noteRows.length} note row${sheet.noteRows.length === 1 ? '' : 's'} below the table (row ${sheet.noteRows.slice(0, 5).join(', ')})`);
    if (sheet.errorCells.length > 0) warnings.push(`${sheet.errorCells.length} Excel error cell${sheet.errorCells.length === 1 ? '' : 's'} read as missing (${sheet.errorCells.slice(0, 5).join(', ')})`);
  }
  if (dialect.encoding === 'windows-1252') warnings.push('file is not valid UTF-8: decoded as Windows-1252');
  const padded = options.padded ? dialect.paddedLines ?? [] : [];
  if (padded.length > 0) {
    warnings.push(`${padded.length} rows have fewer fields than the header (missing cells read as empty), e.g. line ${padded.slice(0, 5).join(', ')}`);
  }
  return warnings;
}
