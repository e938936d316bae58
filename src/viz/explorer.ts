/**
 * The threshold explorer's Vega-Lite spec: the signal map whose categories are computed in
 * Vega expressions from each buurt's ΔK, ΔO and references (absolute and relatief), with the
 * dead bands, the variant, the chosen gemeente, the searched buurt and the view (zoom, centre)
 * as Vega signals, beside a live count of buurten and residents per category. The expression is
 * the rule of `categorize` (src/signal/categories.ts): K up when ΔK − refK > tK, O worse when
 * ΔO − refO < −tO, strictly; a missing value (or `geldig: false`) gives "onvoldoende gegevens".
 *
 * The controls (sliders with Dutch readouts, variant, gemeente, search, zoom, "Bewaar deze
 * drempels") are HTML around the view, built by `offlineHtml` from `usermeta.veerkrachtExplorer`
 * (see {@link ExplorerMeta} and src/viz/explorer-page.ts).
 */
import type { Position } from 'geojson';
import type { VegaLiteSpec } from './compile.js';
import { SIGNAL_CATEGORIES, SIGNAL_COLOURS, SIGNAL_LABELS, signalRuleExpression } from '../signal/categories.js';
import { gemeenteOf } from '../regions/codes.js';
import { frameTitle, type FrameOptions } from './frame.js';
import { displayGeometry, projectionFor, type MapGeometry } from './geometry.js';
import { ARIA_MAX_FEATURES } from './maps/base.js';

/** Variant of the references: `absoluut` (national or 0) or `relatief` (the gemeente's change). */
export type SignalVariant = 'absoluut' | 'relatief';

/** What the explorer needs per buurt (keyed by code); numbers may be null/NaN (missing). */
export interface ExplorerBuurt {
  code: string;
  naam?: string | null;
  dK: number | null;
  dO: number | null;
  /** References for the absoluut variant. */
  refKAbsoluut: number | null;
  refOAbsoluut: number | null;
  /** References for the relatief variant (the gemeente's change). */
  refKRelatief: number | null;
  refORelatief: number | null;
  inwoners: number | null;
  /** False when the buurt has too few residents or suppressed inputs: always "onvoldoende gegevens". */
  geldig?: boolean;
  /** Gemeente code (default: derived from the buurt code, `BU03630001` → `GM0363`). */
  gemeente?: string | null;
  /** Gemeente name, for the selector and the tooltip. */
  gemeenteNaam?: string | null;
  /** Why the buurt has "onvoldoende gegevens" (shown in the tooltip). */
  reden?: string | null;
}

/** Options for {@link explorerSpec}. */
export interface ExplorerOptions extends FrameOptions {
  /** Starting (calibrated) dead bands. */
  tK: number;
  tO: number;
  /** Starting variant (default `relatief`). */
  variant?: SignalVariant;
  /** Slider maxima (default: 4 × the start value, at least the start value + 1 resp. + 0.1). */
  maxK?: number;
  maxO?: number;
  /** Map size in px (default 520 × 440: with the controls it fits a 1280 × 720 screen). */
  width?: number;
  height?: number;
  /** Gemeente outlines over the buurten. */
  outlines?: MapGeometry;
  /**
   * Vega renderer of the page (default: `svg` up to {@link ARIA_MAX_FEATURES} buurten, an
   * accessible DOM; `canvas` above, where it recolours and zooms several times faster).
   */
  renderer?: 'svg' | 'canvas';
  /** What the regions are (default `buurt`): names them in counts, tooltip and search. */
  level?: 'buurt' | 'wijk' | 'gemeente';
}

/** One gemeente of the selector: code, name, buurten, inwoners and its extent in RD. */
export interface ExplorerGemeente {
  code: string;
  naam: string | null;
  buurten: number;
  inwoners: number;
  /** [xmin, ymin, xmax, ymax] in RD metres. */
  bbox: [number, number, number, number];
}

