/**
 * Test helpers for rendered SVG: a normaliser for golden files (numbers rounded to 3 decimals,
 * ids re-indexed in order of appearance, one element per line) and a golden-file comparison.
 *
 * Golden files live in tests/viz/golden/. Create or update them with
 *   UPDATE_GOLDEN=1 npx vitest run tests/viz
 * then look at every changed figure (render it to PNG and view it) before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Round every number in the text to 3 decimals (−0 → 0), re-index ids, one tag per line. */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  const idOf = (id: string): string => {
    let v = ids.get(id);
    if (v === undefined) {
      v = `id${ids.size + 1}`;
      ids.set(id, v);
    }
    return v;
  };
  // ids first (in document order), so references to them map to the same new id
  let s = svg.replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${idOf(id)}"`);
  s = s.replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${idOf(id)})`);
  s = s.replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${idOf(id)}"`);
  const NUM = /-?\d*\.\d+(?:e[-+]?\d+)?|-?\d+(?:e[-+]?\d+)?/gi;
  const round = (m: string): string => {
    const x = Math.round(Number(m) * 1000) / 1000;
    return Object.is(x, -0) ? '0' : String(x);
  };
  // only attribute values are rounded; text content ("Leefbaarometer 3.0") stays as written
  s = s.replace(/([A-Za-z_:][\w:.-]*)="([^"]*)"/g, (_, name: string, value: string) => {
    // path data: every number is a coordinate (command letters directly precede them)
    if (name === 'd') return `d="${value.replace(NUM, round)}"`;
    // elsewhere digits inside words (id1, layer_0_marks, #D55E00) stay as they are
    const v = value.replace(NUM, (m: string, offset: number) => (offset > 0 && /[A-Za-z0-9_#]/.test(value[offset - 1]) ? m : round(m)));
    return `${name}="${v}"`;
  });
  return s.replace(/></g, '>\n<');
}

/** Fill colours of the drawn geoshapes (upper-cased), in drawing order. */
export function geoshapeFills(svg: string): string[] {
  const out: string[] = [];
  const re = /<path[^>]*aria-roledescription="geoshape"[^>]*>/g;
  for (const m of svg.match(re) ?? []) {
    const f = /\bfill="([^"]+)"/.exec(m);
    if (f !== null) out.push(f[1].toUpperCase());
  }
  return out;
}

/** Compare normalised SVG with tests/viz/golden/<name>.svg (or write it when UPDATE_GOLDEN=1). */
export function expectGolden(name: string, svg: string): void {
  const file = fileURLToPath(new URL(`./golden/${name}.svg`, import.meta.url));
  const norm = normaliseSvg(svg);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, norm);
    return;
  }
  if (!existsSync(file)) throw new Error(`golden file missing: ${file} (create it with UPDATE_GOLDEN=1 npx vitest run tests/viz, then review it)`);
  expect(norm).toBe(readFileSync(file, 'utf8'));
}
