/**
 * The figures of a run as Vega-Lite specs, without writing anything: the signaleringskaart, the
 * focuskaart and the offline threshold explorer. A notebook shows them directly; ./write.ts
 * renders and writes them.
 */
import type { VegaLiteSpec } from '../viz/compile.js';
import type { OfflineHtmlOptions } from '../viz/html.js';
import { signalMapSpec } from '../viz/maps/signal.js';
import { mapSpec } from '../viz/maps/base.js';
import { explorerSpec, type ExplorerBuurt, type ExplorerOptions } from '../viz/explorer.js';
import { dissolve } from '../geo/dissolve.js';
import { simplifyForDrawing } from '../geo/simplify.js';
import type { Objects, Topology } from 'topojson-specification';
import type { RegionFeature } from '../geo/types.js';
import type { GeoJsonGeometries, GeoJsonRun } from '../export/geojson.js';
import type { MapGeometry } from '../viz/geometry.js';
import type { Boundaries } from '../sources/boundaries/types.js';
import { gemeenteOf } from '../regions/codes.js';
import { numbers, strings } from '../indicators/columns.js';
import { SIGNAL_CATEGORIES, type SignalCategory } from '../signal/categories.js';
import { formatNl } from '../classify/legend.js';
import { drawGemeentePage, gemeenteIndexHtml, gemeentePageName, type GemeenteIndexEntry, type GemeentePageDraft, type GemeentePageRegion } from '../viz/gemeente-page.js';
import { FOCUS_CATEGORIES, FOCUS_COLOURS, FOCUS_LABELS, type FocusCategory } from '../signal/focus.js';
import type { SignalResult } from './compute.js';
import { GEMEENTE_PNG_MAX } from './config.js';

/** One page per gemeente (see src/viz/gemeente-page.ts). */
export interface GemeentePage {
  code: string;
  naam: string | null;
  /** File name without extension (`GM0344-Utrecht`). */
  name: string;
  /** What the page shows, as plain data (the CLI draws it in its figure worker). */
  draft: GemeentePageDraft;
  /** The page (drawn from `draft` on first use). */
  readonly html: string;
  /** The page's map, also written as PNG (drawn from `draft` on first use). */
  readonly svg: string;
}

/** A page whose HTML and map are drawn once, when first asked for. */
function gemeentePage(code: string, naam: string | null, name: string, draft: GemeentePageDraft): GemeentePage {
  let drawn: { svg: string; html: string } | undefined;
  const draw = () => (drawn ??= drawGemeentePage(draft));
  return {
    code,
    naam,
    name,
    draft,
    get html() {
      return draw().html;
    },
    get svg() {
      return draw().svg;
    },
  };
}

/** The figures of one run. */
export interface RunFigures {
  /** The signal map (categories of the configured variant, gemeente outlines). */
  signaleringskaart: VegaLiteSpec;
  /** Current position at t1. */
  focuskaart: VegaLiteSpec;
  /** The threshold explorer and the page text around it. */
  explorer: { spec: VegaLiteSpec; page: OfflineHtmlOptions };
  /**
   * The maps' content when `options.drawing` was made from the result's boundaries: whoever made
   * that drawing can build the two maps from it (the CLI's figure worker does); null otherwise.
   */
  preparedMaps: MapContent | null;
  /** The explorer's content when `options.drawing` was made from the result's boundaries (as `preparedMaps`); null otherwise. */
  preparedExplorer: ExplorerContent | null;
  /** The geometry texts of `signalen.geojson` when made with `options.drawing` (see {@link PreparedDrawing}; perhaps still coming); null otherwise. */
  geoJsonGeometries: GeoJsonGeometries | (() => AsyncIterable<GeoJsonRun>) | null;
  /** A page per gemeente and the index page linking them (none on a gemeente-level map). */
  gemeenten: { pages: GemeentePage[]; index: string; png: boolean } | null;
}

/**
 * The period as maps and pages name it: `2014–2022`, or both periods when K and O have their own
 * years (`K 2017–2021 · O 2018–2022`), and the level of O when it is coarser than the map.
 *
 * @example periodLabel(result) // 'K 2017–2021 · O 2018–2022 (ΔO per wijk)'
 */
