// One end-to-end `veerkracht run` in a fresh process, in-process through the CLI as bin/veerkracht.js
// runs it (dist/bundle/main.js, else dist/cli/main.js) so that its peak RSS can be read.
// Usage: node bench/lib/e2e-child.mjs <config.json> <outDir>
// Prints one JSON line: { ms, exitCode, peakRssMB }.
import { performance } from 'node:perf_hooks';
import { cliEntry, tuneV8ForCli } from '../../bin/cli-entry.js';

const [config, out] = process.argv.slice(2);
// as bin/veerkracht.js does before it loads the CLI
tuneV8ForCli();
const t0 = performance.now();
const { main } = await import(cliEntry().href);
const quiet = { out: () => {}, err: (s) => process.stderr.write(s) };
const exitCode = await main(['run', '--config', config, '--out', out], quiet);
const ms = performance.now() - t0;
process.stdout.write(`\n${JSON.stringify({ ms, exitCode, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
process.exit(0);
