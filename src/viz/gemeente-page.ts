/**
 * The page per gemeente that the study series handed to each gemeente: its signal map zoomed in
 * with the names of its regions, the counts, a table of its regions sorted by category and
 * change, the Matrix handelingskaders cells with their regions, and the parameters and sources.
 * One self-contained HTML file (inline SVG map, no script, no request to any host) that prints
 * on A4. The map is drawn directly as SVG paths (no Vega): a page per gemeente at national scale
 * must stay cheap.
 */
import type { Polygon, MultiPolygon, Position } from 'geojson';
import type { GeoCrs } from '../geo/types.js';
import { wgs84ToRd } from '../geo/projection.js';
import { geometryCentroid } from '../geo/centroid.js';
import { emptyBBox, extendBBox } from '../geo/bbox.js';
import { simplifyForDrawing } from '../geo/simplify.js';
import { SIGNAL_CATEGORIES, SIGNAL_COLOURS, SIGNAL_LABELS, type SignalCategory } from '../signal/categories.js';
import { FOCUS_CATEGORIES, FOCUS_LABELS, type FocusCategory } from '../signal/focus.js';
import type { HandelingsMatrix } from '../signal/matrix.js';
import { formatNl } from '../classify/legend.js';
import { drawable } from './frame.js';

/** One region of the gemeente, as the page shows it. */
export interface GemeentePageRegion {
  code: string;
  naam: string | null;
  geometry: Polygon | MultiPolygon;
  categorie: SignalCategory;
  focus: FocusCategory;
  dK: number | null;
  refK: number | null;
  dO: number | null;
  refO: number | null;
  inwoners: number | null;
  handelingskader: string;
  reden: string | null;
}

/** Everything one page needs. */
export interface GemeentePageInput {
  code: string;
  naam: string | null;
  /** Title of the run. */
  title: string;
  /** Period and variant as maps name them (`2014–2022 · relatief`). */
  period: string;
  synthetic: boolean;
  crs: GeoCrs;
  /** Plural name of the regions (`buurten`, `wijken`). */
  eenheden: string;
  regions: GemeentePageRegion[];
  matrix: HandelingsMatrix;
  /** Lines under "Parameters en bronnen" (dead bands, sources of K, O, C, inputs). */
  parameters: string[];
  /** Attribution line. */
  source: string;
  /** Link back to the index page (relative), if any. */
  indexHref?: string;
}

