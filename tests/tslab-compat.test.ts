// tslab (the notebook kernel) resolves every require(id) first as <importing dir>/<id>.js among
// the files it compiled itself. A src file named like a package imported from its own folder
// (src/viz/vega-lite.ts importing 'vega-lite') then requires itself forever. Guard against it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, basename, dirname } from 'node:path';
import { expect, it } from 'vitest';

const src = new URL('../src', import.meta.url).pathname;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

it('no src file shares its name with a package imported from its folder (tslab would loop)', () => {
  const files = tsFiles(src);
  const clashes: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // runtime imports only: `import type` is erased, and `node:x` never names a file
    for (const m of text.matchAll(/^(?!import type)(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]/gm)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('.') || spec.includes(':')) continue;
      const candidate = join(dirname(file), `${spec}.ts`);
      if (files.includes(candidate)) clashes.push(`${file} imports '${spec}', clashing with ${basename(candidate)}`);
    }
  }
  expect(clashes).toEqual([]);
});

it('src uses no syntax or API newer than tslab\'s TypeScript 5.0 / lib es2022 / CommonJS', () => {
  const bad: string[] = [];
  for (const file of tsFiles(src)) {
    const text = readFileSync(file, 'utf8');
    for (const [re, what] of [
      [/\.(toSorted|toReversed|toSpliced|findLast|findLastIndex)\(/, 'ES2023 array method'],
      [/\bimport\.meta\b/, 'import.meta (tslab emits CommonJS)'],
      [/^\s*(await\s+)?using\s+\w+\s*=/m, '`using` declaration'],
    ] as const) {
      if (re.test(text)) bad.push(`${file}: ${what}`);
    }
  }
  expect(bad).toEqual([]);
});
