/**
 * A problem with the user's input or configuration: the CLI prints its message on one line
 * and exits non-zero, never a stack trace. Everything else is a bug and keeps its stack.
 */
export interface InputLocation {
  /** File the problem is in (as the user gave it). */
  file?: string;
  /** 1-based line number in a text file. */
  line?: number;
  /** Feature index (0-based) or code in a geometry file, or a row key. */
  feature?: string | number;
  /** Column, property or config field. */
  column?: string;
  /** What was expected there. */
  expected?: string;
  /** What was found instead. */
  found?: string;
}

export class VeerkrachtError extends Error {
  readonly location: InputLocation;
  readonly exitCode: number;

  constructor(problem: string, location: InputLocation = {}, exitCode = 1) {
    super(formatMessage(problem, location));
    this.name = 'VeerkrachtError';
    this.location = location;
    this.exitCode = exitCode;
  }
}

/** True for errors meant for the user (bad input, bad flags), false for bugs. */
export function isUserError(e: unknown): e is VeerkrachtError {
  return e instanceof VeerkrachtError;
}

/** Shorten a found value for a message: long cells are cut, control characters shown escaped. */
export function showValue(value: unknown, max = 40): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const escaped = JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
  return escaped;
}

function formatMessage(problem: string, loc: InputLocation): string {
  const where: string[] = [];
  if (loc.file !== undefined) where.push(loc.file);
  if (loc.line !== undefined) where.push(`line ${loc.line}`);
  if (loc.feature !== undefined) where.push(`feature ${loc.feature}`);
  if (loc.column !== undefined) where.push(`column ${JSON.stringify(loc.column)}`);
  let msg = where.length > 0 ? `${where.join(', ')}: ${problem}` : problem;
  if (loc.expected !== undefined) msg += `; expected ${loc.expected}`;
  if (loc.found !== undefined) msg += `, found ${loc.found}`;
  return msg;
}
