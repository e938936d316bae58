// Which compiled CLI to run: the bundle (dist/bundle/main.js, made by `npm run build` with
// scripts/bundle-cli.mjs: one file loads faster than ≈ 370 modules) unless it is missing or older
// than what tsc last compiled (dist/cli/main.js: a `tsc` run without the bundle step), then the
// compiled modules themselves. Null when neither is built.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

/**
 * V8's tuning for one CLI command, a process of seconds: a function is compiled by the optimising
 * compiler once it has used up a larger budget of interpreter work than V8's default (132 KB of
 * bytecode weight). With the default, a national `veerkracht run` spent about a quarter of its
 * CPU in TurboFan's background threads on a 2-core machine, compiling hundreds of functions
 * that ran a few times more; the loops that carry the run still reach optimised code. Measured in
 * alternation (bench/RESULTS.md, ninth session): national run 8 rounds −7 % wall time, −11 % CPU;
 * full-resolution run 4 rounds −4 %. Set before the CLI's modules load (flags are process-wide,
 * the figure worker gets them too); library users and notebooks keep V8's defaults.
 */
export const CLI_V8_FLAGS = '--interrupt-budget=800000';

export function tuneV8ForCli() {
  setFlagsFromString(CLI_V8_FLAGS);
}

export function cliEntry() {
  const bundled = new URL('../dist/bundle/main.js', import.meta.url);
  const compiled = new URL('../dist/cli/main.js', import.meta.url);
  if (!existsSync(fileURLToPath(compiled))) return existsSync(fileURLToPath(bundled)) ? bundled : null;
  if (existsSync(fileURLToPath(bundled)) && statSync(bundled).mtimeMs >= statSync(compiled).mtimeMs) return bundled;
  return compiled;
}
