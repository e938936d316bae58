/**
 * The shape of a CLI command. Each command lives in src/cli/commands/<name>.ts, parses its own
 * flags with {@link parseFlags} and only orchestrates: all computation lives elsewhere in src/.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { VeerkrachtError, isUserError } from '../util/errors.js';
import { FORMAT_READERS, detectFormat } from '../sources/registry.js';
import type { FormatReadOptions } from '../sources/formats.js';
import { csvReader } from '../sources/csv/reader.js';
import type { LoadedTable } from '../sources/types.js';

/** Where a command writes: stdout for results (JSON or tables), stderr for progress. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface Command {
  name: string;
  /** One line for `veerkracht --help`. */
  summary: string;
  /** Full help text for `veerkracht <name> --help`, starting with the usage line. */
  help: string;
  /** Runs the command; returns the exit code. Throws VeerkrachtError for user errors. */
  run(argv: string[], io: CliIO): Promise<number>;
}

export type FlagSpec = NonNullable<ParseArgsConfig['options']>;

/**
 * Parse a command's flags strictly: an unknown flag or a missing value is a user error with a
 * one-line message naming the flag. `--help` is handled by the dispatcher before this runs.
 */
export function parseFlags(
  command: string,
  argv: string[],
  options: FlagSpec,
  positionals: { min: number; max: number; names: string },
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new VeerkrachtError(`${msg.replace(/\. To specify.*$/, '')} (see veerkracht ${command} --help)`, {}, 2);
  }
  const n = parsed.positionals.length;
  if (n < positionals.min || n > positionals.max) {
    const expected =
      positionals.min === positionals.max ? `${positionals.min}` : `${positionals.min} to ${positionals.max}`;
    throw new VeerkrachtError(
      `expected ${expected} argument(s) (${positionals.names}), got ${n} (see veerkracht ${command} --help)`,
      {},
      2,
    );
  }
  return { values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals };
}

/** Read an integer flag, with a clear error naming the flag. */
export function intFlag(command: string, name: string, value: unknown, fallback: number, min = -Infinity): number {
  if (value === undefined) return fallback;
  const s = String(value);
  if (!/^-?\d+$/.test(s) || Number(s) < min) {
    throw new VeerkrachtError(
      `--${name} must be an integer${min > -Infinity ? ` ≥ ${min}` : ''}, got ${JSON.stringify(s)}`,
      {},
      2,
    );
  }
  return Number(s);
}

/**
 * A number as users type it: a decimal point or a decimal comma (`1.5`, `1,5`), optional sign
 * and exponent. Thousands separators are not accepted (`1.500,5` is ambiguous). NaN otherwise.
 *
 * @example parseUserNumber('1,5') // 1.5
 * @example parseUserNumber('3.126') // 3.126
 */
export function parseUserNumber(s: string): number {
  const t = s.trim();
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/.test(t)) return NaN;
  return Number(t.replace(',', '.'));
}

/** Bounds for {@link numberFlag}. */
export interface NumberBounds {
  min?: number;
  max?: number;
  /** Exclude the bounds themselves. */
  exclusive?: boolean;
}

function boundsText(b: NumberBounds): string {
  const lo = b.min !== undefined ? `${b.exclusive ? '>' : '≥'} ${b.min}` : '';
  const hi = b.max !== undefined ? `${b.exclusive ? '<' : '≤'} ${b.max}` : '';
  return lo && hi ? ` ${lo} and ${hi}` : lo || hi ? ` ${lo || hi}` : '';
}

/**
 * Read a number flag that accepts a decimal comma (`--tk 1,5`), with a clear error naming the flag.
 *
 * @param command - command name for the help hint.
 * @param name - flag name without dashes.
 * @param value - the raw flag value (undefined when absent).
 * @param fallback - value when the flag is absent.
 * @param bounds - optional min/max.
 * @returns the number.
 * @throws VeerkrachtError (exit 2) for anything else.
 * @example numberFlag('calibrate', 'tk', '1,5', 0, { min: 0 }) // 1.5
 */
