// The benchmark cases. Each case has implementations ("ours" and named baselines); each
// implementation's `setup(ctx)` prepares its inputs (not timed) and returns `run` (timed, repeated)
// and optionally `check(result)` (a small summary compared across implementations).
import { readFileSync } from 'node:fs';
import {
  buurtCode, jenksValues, microGroup, microGroupName, MICRO_SQL, MICRO_STATUSES, microShape, microTotaal, microTotaalSuppressed,
  nationalFile, normals, rng,
} from './data.mjs';

const dist = (p) => new URL(`../../dist/${p}`, import.meta.url).href;

// ---------------------------------------------------------------- classification

/** Fisher's (1958) exact DP without the divide-and-conquer speed-up: O(k·n²), as mapclassify's FisherJenks. */
function naiveFisherJenks(sorted, k) {
  const n = sorted.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += sorted[i];
  mean /= n;
  const S = new Float64Array(n + 1);
  const Q = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const x = sorted[i] - mean;
    S[i + 1] = S[i] + x;
    Q[i + 1] = Q[i] + x * x;
  }
  const cost = (i, j) => {
    const s = S[j + 1] - S[i];
    const c = Q[j + 1] - Q[i] - (s * s) / (j + 1 - i);
    return c > 0 ? c : 0;
  };
  let prev = new Float64Array(n);
  for (let j = 0; j < n; j++) prev[j] = cost(0, j);
  const arg = [null];
  for (let c = 2; c <= k; c++) {
    const cur = new Float64Array(n).fill(Infinity);
    const a = new Int32Array(n);
    for (let j = c - 1; j < n; j++) {
      let best = Infinity;
      let bi = c - 1;
      for (let i = c - 1; i <= j; i++) {
        const v = prev[i - 1] + cost(i, j);
        if (v < best) {
          best = v;
          bi = i;
        }
      }
      cur[j] = best;
      a[j] = bi;
    }
    arg.push(a);
    prev = cur;
  }
  const bins = new Array(k);
  let j = n - 1;
  for (let c = k; c >= 2; c--) {
    bins[c - 1] = sorted[j];
    j = arg[c - 1][j] - 1;
  }
  bins[0] = sorted[j];
  return bins;
}

const roundBins = (b) => b.map((x) => Number(x.toPrecision(10))).join(' ');

function jenksCase(k) {
  return {
    title: `Fisher-Jenks, 15,000 values, k = ${k}`,
    unit: 'classify()',
    impls: {
      ours: {
        label: 'classify fisher_jenks',
        async setup() {
          const { classify } = await import(dist('classify/index.js'));
          const v = jenksValues();
          return { run: () => classify(v, { scheme: 'fisher_jenks', k }), check: (r) => roundBins(r.bins) };
        },
      },
      naive_dp: {
        label: 'naive O(k·n²) Fisher DP',
        baseline: true,
        async setup() {
          const v = jenksValues().sort();
          return { run: () => naiveFisherJenks(v, k), check: (r) => roundBins(r) };
        },
      },
      quantiles: {
        label: 'classify quantiles',
        baseline: true,
        async setup() {
          const { classify } = await import(dist('classify/index.js'));
          const v = jenksValues();
          return { run: () => classify(v, { scheme: 'quantiles', k }) };
        },
      },
    },
  };
}

// ---------------------------------------------------------------- calibration

function sweepInput() {
  const n = 14000;
  const zk = normals(n, 21);
  const zo = normals(n, 22);
  const u = rng(23);
  const dK = new Float64Array(n);
  const dO = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const miss = u() < 0.05;
    dK[i] = miss ? NaN : 2.5 * zk[i];
    dO[i] = miss ? NaN : 0.08 * zo[i];
    w[i] = Math.round(50 + 3000 * u());
  }
  const gridK = Array.from({ length: 100 }, (_, i) => i * 0.05);
  const gridO = Array.from({ length: 100 }, (_, i) => i * 0.002);
  return { dK, dO, w, gridK, gridO };
}

