// A full-resolution national buurt file made from the synthetic national region: every edge of
// every ring is densified with a deterministic mix of collinear runs (points on the straight
// edge, rounded to the centimetre as CBS files are) and jittered points (a small offset across
// the edge), so that the file has the size and vertex count of the official full-resolution
// boundaries (several million vertices, ≈ 100 MB per GeoJSON). The extra points of an edge
// depend only on the edge (its two end points, in a canonical order), so two neighbours that
// share an edge get exactly the same points on it (in opposite order): the tiling stays a
// tiling, and a buurt that is identical in both indelingen stays identical. One buurt's edges
// are densified far more, so its ring has more than 100,000 vertices (and its neighbours share
// those long edges).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CACHE, nationalFile, ROOT } from './data.mjs';
import { nationalConfig } from './e2e.mjs';

/** Points added per edge: 30–69 (mean ≈ 50), from a hash of the edge. */
const MIN_EXTRA = 30;
const SPREAD = 40;
/** Vertices of the ring of the one very long buurt (and of the edges it shares). */
const LONG_RING = 120_000;
/** Generator version: part of the cache folder name, so a change regenerates. */
const VERSION = 3;

/** 32-bit FNV-1a of a string. */
function hash(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const round2 = (x) => Math.round(x * 100) / 100;

/**
 * The extra points of the edge a → b (exclusive of both ends), in the direction a → b.
 * Canonical direction: the lexicographically smaller end first; the other direction reverses.
 */
function edgePoints(a, b, extraOverride) {
  const forward = a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);
  const [p, q] = forward ? [a, b] : [b, a];
  const key = `${p[0]},${p[1]};${q[0]},${q[1]}`;
  const h = hash(key);
  const k = extraOverride ?? MIN_EXTRA + (h % SPREAD);
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const len = Math.hypot(dx, dy);
  const out = [];
  if (len === 0) return out;
  // unit normal; jitter amplitude at most 1.5 m and at most 0.5 % of the edge, so a jittered
  // point never reaches another edge of the ring
  const nx = -dy / len;
  const ny = dx / len;
  // points closer than 5 cm (the very long ring): a collinear run rounded to the millimetre, so
  // that rounding never makes a point repeat or step back
  const dense = len / (k + 1) < 0.05;
  const amp = dense ? 0 : Math.min(1.5, 0.005 * len);
  const round = dense ? (x) => Math.round(x * 1000) / 1000 : round2;
  // runs of 8–15 collinear points alternate with runs of jittered points
  let s = h;
  const next = () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 4294967296;
  };
  let jitter = false;
  let run = 0;
  for (let i = 1; i <= k; i++) {
    if (run === 0) {
      jitter = !jitter && i > 1;
      run = 8 + Math.floor(next() * 8);
    }
    run--;
    const t = i / (k + 1);
    // no jitter in the first and last 5 % of the edge (near the corners)
    const off = jitter && t > 0.05 && t < 0.95 ? amp * (next() * 2 - 1) : 0;
    out.push([round(p[0] + t * dx + off * nx), round(p[1] + t * dy + off * ny)]);
  }
  return forward ? out : out.reverse();
}

function densifyRing(ring, extraOverride) {
  const out = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    out.push(ring[i]);
    for (const p of edgePoints(ring[i], ring[i + 1], extraOverride?.(ring[i], ring[i + 1]))) out.push(p);
  }
  out.push(ring[ring.length - 1]);
  return out;
}

const edgeKey = (a, b) => {
  const forward = a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);
  const [p, q] = forward ? [a, b] : [b, a];
  return `${p[0]},${p[1]};${q[0]},${q[1]}`;
};

