/**
 * The threshold explorer's Vega-Lite spec: the signal map whose categories are computed in
 * Vega expressions from each buurt's ΔK, ΔO and references (absolute and relatief), with the
 * dead bands and the variant as parameters bound to sliders and a radio switch, beside a
 * live count of buurten and residents per category. The expression is the rule of
 * `categorize` (src/signal/categories.ts): K up when ΔK − refK > tK, O worse when
 * ΔO − refO < −tO, strictly; a missing value (or `geldig: false`) gives "onvoldoende gegevens".
 */
import type { VegaLiteSpec } from './compile.js';
import { SIGNAL_CATEGORIES, SIGNAL_COLOURS, SIGNAL_LABELS } from '../signal/categories.js';
import { frameTitle, type FrameOptions } from './frame.js';
import { displayGeometry, projectionFor, type MapGeometry } from './geometry.js';

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
  width?: number;
  height?: number;
  /** Gemeente outlines over the buurten. */
  outlines?: MapGeometry;
}

function num(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The Vega expression for the category id of a datum whose fields are under `p.` (see module comment). */
export function categoryExpression(p: string): string {
  const rk = `(variant == 'relatief' ? ${p}rKr : ${p}rKa)`;
  const ro = `(variant == 'relatief' ? ${p}rOr : ${p}rOa)`;
  const missing = `!${p}ok || !isValid(${p}dK) || !isValid(${p}dO) || !isValid(${rk}) || !isValid(${ro})`;
  const up = `(${p}dK - ${rk} > tK)`;
  const worse = `(${p}dO - ${ro} < -tO)`;
  return `${missing} ? 'onvoldoende_gegevens' : ${up} ? (${worse} ? 'veerkracht_onder_druk' : 'kwetsbaarheid_neemt_toe') : (${worse} ? 'leefbaarheid_verslechtert' : 'geen_signaal')`;
}

function labelExpression(field: string): string {
  return SIGNAL_CATEGORIES.reduceRight(
    (acc, c) => `${field} == ${JSON.stringify(c)} ? ${JSON.stringify(SIGNAL_LABELS[c])} : ${acc}`,
    JSON.stringify(SIGNAL_LABELS.onvoldoende_gegevens),
  );
}

/**
 * The explorer spec for `buurten` (geometry) and the per-buurt values; buurten without values
 * are shown as "onvoldoende gegevens".
 *
 * @example explorerSpec(geo, rows, { tK: 1, tO: 0.02, title: 'Signaleringskaart', period: '2016–2020', synthetic: true })
 */
export function explorerSpec(buurten: MapGeometry, rows: readonly ExplorerBuurt[], o: ExplorerOptions): VegaLiteSpec {
  const geo = displayGeometry(buurten);
  const byCode = new Map<string, ExplorerBuurt>();
  for (const r of rows) byCode.set(r.code, r);
  const values = geo.features.map((f) => {
    const r = byCode.get(f.properties.code);
    return {
      type: 'Feature',
      geometry: f.geometry,
      properties: {
        code: f.properties.code,
        naam: r?.naam ?? f.properties.name ?? null,
        dK: num(r?.dK),
        dO: num(r?.dO),
        rKa: num(r?.refKAbsoluut),
        rOa: num(r?.refOAbsoluut),
        rKr: num(r?.refKRelatief),
        rOr: num(r?.refORelatief),
        inw: num(r?.inwoners),
        ok: r !== undefined && r.geldig !== false,
      },
    };
  });
  const labels = SIGNAL_CATEGORIES.map((c) => SIGNAL_LABELS[c]);
  const colours = SIGNAL_CATEGORIES.map((c) => SIGNAL_COLOURS[c]);
  const colourScale = { domain: labels, range: colours };
  const classify = [
    { calculate: categoryExpression('datum.properties.'), as: 'categorie' },
    { calculate: labelExpression('datum.categorie'), as: 'signaal' },
  ];
  const maxK = o.maxK ?? Math.max(4 * o.tK, o.tK + 1);
  const maxO = o.maxO ?? Math.max(4 * o.tO, o.tO + 0.1);
  const map: VegaLiteSpec = {
    width: o.width ?? 520,
    height: o.height ?? 600,
    projection: projectionFor(geo.crs),
    layer: [
      {
        data: { name: 'buurten' },
        transform: classify,
        mark: { type: 'geoshape', stroke: '#8c8c8c', strokeWidth: 0.3 },
        encoding: {
          color: { field: 'signaal', type: 'nominal', scale: colourScale, legend: { title: 'Signaal', symbolType: 'square', labelLimit: 320, symbolStrokeColor: '#8c8c8c' } },
          tooltip: [
            { field: 'properties.naam', type: 'nominal', title: 'Buurt' },
            { field: 'properties.code', type: 'nominal', title: 'Code' },
            { field: 'properties.dK', type: 'quantitative', title: 'ΔK (%-punt)', format: '.2f' },
            { field: 'properties.dO', type: 'quantitative', title: 'ΔO (onv)', format: '.3f' },
            { field: 'properties.inw', type: 'quantitative', title: 'Inwoners', format: ',d' },
            { field: 'signaal', type: 'nominal', title: 'Signaal' },
          ],
        },
      },
    ],
  };
  if (o.outlines !== undefined) {
    const outl = displayGeometry(o.outlines);
    (map.layer as VegaLiteSpec[]).push({
      data: { values: outl.features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { code: f.properties.code } })) },
      mark: { type: 'geoshape', filled: false, stroke: '#222222', strokeWidth: 0.9 },
    });
  }
  const perCategory: VegaLiteSpec[] = [];
  SIGNAL_CATEGORIES.forEach((c, i) => {
    perCategory.push({ calculate: `datum.categorie == ${JSON.stringify(c)} ? 1 : 0`, as: `n_${i}` });
    perCategory.push({ calculate: `datum.categorie == ${JSON.stringify(c)} && isValid(datum.properties.inw) ? datum.properties.inw : 0`, as: `w_${i}` });
  });
  const idx = SIGNAL_CATEGORIES.map((_, i) => i);
  const counts: VegaLiteSpec = {
    width: 260,
    height: { step: 26 },
    data: { name: 'buurten' },
    transform: [
      ...classify.slice(0, 1),
      ...perCategory,
      {
        aggregate: idx.flatMap((i) => [
          { op: 'sum', field: `n_${i}`, as: `n_${i}` },
          { op: 'sum', field: `w_${i}`, as: `w_${i}` },
        ]),
      },
      { fold: idx.map((i) => `n_${i}`), as: ['sleutel', 'buurten'] },
      { calculate: 'toNumber(substring(datum.sleutel, 2))', as: 'i' },
      { calculate: `[${idx.map((i) => `datum.w_${i}`).join(', ')}][datum.i]`, as: 'inwoners' },
      { calculate: `${JSON.stringify(labels)}[datum.i]`, as: 'signaal' },
      { calculate: "format(datum.buurten, ',d') + (datum.buurten == 1 ? ' buurt · ' : ' buurten · ') + format(datum.inwoners, ',d') + ' inw.'", as: 'tekst' },
    ],
    encoding: {
      y: { field: 'signaal', type: 'nominal', sort: labels, title: null, axis: { labelLimit: 260 } },
    },
    layer: [
      {
        mark: { type: 'bar', stroke: '#8c8c8c', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'buurten', type: 'quantitative', title: 'Aantal buurten', axis: { tickMinStep: 1 } },
          color: { field: 'signaal', type: 'nominal', scale: colourScale, legend: null },
        },
      },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { x: { value: 0 }, text: { field: 'tekst' } } },
    ],
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: frameTitle(o),
    config: { view: { stroke: null } },
    datasets: { buurten: values },
    params: [
      { name: 'tK', value: o.tK, bind: { input: 'range', min: 0, max: maxK, step: maxK / 200, name: 'Drempel ΔK (%-punt) ' } },
      { name: 'tO', value: o.tO, bind: { input: 'range', min: 0, max: maxO, step: maxO / 200, name: 'Drempel ΔO (onv) ' } },
      { name: 'variant', value: o.variant ?? 'relatief', bind: { input: 'radio', options: ['absoluut', 'relatief'], name: 'Referentie ' } },
    ],
    hconcat: [map, counts],
  };
}
