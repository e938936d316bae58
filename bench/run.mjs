#!/usr/bin/env node
// veerkracht benchmarks at national scale: `npm run bench` (all), `npm run bench -- --quick`
// (fewer repeats, 1 M microdata rows), `--only jenks-k5,sweep`, `--json` (JSON on stdout only),
// `--no-write` (a full run otherwise updates bench/results.json and the table in RESULTS.md;
// partial and quick runs never write), `--baseline-ref <commit>` (the e2e case alternates each
// run with that commit's build and reports ours ÷ baseline).
//
// Each implementation of each case runs in its own child process (bench/lib/child.mjs), so its
// peak RSS is its own; times are medians over repeated runs after a warm-up. Ratios are
// ours ÷ baseline (> 1: ours is slower). Inputs: the national synthetic region from the demo
// generator, cached in $TMPDIR/veerkracht-bench (see bench/lib/data.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { CACHE, ensureNational, ensureWideKwb, ROOT } from './lib/data.mjs';
import { CASES } from './lib/cases.mjs';
import { e2eCase } from './lib/e2e.mjs';
import { explorerCase } from './lib/explorer.mjs';
import { fullresCase } from './lib/fullres.mjs';

const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const quick = flag('--quick');
const jsonOnly = flag('--json');
const write = !flag('--no-write');
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? new Set(args[onlyIdx + 1].split(',')) : null;
// e2e alternates with this commit's build (bench/lib/baseline.mjs) and reports the ratio
const baselineIdx = args.indexOf('--baseline-ref');
const baselineRef = baselineIdx >= 0 ? args[baselineIdx + 1] : undefined;
const log = (...m) => (jsonOnly ? process.stderr : process.stdout).write(`${m.join(' ')}\n`);

// ------------------------------------------------------------------ build when stale
function newest(dir, ext) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    if (s.isDirectory()) t = Math.max(t, newest(p, ext));
    else if (name.endsWith(ext)) t = Math.max(t, s.mtimeMs);
  }
  return t;
}
const distIndex = join(ROOT, 'dist', 'index.js');
if (!existsSync(distIndex) || newest(join(ROOT, 'src'), '.ts') > statSync(distIndex).mtimeMs) {
  log('bench: dist/ is missing or older than src/: npm run build …');
  try {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', jsonOnly ? 'ignore' : 'inherit', 'inherit'] });
  } catch {
    if (!existsSync(distIndex)) {
      console.error('bench: build failed and there is no dist/; fix the build first');
      process.exit(1);
    }
    log('bench: WARNING build failed; measuring the existing dist/ (may be stale)');
  }
}

// ------------------------------------------------------------------ inputs
const nat = ensureNational(log);
const wideKwb = ensureWideKwb(nat.dir, 120);
log(`bench: national region ${nat.dir}${nat.generated ? ' (generated)' : ' (cached)'}`);

// ------------------------------------------------------------------ machine
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  ramGB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  loadavgAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  date: new Date().toISOString(),
  commit: (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  })(),
};

// ------------------------------------------------------------------ run
const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (x) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);