export function periodLabel(r: { config: SignalResult['config'] }): string {
  const p = r.config.period;
  const same = p.K.t0 === p.O.t0 && p.K.t1 === p.O.t1;
  const years =
    r.config.indicators.K.source === 'geen' ? `O ${p.O.t0}–${p.O.t1}, alleen ΔO (geen K)` : same ? `${p.K.t0}–${p.K.t1}` : `K ${p.K.t0}–${p.K.t1} · O ${p.O.t0}–${p.O.t1}`;
  const o = r.config.indicators.O.level === r.config.level ? '' : ` (ΔO per ${r.config.indicators.O.level})`;
  return years + o;
}

function focusYears(r: SignalResult): string {
  const p = r.config.period;
  return p.K.t1 === p.O.t1 ? String(p.O.t1) : `K ${p.K.t1} · O ${p.O.t1}`;
}

const nn = (x: number) => (Number.isNaN(x) ? null : x);

const drawnCache = new WeakMap<readonly RegionFeature[], readonly RegionFeature[]>();

/**
 * The features the maps and pages are drawn from: the boundaries themselves, or, above the
 * vertex budget of src/geo/simplify.ts (full-resolution files), a topology-preserving
 * simplification of them (computed once per features array). Areas, crosswalks and exports keep
 * using the exact features.
 *
 * @example drawnFeaturesOf(boundaries.features) // the same array when within the budget
 */
export function drawnFeaturesOf(exact: readonly RegionFeature[]): readonly RegionFeature[] {
  const hit = drawnCache.get(exact);
  if (hit !== undefined) return hit;
  const drawn = simplifyForDrawing(exact).features;
  drawnCache.set(exact, drawn);
  return drawn;
}

function drawnFeatures(r: SignalResult): readonly RegionFeature[] {
  return drawnFeaturesOf(r.boundaries.features);
}

/**
 * The gemeente outlines drawn over the maps: the drawn features dissolved per gemeente (along
 * the topology they were simplified in, when given: see {@link dissolve}).
 *
 * @example gemeenteOutlines(simplifyForDrawing(boundaries.features).features)
 */
export function gemeenteOutlines(drawn: readonly RegionFeature[], topology?: Topology<Objects>): RegionFeature[] {
  return dissolve(drawn, (f) => gemeenteOf(f.properties.code), topology);
}

/**
 * The drawing of a run's t1 boundaries, made ahead of time: the CLI's worker makes it from the
 * features the main thread read, while that thread reads the rest and computes the signals. It
 * is what {@link runFigures} would make from the same features.
 */
export interface PreparedDrawing {
  /** SHA-256 of the boundary file and the codes of its features in order: what it was made from. */
  checksum: string;
  codes: string[];
  /** The features as drawn; null when they are drawn as they are (within the drawing budget). */
  drawn: readonly RegionFeature[] | null;
  /** {@link gemeenteOutlines} of the drawn features. */
  outlines: readonly RegionFeature[];
  /**
   * The geometry texts of `signalen.geojson`, when made meanwhile too (the CLI's worker makes
   * them): at once, or (full resolution) a function that gives them run after run, in order, as
   * the writer writes them (made partly there and partly in the calling thread); a run without
   * texts (they failed) the writer makes itself and names the problem.
   */
  geoJson?: GeoJsonGeometries | (() => AsyncIterable<GeoJsonRun>);
}

/**
 * The drawing of boundaries: simplified when over the drawing budget, and their gemeente outlines.
 * `topology`: the topology the features were decoded from when they were simplified elsewhere
 * (simplifyPackedForDrawing's, in the CLI's worker), for their outlines.
 *
 * @example const d = prepareDrawing(await readBoundaries(file, { level: 'buurt' }))
 */
export function prepareDrawing(b: Pick<Boundaries, 'features'> & { provenance: { checksum?: string } }, topology?: Topology<Objects>): PreparedDrawing {
  const s = simplifyForDrawing(b.features);
  // (features simplified elsewhere are within the budget: drawn as they are, along the topology given)
  return { checksum: b.provenance.checksum ?? '', codes: b.features.map((f) => f.properties.code), drawn: s.simplified ? s.features : null, outlines: gemeenteOutlines(s.features, s.topology ?? topology) };
}

