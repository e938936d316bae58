/**
 * Warnings every delimited-text loader gives about how the file was read, worded once.
 */
import type { Dialect } from './read.js';

/**
 * The encoding warning (a file that is not valid UTF-8 was decoded as Windows-1252), and — with
 * `padded: true`, for loaders that read short rows — how many rows had fewer fields than the
 * header (a file cut short looks the same as an export that drops trailing empty cells).
 *
 * @example dialectWarnings({ ...dialect, encoding: 'windows-1252' }) // ['file is not valid UTF-8: decoded as Windows-1252']
 */
export function dialectWarnings(dialect: Pick<Dialect, 'encoding' | 'paddedLines'>, options: { padded?: boolean } = {}): string[] {
  const warnings: string[] = [];
  if (dialect.encoding === 'windows-1252') warnings.push('file is not valid UTF-8: decoded as Windows-1252');
  const padded = options.padded ? dialect.paddedLines ?? [] : [];
  if (padded.length > 0) {
    warnings.push(`${padded.length} rows have fewer fields than the header (missing cells read as empty), e.g. line ${padded.slice(0, 5).join(', ')}`);
  }
  return warnings;
}