/** Densify one GeoJSON text (a FeatureCollection); `longCode` gets a ring above LONG_RING vertices. */
function densifyCollection(text, longCode) {
  const fc = JSON.parse(text);
  // the long buurt's edges (shared with its neighbours, so they get the same points)
  const long = fc.features.find((f) => f.properties.buurtcode === longCode);
  const longEdges = new Map();
  if (long) {
    const polys = long.geometry.type === 'Polygon' ? [long.geometry.coordinates] : long.geometry.coordinates;
    const ring = polys[0][0];
    // points in proportion to the edge length (the same spacing, a few centimetres, everywhere)
    const len = (i) => Math.hypot(ring[i + 1][0] - ring[i][0], ring[i + 1][1] - ring[i][1]);
    let perimeter = 0;
    for (let i = 0; i + 1 < ring.length; i++) perimeter += len(i);
    for (let i = 0; i + 1 < ring.length; i++) longEdges.set(edgeKey(ring[i], ring[i + 1]), Math.ceil((LONG_RING * len(i)) / perimeter));
  }
  const override = (a, b) => longEdges.get(edgeKey(a, b));
  let vertices = 0;
  let maxRing = 0;
  for (const f of fc.features) {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const dense = polys.map((rings) => rings.map((r) => densifyRing(r, override)));
    for (const rs of dense) for (const r of rs) (vertices += r.length), (maxRing = Math.max(maxRing, r.length));
    f.geometry = g.type === 'Polygon' ? { type: 'Polygon', coordinates: dense[0] } : { type: 'MultiPolygon', coordinates: dense };
  }
  fc['veerkracht:provenance'] = `${fc['veerkracht:provenance'] ?? 'SYNTHETISCH'}; volle resolutie nagebootst voor de benchmark (bench/lib/fullres.mjs)`;
  return { text: JSON.stringify(fc), vertices, maxRing, features: fc.features.length };
}

/** Vertex count of a GeoJSON file (for the simplified baseline's row). */
export function geojsonStats(file) {
  const fc = JSON.parse(readFileSync(file, 'utf8'));
  let vertices = 0;
  let maxRing = 0;
  for (const f of fc.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rs of polys) for (const r of rs) (vertices += r.length), (maxRing = Math.max(maxRing, r.length));
  }
  return { features: fc.features.length, vertices, maxRing };
}

/**
 * The full-resolution versions of both boundary files of the national region, beside it
 * (`<nationalDir>-fullres-v<N>/`, made once). Returns the two files and their statistics.
 */
export function ensureFullRes(nationalDir, log = () => {}) {
  const dir = `${nationalDir}-fullres-v${VERSION}`;
  const t0 = nationalFile(nationalDir, 'geo', /2014-2018_rd\.geojson$/);
  const t1 = nationalFile(nationalDir, 'geo', /2019-2022_rd\.geojson$/);
  const statsFile = join(dir, 'stats.json');
  if (existsSync(statsFile)) return JSON.parse(readFileSync(statsFile, 'utf8'));
  mkdirSync(dir, { recursive: true });
  // the first buurt of the second gemeente: an inland buurt with neighbours on every side
  const first = JSON.parse(readFileSync(t1, 'utf8')).features.map((f) => f.properties.buurtcode);
  const longCode = first.find((c) => c.slice(2, 6) !== first[0].slice(2, 6)) ?? first[0];
  const stats = { dir, longCode, files: {} };
  for (const [role, file] of [['t0', t0], ['t1', t1]]) {
    log(`bench: densifying ${basename(file)} to full resolution …`);
    const d = densifyCollection(readFileSync(file, 'utf8'), longCode);
    const out = join(dir, basename(file).replace(/\.geojson$/, '_volle-resolutie.geojson'));
    writeFileSync(`${out}.tmp`, d.text);
    renameSync(`${out}.tmp`, out);
    stats.files[role] = { file: out, sourceFile: file, features: d.features, vertices: d.vertices, maxRing: d.maxRing, mb: Math.round((d.text.length / 2 ** 20) * 10) / 10 };
  }
  writeFileSync(statsFile, JSON.stringify(stats, null, 2));
  return stats;
}

// ------------------------------------------------------------------ the bench case

const TARGET_MS = 5000;
const TARGET_MB = 1536;

/** One `veerkracht run` in a fresh process (bench/lib/e2e-child.mjs): { ms, peakRssMB, stages }. */
function runOnce(config, out) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const p = spawnSync(process.execPath, [join(ROOT, 'bench', 'lib', 'e2e-child.mjs'), config, out], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const last = p.stdout.trim().split('\n').pop() ?? '';
  if (p.status !== 0 || !last.startsWith('{')) return { error: `run failed: ${(p.stderr || '').trim().split('\n').slice(-2).join(' | ').slice(0, 200)}` };
  const o = JSON.parse(last);
  if (o.exitCode !== 0) return { error: `veerkracht run exited ${o.exitCode}: ${(p.stderr || '').trim().slice(-200)}` };
  const m = /klaar in (\d+) ms \((.*)\)/.exec(p.stderr);
  o.stages = m ? m[2] : null;
  return o;
}

