import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoOptions, generateDemo, writeDemoFiles } from '../../src/demo/index.js';
import { demoPath } from './files.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function hashes(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(root, p).split('\\').join('/'), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(root);
  return out;
}

describe('generateDemo', () => {
  it('same seed → byte-identical files, and the committed data/demo is not stale', () => {
    const a = mkdtempSync(join(tmpdir(), 'demo-a-'));
    const b = mkdtempSync(join(tmpdir(), 'demo-b-'));
    dirs.push(a, b);
    writeDemoFiles(generateDemo(demoOptions('demo')), a);
    writeDemoFiles(generateDemo(demoOptions('demo')), b);
    const ha = hashes(a);
    expect(ha.size).toBeGreaterThan(15);
    expect(hashes(b)).toEqual(ha);
    // regenerate with `npm run build && node scripts/generate-demo.mjs` when this fails
    expect(hashes(demoPath(''))).toEqual(ha);
  });

  it('another seed gives other data', () => {
    const x = generateDemo(demoOptions('demo', 1)).files.get('synthetisch_truth.csv');
    const y = generateDemo(demoOptions('demo', 2)).files.get('synthetisch_truth.csv');
    expect(Buffer.from(x!).equals(Buffer.from(y!))).toBe(false);
  });

  it('stays small enough to commit (< 3 MB) and labels every file synthetic', () => {
    const h = hashes(demoPath(''));
    let total = 0;
    for (const f of h.keys()) {
      total += statSync(demoPath(f)).size;
      if (f !== 'README.md' && !/_odata\//.test(f)) expect(f.split('/').pop()).toMatch(/^synthetisch_/);
      if (/_odata\//.test(f)) {
        expect(f).toMatch(/synthetisch_/);
        expect(readFileSync(demoPath(f), 'utf8')).toContain('SYNTHETISCH');
      }
    }
    expect(total).toBeLessThan(3e6);
    expect(readFileSync(demoPath('README.md'), 'utf8')).toMatch(/^# SYNTHETISCH/);
  });
});
