// The offline explorer at national scale in headless Chromium: load time (navigation until the
// Vega view exists) and the time to recolour every buurt after a slider move (set the dead band,
// run the dataflow, wait for the next frame), against a named baseline measured in the same page:
// the same run-and-frame with no signal changed (the floor of one update). Target (issue 19):
// recolour ≤ 150 ms. Uses the run output of the e2e case (or makes it).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE, ROOT } from './data.mjs';
import { nationalConfig } from './e2e.mjs';

const CHROMIUM = '/usr/bin/chromium';
const TARGET_MS = 150;

/** A minimal DevTools-protocol client over --remote-debugging-pipe (as tests/browser/cdp.ts). */
function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'vk-bench-chromium-'));
  const proc = spawn(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-extensions', '--disable-sync', '--window-size=1280,720', `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'],
  { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  let id = 1;
  let buf = '';
  const pending = new Map();
  proc.stdio[4].setEncoding('utf8');
  proc.stdio[4].on('data', (chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\0')) >= 0) {
      const msg = JSON.parse(buf.slice(0, i));
      buf = buf.slice(i + 1);
      const p = msg.id !== undefined && pending.get(msg.id);
      if (p) {
        pending.delete(msg.id);
        if (msg.error) p.reject(new Error(msg.error.message));
        else p.resolve(msg.result ?? {});
      }
    }
  });
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      const n = id++;
      pending.set(n, { resolve, reject });
      proc.stdio[3].write(`${JSON.stringify({ id: n, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const close = async () => {
    try {
      await Promise.race([send('Browser.close'), new Promise((r) => setTimeout(r, 3000))]);
    } catch {
      // gone already
    }
    if (proc.exitCode === null) proc.kill();
    // Chromium's helpers may still write into the profile: removing it is housekeeping
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  };
  return { send, close };
}

const med = (xs) => {
  const a = xs.slice().sort((x, y) => x - y);
  return a.length % 2 ? a[a.length >> 1] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
};

export async function explorerCase({ quick, nationalDir, log }) {
  const entry = { id: 'explorer', title: 'offline explorer, national region, headless Chromium (recolour after a slider move)', impls: [], ratios: [], resultsAgree: null };
  const html = join(CACHE, 'e2e-out', 'signaleringskaart.html');
  const na = (why) => ({ entry, targets: [{ what: 'explorer recolour, 14,000 buurten', target: `≤ ${TARGET_MS} ms`, measured: `not measured (${why})`, met: null }] });
  if (!existsSync(CHROMIUM)) return na('no Debian chromium');
  if (!existsSync(html)) {
    const cfg = nationalConfig(nationalDir);
    const p = spawnSync(process.execPath, [join(ROOT, 'bin', 'veerkracht.js'), 'run', '--config', cfg, '--out', join(CACHE, 'e2e-out')], { encoding: 'utf8' });
    if (p.status !== 0) return na(`veerkracht run failed: ${p.stderr.trim().split('\n').pop()}`);
  }
  const b = launch();
  try {
    const { targetId } = await b.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await b.send('Target.attachToTarget', { targetId, flatten: true });
    const evaluate = async (expression) => {
      const r = await b.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
      if (r.exceptionDetails) throw new Error(`page: ${r.exceptionDetails.text}`);
      return r.result.value;
    };
    await b.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 720, deviceScaleFactor: 1, mobile: false }, sessionId);
    const t0 = Date.now();
    await b.send('Page.navigate', { url: pathToFileURL(html).href }, sessionId);
    let ready = false;
    while (!ready && Date.now() - t0 < 120_000) {
      await new Promise((r) => setTimeout(r, 20));
      ready = (await evaluate('typeof window.veerkrachtView === "object" && window.veerkrachtView !== null').catch(() => false)) === true;
    }
    if (!ready) return na('the explorer did not load in 120 s');
    const loadMs = Date.now() - t0;
    const buurten = await evaluate('window.veerkrachtView.data("buurten") ? window.veerkrachtView.data("buurten").length : null').catch(() => null);
    const timed = (change) => evaluate(`(async () => { const v = window.veerkrachtView; const t = performance.now(); ${change} await v.runAsync(); await new Promise((r) => requestAnimationFrame(() => r())); return performance.now() - t; })()`);
    const tK = Number(await evaluate('window.veerkrachtView.signal("tK")'));
    const values = quick ? [0.5, 1.5, 1, 2, 0.8] : [0.5, 1.5, 1, 2, 0.8, 1.2, 0.3, 2.5, 0.9, 1.1, 1.7];
    const ours = [];
    const floor = [];
    await timed(`v.signal('tK', ${tK * 1.1});`); // warm-up
    for (const f of values) {
      ours.push(await timed(`v.signal('tK', ${tK * f});`));
      floor.push(await timed(''));
    }
    const m = med(ours);
    const fm = med(floor);
    entry.impls.push({ impl: 'ours', label: `recolour after a dead-band change (load ${loadMs} ms${buurten ? `, ${buurten} rows` : ''})`, baseline: false, medianMs: Math.round(m), minMs: Math.round(Math.min(...ours)), maxMs: Math.round(Math.max(...ours)), runs: ours.length, warmup: 1, check: null });
    entry.impls.push({ impl: 'floor', label: 'the same update with no signal changed', baseline: true, medianMs: Math.round(fm), minMs: Math.round(Math.min(...floor)), maxMs: Math.round(Math.max(...floor)), runs: floor.length, warmup: 0, check: null });
    entry.ratios.push({ ours: 'ours', baseline: 'floor', ratio: fm > 0 ? Number((m / fm).toPrecision(3)) : null });
    log(`       explorer: load ${loadMs} ms, recolour median ${Math.round(m)} ms (floor ${Math.round(fm)} ms)`);
    return {
      entry,
      targets: [
        { what: 'explorer recolour after a slider move, national region', target: `≤ ${TARGET_MS} ms`, measured: `${Math.round(m)} ms (load ${loadMs} ms)`, met: m <= TARGET_MS },
      ],
    };
  } finally {
    await b.close();
  }
}