function runChild(caseId, impl, c) {
  const repeats = quick ? c.repeats[1] : c.repeats[0];
  const ctx = { caseId, impl, repeats, warmup: c.warmup ?? 0, quick, nationalDir: nat.dir, wideKwb };
  const p = spawnSync(process.execPath, [...(c.nodeArgs ?? []), join(ROOT, 'bench', 'lib', 'child.mjs'), JSON.stringify(ctx)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const last = p.stdout.trim().split('\n').pop() ?? '';
  if (p.status !== 0 || !last.startsWith('{')) {
    const err = (p.stderr || '').trim().split('\n').filter((l) => l.trim()).slice(-3).join(' | ') || `exit ${p.status ?? p.signal}`;
    return { error: err.slice(0, 300) };
  }
  const o = JSON.parse(last);
  return {
    medianMs: r1(median(o.times)),
    minMs: r1(Math.min(...o.times)),
    maxMs: r1(Math.max(...o.times)),
    runs: o.times.length,
    warmup: ctx.warmup,
    setupMs: r1(o.setupMs),
    rssAfterSetupMB: Math.round(o.rssAfterSetupMB),
    peakRssMB: Math.round(o.peakRssMB),
    check: o.check,
  };
}

const results = [];
const cases = Object.entries(CASES).filter(([id]) => !only || only.has(id));
for (const [caseId, c] of cases) {
  const entry = { id: caseId, title: quick && c.quickTitle ? c.quickTitle : c.title, impls: [] };
  for (const [impl, spec] of Object.entries(c.impls)) {
    log(`bench: ${caseId} / ${impl} …`);
    const r = runChild(caseId, impl, c);
    entry.impls.push({ impl, label: spec.label, baseline: spec.baseline === true, ...r });
    log(`       ${r.error ? `ERROR ${r.error}` : `${r.medianMs} ms (median of ${r.runs}), peak ${r.peakRssMB} MB${r.check ? `, ${r.check}` : ''}`}`);
  }
  const ours = entry.impls.filter((i) => !i.baseline && !i.error);
  // implementations that are neither ours nor a baseline (sketches of a fix) are compared too
  entry.ratios = [];
  for (const o of ours) {
    for (const b of entry.impls.filter((i) => i.baseline && !i.error)) {
      entry.ratios.push({ ours: o.impl, baseline: b.impl, ratio: Number((o.medianMs / b.medianMs).toPrecision(3)) });
    }
  }
  const checks = entry.impls.filter((i) => i.check !== null && i.check !== undefined && !i.error).map((i) => i.check);
  entry.resultsAgree = checks.length < 2 ? null : checks.every((x) => x === checks[0]);
  results.push(entry);
}

// render target: SVG + PNG of the same map
const svg = results.find((r) => r.id === 'render-svg')?.impls.find((i) => i.impl === 'ours');
const png = results.find((r) => r.id === 'render-png')?.impls.find((i) => i.impl === 'ours');
const targets = [];
if (svg?.medianMs && png?.medianMs) {
  const total = r1(svg.medianMs + png.medianMs);
  targets.push({ what: 'signal map 14,000 buurten, SVG + PNG', target: '< 2000 ms', measured: `${total} ms`, met: total < 2000 });
}

if (!only || only.has('e2e')) {
  log('bench: e2e (veerkracht run) …');
  const e = await e2eCase({ quick, nationalDir: nat.dir, log, baselineRef });
  results.push(e.entry);
  targets.push(...e.targets);
}
if (!only || only.has('explorer')) {
  log('bench: explorer (headless Chromium) …');
  const e = await explorerCase({ quick, nationalDir: nat.dir, log });
  results.push(e.entry);
  targets.push(...e.targets);
}

if (!only || only.has('fullres')) {
  log('bench: fullres (veerkracht run on full-resolution boundaries vs simplified) …');
  const e = await fullresCase({ quick, nationalDir: nat.dir, log });
  results.push(e.entry);
  targets.push(...e.targets);
}

const report = { machine, quick, nationalDir: nat.dir, cache: CACHE, results, targets };

// ------------------------------------------------------------------ report
function table() {
  const rows = [['case', 'implementation', 'median ms', 'min–max ms', 'runs', 'RSS after setup MB', 'peak RSS MB', 'ours ÷ baseline', 'check']];
  for (const r of results) {
    for (const i of r.impls) {
      const ratios = r.ratios
        .filter((x) => x.baseline === i.impl)
        .map((x) => `${x.ours}: ${x.ratio}×${x.ratio < 1 ? ` (${Number((1 / x.ratio).toPrecision(3))}× faster)` : ''}`)
        .join('; ');
      rows.push([
        r.id,
        `${i.baseline ? '(baseline) ' : ''}${i.label}`,
        i.error ? 'ERROR' : String(i.medianMs ?? '—'),
        i.error ? i.error.slice(0, 60) : i.minMs !== undefined ? `${i.minMs}–${i.maxMs}` : '—',
        String(i.runs ?? '—'),
        String(i.rssAfterSetupMB ?? '—'),
        String(i.peakRssMB ?? '—'),
        ratios || '',
        i.check ?? '',
      ]);
    }
  }
  return rows;
}
function markdown(rows) {
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  return [`| ${rows[0].join(' | ')} |`, `|${rows[0].map(() => '---').join('|')}|`, ...rows.slice(1).map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}
function plain(rows) {
  const w = rows[0].map((_, j) => Math.min(60, Math.max(...rows.map((r) => String(r[j]).length))));
  return rows.map((r) => r.map((c, j) => String(c).slice(0, 60).padEnd(w[j])).join('  ')).join('\n');
}

/** Stage shares of the end-to-end run (medians per stage over the runs). */
function stageLines() {
  const e = results.find((r) => r.id === 'e2e')?.impls[0];
  if (!e?.timings) return [];
  const total = Object.values(e.timings).reduce((a, b) => a + b, 0);
  return [`- veerkracht run stages (median per stage): ${Object.entries(e.timings).map(([k, v]) => `${k} ${v} ms (${Math.round((100 * v) / total)} %)`).join(', ')}`];
}

const rows = table();
if (jsonOnly) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else {
  log('');
  log(plain(rows));
  log('');
  for (const l of stageLines()) log(l.slice(2));
  for (const t of targets) log(`target ${t.what}: ${t.target}, measured ${t.measured} → ${t.met === null ? 'n/a' : t.met ? 'met' : 'MISSED'}`);
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGB} GB, node ${machine.node}, load ${machine.loadavgAtStart.join(' ')}`);
}

if (write && !only && !quick) {
  const file = join(ROOT, 'bench', 'results.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`bench: wrote ${file}`);
  {
    const md = join(ROOT, 'bench', 'RESULTS.md');
    if (existsSync(md)) {
      const text = readFileSync(md, 'utf8');
      const start = '<!-- bench:results:start -->';
      const end = '<!-- bench:results:end -->';
      const a = text.indexOf(start);
      const b = text.indexOf(end);
      if (a >= 0 && b > a) {
        const block = [
          start,
          `Measured ${machine.date} at commit ${machine.commit} on ${machine.cpu}, ${machine.cores} cores, ${machine.ramGB} GB RAM, node ${machine.node} (${machine.os}); load average at start ${machine.loadavgAtStart.join(' / ')}.`,
          '',
          markdown(rows),
          '',
          ...targets.map((t) => `- Target ${t.what}: ${t.target}; measured ${t.measured} → **${t.met === null ? 'n/a' : t.met ? 'met' : 'missed'}**`),
          ...stageLines(),
          end,
        ].join('\n');
        writeFileSync(md, text.slice(0, a) + block + text.slice(b + end.length));
        log(`bench: updated the results table in ${md}`);
      }
    }
  }
}
