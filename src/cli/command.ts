/**
 * The shape of a CLI command. Each command lives in src/cli/commands/<name>.ts, parses its own
 * flags with {@link parseFlags} and only orchestrates: all computation lives elsewhere in src/.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { VeerkrachtError } from '../util/errors.js';

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
