// `veerkracht run` end to end at national scale: each repeat a fresh process (cold start is part
// of a run), its wall time and peak RSS, and the stage timings the pipeline writes to
// samenvatting.json (`timings`) when it does. Measured only once the pipeline exists
// (dist/run/job.js); until then the row is a TODO.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, nationalFile, ROOT } from './data.mjs';
import { baselineTree } from './baseline.mjs';

// issue 16: the national synthetic run in ≤ 3 s median, peak memory no higher than the 592 MB
// measured when the issue was filed
const TARGET_MS = 3000;
const TARGET_MB = 592;

/** The run configuration for the national region: the embedded demo configuration's files and defaults, in the national folder. */
export function nationalConfig(nationalDir) {
  const p = `${nationalDir}-run.json`;
  const f = (sub, re) => nationalFile(nationalDir, sub, re);
  const config = {
    title: 'Signaleringskaart Veerkracht — benchmark, nationale synthetische regio',
    synthetic: true,
    period: { t0: 2014, t1: 2022 },
    inputs: {
      kwb: { 2014: f('kwb', /kwb2014_\w+\.csv$/), 2022: f('kwb', /kwb2022_\w+\.csv$/) },
      leefbaarometer: f('leefbaarometer', /\.csv$/),
      boundaries: { t0: f('geo', /2014-2018_rd\.geojson$/), t1: f('geo', /2019-2022_rd\.geojson$/) },
      microdata: f('microdata', /\.csv$/),
    },
  };
  writeFileSync(p, `${JSON.stringify(config, null, 2)}\n`);
  return p;
}

/** Stage timings from the CLI's progress line `klaar in N ms (stage a ms, …)`; the rest of the total is export. */
function stageTimings(stderr) {
  const m = /klaar in (\d+) ms \((.*)\)/.exec(stderr);
  if (!m) return null;
  const stages = {};
  for (const part of m[2].split(', ')) {
    const x = /^(.*) (\d+) ms$/.exec(part);
    if (x) stages[x[1]] = Number(x[2]);
  }
  const sum = Object.values(stages).reduce((a, b) => a + b, 0);
  stages['export (rest: writeRunOutputs)'] = Number(m[1]) - sum;
  return stages;
}

/**
 * The e2e case. With `baselineRef` (`--baseline-ref <commit>`), each repeat runs that commit's
 * build right after ours (see ./baseline.mjs), and the table gets their ratio.
 */
export async function e2eCase({ quick, nationalDir, log, baselineRef }) {
  const entry = { id: 'e2e', title: 'veerkracht run --config, national region (load → export)', impls: [], ratios: [], resultsAgree: null };
  const todo = (why) => {
    entry.impls.push({ impl: 'ours', label: `TODO: ${why}`, baseline: false, error: `TODO: ${why}` });
    return { entry, targets: [{ what: 'veerkracht run end to end', target: `≤ ${TARGET_MS} ms, ≤ ${TARGET_MB} MB`, measured: 'not measured (TODO)', met: null }] };
  };
  if (!existsSync(join(ROOT, 'dist', 'run', 'job.js'))) return todo('the run layer (src/run/job.ts) is not built: npm run build');
  const config = nationalConfig(nationalDir);
  const base = baselineRef ? baselineTree(baselineRef, log) : null;
  if (base?.error) return todo(base.error);
  const out = join(CACHE, 'e2e-out');
  const runs = [];
  const baseRuns = [];
  const repeats = quick ? 1 : base ? 5 : 3;
  let timings = null;
  /** One run of `child` (a tree's bench/lib/e2e-child.mjs) in a fresh process: { o, stderr } or { error }. */
  const runOnce = (child, cwd) => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const p = spawnSync(process.execPath, [child, config, out], { cwd, encoding: 'utf8' });
    const last = p.stdout.trim().split('\n').pop() ?? '';
    if (p.status !== 0 || !last.startsWith('{')) return { error: `run failed: ${(p.stderr || '').trim().split('\n').slice(-2).join(' | ').slice(0, 200)}` };
    const o = JSON.parse(last);
    if (o.exitCode !== 0) return { error: `veerkracht run exited ${o.exitCode}: ${(p.stderr || '').trim().slice(-200)}` };
    return { o, stderr: p.stderr };
  };
  for (let i = 0; i < repeats; i++) {
    const r = runOnce(join(ROOT, 'bench', 'lib', 'e2e-child.mjs'), ROOT);
    if (r.error) return todo(r.error);
    const o = r.o;
    runs.push(o);
    try {
      timings = JSON.parse(readFileSync(join(out, 'samenvatting.json'), 'utf8')).timings ?? null;
    } catch {
      timings = null;
    }
    timings = timings ?? stageTimings(r.stderr);
    o.stages = timings;
    let line = `       run ${i + 1}: ${Math.round(o.ms)} ms, peak ${Math.round(o.peakRssMB)} MB`;
    if (base) {
      const b = runOnce(base.child, base.dir);
      if (b.error) return todo(`baseline ${base.sha.slice(0, 12)}: ${b.error}`);
      baseRuns.push(b.o);
      line += `; baseline ${Math.round(b.o.ms)} ms, peak ${Math.round(b.o.peakRssMB)} MB`;
    }
    log(line);
  }
  // per-stage medians over the runs; what the CLI's total does not cover is start-up (module import)
  const med = (xs) => {
    const a = xs.slice().sort((x, y) => x - y);
    return a.length % 2 ? a[a.length >> 1] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  };
  if (runs.every((r) => r.stages)) {
    for (const r of runs) r.stages['start (module import, config)'] = Math.max(0, Math.round(r.ms - Object.values(r.stages).reduce((a, b) => a + b, 0)));
    timings = {};
    for (const k of Object.keys(runs[0].stages)) timings[k] = Math.round(med(runs.map((r) => r.stages[k])));
  }
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const median = med(ms);
  const peak = Math.max(...runs.map((r) => r.peakRssMB));
  entry.impls.push({
    impl: 'ours', label: 'veerkracht run (fresh process each)', baseline: false,
    medianMs: Math.round(median), minMs: Math.round(ms[0]), maxMs: Math.round(ms[ms.length - 1]), runs: runs.length, warmup: 0,
    peakRssMB: Math.round(peak), check: null, timings,
  });
  if (base) {
    const bm = baseRuns.map((r) => r.ms).sort((a, b) => a - b);
    entry.impls.push({
      impl: 'baseline', label: `the same run, commit ${base.sha.slice(0, 12)} (--baseline-ref ${baselineRef}), alternating with ours`, baseline: true,
      medianMs: Math.round(med(bm)), minMs: Math.round(bm[0]), maxMs: Math.round(bm[bm.length - 1]), runs: bm.length, warmup: 0,
      peakRssMB: Math.round(Math.max(...baseRuns.map((r) => r.peakRssMB))), check: null,
    });
    entry.ratios.push({ ours: 'ours', baseline: 'baseline', ratio: Number((median / med(bm)).toPrecision(3)) });
  }
  writeFileSync(join(CACHE, 'e2e-last.json'), JSON.stringify({ runs, baseRuns, timings }, null, 2));
  return {
    entry,
    targets: [
      { what: 'veerkracht run end to end, time', target: `≤ ${TARGET_MS} ms`, measured: `${Math.round(median)} ms`, met: median <= TARGET_MS },
      { what: 'veerkracht run end to end, peak RSS', target: `≤ ${TARGET_MB} MB`, measured: `${Math.round(peak)} MB`, met: peak <= TARGET_MB },
    ],
  };
}