const esc = (s: string) => (/[&<>"]/.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') : s);
const num = (x: number | null, d: number) => (x === null || !Number.isFinite(x) ? '–' : formatNl(x, d));

/**
 * A gemeente page before drawing: plain data (it crosses to the CLI's figure worker as it is),
 * drawn by {@link drawGemeentePage}.
 */
export interface GemeentePageDraft {
  input: GemeentePageInput;
  /** Title, subtitle and source line on the page's map. */
  map: { title: string; subtitle: string; source: string };
}

/**
 * Draw a gemeente page: its map as SVG and the page's HTML around it.
 *
 * @example const { html, svg } = drawGemeentePage({ input, map: { title, subtitle, source } })
 */
export function drawGemeentePage(d: GemeentePageDraft): { svg: string; html: string } {
  const svg = gemeenteMapSvg(d.input.regions, d.input.crs, d.map);
  return { svg, html: gemeentePageHtml(d.input, svg) };
}

/**
 * A file name for a gemeente page: `<code>-<naam>` with diacritics folded and anything but
 * letters, digits and hyphens replaced (`'s-Gravenhage` → `GM0518-s-Gravenhage`).
 *
 * @example gemeentePageName('GM0363', 'Amsterdam') // 'GM0363-Amsterdam'
 */
export function gemeentePageName(code: string, naam: string | null): string {
  const slug = (naam ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return slug === '' ? code : `${code}-${slug}`;
}

/**
 * `v.toFixed(1)`, byte for byte, without the cost of `toFixed` (a page's map writes two numbers
 * per vertex, ≈ 200,000 for the pages of a national run). `v · 10` is rounded with `Math.round`
 * except where it lands exactly on a half (where the double's exact value decides, as in
 * `toFixed`): the product of a double and 10 is the double nearest to the exact product, so it can
 * reach a half from either side but never cross one (below 1e14, where every half is a double;
 * larger values go to `toFixed`). `tests/viz/gemeente-page.test.ts` compares
 * the two on millions of values, halves included.
 *
 * @example toFixed1(0.15) // '0.1' (0.15 is 0.1499999…), as (0.15).toFixed(1)
 */
export function toFixed1(v: number): string {
  const r = v * 10;
  const fl = Math.floor(r);
  // (below 1e14, v · 10 < 2^52: every half x.5 is a double)
  if (!(Math.abs(v) < 1e14) || r - fl === 0.5) return v.toFixed(1);
  const n = r - fl < 0.5 ? fl : fl + 1;
  const a = n < 0 ? -n : n;
  const tens = (a - (a % 10)) / 10;
  // toFixed writes the sign of a negative v even when it rounds to zero ('-0.0')
  return `${v < 0 ? '-' : ''}${tens}.${a % 10}`;
}

function rings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/**
 * An SVG map of some regions, coloured by category, with their names at the centroids, a legend,
 * title and source; coordinates projected to RD New (y up) and fitted into `width`.
 */
export function gemeenteMapSvg(
  regions: readonly Pick<GemeentePageRegion, 'code' | 'naam' | 'geometry' | 'categorie'>[],
  crs: GeoCrs,
  text: { title: string; subtitle: string; source: string },
  width = 760,
): string {
  const toRd = crs === 'EPSG:4326' ? wgs84ToRd : (p: Position) => p;
  // full-resolution outlines (above the drawing budget of src/geo/simplify.ts) are drawn
  // simplified, shared edges kept; smaller ones exactly
  const drawn = simplifyForDrawing(regions.map((r) => ({ type: 'Feature' as const, geometry: r.geometry, properties: { code: r.code, name: r.naam } })));
  const projected = drawn.features.map((f) => rings(f.geometry).map((ring) => ring.map(toRd)));
  const box = emptyBBox();
  for (const rs of projected) for (const ring of rs) for (let k = 0; k < ring.length; k++) extendBBox(box, ring[k]);
  const [x0, y0, x1, y1] = box;
  const legendW = 210;
  const top = 52;
  const mapW = width - legendW - 20;
  const scale = Math.min(mapW / Math.max(x1 - x0, 1e-9), 560 / Math.max(y1 - y0, 1e-9));
  const mapH = (y1 - y0) * scale;
  const height = Math.max(top + mapH + 40, top + 20 * SIGNAL_CATEGORIES.length + 40);
  const frame: MapFrame = { x0, y1, scale, top };
  const fontSize = regions.length > 60 ? 7 : 9;
  // (written line by line into one array: the map of every page of a national run goes through
  // here, and a spread of the parts into an array literal made V8 drop this function's optimised
  // code again and again, each time compiling it anew; see bench/RESULTS.md)
  const lines: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${Math.ceil(height)}" viewBox="0 0 ${width} ${Math.ceil(height)}" font-family="DejaVu Sans, Verdana, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="20" font-size="15" font-weight="bold">${esc(drawable(text.title, 80))}</text>`,
    `<text x="10" y="38" font-size="11" fill="#333">${esc(drawable(text.subtitle))}</text>`,
  ];
  for (let i = 0; i < regions.length; i++) {
    const r = regions[i];
    lines.push(
      `<path d="${ringsPath(projected[i], frame)}" fill="${SIGNAL_COLOURS[r.categorie]}" fill-rule="evenodd" stroke="#ffffff" stroke-width="0.8"><title>${esc(`${r.naam ?? r.code} (${r.code}): ${SIGNAL_LABELS[r.categorie]}`)}</title></path>`,
    );
  }
  for (const r of regions) {
    const c = toRd(geometryCentroid(r.geometry));
    const name = drawable(r.naam ?? r.code, 28);
    lines.push(
      `<text x="${toFixed1(mapX(c[0], frame))}" y="${toFixed1(mapY(c[1], frame))}" text-anchor="middle" font-size="${fontSize}" fill="#111" stroke="#fff" stroke-width="2.5" stroke-linejoin="round" paint-order="stroke">${esc(name)}</text>`,
    );
  }
  for (let i = 0; i < SIGNAL_CATEGORIES.length; i++) {
    const c = SIGNAL_CATEGORIES[i];
    const y = top + 10 + i * 20;
    lines.push(
      `<rect x="${width - legendW}" y="${y - 10}" width="14" height="14" fill="${SIGNAL_COLOURS[c]}" stroke="#555" stroke-width="0.5"/><text x="${width - legendW + 20}" y="${y + 1}" font-size="11">${esc(SIGNAL_LABELS[c])}</text>`,
    );
  }
  lines.push(`<text x="10" y="${Math.ceil(height) - 8}" font-size="9" fill="#555">${esc(text.source)}</text>`, '</svg>');
  return lines.join('\n');
}

/** Where a page's map puts RD coordinates: x − x0 and y1 − y scaled, beside the margins. */
interface MapFrame {
  x0: number;
  y1: number;
  scale: number;
  top: number;
}

function mapX(x: number, f: MapFrame): number {
  return (x - f.x0) * f.scale + 10;
}

function mapY(y: number, f: MapFrame): number {
  return f.top + (f.y1 - y) * f.scale;
}

/** The SVG path data of some rings: `Mx,yLx,y…Z` each, one decimal. */
function ringsPath(rs: readonly (readonly Position[])[], f: MapFrame): string {
  let d = '';
  for (const ring of rs) {
    d += 'M';
    for (let k = 0; k < ring.length; k++) {
      const p = ring[k];
      if (k > 0) d += 'L';
      d += `${toFixed1(mapX(p[0], f))},${toFixed1(mapY(p[1], f))}`;
    }
    d += 'Z';
  }
  return d;
}

const ORDER = new Map(SIGNAL_CATEGORIES.map((c, i) => [c, i]));

/** Regions sorted as the table shows them: by category, then the largest ΔK − refK first. */
export function sortRegions(regions: readonly GemeentePageRegion[]): GemeentePageRegion[] {
  const dev = (r: GemeentePageRegion) => (r.dK === null || r.refK === null ? -Infinity : r.dK - r.refK);
  return [...regions].sort((a, b) => ORDER.get(a.categorie)! - ORDER.get(b.categorie)! || dev(b) - dev(a) || (a.code < b.code ? -1 : 1));
}

/**
 * The HTML page of one gemeente.
 *
 * @param mapSvg the map, usually from {@link gemeenteMapSvg}
 * @example gemeentePageHtml(input, gemeenteMapSvg(input.regions, input.crs, text))
 */
export function gemeentePageHtml(p: GemeentePageInput, mapSvg: string): string {
  const name = p.naam ? `${p.naam} (${p.code})` : p.code;
  const counts = SIGNAL_CATEGORIES.map((c) => {
    const rs = p.regions.filter((r) => r.categorie === c);
    const inw = rs.reduce((s, r) => s + (r.inwoners !== null && Number.isFinite(r.inwoners) ? r.inwoners : 0), 0);
    return `<tr><td><span class="sw" style="background:${SIGNAL_COLOURS[c]}"></span>${esc(SIGNAL_LABELS[c])}</td><td class="n">${formatNl(rs.length, 0)}</td><td class="n">${formatNl(inw, 0)}</td></tr>`;
  });
  const rows = sortRegions(p.regions).map(
    (r) =>
      `<tr><td>${esc(r.naam ?? '')}</td><td>${esc(r.code)}</td><td><span class="sw" style="background:${SIGNAL_COLOURS[r.categorie]}"></span>${esc(SIGNAL_LABELS[r.categorie])}${r.reden ? ` <span class="reden">(${esc(r.reden)})</span>` : ''}</td>` +
      `<td class="n">${num(r.dK, 2)}</td><td class="n">${num(r.refK, 2)}</td><td class="n">${num(r.dO, 3)}</td><td class="n">${num(r.refO, 3)}</td><td class="n">${num(r.inwoners, 0)}</td>` +
      `<td>${esc(FOCUS_LABELS[r.focus])}</td><td>${esc(r.handelingskader)}</td></tr>`,
  );
  const cells: string[] = [];
  for (const s of SIGNAL_CATEGORIES) {
    for (const f of FOCUS_CATEGORIES) {
      const rs = p.regions.filter((r) => r.categorie === s && r.focus === f);
      if (rs.length === 0) continue;
      const cell = p.matrix.cellen[s][f];
      cells.push(
        `<tr><td>${esc(SIGNAL_LABELS[s])}</td><td>${esc(FOCUS_LABELS[f])}</td><td><b>${esc(cell.kader)}</b><br><span class="tekst">${esc(cell.tekst)}</span></td><td>${esc(rs.map((r) => r.naam ?? r.code).join(', '))}</td></tr>`,
      );
    }
  }
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${p.title}: ${name}`)}</title>
<style>
body { font-family: "DejaVu Sans", Verdana, sans-serif; font-size: 12px; color: #111; margin: 1.5em; max-width: 60em; }
h1 { font-size: 18px; margin: 0 0 .2em; } h2 { font-size: 14px; margin: 1.4em 0 .4em; }
.sub { color: #333; margin: 0 0 .8em; } .synth { color: #a00; font-weight: bold; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #ddd; padding: 2px 6px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; } td.n { text-align: right; white-space: nowrap; }
.sw { display: inline-block; width: .9em; height: .9em; margin-right: .4em; border: 1px solid #555; vertical-align: -1px; }
.reden, .tekst { color: #555; } .map svg { max-width: 100%; height: auto; }
.note { color: #555; font-size: 11px; } nav a { color: #0645ad; }
@page { size: A4; margin: 14mm; }
@media print { body { margin: 0; max-width: none; font-size: 10px; } nav { display: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } .map { break-inside: avoid; } }
</style>
</head>
<body>
${p.indexHref ? `<nav><a href="${esc(p.indexHref)}">← alle gemeenten</a></nav>` : ''}
<h1>${esc(p.title)}: ${esc(name)}</h1>
<p class="sub">${esc(p.period)}${p.synthetic ? ' · <span class="synth">synthetische gegevens</span>' : ''}</p>
<h2>Signalen</h2>
<table><thead><tr><th>signaal</th><th>${esc(p.eenheden)}</th><th>inwoners</th></tr></thead><tbody>
${counts.join('\n')}
</tbody></table>
<div class="map">${mapSvg}</div>
<h2>${esc(p.eenheden[0].toUpperCase() + p.eenheden.slice(1))}</h2>
<table><thead><tr><th>naam</th><th>code</th><th>signaal</th><th>ΔK</th><th>ref. K</th><th>ΔO</th><th>ref. O</th><th>inwoners</th><th>positie</th><th>handelingskader</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
<h2>${esc(p.matrix.titel)}</h2>
<p class="note">${esc(p.matrix.toelichting)}</p>
<table><thead><tr><th>ontwikkeling</th><th>huidige positie</th><th>handelingskader</th><th>${esc(p.eenheden)}</th></tr></thead><tbody>
${cells.join('\n')}
</tbody></table>
<h2>Parameters en bronnen</h2>
<ul>
${p.parameters.map((l) => `<li>${esc(l)}</li>`).join('\n')}
</ul>
<p class="note">${esc(p.source)}. De kaart signaleert; zij is het begin van een gesprek met lokale partners, geen oordeel.</p>
</body>
</html>
`;
}

/** One line of the index page. */
export interface GemeenteIndexEntry {
  code: string;
  naam: string | null;
  href: string;
  regions: number;
  inwoners: number;
  counts: Record<SignalCategory, number>;
}

/** The index page linking every gemeente page, with its counts per category. */
export function gemeenteIndexHtml(title: string, period: string, synthetic: boolean, eenheden: string, entries: readonly GemeenteIndexEntry[]): string {
  const head = SIGNAL_CATEGORIES.map((c) => `<th><span class="sw" style="background:${SIGNAL_COLOURS[c]}"></span>${esc(SIGNAL_LABELS[c])}</th>`).join('');
  const rows = entries.map(
    (e) =>
      `<tr><td><a href="${esc(e.href)}">${esc(e.naam ?? e.code)}</a></td><td>${esc(e.code)}</td><td class="n">${formatNl(e.regions, 0)}</td><td class="n">${formatNl(e.inwoners, 0)}</td>${SIGNAL_CATEGORIES.map((c) => `<td class="n">${formatNl(e.counts[c], 0)}</td>`).join('')}</tr>`,
  );
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>${esc(title)}: per gemeente</title>
<style>
body { font-family: "DejaVu Sans", Verdana, sans-serif; font-size: 12px; margin: 1.5em; }
table { border-collapse: collapse; } th, td { border-bottom: 1px solid #ddd; padding: 2px 6px; text-align: left; } th { background: #f0f0f0; }
td.n { text-align: right; } .sw { display: inline-block; width: .9em; height: .9em; margin-right: .3em; border: 1px solid #555; }
.synth { color: #a00; font-weight: bold; } @page { size: A4 landscape; margin: 12mm; }
</style>
</head>
<body>
<h1>${esc(title)}: per gemeente</h1>
<p>${esc(period)}${synthetic ? ' · <span class="synth">synthetische gegevens</span>' : ''}</p>
<table><thead><tr><th>gemeente</th><th>code</th><th>${esc(eenheden)}</th><th>inwoners</th>${head}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
</body>
</html>
`;
}