const sumCounts = (arr) => {
  let s = 0;
  for (let i = 0; i < arr.length; i++) s += arr[i] * ((i % 5) + 1) * ((i % 7) + 1);
  return String(s);
};

// ---------------------------------------------------------------- spatial

async function lisaInput(ctx) {
  const { readBoundaries } = await import(dist('sources/index.js'));
  const { contiguityWeights } = await import(dist('spatial/index.js'));
  const b = await readBoundaries(nationalFile(ctx.nationalDir, 'geo', /2019-2022_rd\.geojson$/));
  const lbm = new Map();
  const text = readFileSync(nationalFile(ctx.nationalDir, 'leefbaarometer', /\.csv$/), 'utf8');
  for (const line of text.split('\n')) {
    const c = line.split(',');
    if (c[2] === '2022') lbm.set(c[0], Number(c[3]));
  }
  const values = b.features.map((f) => lbm.get(f.properties.code) ?? null);
  return { features: b.features, values, contiguityWeights };
}

async function lisaWeights(ctx) {
  const { dropMissing, rowStandardise } = await import(dist('spatial/index.js'));
  const { features, values, contiguityWeights } = await lisaInput(ctx);
  const d = dropMissing(values, contiguityWeights(features));
  return { values: d.values, w: rowStandardise(d.weights), n: features.length };
}

async function twoIndelingen(ctx) {
  const { readBoundaries } = await import(dist('sources/index.js'));
  const a = await readBoundaries(nationalFile(ctx.nationalDir, 'geo', /2014-2018_rd\.geojson$/));
  const b = await readBoundaries(nationalFile(ctx.nationalDir, 'geo', /2019-2022_rd\.geojson$/));
  return { a, b };
}

// ---------------------------------------------------------------- microdata

/** The aggregate as parseMicrodata returns it (arquero table, one JS value per cell). */
async function microTable(quick) {
  const { table } = await import('arquero');
  const sh = microShape(quick);
  const n = sh.buurten * sh.jaren * sh.statussen * sh.groepen;
  const codes = Array.from({ length: sh.buurten }, (_, b) => buurtCode(b));
  const groups = Array.from({ length: sh.groepen }, (_, g) => microGroupName(g));
  const cols = {
    code: new Array(n), jaar: new Array(n), groep: new Array(n), status: new Array(n), eenheid: new Array(n),
    aantal: new Array(n), onderdrukt: new Array(n), markering: new Array(n), regel: new Array(n),
  };
  let r = 0;
  for (let b = 0; b < sh.buurten; b++) {
    for (let y = 0; y < sh.jaren; y++) {
      for (let s = 0; s < sh.statussen; s++) {
        for (let g = 0; g < sh.groepen; g++) {
          let a;
          let marker = null;
          if (g === 0) {
            a = microTotaalSuppressed(b, y, s) ? null : microTotaal(b, y, s);
            if (a === null) marker = '.';
          } else {
            a = microGroup(b, y, s, g);
            if (a < 10) {
              a = null;
              marker = '<10';
            }
          }
          cols.code[r] = codes[b];
          cols.jaar[r] = sh.firstYear + y;
          cols.groep[r] = groups[g];
          cols.status[r] = MICRO_STATUSES[s];
          cols.eenheid[r] = 'personen';
          cols.aantal[r] = a;
          cols.onderdrukt[r] = marker !== null;
          cols.markering[r] = marker;
          cols.regel[r] = r + 2;
          r++;
        }
      }
    }
  }
  return { t: table(cols), n };
}

