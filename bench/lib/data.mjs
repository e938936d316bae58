// Benchmark inputs: the national-scale synthetic region (cached outside the repository), a
// widened national StatLine KWB CSV, and deterministic in-memory arrays.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = process.env.VEERKRACHT_BENCH_CACHE ?? join(process.env.TMPDIR ?? tmpdir(), 'veerkracht-bench');

/** mulberry32: small seeded PRNG, uniform [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws (Box-Muller) from a uniform generator. */
export function normals(n, seed) {
  const u = rng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - u()));
    const t = 2 * Math.PI * u();
    out[i] = r * Math.cos(t);
    if (i + 1 < n) out[i + 1] = r * Math.sin(t);
  }
  return out;
}

/** 15,000 continuous skewed values (lognormal, all distinct: the worst case for Fisher-Jenks). */
export function jenksValues(n = 15000) {
  const z = normals(n, 11);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = Math.exp(2 + 0.6 * z[i]);
  return v;
}

/** Hash of every file under dir (sorted), for cache keys. */
function hashTree(dir, h = createHash('sha256')) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (name.endsWith('.map') || name.endsWith('.d.ts')) continue;
    try {
      h.update(name).update(readFileSync(p));
    } catch {
      hashTree(p, h);
    }
  }
  return h;
}

/**
 * The national demo region in CACHE/national-<hash>, generated with scripts/generate-demo.mjs
 * when the built generator (dist/demo) or the script changed.
 */
export function ensureNational(log = () => {}) {
  const h = hashTree(join(ROOT, 'dist', 'demo'));
  h.update(readFileSync(join(ROOT, 'scripts', 'generate-demo.mjs')));
  const key = h.digest('hex').slice(0, 12);
  const dir = join(CACHE, `national-${key}`);
  if (existsSync(join(dir, '.complete'))) return { dir, generated: false, key };
  mkdirSync(CACHE, { recursive: true });
  for (const old of readdirSync(CACHE)) if (old.startsWith('national-') && old !== `national-${key}`) rmSync(join(CACHE, old), { recursive: true, force: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  log(`generating national demo region into ${dir} …`);
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'generate-demo.mjs'), '--scale', 'national', '--out', tmp], { stdio: ['ignore', 'inherit', 'inherit'] });
  writeFileSync(join(tmp, '.complete'), new Date().toISOString());
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { dir, generated: true, key };
}

/** Find one file of the national region by pattern. */
export function nationalFile(dir, sub, re) {
  const f = readdirSync(join(dir, sub)).find((n) => re.test(n));
  if (!f) throw new Error(`bench: no ${re} in ${join(dir, sub)}`);
  return join(dir, sub, f);
}

/**
 * A national KWB edition in the real StatLine "topic keys" CSV layout (comma separated, UTF-8
 * with BOM, space-padded codes, `.` for suppressed), widened from the demo's KWB 2017 file
 * (16 columns) to `topics` columns with synthetic topics (`SynthetischOnderwerpNN_<i>`):
 * integers, one-decimal percentages and ≈ 8 % suppressed cells, as in KWB.
 */
export function ensureWideKwb(nationalDir, topics = 120) {
  const src = nationalFile(nationalDir, 'kwb', /kwb2017_83765NED\.csv$/);
  const out = join(dirname(nationalDir), `${nationalDir.split('/').pop()}-kwb2017_83765NED_${topics}topics.csv`);
  if (existsSync(out)) return out;
  const text = readFileSync(src, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  const header = lines[0].split(',');
  const extra = topics - header.length;
  const u = rng(7);
  const outLines = [header.concat(Array.from({ length: extra }, (_, j) => `SynthetischOnderwerp${j + 1}_${100 + j}`)).join(',')];
  for (let r = 1; r < lines.length; r++) {
    const cells = [];
    for (let j = 0; j < extra; j++) {
      const x = u();
      if (x < 0.08) cells.push('.');
      else if (j % 3 === 0) cells.push(String(Math.floor(u() * 5000)));
      else cells.push((u() * 100).toFixed(1));
    }
    outLines.push(`${lines[r]},${cells.join(',')}`);
  }
  const tmp = `${out}.tmp-${process.pid}`;
  writeFileSync(tmp, '\uFEFF' + outLines.join('\r\n') + '\r\n');
  renameSync(tmp, out);
  return out;
}

/**
 * The 10-million-row microdata aggregate, dictionary-encoded: row r is buurt b × jaar y × status s
 * × groep g (g = 0 is `totaal`). Counts are a deterministic function of (b, y, s, g), so DuckDB can
 * build the identical table with SQL: totaal = 200 + (b·37 + y·11 + s·5) mod 3000; group count =
 * (b·131 + y·31 + s·7 + g·17) mod 200, suppressed when < 10 (as a `<10` cell). Every 1000th
 * totaal is suppressed.
 */
export const MICRO = { buurten: 14000, jaren: 6, statussen: 3, groepen: 40, firstYear: 2017 };

/** Rows of the aggregate at a scale (1 = 10.08 M rows). */
export function microShape(quick) {
  return quick ? { ...MICRO, buurten: 1400 } : MICRO;
}

export function microTotaal(b, y, s) {
  return 200 + ((b * 37 + y * 11 + s * 5) % 3000);
}
export function microGroup(b, y, s, g) {
  return (b * 131 + y * 31 + s * 7 + g * 17) % 200;
}
export function microTotaalSuppressed(b, y, s) {
  return ((b * 18 + y * 3 + s) % 1000) === 0;
}

/** SQL equivalents of the formulas above (columns b, y, s, g). */
export const MICRO_SQL = {
  totaal: '200 + ((b * 37 + y * 11 + s * 5) % 3000)',
  group: '((b * 131 + y * 31 + s * 7 + g * 17) % 200)',
  totaalSuppressed: '(((b * 18 + y * 3 + s) % 1000) = 0)',
};

/** Buurt code of index b (BU + 8 digits, 4 digits gemeente). */
export function buurtCode(b) {
  return `BU${String(9000 + Math.floor(b / 40)).padStart(4, '0')}${String(b % 40).padStart(4, '0')}`;
}

export const MICRO_STATUSES = ['instroom', 'zittend', 'uitstroom'];
export function microGroupName(g) {
  return g === 0 ? 'totaal' : `groep_${String(g).padStart(2, '0')}`;
}
