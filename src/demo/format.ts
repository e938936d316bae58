/**
 * Text formatting shared by the demo writers: number formatting as CBS/R exports print it,
 * padding, deterministic random rounding to multiples of 5, and UTF-8 with or without BOM.
 */
import { Rng } from './prng.js';

/**
 * Round to `decimals` and print the shortest form (6.0 → "6", 7.25 → "7.3" at 1 decimal), with
 * an optional decimal comma.
 * @example formatNumber(6.04, 1) // "6"
 */
export function formatNumber(v: number, decimals: number, comma = false): string {
  const f = 10 ** decimals;
  const r = Math.round(v * f) / f;
  const s = String(Object.is(r, -0) ? 0 : r);
  return comma ? s.replace('.', ',') : s;
}

/** Fixed decimals with a decimal comma (Excel-Dutch): 612.3 → "612,30". */
export function formatComma(v: number, decimals: number): string {
  return v.toFixed(decimals).replace('.', ',');
}

/** Right-pad with spaces to `width` characters (never truncates). */
export function padRight(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

/** Left-pad with spaces to `width` characters. */
export function padLeft(s: string, width: number): string {
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}

/** A generator seeded from a string (stable per code and year, independent of call order). */
export function rngFor(seed: number, label: string): Rng {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
  return new Rng(h >>> 0);
}

/**
 * CBS random rounding to a multiple of 5 ("aselect afronden"): up with probability equal to
 * the remainder / 5, so the expectation is the value itself.
 * @example roundTo5Random(12, rngFor(1, 'x')) // 10 or 15
 */
export function roundTo5Random(v: number, rng: Rng): number {
  const lo = Math.floor(v / 5) * 5;
  return rng.uniform() < (v - lo) / 5 ? lo + 5 : lo;
}

/** UTF-8 bytes, optionally with a byte-order mark. */
export function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** Quote a CSV field when it contains the separator, a quote or a line break. */
export function csvField(s: string, sep: string): string {
  return s.includes(sep) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
}