/** The same aggregate as typed arrays (dictionary codes), for the floor. */
function microTyped(quick) {
  const sh = microShape(quick);
  const n = sh.buurten * sh.jaren * sh.statussen * sh.groepen;
  const bb = new Int32Array(n);
  const yy = new Uint8Array(n);
  const ss = new Uint8Array(n);
  const gg = new Uint8Array(n);
  const aantal = new Float64Array(n);
  let r = 0;
  for (let b = 0; b < sh.buurten; b++) {
    for (let y = 0; y < sh.jaren; y++) {
      for (let s = 0; s < sh.statussen; s++) {
        for (let g = 0; g < sh.groepen; g++) {
          bb[r] = b;
          yy[r] = y;
          ss[r] = s;
          gg[r] = g;
          if (g === 0) aantal[r] = microTotaalSuppressed(b, y, s) ? NaN : microTotaal(b, y, s);
          else {
            const a = microGroup(b, y, s, g);
            aantal[r] = a < 10 ? NaN : a;
          }
          r++;
        }
      }
    }
  }
  return { n, sh, bb, yy, ss, gg, aantal };
}

const STATUS_NAMES = ['ok', 'groep onderdrukt', 'totaal onderdrukt', 'totaal ontbreekt', 'totaal is 0'];
const fmtCounts = (c) => STATUS_NAMES.map((s) => `${s}=${c[s] ?? 0}`).join(', ');

// ---------------------------------------------------------------- rendering

const SIGNALS = ['veerkracht_onder_druk', 'kwetsbaarheid_neemt_toe', 'leefbaarheid_verslechtert', 'geen_signaal', 'onvoldoende_gegevens'];

async function renderInput(ctx) {
  const { readBoundaries } = await import(dist('sources/index.js'));
  const viz = await import(dist('viz/index.js'));
  const b = await readBoundaries(nationalFile(ctx.nationalDir, 'geo', /2019-2022_rd\.geojson$/));
  const u = rng(5);
  const cats = new Map(b.features.map((f) => [f.properties.code, SIGNALS[Math.min(4, Math.floor(u() * u() * 6))]]));
  return { b, viz, cats };
}

const MAP_OPTIONS = { title: 'Signaleringskaart (benchmark)', period: '2019–2022', synthetic: true };

/** Straight SVG serialisation of the display geometry, one path per buurt: the floor for any renderer. */
function directSvg(geo, cats, width = 520, height = 600) {
  const colours = { veerkracht_onder_druk: '#D55E00', kwetsbaarheid_neemt_toe: '#E69F00', leefbaarheid_verslechtert: '#0072B2', geen_signaal: '#DDDDDD', onvoldoende_gegevens: '#FFFFFF' };
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const each = (f, fn) => {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const p of polys) for (const ring of p) fn(ring);
  };
  for (const f of geo.features) each(f, (ring) => {
    for (const [x, y] of ring) {
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  });
  const sc = Math.min(width / (x1 - x0), height / (y1 - y0));
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`];
  for (const f of geo.features) {
    let d = '';
    each(f, (ring) => {
      d += 'M';
      for (let i = 0; i < ring.length; i++) d += `${i ? 'L' : ''}${((ring[i][0] - x0) * sc).toFixed(1)},${((y1 - ring[i][1]) * sc).toFixed(1)}`;
      d += 'Z';
    });
    parts.push(`<path fill="${colours[cats.get(f.properties.code)]}" stroke="#fff" stroke-width="0.1" d="${d}"/>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

// ---------------------------------------------------------------- projection

/** Every ring vertex of the national region's 2019–2022 buurten (RD New), in file order. */
async function nationalVertices(ctx) {
  const { readBoundaries } = await import(dist('sources/index.js'));
  const b = await readBoundaries(nationalFile(ctx.nationalDir, 'geo', /2019-2022_rd\.geojson$/));
  const pts = [];
  for (const f of b.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) for (const ring of poly) for (const p of ring) pts.push(p);
  }
  return pts;
}

/** The coordinates as toGeoJson writes them (6 decimals), summed with weights: equal iff the export is. */
function lonLatCheck(out) {
  let a = 0;
  let b = 0;
  for (let i = 0; i < out.length; i += 2) {
    const w = (i % 14) + 1;
    a += w * Math.round(out[i] * 1e6);
    b += w * Math.round(out[i + 1] * 1e6);
  }
  return `${out.length / 2} points, Σw·lon·1e6 = ${a}, Σw·lat·1e6 = ${b}`;
}