/** What the page around the view needs (spec `usermeta.veerkrachtExplorer`). */
export interface ExplorerMeta {
  variant: SignalVariant;
  /** Start values of the dead bands (exact, as calibrated). */
  thresholds: { K: number; O: number };
  /** Slider maxima and steps; decimals of the readouts (step = 10^−decimals). */
  max: { K: number; O: number };
  decimals: { K: number; O: number };
  /** The map: plot size, base scale (px per RD metre) and centre of the whole area. */
  view: { width: number; height: number; scale: number; cx: number; cy: number };
  gemeenten: ExplorerGemeente[];
  /** Vega renderer of the page. */
  renderer: 'svg' | 'canvas';
  /** The regions' name, singular and plural (`buurt`, `buurten`). */
  eenheid: { enkelvoud: string; meervoud: string };
}

const PLURAL: Readonly<Record<'buurt' | 'wijk' | 'gemeente', string>> = { buurt: 'buurten', wijk: 'wijken', gemeente: 'gemeenten' };

function num(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The smallest number of decimals (≤ `cap`) that writes every value exactly (to 1e−6 of a unit
 * in the last place): the resolution the data carry. KWB percentages give 1, Leefbaarometer
 * scores 6.
 *
 * @example dataDecimals([5.3, -0.2, null]) // 1
 */
export function dataDecimals(values: Iterable<number | null>, cap = 6): number {
  let d = 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    while (d < cap) {
      const s = v * 10 ** d;
      if (Math.abs(s - Math.round(s)) < 1e-6) break;
      d++;
    }
  }
  return d;
}

/**
 * Decimals of a dead-band readout: one step of 10^−d is at most 1/50 of the slider's range
 * (finer steps only show noise), and no finer than one decimal beyond the data's resolution.
 *
 * @example bandDecimals(5, 1) // 1   (steps of 0,1 %-punt)
 */
export function bandDecimals(max: number, dataDec: number): number {
  const bySpread = max > 0 ? Math.ceil(-Math.log10(max / 50) - 1e-9) : 2;
  return Math.min(6, Math.max(0, Math.min(bySpread, dataDec + 1)));
}

/** The Vega expression for the category id of a datum whose fields are under `p.` (see module comment). */
export function categoryExpression(p: string): string {
  const rk = `(variant == 'relatief' ? ${p}rKr : ${p}rKa)`;
  const ro = `(variant == 'relatief' ? ${p}rOr : ${p}rOa)`;
  const missing = `!${p}ok || !isValid(${p}dK) || !isValid(${p}dO) || !isValid(${rk}) || !isValid(${ro})`;
  // generated from the one definition of the rule (src/signal/categories.ts)
  return signalRuleExpression(`${p}dK - ${rk}`, `${p}dO - ${ro}`, 'tK', 'tO', missing);
}

function labelExpression(field: string): string {
  return SIGNAL_CATEGORIES.reduceRight(
    (acc, c) => `${field} == ${JSON.stringify(c)} ? ${JSON.stringify(SIGNAL_LABELS[c])} : ${acc}`,
    JSON.stringify(SIGNAL_LABELS.onvoldoende_gegevens),
  );
}

/** A Vega expression writing `x` with `d` decimals, or "geen gegevens" (the page sets the nl-NL locale). */
function fmtExpression(x: string, d: number): string {
  return `(isValid(${x}) ? format(${x}, ',.${d}f') : 'geen gegevens')`;
}

function extend(b: [number, number, number, number], rings: Position[][]): void {
  for (const r of rings) {
    for (const p of r) {
      if (p[0] < b[0]) b[0] = p[0];
      if (p[1] < b[1]) b[1] = p[1];
      if (p[0] > b[2]) b[2] = p[0];
      if (p[1] > b[3]) b[3] = p[1];
    }
  }
}

/** The period without a trailing " · absoluut" / " · relatief" (the explorer adds the live variant). */
function periodOnly(period: string | undefined): string {
  return (period ?? '').replace(/\s*·\s*(absoluut|relatief)\s*$/, '');
}

