#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/cli by `npm run build` (run by `npm ci` / `npm install`)
// and bundled into dist/bundle (see ./cli-entry.js).
import { fileURLToPath } from 'node:url';
import { cliEntry, tuneV8ForCli } from './cli-entry.js';

const main = cliEntry();
if (main === null) {
  process.stderr.write('veerkracht: not built yet (dist/cli/main.js missing): run `npm run build` in the project folder\n');
  process.exit(2);
}
tuneV8ForCli();
// the project folder, where the embedded demo data lives (data/demo)
process.env.VEERKRACHT_HOME ??= fileURLToPath(new URL('..', import.meta.url));
const { main: run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