/** The same vertices in WGS84 (converted by proj4 in setup, not timed). */
async function nationalVerticesWgs84(ctx) {
  const { RD_NEW_PROJ4 } = await import(dist('geo/index.js'));
  const proj4 = (await import('proj4')).default;
  const conv = proj4('EPSG:4326', RD_NEW_PROJ4);
  return (await nationalVertices(ctx)).map((p) => conv.inverse([p[0], p[1]]));
}

/** RD coordinates at 1 mm, summed with weights: equal iff every converted point agrees to the millimetre. */
function rdCheck(out) {
  let a = 0;
  let b = 0;
  for (let i = 0; i < out.length; i += 2) {
    const w = (i % 14) + 1;
    a += w * Math.round(out[i] * 1e3);
    b += w * Math.round(out[i + 1] * 1e3);
  }
  return `${out.length / 2} points, Σw·x·1e3 = ${a}, Σw·y·1e3 = ${b}`;
}

// ---------------------------------------------------------------- the cases

/** All cases, in report order. `repeats` = timed runs (full, quick); `warmup` = untimed runs first. */
export const CASES = {
  'jenks-k5': { ...jenksCase(5), repeats: [7, 3], warmup: 1 },
  'jenks-k9': { ...jenksCase(9), repeats: [7, 3], warmup: 1 },
  'scheme-grid': {
    title: 'Scheme × k grid (compareSchemes: 5 schemes × k 2–9), 15,000 values',
    repeats: [5, 2],
    warmup: 1,
    impls: {
      ours: {
        label: 'compareSchemes',
        async setup() {
          const { compareSchemes } = await import(dist('classify/index.js'));
          const v = jenksValues();
          return { run: () => compareSchemes(v), check: (t) => `${t.numRows()} rows` };
        },
      },
      quantiles40: {
        label: '40 × classify quantiles (per-call floor)',
        baseline: true,
        async setup() {
          const { classify } = await import(dist('classify/index.js'));
          const v = jenksValues();
          return { run: () => { for (let i = 0; i < 40; i++) classify(v, { scheme: 'quantiles', k: 2 + (i % 8) }); } };
        },
      },
    },
  },
  sweep: {
    title: 'Sensitivity sweep 100 × 100 thresholds, 14,000 buurten (with inwoners)',
    repeats: [7, 3],
    warmup: 1,
    impls: {
      ours: {
        label: 'sweepThresholds',
        async setup() {
          const { sweepThresholds } = await import(dist('calibrate/index.js'));
          const x = sweepInput();
          return {
            run: () => sweepThresholds({ dK: x.dK, dO: x.dO, weights: x.w }, x.gridK, x.gridO),
            check: (s) => `${sumCounts(s.buurten)}/${sumCounts(s.inwoners)}`,
          };
        },
      },
      categorize_loop: {
        label: 'naive 10,000 × categorize() loop',
        baseline: true,
        async setup() {
          const { categorize } = await import(dist('signal/categories.js'));
          const x = sweepInput();
          return {
            run: () => {
              const nK = x.gridK.length, nO = x.gridO.length;
              const buurten = new Float64Array(nK * nO * 5);
              const inwoners = new Float64Array(nK * nO * 5);
              for (let i = 0; i < nK; i++) {
                for (let j = 0; j < nO; j++) {
                  const cat = categorize(x.dK, x.dO, { tK: x.gridK[i], tO: x.gridO[j], refK: 0, refO: 0 });
                  const p = (i * nO + j) * 5;
                  for (let r = 0; r < cat.length; r++) {
                    buurten[p + cat[r]]++;
                    inwoners[p + cat[r]] += x.w[r];
                  }
                }
              }
              return { buurten, inwoners };
            },
            check: (s) => `${sumCounts(s.buurten)}/${sumCounts(s.inwoners)}`,
          };
        },
      },
    },
  },
  lisa: {
    title: 'LISA, 999 permutations, 14,000 buurten (queen, row-standardised)',
    repeats: [5, 2],
    warmup: 0,
    impls: {
      ours: {
        label: 'moranLocal',
        async setup(ctx) {
          const { moranLocal } = await import(dist('spatial/index.js'));
          const x = await lisaWeights(ctx);
          return {
            run: () => moranLocal(x.values, x.w, { permutations: 999, seed: 1 }),
            check: (r) => `n=${r.n}, HH=${r.cluster.filter((c) => c === 'HH').length}`,
          };
        },
      },
      moran_global: {
        label: 'moranGlobal, 999 permutations',
        baseline: true,
        async setup(ctx) {
          const { moranGlobal } = await import(dist('spatial/index.js'));
          const x = await lisaWeights(ctx);
          return { run: () => moranGlobal(x.values, x.w, { permutations: 999, seed: 1 }) };
        },
      },
      contiguity: {
        label: 'contiguityWeights (queen) on the same polygons',
        baseline: true,
        async setup(ctx) {
          const x = await lisaInput(ctx);
          return { run: () => x.contiguityWeights(x.features) };
        },
      },
    },
  },
  microdata: {
    title: 'Microdata aggregate → shares, 10.08 M rows (14,000 buurten × 6 jaar × 3 status × 40 groepen)',
    quickTitle: 'Microdata aggregate → shares, 1.008 M rows (quick: 1,400 buurten)',
    repeats: [3, 3],
    warmup: 0,
    // default heap limit (≈ 4 GB here), as a user runs it; a raised limit only makes V8 collect later
    impls: {
      ours: {
        label: 'deriveMicrodataShares (arquero table)',
        async setup(ctx) {
          const { deriveMicrodataShares } = await import(dist('sources/microdata/shares.js'));
          const { t } = await microTable(ctx.quick);
          return { run: () => deriveMicrodataShares(t), check: (r) => fmtCounts(r.counts) };
        },
      },
      duckdb: {
        label: 'DuckDB SQL join (same table, 1 thread)',
        baseline: true,
        async setup(ctx) {
          return duckdbSetup(ctx, 1);
        },
      },
      duckdb2: {
        label: 'DuckDB SQL join (2 threads)',
        baseline: true,
        async setup(ctx) {
          return duckdbSetup(ctx, 2);
        },
      },
      typed_floor: {
        label: 'typed-array loop (floor)',
        baseline: true,
        async setup(ctx) {
          const x = microTyped(ctx.quick);
          return {
            run: () => {
              const { n, sh, bb, yy, ss, gg, aantal } = x;
              const slots = sh.buurten * sh.jaren * sh.statussen;
              const tot = new Float64Array(slots).fill(-1); // -1 = no totaal row
              for (let r = 0; r < n; r++) if (gg[r] === 0) tot[(bb[r] * sh.jaren + yy[r]) * sh.statussen + ss[r]] = aantal[r];
              const m = n - slots;
              const share = new Float64Array(m);
              const status = new Uint8Array(m);
              const counts = new Float64Array(5);
              let o = 0;
              for (let r = 0; r < n; r++) {
                if (gg[r] === 0) continue;
                const a = aantal[r];
                const t = tot[(bb[r] * sh.jaren + yy[r]) * sh.statussen + ss[r]];
                let st;
                if (a !== a) st = 1;
                else if (t === -1) st = 3;
                else if (t !== t) st = 2;
                else if (t === 0) st = 4;
                else st = 0;
                status[o] = st;
                share[o] = st === 0 ? (100 * a) / t : NaN;
                counts[st]++;
                o++;
              }
              return { share, status, counts };
            },
            check: (r) => fmtCounts(Object.fromEntries(STATUS_NAMES.map((s, i) => [s, r.counts[i]]))),
          };
        },
      },
    },
  },
  crosswalk: {
    title: 'Crosswalk buurten 2014-2018 → 2019-2022 indeling, 13,999 × 13,999 (13,996 identical)',
    repeats: [3, 2],
    warmup: 0,
    impls: {
      ours: {
        label: 'buildCrosswalk (area weights)',
        async setup(ctx) {
          const { buildCrosswalk } = await import(dist('regions/index.js'));
          const { a, b } = await twoIndelingen(ctx);
          return { run: () => buildCrosswalk(a, b), check: (c) => `${c.links.length} links` };
        },
      },
      identity_keys: {
        label: 'identical-geometry keys + lookup only (floor after the fix)',
        baseline: true,
        async setup(ctx) {
          const { a, b } = await twoIndelingen(ctx);
          return {
            run: () => {
              const keyB = new Map(b.features.map((f, j) => [JSON.stringify(f.geometry.coordinates), j]));
              let same = 0;
              for (const f of a.features) if (keyB.has(JSON.stringify(f.geometry.coordinates))) same++;
              return same;
            },
          };
        },
      },
    },
  },
  'statline-csv': {
    title: 'StatLine CSV, national KWB edition (≈ 17,450 rows × 120 topics, keys layout)',
    repeats: [7, 3],
    warmup: 1,
    impls: {
      ours: {
        label: 'loadStatlineCsv',
        async setup(ctx) {
          const { loadStatlineCsv } = await import(dist('sources/statline/index.js'));
          return { run: () => loadStatlineCsv(ctx.wideKwb), check: (r) => `${r.table.numRows()}×${r.table.numCols()}` };
        },
      },
      arquero: {
        label: "arquero fromCSV (readFileSync + parse, autoType)",
        baseline: true,
        async setup(ctx) {
          const { fromCSV } = await import('arquero');
          return { run: () => fromCSV(readFileSync(ctx.wideKwb, 'utf8')) };
        },
      },
    },
  },
  'render-svg': {
    title: 'Signal map of 14,000 buurten → SVG (signalMapSpec + renderSvg, geometry prepared once)',
    repeats: [5, 2],
    warmup: 1,
    target: { ms: 2000, note: 'SVG + PNG < 2 s' },
    impls: {
      ours: {
        label: 'signalMapSpec + renderSvg',
        async setup(ctx) {
          const { b, viz, cats } = await renderInput(ctx);
          const geo = viz.prepareGeometry(b);
          return { run: () => viz.renderSvg(viz.signalMapSpec(geo, cats, MAP_OPTIONS)), check: (s) => `${Math.round(s.length / 1024)} KiB` };
        },
      },
      direct: {
        label: 'direct path serialisation (no Vega)',
        baseline: true,
        async setup(ctx) {
          const { b, viz, cats } = await renderInput(ctx);
          const geo = viz.prepareGeometry(b);
          return { run: () => directSvg(geo, cats), check: (s) => `${Math.round(s.length / 1024)} KiB` };
        },
      },
    },
  },
  'render-png': {
    title: 'Signal map SVG → PNG (svgToPng, resvg, scale 2)',
    repeats: [5, 2],
    warmup: 1,
    impls: {
      ours: {
        label: 'svgToPng(Vega SVG)',
        async setup(ctx) {
          const { b, viz, cats } = await renderInput(ctx);
          const svg = await viz.renderSvg(viz.signalMapSpec(viz.prepareGeometry(b), cats, MAP_OPTIONS));
          return { run: () => viz.svgToPng(svg), check: (p) => `${Math.round(p.length / 1024)} KiB` };
        },
      },
      direct: {
        label: 'svgToPng(direct SVG)',
        baseline: true,
        async setup(ctx) {
          const { b, viz, cats } = await renderInput(ctx);
          const svg = directSvg(viz.prepareGeometry(b), cats);
          return { run: () => viz.svgToPng(svg), check: (p) => `${Math.round(p.length / 1024)} KiB` };
        },
      },
    },
  },
  'prepare-geometry': {
    title: 'prepareGeometry of 14,000 buurten (once per run)',
    repeats: [5, 2],
    warmup: 1,
    impls: {
      ours: {
        label: 'prepareGeometry (round to m)',
        async setup(ctx) {
          const { b, viz } = await renderInput(ctx);
          return { run: () => viz.prepareGeometry({ features: b.features, crs: b.crs }) };
        },
      },
      ours_simplify: {
        label: 'prepareGeometry (simplifyArea 2000 m²)',
        async setup(ctx) {
          const { b, viz } = await renderInput(ctx);
          return { run: () => viz.prepareGeometry({ features: b.features, crs: b.crs }, { simplifyArea: 2000 }) };
        },
      },
      read: {
        label: 'readBoundaries of the GeoJSON (for scale)',
        baseline: true,
        async setup(ctx) {
          const { readBoundaries } = await import(dist('sources/index.js'));
          const p = nationalFile(ctx.nationalDir, 'geo', /2019-2022_rd\.geojson$/);
          return { run: () => readBoundaries(p) };
        },
      },
    },
  },
  'rd-to-wgs84': {
    title: 'RD New → WGS84 of the 97,774 ring vertices of the national region (per point; toGeoJson does this per vertex)',
    repeats: [9, 3],
    warmup: 1,
    impls: {
      ours: {
        label: 'rdToWgs84 per point (own inverse)',
        async setup(ctx) {
          const { rdToWgs84 } = await import(dist('geo/index.js'));
          const pts = await nationalVertices(ctx);
          const out = new Float64Array(2 * pts.length);
          const run = () => {
            for (let i = 0; i < pts.length; i++) {
              const w = rdToWgs84(pts[i]);
              out[2 * i] = w[0];
              out[2 * i + 1] = w[1];
            }
            return out;
          };
          return { run, check: lonLatCheck };
        },
      },
      ours_flat: {
        label: 'rdToWgs84Flat on interleaved x, y (batch)',
        async setup(ctx) {
          const { rdToWgs84Flat } = await import(dist('geo/index.js'));
          const pts = await nationalVertices(ctx);
          const xy = new Float64Array(pts.flat());
          const out = new Float64Array(xy.length);
          return { run: () => rdToWgs84Flat(xy, out), check: lonLatCheck };
        },
      },
      proj4: {
        label: 'proj4 inverse per point (the former rdToWgs84)',
        baseline: true,
        async setup(ctx) {
          const { RD_NEW_PROJ4 } = await import(dist('geo/index.js'));
          const proj4 = (await import('proj4')).default;
          const conv = proj4('EPSG:4326', RD_NEW_PROJ4);
          const pts = await nationalVertices(ctx);
          const out = new Float64Array(2 * pts.length);
          const run = () => {
            for (let i = 0; i < pts.length; i++) {
              const w = conv.inverse([pts[i][0], pts[i][1]]);
              out[2 * i] = w[0];
              out[2 * i + 1] = w[1];
            }
            return out;
          };
          return { run, check: lonLatCheck };
        },
      },
    },
  },
  'wgs84-to-rd': {
    title: 'WGS84 → RD New of the same 97,774 vertices (per point; area, crosswalk and maps of WGS84 inputs do this)',
    repeats: [9, 3],
    warmup: 1,
    impls: {
      ours: {
        label: 'wgs84ToRd per point (own forward)',
        async setup(ctx) {
          const { wgs84ToRd } = await import(dist('geo/index.js'));
          const pts = await nationalVerticesWgs84(ctx);
          const out = new Float64Array(2 * pts.length);
          const run = () => {
            for (let i = 0; i < pts.length; i++) {
              const r = wgs84ToRd(pts[i]);
              out[2 * i] = r[0];
              out[2 * i + 1] = r[1];
            }
            return out;
          };
          return { run, check: rdCheck };
        },
      },
      proj4: {
        label: 'proj4 forward per point (the former wgs84ToRd)',
        baseline: true,
        async setup(ctx) {
          const { RD_NEW_PROJ4 } = await import(dist('geo/index.js'));
          const proj4 = (await import('proj4')).default;
          const conv = proj4('EPSG:4326', RD_NEW_PROJ4);
          const pts = await nationalVerticesWgs84(ctx);
          const out = new Float64Array(2 * pts.length);
          const run = () => {
            for (let i = 0; i < pts.length; i++) {
              const r = conv.forward([pts[i][0], pts[i][1]]);
              out[2 * i] = r[0];
              out[2 * i + 1] = r[1];
            }
            return out;
          };
          return { run, check: rdCheck };
        },
      },
    },
  },
};