/** Whether a prepared drawing was made from the very boundaries of `r` (same file, same features in order). */
function drawingOf(r: SignalResult, d: PreparedDrawing | null | undefined): PreparedDrawing | null {
  if (!d || d.checksum === '' || d.checksum !== r.boundaries.provenance.checksum) return null;
  const f = r.boundaries.features;
  return d.codes.length === f.length && f.every((x, i) => x.properties.code === d.codes[i]) ? d : null;
}

/** Options of {@link runFigures}. */
export interface RunFiguresOptions {
  /** Used when made from the boundaries of the result (see {@link PreparedDrawing}); made here otherwise. */
  drawing?: PreparedDrawing | null;
}

/**
 * Build the figure specs of a signal result.
 *
 * @example const figs = runFigures(computeSignals(tables, config)); await renderSvg(figs.signaleringskaart)
 */
export function runFigures(r: SignalResult, options: RunFiguresOptions = {}): RunFigures {
  const g = r.config.gemeentePaginas;
  const prepared = drawingOf(r, options.drawing);
  const drawn = () => (prepared ? prepared.drawn ?? r.boundaries.features : drawnFeatures(r));
  const gemeenten = r.config.level === 'gemeente' || g === false ? null : gemeentePages(r, drawn());
  if (gemeenten) gemeenten.png = g === true || (g === 'auto' && gemeenten.pages.length <= GEMEENTE_PNG_MAX);
  const crs = r.boundaries.crs;
  let outlines: readonly RegionFeature[] | undefined;
  const outlinesOf = () => (outlines ??= prepared ? prepared.outlines : gemeenteOutlines(drawn()));
  // each built when first asked for: the CLI's worker builds the maps itself from its drawing
  let maps: { signaleringskaart: VegaLiteSpec; focuskaart: VegaLiteSpec } | undefined;
  const buildMaps = () => (maps ??= mapSpecs({ features: drawn(), crs }, { features: outlinesOf(), crs }, mapContent(r)));
  let explorer: RunFigures['explorer'] | undefined;
  return {
    get signaleringskaart() {
      return buildMaps().signaleringskaart;
    },
    get focuskaart() {
      return buildMaps().focuskaart;
    },
    get explorer() {
      return (explorer ??= explorerFromContent({ features: drawn(), crs }, { features: outlinesOf(), crs }, explorerContent(r)));
    },
    gemeenten,
    preparedMaps: prepared ? mapContent(r) : null,
    get preparedExplorer() {
      return prepared ? explorerContent(r) : null;
    },
    geoJsonGeometries: prepared?.geoJson ?? null,
  };
}

/**
 * What the two maps show, as plain data: each drawn code's signal category and focus, and the
 * title blocks. With a drawing of the same boundaries, {@link mapSpecs} builds the maps anywhere:
 * the CLI's figure worker builds them from the drawing it made, so no geometry is copied over.
 */
export interface MapContent {
  codes: string[];
  categorie: SignalCategory[];
  focus: FocusCategory[];
  title: string;
  period: string;
  focusTitle: string;
  focusPeriod: string;
  synthetic: boolean;
}

/** The content of a result's maps (see {@link MapContent}). */
export function mapContent(r: SignalResult): MapContent {
  const s = r.signalen;
  return {
    codes: [...(strings(s, 'code') as string[])],
    categorie: [...(s.array('categorie') as SignalCategory[])],
    focus: [...(s.array('focus') as FocusCategory[])],
    title: r.config.title,
    period: `${periodLabel(r)} · ${r.config.reference.variant}`,
    focusTitle: `Focuskaart ${r.config.period.O.t1}`,
    focusPeriod: `${focusYears(r)} · ${r.config.reference.variant}`,
    synthetic: r.config.synthetic,
  };
}

/**
 * The signaleringskaart and the focuskaart of `content`, drawn over `geo` (the drawn features)
 * with the gemeente `outlines`.
 */
