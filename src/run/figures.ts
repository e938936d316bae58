/**
 * The figures of a run as Vega-Lite specs, without writing anything: the signaleringskaart, the
 * focuskaart and the offline threshold explorer. A notebook shows them directly; ./write.ts
 * renders and writes them.
 */
import type { VegaLiteSpec } from '../viz/compile.js';
import type { OfflineHtmlOptions } from '../viz/html.js';
import { signalMapSpec } from '../viz/maps/signal.js';
import { mapSpec } from '../viz/maps/base.js';
import { explorerSpec, type ExplorerBuurt } from '../viz/explorer.js';
import { dissolve } from '../geo/dissolve.js';
import { gemeenteOf } from '../regions/codes.js';
import { numbers, strings } from '../indicators/columns.js';
import type { SignalCategory } from '../signal/categories.js';
import { FOCUS_CATEGORIES, FOCUS_COLOURS, FOCUS_LABELS, type FocusCategory } from '../signal/focus.js';
import type { SignalResult } from './compute.js';

/** The figures of one run. */
export interface RunFigures {
  /** The signal map (categories of the configured variant, gemeente outlines). */
  signaleringskaart: VegaLiteSpec;
  /** Current position at t1. */
  focuskaart: VegaLiteSpec;
  /** The threshold explorer and the page text around it. */
  explorer: { spec: VegaLiteSpec; page: OfflineHtmlOptions };
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

/**
 * Build the figure specs of a signal result.
 *
 * @example const figs = runFigures(computeSignals(tables, config)); await renderSvg(figs.signaleringskaart)
 */
export function runFigures(r: SignalResult): RunFigures {
  const s = r.signalen;
  const codes = strings(s, 'code') as string[];
  const cat = s.array('categorie') as SignalCategory[];
  const foc = s.array('focus') as FocusCategory[];
  const geo = { features: r.boundaries.features, crs: r.boundaries.crs };
  const outlines = { features: dissolve(r.boundaries.features, (f) => gemeenteOf(f.properties.code)), crs: r.boundaries.crs };
  const frame = {
    title: r.config.title,
    period: `${periodLabel(r)} · ${r.config.reference.variant}`,
    synthetic: r.config.synthetic,
    outlines,
  };
  const signaleringskaart = signalMapSpec(geo, new Map(codes.map((c, i) => [c, cat[i]])), frame);
  const focusOf = new Map(codes.map((c, i) => [c, foc[i]]));
  const focuskaart = mapSpec(
    geo,
    (code) => FOCUS_LABELS[focusOf.get(code) ?? 'onvoldoende_gegevens'],
    { labels: FOCUS_CATEGORIES.map((f) => FOCUS_LABELS[f]), colours: FOCUS_CATEGORIES.map((f) => FOCUS_COLOURS[f]) },
    { ...frame, title: `Focuskaart ${r.config.period.O.t1}`, period: `${focusYears(r)} · ${r.config.reference.variant}`, legendTitle: 'Huidige positie' },
  );

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
  const rows: ExplorerBuurt[] = codes.map((code, i) => ({
    code,
    naam: naam[i],
    dK: noK ? 0 : nn(dK[i]),
    dO: nn(dO[i]),
    refKAbsoluut: noK ? 0 : nn(rka[i]),
    refOAbsoluut: nn(roa[i]),
    refKRelatief: noK ? 0 : nn(rkr[i]),
    refORelatief: nn(ror[i]),
    inwoners: nn(inw[i]),
    geldig: reden[i] === null,
  }));
  const spec = explorerSpec(geo, rows, {
    ...frame,
    tK: r.thresholds.K.value,
    tO: r.thresholds.O.value,
    variant: r.config.reference.variant,
  });
  const page: OfflineHtmlOptions = {
    title: r.config.title + (r.config.synthetic ? ' (synthetische gegevens)' : ''),
    description: `Signaleringskaart ${periodLabel(r)}: verschuif de drempels voor ΔK (${r.sources.K}) en ΔO (${r.sources.O}) en wissel tussen absoluut en relatief. Werkt zonder internet.`,
  };
  return { signaleringskaart, focuskaart, explorer: { spec, page } };
}
