/**
 * The HTML controls around the threshold explorer (see src/viz/explorer.ts): two sliders with
 * readouts in Dutch notation rounded to the data's resolution, the variant switch, a gemeente
 * selector that zooms to the gemeente and recounts for it, a search by buurt name or code, zoom
 * and pan (buttons, mouse wheel, dragging), and "Bewaar deze drempels", which shows and
 * downloads the run-configuration fragment
 * `{"reference":{"variant":…},"thresholds":{"K":…,"O":…}}` (README, "Run configuration").
 * The script only sets Vega signals; all counting happens in the Vega view.
 */
import { escapeHtml } from './escape.js';
import type { ExplorerMeta } from './explorer.js';

/** Format like the page does: Dutch decimal comma, thousands dot, U+2212 minus. */
export function formatReadout(x: number, decimals: number): string {
  const s = Math.abs(x).toFixed(decimals);
  const [int, frac] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (x < 0 && Number(s) !== 0 ? '−' : '') + grouped + (frac !== undefined ? `,${frac}` : '');
}

/** The run-configuration fragment of the chosen dead bands and variant (what "Bewaar" writes). */
export function thresholdFragment(variant: 'absoluut' | 'relatief', tK: number, tO: number): { reference: { variant: string }; thresholds: { K: number; O: number } } {
  return { reference: { variant }, thresholds: { K: tK, O: tO } };
}

/** CSS of the explorer page: controls in two compact rows above the map (fits 1280 × 720). */
export const EXPLORER_CSS =
  'body.verkenner{margin:.6em 1em}body.verkenner h1{font-size:1.15em;margin:0 0 .15em}body.verkenner p.uitleg{margin:0 0 .3em;font-size:.85em}' +
  '#bediening{font-size:.85em;display:flex;flex-wrap:wrap;gap:.3em 1.2em;align-items:center;margin:.2em 0 .3em}' +
  '#bediening label,#bediening fieldset{white-space:nowrap}#bediening fieldset{border:0;margin:0;padding:0;display:inline}' +
  '#bediening input[type=range]{width:11em;vertical-align:middle}#bediening output{display:inline-block;min-width:4.5em;font-variant-numeric:tabular-nums}' +
  '#bediening input[type=search]{width:13em}#zoekresultaat,#telling{color:#444}' +
  '#bewaard{font-size:.85em;margin:.2em 0}#bewaard pre{display:inline-block;background:#f3f3f3;padding:.2em .5em;margin:0 .6em 0 0}' +
  '#kaart{cursor:grab;user-select:none}#kaart.slepen{cursor:grabbing}';

/**
 * The controls markup for `meta` (all text escaped). `buurten` are the names and codes for the
 * search suggestions.
 */
export function explorerControlsHtml(meta: ExplorerMeta, buurten: readonly { code: string; naam: string | null }[]): string {
  const range = (id: string, label: string, value: number, max: number, decimals: number): string =>
    `<label for="${id}">${escapeHtml(label)} <input type="range" id="${id}" min="0" max="${max}" step="${10 ** -decimals}" value="${value}">` +
    ` <output id="${id}-waarde" for="${id}">${escapeHtml(formatReadout(value, decimals))}</output></label>`;
  const radio = (v: string): string =>
    `<label><input type="radio" name="variant" value="${v}"${meta.variant === v ? ' checked' : ''}> ${v}</label>`;
  const options = meta.gemeenten
    .map((g) => `<option value="${escapeHtml(g.code)}">${escapeHtml(g.naam !== null ? `${g.naam} (${g.code})` : g.code)}</option>`)
    .join('');
  const suggestions = buurten
    .map((b) => `<option value="${escapeHtml(b.naam !== null && b.naam !== '' ? `${b.naam} (${b.code})` : b.code)}"></option>`)
    .join('');
  return [
    '<div id="bediening">',
    range('drempelK', 'Drempel ΔK (%-punt)', meta.thresholds.K, meta.max.K, meta.decimals.K),
    range('drempelO', 'Drempel ΔO (onv)', meta.thresholds.O, meta.max.O, meta.decimals.O),
    `<fieldset id="referentie">Referentie ${radio('absoluut')} ${radio('relatief')}</fieldset>`,
    `<label for="gemeente">Gemeente <select id="gemeente"><option value="">Alle gemeenten</option>${options}</select></label>`,
    '<span id="telling" role="status"></span>',
    `<label for="zoek">Zoek ${escapeHtml(meta.eenheid.enkelvoud)} <input type="search" id="zoek" list="buurtlijst" placeholder="naam of code" autocomplete="off"></label>`,
    '<span id="zoekresultaat" role="status"></span>',
    '<span><button type="button" id="inzoomen" title="Inzoomen">+</button> <button type="button" id="uitzoomen" title="Uitzoomen">−</button>' +
      ' <button type="button" id="hele-kaart">Hele kaart</button></span>',
    '<button type="button" id="bewaar">Bewaar deze drempels</button>',
    '</div>',
    `<datalist id="buurtlijst">${suggestions}</datalist>`,
    '<div id="bewaard" hidden>Run-configuratie (<code>veerkracht run --config</code>): <pre id="fragment"></pre><a id="download" download="drempels.json">drempels.json downloaden</a></div>',
  ].join('\n');
}

