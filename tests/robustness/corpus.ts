/**
 * The bad-input corpus, generated: each case is a small file written into a temp folder by the
 * tests, so no hostile bytes live in the repository.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VeerkrachtError } from '../../src/util/errors.js';

/** A fresh temp folder for one test file. */
export function tempDir(prefix = 'vk-robust-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write a file (text is written as UTF-8, bytes as they are) and return its path. */
export function writeCase(dir: string, name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** Encode text as Windows-1252 (only the characters this corpus uses outside ASCII). */
export function cp1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const c = ch.charCodeAt(0);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[i] = c;
    else if (high[ch] !== undefined) out[i] = high[ch];
    else throw new Error(`not in the corpus cp1252 table: ${ch}`);
  }
  return out;
}

/** The demo Leefbaarometer header. */
export const LBM_HEADER = 'bu_code,bu_naam,jaar,lbm,afw,fys,onv,soc,vrz,won';

/** A Leefbaarometer buurt row whose afw is the sum of its dimensions. */
export function lbmRow(code: string, jaar: number, dims: [number, number, number, number, number] = [0.01, 0.02, -0.01, 0.03, 0.05]): string {
  const afw = dims.reduce((s, x) => s + x, 0);
  return `${code},Buurt ${code},${jaar},${(4.1 + afw).toFixed(6)},${afw.toFixed(6)},${dims.map((x) => x.toFixed(6)).join(',')}`;
}

/** Run the CLI and return its one-line error, asserting a non-zero exit and no stack trace. */
export async function cliError(argv: string[]): Promise<string> {
  const { runCli } = await import('../helpers/cli.js');
  const r = await runCli(argv);
  if (r.code === 0) throw new Error(`expected a non-zero exit for ${argv.join(' ')}, got 0 with ${r.out.slice(0, 200)}`);
  const lines = r.err.replace(/\n$/, '').split('\n');
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got ${lines.length}: ${r.err.slice(0, 500)}`);
  if (/\n\s+at /.test(r.err) || /Error:/.test(r.err)) throw new Error(`stack trace or raw error on stderr: ${r.err}`);
  return lines[0];
}

/** Run `inspect --json` and return the description, asserting success. */
export async function inspectJson(path: string): Promise<{
  kind: string;
  rows: number;
  warnings: string[];
  columns: { name: string; type: string; missing: number }[];
  report: { rowsRead: number; rowsKept: number; dropped: { reason: string; count: number; examples: string[] }[]; warnings: string[] };
}> {
  const { runCli } = await import('../helpers/cli.js');
  const r = await runCli(['inspect', path, '--json']);
  if (r.code !== 0) throw new Error(`inspect failed: ${r.err}`);
  return JSON.parse(r.out);
}

/** Assert the load-report balance rowsRead = rowsKept + Σ dropped.count, returning the dropped sum. */
export function balance(report: { rowsRead: number; rowsKept: number; dropped: { count: number }[] }): number {
  const dropped = report.dropped.reduce((s, d) => s + d.count, 0);
  if (report.rowsRead !== report.rowsKept + dropped) {
    throw new Error(`report does not balance: read ${report.rowsRead} ≠ kept ${report.rowsKept} + dropped ${dropped}`);
  }
  return dropped;
}

export { thrown } from '../helpers/thrown.js';
