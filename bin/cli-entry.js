// Which compiled CLI to run: the bundle (dist/bundle/main.js, made by `npm run build` with
// scripts/bundle-cli.mjs: one file loads faster than ≈ 370 modules) unless it is missing or older
// than what tsc last compiled (dist/cli/main.js: a `tsc` run without the bundle step), then the
// compiled modules themselves. Null when neither is built.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function cliEntry() {
  const bundled = new URL('../dist/bundle/main.js', import.meta.url);
  const compiled = new URL('../dist/cli/main.js', import.meta.url);
  if (!existsSync(fileURLToPath(compiled))) return existsSync(fileURLToPath(bundled)) ? bundled : null;
  if (existsSync(fileURLToPath(bundled)) && statSync(bundled).mtimeMs >= statSync(compiled).mtimeMs) return bundled;
  return compiled;
}