/**
 * The page script: `veerkrachtExplorer(view, spec)` wires the controls to the view's signals.
 * Plain ES2017, no request of any kind.
 */
export const EXPLORER_SCRIPT = String.raw`
function veerkrachtExplorer(view, spec) {
  var meta = spec.usermeta.veerkrachtExplorer;
  var vw = meta.view;
  var state = { tK: meta.thresholds.K, tO: meta.thresholds.O, variant: meta.variant };
  var $ = function (id) { return document.getElementById(id); };
  function nl(x, d) {
    var s = Math.abs(x).toFixed(d), parts = s.split('.');
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return (x < 0 && Number(s) !== 0 ? '\u2212' : '') + parts.join(',');
  }
  var pending = false;
  function run() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; view.runAsync(); });
  }
  function slider(id, key, signal, d) {
    var el = $(id), out = $(id + '-waarde');
    el.addEventListener('input', function () {
      state[key] = Number(el.value);
      out.textContent = nl(state[key], d);
      view.signal(signal, state[key]);
      run();
    });
  }
  slider('drempelK', 'tK', 'tK', meta.decimals.K);
  slider('drempelO', 'tO', 'tO', meta.decimals.O);
  Array.prototype.forEach.call(document.querySelectorAll('input[name=variant]'), function (r) {
    r.addEventListener('change', function () {
      if (!r.checked) return;
      state.variant = r.value;
      view.signal('variant', r.value);
      run();
    });
  });

  // zoom and pan: the view's centre (cx, cy, RD metres) and zoom factor
  function setView(zoom, cx, cy) {
    zoom = Math.max(1, Math.min(zoom, 400));
    view.signal('zoom', zoom).signal('cx', cx).signal('cy', cy);
    run();
  }
  function fitBox(b) {
    var dx = Math.max(b[2] - b[0], 50), dy = Math.max(b[3] - b[1], 50);
    var z = 0.92 * Math.min(vw.width / dx, vw.height / dy) / vw.scale;
    setView(z, (b[0] + b[2]) / 2, (b[1] + b[3]) / 2);
  }
  // the map's plot area on screen, from the scenegraph (the same for the SVG and canvas renderers)
  function findMark(node, name) {
    if (!node) return null;
    if (node.name === name) return node;
    var items = node.items || [];
    for (var i = 0; i < items.length; i++) { var m = findMark(items[i], name); if (m) return m; }
    return null;
  }
  function plotRect() {
    var surface = document.querySelector('#kaart canvas, #kaart svg.marks');
    var mark = findMark(view.scenegraph().root, 'concat_0_group');
    if (!surface || !mark || !mark.items || !mark.items.length) return null;
    var r = surface.getBoundingClientRect(), o = view.origin(), pad = view.padding(), g = mark.items[0];
    var left = r.left + pad.left + o[0] + g.x, top = r.top + pad.top + o[1] + g.y;
    return { left: left, top: top, width: g.width, height: g.height, right: left + g.width, bottom: top + g.height };
  }
  function zoomAt(factor, clientX, clientY) {
    var z = view.signal('zoom'), cx = view.signal('cx'), cy = view.signal('cy'), s = vw.scale * z;
    var r = plotRect(), dx = 0, dy = 0;
    if (r && clientX !== undefined) { dx = clientX - (r.left + r.width / 2); dy = clientY - (r.top + r.height / 2); }
    var x = cx + dx / s, y = cy - dy / s;
    var z2 = Math.max(1, Math.min(z * factor, 400)), s2 = vw.scale * z2;
    setView(z2, x - dx / s2, y + dy / s2);
  }
  function inPlot(e) {
    var r = plotRect();
    return r && e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
  }
  var kaart = $('kaart');
  kaart.addEventListener('wheel', function (e) {
    if (!inPlot(e)) return;
    e.preventDefault();
    zoomAt(e.deltaY < 0 ? 1.25 : 0.8, e.clientX, e.clientY);
  }, { passive: false });
  var drag = null;
  kaart.addEventListener('mousedown', function (e) {
    if (e.button !== 0 || !inPlot(e)) return;
    drag = { x: e.clientX, y: e.clientY, cx: view.signal('cx'), cy: view.signal('cy') };
    kaart.classList.add('slepen');
    e.preventDefault();
  });
  window.addEventListener('mousemove', function (e) {
    if (!drag) return;
    var s = vw.scale * view.signal('zoom');
    setView(view.signal('zoom'), drag.cx - (e.clientX - drag.x) / s, drag.cy + (e.clientY - drag.y) / s);
  });
  window.addEventListener('mouseup', function () { drag = null; kaart.classList.remove('slepen'); });
  $('inzoomen').addEventListener('click', function () { zoomAt(1.5); });
  $('uitzoomen').addEventListener('click', function () { zoomAt(1 / 1.5); });
  $('hele-kaart').addEventListener('click', function () { setView(1, vw.cx, vw.cy); });

  // gemeente: zoom to it and recount for it
  var byGm = {};
  meta.gemeenten.forEach(function (g) { byGm[g.code] = g; });
  function telling(code) {
    var g = byGm[code], n = 0, w = 0;
    if (g) { n = g.buurten; w = g.inwoners; } else meta.gemeenten.forEach(function (x) { n += x.buurten; w += x.inwoners; });
    $('telling').textContent = (g ? (g.naam ? g.naam + ' (' + g.code + ')' : g.code) : 'Alle gemeenten') + ': ' + nl(n, 0) + ' ' + (n === 1 ? meta.eenheid.enkelvoud : meta.eenheid.meervoud) + ', ' + nl(w, 0) + ' inwoners';
  }
  $('gemeente').addEventListener('change', function () {
    var code = $('gemeente').value, g = byGm[code];
    view.signal('gemeente', g ? code : '').signal('gemeenteLabel', g ? (g.naam ? g.naam + ' (' + g.code + ')' : g.code) : 'Alle gemeenten');
    telling(code);
    if (g) fitBox(g.bbox); else setView(1, vw.cx, vw.cy);
  });
  telling('');

  // search by buurt name or code
  var buurten = spec.datasets.buurten;
  function bbox(geom) {
    var b = [Infinity, Infinity, -Infinity, -Infinity];
    var polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
    polys.forEach(function (p) { p.forEach(function (ring) { ring.forEach(function (q) {
      if (q[0] < b[0]) b[0] = q[0]; if (q[1] < b[1]) b[1] = q[1]; if (q[0] > b[2]) b[2] = q[0]; if (q[1] > b[3]) b[3] = q[1];
    }); }); });
    return b;
  }
  function find(q) {
    q = q.trim();
    if (q === '') return [];
    var m = /\(([^()]+)\)\s*$/.exec(q), code = (m ? m[1] : q).toUpperCase(), lower = q.toLowerCase();
    var exact = buurten.filter(function (f) { return f.properties.code.toUpperCase() === code; });
    if (exact.length) return exact;
    var named = buurten.filter(function (f) { return (f.properties.naam || '').toLowerCase() === lower; });
    if (named.length) return named;
    return buurten.filter(function (f) { return (f.properties.naam || '').toLowerCase().indexOf(lower) >= 0 || f.properties.code.toLowerCase().indexOf(lower) >= 0; });
  }
  function zoek() {
    var hits = find($('zoek').value);
    if (!hits.length) { $('zoekresultaat').textContent = 'Geen ' + meta.eenheid.enkelvoud + ' gevonden'; view.signal('zoek', ''); run(); return; }
    var f = hits[0], p = f.properties, b = bbox(f.geometry), pad = Math.max(b[2] - b[0], b[3] - b[1]) * 1.5 + 200;
    $('zoekresultaat').textContent = (p.naam ? p.naam + ' ' : '') + '(' + p.code + ', ' + p.gm + ')' + (hits.length > 1 ? ' \u2014 ' + hits.length + ' treffers, de eerste getoond' : '');
    view.signal('zoek', p.code);
    fitBox([b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad]);
  }
  $('zoek').addEventListener('change', zoek);
  $('zoek').addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); zoek(); } });

  // "Bewaar deze drempels": the run-configuration fragment, shown and downloaded
  var url = null;
  $('bewaar').addEventListener('click', function () {
    var fragment = { reference: { variant: state.variant }, thresholds: { K: state.tK, O: state.tO } };
    var text = JSON.stringify(fragment, null, 2) + '\n';
    $('fragment').textContent = JSON.stringify(fragment);
    $('bewaard').hidden = false;
    if (url) URL.revokeObjectURL(url);
    url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    var a = $('download');
    a.href = url;
    a.click();
  });
}
`;