/**
 * The explorer spec for `buurten` (geometry) and the per-buurt values; buurten without values
 * are shown as "onvoldoende gegevens". Signals: `tK`, `tO`, `variant`, `gemeente` (code, '' for
 * all), `gemeenteLabel`, `zoek` (code of the highlighted buurt), `zoom`, `cx`, `cy` (map centre
 * in RD metres).
 *
 * @example explorerSpec(geo, rows, { tK: 1, tO: 0.02, title: 'Signaleringskaart', period: '2016–2020', synthetic: true })
 */
export function explorerSpec(buurten: MapGeometry, rows: readonly ExplorerBuurt[], o: ExplorerOptions): VegaLiteSpec {
  const geo = displayGeometry(buurten);
  const byCode = new Map<string, ExplorerBuurt>();
  for (const r of rows) byCode.set(r.code, r);
  const total: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const gemeenten = new Map<string, ExplorerGemeente>();
  const values = geo.features.map((f) => {
    const code = f.properties.code;
    const r = byCode.get(code);
    const gm = r?.gemeente ?? gemeenteOf(code) ?? '';
    const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
    extend(total, rings);
    let g = gemeenten.get(gm);
    if (g === undefined) {
      g = { code: gm, naam: r?.gemeenteNaam ?? null, buurten: 0, inwoners: 0, bbox: [Infinity, Infinity, -Infinity, -Infinity] };
      gemeenten.set(gm, g);
    }
    if (g.naam === null && r?.gemeenteNaam) g.naam = r.gemeenteNaam;
    g.buurten += 1;
    g.inwoners += num(r?.inwoners) ?? 0;
    extend(g.bbox, rings);
    const props: Record<string, unknown> = {
      code,
      naam: r?.naam ?? f.properties.name ?? null,
      gm,
      dK: num(r?.dK),
      dO: num(r?.dO),
      rKa: num(r?.refKAbsoluut),
      rOa: num(r?.refOAbsoluut),
      rKr: num(r?.refKRelatief),
      rOr: num(r?.refORelatief),
      inw: num(r?.inwoners),
      ok: r !== undefined && r.geldig !== false,
    };
    if (r?.gemeenteNaam) props.gmNaam = r.gemeenteNaam;
    if (r?.reden) props.reden = r.reden;
    return { type: 'Feature', geometry: f.geometry, properties: props };
  });

  const width = o.width ?? 520;
  const height = o.height ?? 440;
  const finite = Number.isFinite(total[0]) && total[2] > total[0] && total[3] > total[1];
  const scale = finite ? 0.98 * Math.min(width / (total[2] - total[0]), height / (total[3] - total[1])) : 1;
  const cx = finite ? (total[0] + total[2]) / 2 : 0;
  const cy = finite ? (total[1] + total[3]) / 2 : 0;

  const kData = dataDecimals(rows.map((r) => num(r.dK)));
  const oData = dataDecimals(rows.map((r) => num(r.dO)));
  const rawMaxK = o.maxK ?? Math.max(4 * o.tK, o.tK + 1);
  const rawMaxO = o.maxO ?? Math.max(4 * o.tO, o.tO + 0.1);
  const decK = bandDecimals(rawMaxK, kData);
  const decO = bandDecimals(rawMaxO, oData);
  // the slider's maximum on its own step grid, never below the start value
  const onGrid = (x: number, d: number, min: number): number => Math.max(Math.ceil(x * 10 ** d - 1e-9) / 10 ** d, min);
  const meta: ExplorerMeta = {
    variant: o.variant ?? 'relatief',
    thresholds: { K: o.tK, O: o.tO },
    max: { K: onGrid(rawMaxK, decK, o.tK), O: onGrid(rawMaxO, decO, o.tO) },
    decimals: { K: decK, O: decO },
    view: { width, height, scale, cx, cy },
    gemeenten: Array.from(gemeenten.values()).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    renderer: o.renderer ?? (values.length > ARIA_MAX_FEATURES ? 'canvas' : 'svg'),
    eenheid: { enkelvoud: o.level ?? 'buurt', meervoud: PLURAL[o.level ?? 'buurt'] },
  };
  const een = JSON.stringify(` ${meta.eenheid.enkelvoud} · `);
  const meer = JSON.stringify(` ${meta.eenheid.meervoud} · `);

  const labels = SIGNAL_CATEGORIES.map((c) => SIGNAL_LABELS[c]);
  const colours = SIGNAL_CATEGORIES.map((c) => SIGNAL_COLOURS[c]);
  const colourScale = { domain: labels, range: colours };
  const p = 'datum.properties.';
  const refK = `(variant == 'relatief' ? ${p}rKr : ${p}rKa)`;
  const refO = `(variant == 'relatief' ? ${p}rOr : ${p}rOa)`;
  const classify = [
    { calculate: categoryExpression(p), as: 'categorie' },
    { calculate: labelExpression('datum.categorie'), as: 'signaal' },
  ];
  // tooltip texts first: Vega re-runs a formula only when a signal it reads changes, or when an
  // upstream formula did; so a slider move recomputes the category and its label, not these
  const tooltipFields = [
    { calculate: `${p}naam != null ? ${p}naam : '—'`, as: 'tt_naam' },
    { calculate: `${p}gm + (${p}gmNaam != null ? ' ' + ${p}gmNaam : '')`, as: 'tt_gemeente' },
    { calculate: fmtExpression(`${p}dK`, Math.min(kData, decK)), as: 'tt_dK' },
    { calculate: fmtExpression(`${p}dO`, Math.min(oData, decO)), as: 'tt_dO' },
    { calculate: `isValid(${p}inw) ? format(${p}inw, ',d') : 'geen gegevens'`, as: 'tt_inw' },
    { calculate: `${fmtExpression(refK, decK)} + ' (' + variant + ')'`, as: 'tt_refK' },
    { calculate: `${fmtExpression(refO, decO)} + ' (' + variant + ')'`, as: 'tt_refO' },
  ];
  const signalText = {
    calculate: `datum.signaal + (datum.categorie == 'onvoldoende_gegevens' && ${p}reden != null ? ' (' + ${p}reden + ')' : '')`,
    as: 'tt_signaal',
  };
  const periode = periodOnly(o.period);
  const frame = frameTitle({ ...o, period: periode });
  const sourceLine = frame.subtitle[frame.subtitle.length - 1];
  const periodExpr = periode !== '' ? `'Periode ' + ${JSON.stringify(periode)} + ' · ' + variant` : `'Referentie ' + variant`;
  const projection = {
    ...projectionFor(geo.crs),
    scale: { expr: `${scale} * zoom` },
    translate: { expr: `[${width / 2} - ${scale} * zoom * cx, ${height / 2} + ${scale} * zoom * cy]` },
  };
  const outside = "gemeente != '' && datum.properties.gm != gemeente";
  const map: VegaLiteSpec = {
    width,
    height,
    projection,
    layer: [
      {
        data: { name: 'buurten' },
        transform: [...tooltipFields, ...classify, signalText],
        mark: { type: 'geoshape', stroke: '#8c8c8c', strokeWidth: 0.3, clip: true, aria: values.length <= ARIA_MAX_FEATURES },
        encoding: {
          color: {
            field: 'signaal',
            type: 'nominal',
            scale: colourScale,
            legend: {
              title: { signal: periode !== '' ? `'Signaal ' + ${JSON.stringify(periode)} + ' · ' + variant` : `'Signaal · ' + variant` },
              symbolType: 'square',
              labelLimit: 320,
              titleLimit: 480,
              symbolStrokeColor: '#8c8c8c',
              orient: 'right',
            },
          },
          opacity: { condition: { test: outside, value: 0.35 }, value: 1 },
          tooltip: [
            { field: 'tt_naam', type: 'nominal', title: meta.eenheid.enkelvoud.charAt(0).toUpperCase() + meta.eenheid.enkelvoud.slice(1) },
            { field: 'properties.code', type: 'nominal', title: 'Code' },
            { field: 'tt_gemeente', type: 'nominal', title: 'Gemeente' },
            { field: 'tt_dK', type: 'nominal', title: 'ΔK (%-punt)' },
            { field: 'tt_refK', type: 'nominal', title: 'Referentie ΔK' },
            { field: 'tt_dO', type: 'nominal', title: 'ΔO (onv)' },
            { field: 'tt_refO', type: 'nominal', title: 'Referentie ΔO' },
            { field: 'tt_inw', type: 'nominal', title: 'Inwoners' },
            { field: 'tt_signaal', type: 'nominal', title: 'Signaal' },
          ],
        },
      },
    ],
  };
  const layers = map.layer as VegaLiteSpec[];
  if (o.outlines !== undefined) {
    const outl = displayGeometry(o.outlines);
    // no fill at all (not "transparent"): the outlines must not take the pointer from the buurten
    layers.push({
      data: { values: outl.features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { code: f.properties.code } })) },
      mark: { type: 'geoshape', filled: false, fill: null, stroke: '#222222', strokeWidth: 0.9, clip: true },
    });
  }
  // the searched buurt, outlined on top (again without fill, so its tooltip stays reachable)
  layers.push({
    data: { name: 'buurten' },
    transform: [{ filter: "zoek != '' && datum.properties.code == zoek" }],
    mark: { type: 'geoshape', filled: false, fill: null, stroke: '#000000', strokeWidth: 2.5, clip: true },
  });

  const counts: VegaLiteSpec = {
    width: 240,
    height: { step: 24 },
    title: { text: { expr: "gemeente == '' ? 'Alle gemeenten' : gemeenteLabel" }, anchor: 'start', fontSize: 12 },
    data: { name: 'buurten' },
    transform: [
      { filter: "gemeente == '' || datum.properties.gm == gemeente" },
      // (vega-lite reads an aggregate field "properties.inw" as one flat name: copy it first)
      { calculate: 'datum.properties.inw', as: 'inw' },
      ...classify.slice(0, 1),
      // one grouped count instead of a formula per category and buurt (cheaper per slider move);
      // categories without buurten are imputed with 0 so all five rows stay
      { aggregate: [{ op: 'count', as: 'buurten' }, { op: 'sum', field: 'inw', as: 'inwoners' }], groupby: ['categorie'] },
      { impute: 'buurten', key: 'categorie', keyvals: SIGNAL_CATEGORIES.slice(), value: 0 },
      { calculate: 'isValid(datum.inwoners) ? datum.inwoners : 0', as: 'inwoners' },
      { calculate: labelExpression('datum.categorie'), as: 'signaal' },
      { calculate: `format(datum.buurten, ',d') + (datum.buurten == 1 ? ${een} : ${meer}) + format(datum.inwoners, ',d') + ' inw.'`, as: 'tekst' },
    ],
    encoding: {
      y: { field: 'signaal', type: 'nominal', sort: labels, title: null, axis: { labelLimit: 240 } },
    },
    layer: [
      {
        mark: { type: 'bar', stroke: '#8c8c8c', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'buurten', type: 'quantitative', title: `Aantal ${meta.eenheid.meervoud}`, axis: { tickMinStep: 1, format: ',d' } },
          color: { field: 'signaal', type: 'nominal', scale: colourScale, legend: null },
        },
      },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { x: { value: 0 }, text: { field: 'tekst' } } },
    ],
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: frame.text, subtitle: { expr: `[${periodExpr}, ${JSON.stringify(sourceLine)}]` }, anchor: 'start' },
    config: { view: { stroke: null } },
    usermeta: { veerkrachtExplorer: meta },
    datasets: { buurten: values },
    params: [
      { name: 'tK', value: o.tK },
      { name: 'tO', value: o.tO },
      { name: 'variant', value: meta.variant },
      { name: 'gemeente', value: '' },
      { name: 'gemeenteLabel', value: 'Alle gemeenten' },
      { name: 'zoek', value: '' },
      { name: 'zoom', value: 1 },
      { name: 'cx', value: cx },
      { name: 'cy', value: cy },
    ],
    hconcat: [map, counts],
    // the counts panel has no legend; merging it with the map's (whose title is an expression) fails
    resolve: { legend: { color: 'independent' } },
  };
}