async function duckdbSetup(ctx, threads) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const sh = microShape(ctx.quick);
  const n = sh.buurten * sh.jaren * sh.statussen * sh.groepen;
  const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const c = await db.connect();
  const G = sh.groepen, S = sh.statussen, Y = sh.jaren;
  await c.run(`CREATE TABLE micro AS
    WITH p AS (SELECT range AS i, range // ${Y * S * G} AS b, (range // ${S * G}) % ${Y} AS y, (range // ${G}) % ${S} AS s, range % ${G} AS g FROM range(${n}))
    SELECT
      'BU' || lpad(CAST(9000 + b // 40 AS VARCHAR), 4, '0') || lpad(CAST(b % 40 AS VARCHAR), 4, '0') AS code,
      CAST(${sh.firstYear} + y AS INTEGER) AS jaar,
      CASE WHEN g = 0 THEN 'totaal' ELSE 'groep_' || lpad(CAST(g AS VARCHAR), 2, '0') END AS groep,
      CASE s WHEN 0 THEN 'instroom' WHEN 1 THEN 'zittend' ELSE 'uitstroom' END AS status,
      'personen' AS eenheid,
      CAST(CASE WHEN g = 0 THEN (CASE WHEN ${MICRO_SQL.totaalSuppressed} THEN NULL ELSE ${MICRO_SQL.totaal} END)
           ELSE (CASE WHEN ${MICRO_SQL.group} < 10 THEN NULL ELSE ${MICRO_SQL.group} END) END AS DOUBLE) AS aantal,
      (CASE WHEN g = 0 THEN ${MICRO_SQL.totaalSuppressed} ELSE ${MICRO_SQL.group} < 10 END) AS onderdrukt
    FROM p ORDER BY i`);
  const sql = `CREATE OR REPLACE TEMP TABLE shares AS
    WITH t AS (SELECT code, jaar, status, eenheid, aantal AS totaal, onderdrukt AS t_ond FROM micro WHERE groep = 'totaal')
    SELECT m.code, m.jaar, m.groep, m.status, m.eenheid, m.aantal, t.totaal,
      CASE WHEN m.onderdrukt OR m.aantal IS NULL OR t.code IS NULL OR t.t_ond OR t.totaal IS NULL OR t.totaal = 0 THEN NULL
           ELSE 100 * m.aantal / t.totaal END AS aandeel_pct,
      CASE WHEN m.onderdrukt OR m.aantal IS NULL THEN 'groep onderdrukt'
           WHEN t.code IS NULL THEN 'totaal ontbreekt'
           WHEN t.t_ond OR t.totaal IS NULL THEN 'totaal onderdrukt'
           WHEN t.totaal = 0 THEN 'totaal is 0' ELSE 'ok' END AS aandeel_status
    FROM micro m LEFT JOIN t ON m.code = t.code AND m.jaar = t.jaar AND m.status = t.status AND m.eenheid = t.eenheid
    WHERE m.groep <> 'totaal'`;
  return {
    run: () => c.run(sql),
    check: async () => {
      const r = await c.runAndReadAll('SELECT aandeel_status, count(*) AS n FROM shares GROUP BY 1');
      const counts = {};
      for (const [s, k] of r.getRows()) counts[s] = Number(k);
      return fmtCounts(counts);
    },
  };
}