export function numberFlag(command: string, name: string, value: unknown, fallback: number, bounds: NumberBounds = {}): number {
  if (value === undefined) return fallback;
  const s = String(value);
  const x = parseUserNumber(s);
  const ok = Number.isFinite(x)
    && (bounds.min === undefined || (bounds.exclusive ? x > bounds.min : x >= bounds.min))
    && (bounds.max === undefined || (bounds.exclusive ? x < bounds.max : x <= bounds.max));
  if (!ok) {
    throw new VeerkrachtError(
      `--${name} must be a number${boundsText(bounds)} (decimal point or comma), got ${JSON.stringify(s)} (see veerkracht ${command} --help)`,
      {},
      2,
    );
  }
  return x;
}

/**
 * Read a list of numbers: comma-separated with decimal points (`20,30.5`), or separated by `;`
 * (or spaces) when the numbers use a decimal comma (`1,5;2,5`).
 *
 * @returns the numbers, in order.
 * @throws VeerkrachtError (exit 2) naming the flag and the bad item.
 * @example numberListFlag('classify', 'bins', '1,5;2,5') // [1.5, 2.5]
 */
export function numberListFlag(command: string, name: string, value: string, bounds: NumberBounds = {}): number[] {
  const s = value.trim();
  const parts = /[;\s]/.test(s) ? s.split(/\s*;\s*|\s+/) : s.split(',');
  return parts.map((p) => {
    if (p.trim() === '') {
      throw new VeerkrachtError(
        `--${name} must be a list of numbers (20,30 or with decimal commas 1,5;2,5), got ${JSON.stringify(value)} (see veerkracht ${command} --help)`, {}, 2,
      );
    }
    return numberFlag(command, name, p, 0, bounds);
  });
}

/**
 * A name as users type it, for matching against a list: lower case, with spaces, hyphens and
 * underscores removed (`Fisher-Jenks`, `fisher_jenks`, `FisherJenks` → `fisherjenks`).
 *
 * @example looseName('Veerkracht onder-druk') // 'veerkrachtonderdruk'
 */
export function looseName(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * Read a flag whose value is one of a fixed list, matched loosely (any case, spaces, hyphens or
 * underscores); extra spellings map through `aliases` (loose form → value).
 *
 * @returns the canonical value, or `fallback` when the flag is absent.
 * @throws VeerkrachtError (exit 2) listing the accepted values.
 * @example choiceFlag('moran', 'contiguity', 'Queen', ['queen', 'rook'], 'queen') // 'queen'
 */
export function choiceFlag<T extends string>(
  command: string, name: string, value: unknown, choices: readonly T[], fallback: T, aliases: Readonly<Record<string, T>> = {},
): T {
  if (value === undefined) return fallback;
  const key = looseName(String(value));
  const hit = choices.find((c) => looseName(c) === key) ?? aliases[key];
  if (hit === undefined) {
    throw new VeerkrachtError(
      `--${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(String(value))} (see veerkracht ${command} --help)`, {}, 2,
    );
  }
  return hit;
}

/** A table read for a command, and how it was read. */
export interface CommandTable {
  loaded: LoadedTable;
  /** Set when the detected format refused the file and it was read as a plain table instead. */
  fallback?: string;
}

/**
 * Read any table for a command. Format detection never blocks a generic table: when the
 * detected specific format refuses the file (e.g. a `wk_code,lbm` extract without `jaar` looks
 * like the Leefbaarometer long format), the file is read as a plain delimited table and the
 * reason is returned in `fallback` for the command to print.
 *
 * @param path - the file.
 * @param options - the sheet of an `.xlsx` workbook (`--sheet`), the layer of a GeoPackage.
 * @returns the table and, when it fell back, why.
 * @throws VeerkrachtError of the specific reader when the plain reader cannot read it either.
 * @example const { loaded, fallback } = await readCommandTable('wk.csv');
 */
export async function readCommandTable(path: string, options: FormatReadOptions = {}): Promise<CommandTable> {
  const reader = detectFormat(path, FORMAT_READERS, options);
  try {
    return { loaded: await reader.read(path, options) };
  } catch (e) {
    if (!isUserError(e) || reader === csvReader || reader.kind.startsWith('boundaries')) throw e;
    let loaded: LoadedTable;
    try {
      loaded = await csvReader.read(path, options);
    } catch {
      throw e;
    }
    return { loaded, fallback: `read as a plain table (not as ${reader.kind}: ${e.message})` };
  }
}