export function mapSpecs(geo: MapGeometry, outlines: MapGeometry, c: MapContent): { signaleringskaart: VegaLiteSpec; focuskaart: VegaLiteSpec } {
  const frame = { title: c.title, period: c.period, synthetic: c.synthetic, outlines };
  const signaleringskaart = signalMapSpec(geo, new Map(c.codes.map((code, i) => [code, c.categorie[i]])), frame);
  const focusOf = new Map(c.codes.map((code, i) => [code, c.focus[i]]));
  const focuskaart = mapSpec(
    geo,
    (code) => FOCUS_LABELS[focusOf.get(code) ?? 'onvoldoende_gegevens'],
    { labels: FOCUS_CATEGORIES.map((f) => FOCUS_LABELS[f]), colours: FOCUS_CATEGORIES.map((f) => FOCUS_COLOURS[f]) },
    { ...frame, title: c.focusTitle, period: c.focusPeriod, legendTitle: 'Huidige positie' },
  );
  return { signaleringskaart, focuskaart };
}

/**
 * What the threshold explorer shows, as plain data: the regions' values and the view's options
 * without geometry. With a drawing of the same boundaries, {@link explorerFromContent} builds the
 * explorer anywhere (the CLI's figure worker does, from the drawing it made).
 */
export interface ExplorerContent {
  rows: ExplorerBuurt[];
  options: Omit<ExplorerOptions, 'outlines'>;
  page: OfflineHtmlOptions;
}

/** The content of a result's threshold explorer (see {@link ExplorerContent}). */
export function explorerContent(r: SignalResult): ExplorerContent {
  const s = r.signalen;
  const codes = strings(s, 'code') as string[];
  const dK = numbers(s, 'dK');
  const dO = numbers(s, 'dO');
  const inw = numbers(s, 'inwoners');
  const reden = strings(s, 'reden');
  const naam = strings(s, 'naam');
  const rka = numbers(s, 'refK_absoluut');
  const roa = numbers(s, 'refO_absoluut');
  const rkr = numbers(s, 'refK_relatief');
  const ror = numbers(s, 'refO_relatief');
  // without K the explorer gets ΔK = reference = 0, so K is never "up" there either
  const noK = r.config.indicators.K.source === 'geen';
  const gemeente = strings(s, 'gemeente');
  const gemeenteNaam = s.columnNames().includes('gemeentenaam') ? strings(s, 'gemeentenaam') : null;
  const rows: ExplorerBuurt[] = codes.map((code, i) => ({
    code,
    naam: naam[i],
    gemeente: gemeente[i],
    gemeenteNaam: gemeenteNaam ? gemeenteNaam[i] : null,
    reden: reden[i],
    dK: noK ? 0 : nn(dK[i]),
    dO: nn(dO[i]),
    refKAbsoluut: noK ? 0 : nn(rka[i]),
    refOAbsoluut: nn(roa[i]),
    refKRelatief: noK ? 0 : nn(rkr[i]),
    refORelatief: nn(ror[i]),
    inwoners: nn(inw[i]),
    geldig: reden[i] === null,
  }));
  const options = {
    title: r.config.title,
    synthetic: r.config.synthetic,
    period: periodLabel(r),
    level: r.config.level,
    tK: r.thresholds.K.value,
    tO: r.thresholds.O.value,
    variant: r.config.reference.variant,
  };
  const page: OfflineHtmlOptions = {
    title: r.config.title + (r.config.synthetic ? ' (synthetische gegevens)' : ''),
    description: `Signaleringskaart ${periodLabel(r)}: verschuif de drempels voor ΔK (${r.sources.K}) en ΔO (${r.sources.O}) en wissel tussen absoluut en relatief. Werkt zonder internet.`,
  };
  return { rows, options, page };
}

/** The threshold explorer of `content` over `geo` (the drawn features) with the gemeente `outlines`, and its page text. */
export function explorerFromContent(geo: MapGeometry, outlines: MapGeometry, content: ExplorerContent): RunFigures['explorer'] {
  const { title, synthetic, ...rest } = content.options;
  return { spec: explorerSpec(geo, content.rows, { title, synthetic, outlines, ...rest }), page: content.page };
}

const UNITS: Record<string, string> = { buurt: 'buurten', wijk: 'wijken', gemeente: 'gemeenten' };

/**
 * The pages per gemeente of a run, and their index; their maps draw `drawn` (default: the
 * boundaries of the run, simplified when over the drawing budget, as the national maps).
 */