const med = (xs) => {
  const a = xs.slice().sort((x, y) => x - y);
  return a.length % 2 ? a[a.length >> 1] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
};

/**
 * `veerkracht run` on the full-resolution national file against the same run on the
 * (simplified) national region it was made from: time and peak RSS of each, ratio full ÷
 * simplified, and the national targets for the full-resolution run.
 */
export async function fullresCase({ quick, nationalDir, log }) {
  const entry = { id: 'fullres', title: 'veerkracht run on full-resolution national boundaries vs the simplified ones', impls: [], ratios: [], resultsAgree: null };
  const stats = ensureFullRes(nationalDir, log);
  const simple = geojsonStats(stats.files.t1.sourceFile);
  const simplifiedConfig = nationalConfig(nationalDir);
  const fullConfig = join(stats.dir, 'run.json');
  const config = JSON.parse(readFileSync(simplifiedConfig, 'utf8'));
  config.title = 'Signaleringskaart Veerkracht — benchmark, nationale synthetische regio op volle resolutie';
  config.inputs.boundaries = { t0: stats.files.t0.file, t1: stats.files.t1.file };
  writeFileSync(fullConfig, `${JSON.stringify(config, null, 2)}\n`);
  const repeats = quick ? 1 : 3;
  const impls = [
    { impl: 'fullres', label: `full resolution: ${stats.files.t1.vertices.toLocaleString('en')} vertices, largest ring ${stats.files.t1.maxRing.toLocaleString('en')}, ${stats.files.t1.mb} MB per GeoJSON`, baseline: false, config: fullConfig },
    { impl: 'simplified', label: `simplified (the national region): ${simple.vertices.toLocaleString('en')} vertices, largest ring ${simple.maxRing}, ${Math.round((readFileSync(stats.files.t1.sourceFile).length / 2 ** 20) * 10) / 10} MB`, baseline: true, config: simplifiedConfig },
  ];
  for (const i of impls) {
    log(`bench: fullres / ${i.impl} …`);
    const runs = [];
    for (let k = 0; k < repeats; k++) {
      const o = runOnce(i.config, join(CACHE, `fullres-out-${i.impl}`));
      if (o.error) {
        runs.length = 0;
        entry.impls.push({ impl: i.impl, label: i.label, baseline: i.baseline, error: o.error });
        break;
      }
      log(`       run ${k + 1}: ${Math.round(o.ms)} ms, peak ${Math.round(o.peakRssMB)} MB${o.stages ? ` (${o.stages})` : ''}`);
      runs.push(o);
    }
    if (runs.length === 0) continue;
    const ms = runs.map((r) => r.ms);
    entry.impls.push({
      impl: i.impl, label: i.label, baseline: i.baseline,
      medianMs: Math.round(med(ms)), minMs: Math.round(Math.min(...ms)), maxMs: Math.round(Math.max(...ms)), runs: runs.length, warmup: 0,
      peakRssMB: Math.round(Math.max(...runs.map((r) => r.peakRssMB))), check: null, stages: runs[runs.length - 1].stages,
    });
  }
  const full = entry.impls.find((x) => x.impl === 'fullres' && !x.error);
  const base = entry.impls.find((x) => x.impl === 'simplified' && !x.error);
  if (full && base) {
    entry.ratios.push({ ours: 'fullres', baseline: 'simplified', ratio: Number((full.medianMs / base.medianMs).toPrecision(3)) });
    entry.memoryRatio = Number((full.peakRssMB / base.peakRssMB).toPrecision(3));
    full.check = `peak RSS ${entry.memoryRatio}× the simplified run`;
  }
  entry.input = stats;
  return {
    entry,
    targets: full
      ? [
          { what: 'veerkracht run on full-resolution national boundaries, time', target: `≤ ${TARGET_MS} ms`, measured: `${full.medianMs} ms`, met: full.medianMs <= TARGET_MS },
          { what: 'veerkracht run on full-resolution national boundaries, peak RSS', target: `≤ ${TARGET_MB} MB`, measured: `${full.peakRssMB} MB`, met: full.peakRssMB <= TARGET_MB },
        ]
      : [{ what: 'veerkracht run on full-resolution national boundaries', target: `≤ ${TARGET_MS} ms, ≤ ${TARGET_MB} MB`, measured: 'not measured (error)', met: null }],
  };
}
