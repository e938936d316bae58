// Runs one implementation of one case in its own process, so its peak memory (maxRSS) is its own.
// Usage: node bench/lib/child.mjs '<json {caseId, impl, repeats, warmup, quick, nationalDir, wideKwb}>'
// Prints one JSON line: { times (ms), setupMs, rssAfterSetupMB, peakRssMB, check }.
import { performance } from 'node:perf_hooks';
import { CASES } from './cases.mjs';

const ctx = JSON.parse(process.argv[2]);
const impl = CASES[ctx.caseId].impls[ctx.impl];
const mb = () => process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB

const t0 = performance.now();
const { run, check } = await impl.setup(ctx);
const setupMs = performance.now() - t0;
const rssAfterSetupMB = mb();
for (let i = 0; i < ctx.warmup; i++) await run();
const times = [];
let last;
for (let i = 0; i < ctx.repeats; i++) {
  last = undefined;
  const s = performance.now();
  last = await run();
  times.push(performance.now() - s);
}
const peakRssMB = mb();
const summary = check ? await check(last) : null;
process.stdout.write(`\n${JSON.stringify({ times, setupMs, rssAfterSetupMB, peakRssMB, check: summary })}\n`);
process.exit(0);