export function gemeentePages(r: SignalResult, drawn: readonly RegionFeature[] = drawnFeatures(r)): { pages: GemeentePage[]; index: string; png: boolean } {
  const s = r.signalen;
  const col = <T>(name: string) => s.array(name) as ArrayLike<T>;
  const code = col<string>('code');
  const naam = col<string | null>('naam');
  const gm = col<string | null>('gemeente');
  const gmNaam = s.columnNames().includes('gemeentenaam') ? col<string | null>('gemeentenaam') : null;
  const cat = col<SignalCategory>('categorie');
  const foc = col<FocusCategory>('focus');
  const dK = numbers(s, 'dK');
  const dO = numbers(s, 'dO');
  const refK = numbers(s, 'refK');
  const refO = numbers(s, 'refO');
  const inw = numbers(s, 'inwoners');
  const kader = col<string>('handelingskader');
  const reden = col<string | null>('reden');
  const geometry = new Map(drawn.map((f) => [f.properties.code, f.geometry]));
  const byGm = new Map<string, number[]>();
  for (let i = 0; i < s.numRows(); i++) {
    const g = gm[i];
    if (g === null || !geometry.has(code[i])) continue;
    const list = byGm.get(g);
    if (list) list.push(i);
    else byGm.set(g, [i]);
  }
  const cfg = r.config;
  const eenheden = UNITS[cfg.level];
  const period = `${periodLabel(r)} · ${cfg.reference.variant}`;
  const t = r.thresholds;
  const parameters = [
    `Signaal ${cfg.reference.variant}: K stijgt als ΔK − ref. K > ${formatNl(t.K.value, 3)} (${t.K.rule}); O verslechtert als ΔO − ref. O < −${formatNl(t.O.value, 4)} (${t.O.rule}).`,
    `Referentie: ${cfg.reference.variant === 'relatief' ? `de andere ${eenheden} van de gemeente, gewogen naar inwoners` : `absoluut (K ${cfg.reference.absoluut.K}, O ${cfg.reference.absoluut.O})`}; minder dan ${formatNl(cfg.indicators.minInwoners, 0)} inwoners: onvoldoende gegevens.`,
    `K: ${r.sources.K}. O: ${r.sources.O}. C: ${r.sources.C}.`,
    ...r.inputs.map((i) => `Invoer ${i.role}: ${i.file.split(/[\\/]/).pop()}${i.edition ? ` (${i.edition})` : ''}, SHA-256 ${i.checksum.slice(0, 12)}…`),
  ];
  const source = cfg.synthetic ? 'Synthetische gegevens (demoregio)' : 'Bron: CBS; Leefbaarometer 3.0, BZK; geometrie CBS, Kadaster';
  const pages: GemeentePage[] = [];
  const entries: GemeenteIndexEntry[] = [];
  for (const g of [...byGm.keys()].sort()) {
    const idx = byGm.get(g)!;
    const name = gmNaam ? idx.map((i) => gmNaam[i]).find((x) => x !== null) ?? null : null;
    const regions: GemeentePageRegion[] = idx.map((i) => ({
      code: code[i],
      naam: naam[i],
      geometry: geometry.get(code[i])!,
      categorie: cat[i],
      focus: foc[i],
      dK: nn(dK[i]),
      refK: nn(refK[i]),
      dO: nn(dO[i]),
      refO: nn(refO[i]),
      inwoners: nn(inw[i]),
      handelingskader: kader[i],
      reden: reden[i],
    }));
    const file = gemeentePageName(g, name);
    const draft: GemeentePageDraft = {
      input: { code: g, naam: name, title: cfg.title, period, synthetic: cfg.synthetic, crs: r.boundaries.crs, eenheden, regions, matrix: r.matrix, parameters, source, indexHref: 'index.html' },
      map: { title: `${name ?? g}: signaleringskaart`, subtitle: period + (cfg.synthetic ? ' · synthetische gegevens' : ''), source },
    };
    pages.push(gemeentePage(g, name, file, draft));
    const counts = Object.fromEntries(SIGNAL_CATEGORIES.map((c) => [c, regions.filter((x) => x.categorie === c).length])) as Record<SignalCategory, number>;
    entries.push({ code: g, naam: name, href: `${file}.html`, regions: regions.length, inwoners: regions.reduce((a, x) => a + (x.inwoners ?? 0), 0), counts });
  }
  return { pages, index: gemeenteIndexHtml(cfg.title, period, cfg.synthetic, eenheden, entries), png: true };
}
