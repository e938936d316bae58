/**
 * Write what `veerkracht run` promises (DESIGN.md): signaleringskaart.svg/.png/.html,
 * signalen.geojson, signalen.csv and samenvatting.json — plus the focuskaart, a plain CSV and the
 * Matrix handelingskaders. Every file is written atomically inside the output folder, and the
 * same inputs give byte-identical files (no timestamps, sorted keys).
 */
import type { ColumnTable } from 'arquero';
import type { MatchReport } from '../regions/match.js';
import { VERSION } from '../version.js';
import { outputPath } from '../export/atomic.js';
import { writeCsvFile, writeGeoJsonFile, writeHtmlFile, writePngFile, writeSummaryJson, writeSvgFile } from '../export/files.js';
import { attributesByCode, toGeoJson } from '../export/geojson.js';
import { signalMapSpec } from '../viz/maps/signal.js';
import { mapSpec } from '../viz/maps/base.js';
import { explorerSpec, type ExplorerBuurt } from '../viz/explorer.js';
import { dissolve } from '../geo/dissolve.js';
import { gemeenteOf } from '../regions/codes.js';
import { numbers, strings } from '../indicators/columns.js';
import { SIGNAL_CATEGORIES, SIGNAL_LABELS, type SignalCategory } from './categories.js';
import { FOCUS_CATEGORIES, FOCUS_COLOURS, FOCUS_LABELS, type FocusCategory } from './focus.js';
import { countByCategory, countByFocus, countReasons, summariseCorporatie, summariseGemeenten } from './summary.js';
import type { PipelineResult, Progress } from './pipeline.js';

/** Columns of signalen.csv / the GeoJSON properties, in order. */
export const SIGNAL_COLUMNS = [
  'code', 'naam', 'gemeente', 'inwoners', 'K0', 'K1', 'dK', 'O0', 'O1', 'dO', 'C', 'corporatie_klasse',
  'refK', 'refO', 'richting_K', 'richting_O', 'categorie', 'signaal', 'reden', 'focus', 'focus_label', 'handelingskader',
  'categorie_absoluut', 'categorie_relatief',
] as const;

/** Round to 6 decimals so outputs do not carry float noise (5.299999999999999 → 5.3). */
function round6(v: unknown): unknown {
  return typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 1e6) / 1e6 : v;
}

/** The per-buurt rows written to CSV and GeoJSON. */
export function signalRows(signalen: ColumnTable): Record<string, unknown>[] {
  const cat = signalen.array('categorie') as SignalCategory[];
  const foc = signalen.array('focus') as FocusCategory[];
  const rows = signalen.objects() as Record<string, unknown>[];
  return rows.map((r, i) => {
    const out: Record<string, unknown> = {};
    for (const c of SIGNAL_COLUMNS) {
      if (c === 'signaal') out[c] = SIGNAL_LABELS[cat[i]];
      else if (c === 'focus_label') out[c] = FOCUS_LABELS[foc[i]];
      else out[c] = round6(r[c] ?? null);
    }
    return out;
  });
}

function joinSummary(j: MatchReport) {
  const few = (xs: string[]) => xs.slice(0, 20);
  return {
    left: j.left,
    right: j.right,
    matched: j.matched,
    only_left: j.onlyLeft.length,
    only_right: j.onlyRight.length,
    duplicates_left: j.duplicatesLeft.length,
    duplicates_right: j.duplicatesRight.length,
    examples_only_left: few(j.onlyLeft),
    examples_only_right: few(j.onlyRight),
  };
}

/** The content of samenvatting.json (see README: "samenvatting.json"). */
export function buildSummary(r: PipelineResult, outputs: string[]): Record<string, unknown> {
  const s = r.signalen;
  const cfg = r.config;
  const gemeenten = summariseGemeenten(s);
  const cat = s.array('categorie') as SignalCategory[];
  const foc = s.array('focus') as FocusCategory[];
  const matrixCounts: Record<string, Record<string, number>> = {};
  for (const c of SIGNAL_CATEGORIES) matrixCounts[c] = Object.fromEntries(FOCUS_CATEGORIES.map((f) => [f, 0]));
  cat.forEach((c, i) => (matrixCounts[c][foc[i]] += 1));
  const round = (x: number) => round6(x) as number;
  return {
    title: cfg.title,
    synthetic: cfg.synthetic,
    version: VERSION,
    period: { t0: cfg.period.t0, t1: cfg.period.t1 },
    buurten: s.numRows(),
    categories: countByCategory(s),
    variants: { absoluut: countByCategory(s, 'categorie_absoluut'), relatief: countByCategory(s, 'categorie_relatief') },
    gemeenten,
    gemeenten_met_veerkracht_onder_druk: gemeenten.filter((g) => g.onder_druk).length,
    gemeenten_totaal: gemeenten.length,
    focus: countByFocus(s),
    corporatie: summariseCorporatie(s),
    onvoldoende_gegevens: countReasons(s),
    matrix: { titel: r.matrix.titel, toelichting: r.matrix.toelichting, buurten_per_cel: matrixCounts },
    parameters: {
      variant: cfg.reference.variant,
      reference: { absoluut: cfg.reference.absoluut, relatief: 'gemeente zonder de buurt zelf, gewogen naar inwoners' },
      thresholds: {
        K: { value: round(r.thresholds.K.value), rule: r.thresholds.K.rule, spec: cfg.thresholds.K },
        O: { value: round(r.thresholds.O.value), rule: r.thresholds.O.rule, spec: cfg.thresholds.O },
      },
      focus: {
        marginK: { value: round(r.thresholds.marginK.value), rule: r.thresholds.marginK.rule, spec: cfg.focus.marginK },
        marginO: { value: round(r.thresholds.marginO.value), rule: r.thresholds.marginO.rule, spec: cfg.focus.marginO },
      },
      indicators: { K: r.sources.K, K_spec: cfg.indicators.K, O: r.sources.O, C: r.sources.C, minInwoners: cfg.indicators.minInwoners },
      gebied: { dK: round(r.gebied.dK), dO: round(r.gebied.dO) },
    },
    inputs: r.inputs,
    reports: {
      joins: r.reports.joins.map(joinSummary),
      crosswalk: r.reports.crosswalk,
      reindeling: r.reports.reindeling,
      loads: r.reports.loads,
      warnings: r.reports.warnings,
    },
    outputs,
  };
}

function periodLabel(r: PipelineResult): string {
  return `${r.config.period.t0}–${r.config.period.t1}`;
}

/**
 * Write all outputs of a pipeline result into `outDir`; returns the file names written
 * (relative to outDir).
 */
export async function writeRunOutputs(r: PipelineResult, outDir: string, progress: Progress = () => {}): Promise<string[]> {
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
  const written: string[] = [];

  progress('kaarten tekenen (SVG, PNG)');
  const signalSvg = await writeSvgFile(outputPath(outDir, 'signaleringskaart.svg'), signalMapSpec(geo, new Map(codes.map((c, i) => [c, cat[i]])), frame));
  written.push('signaleringskaart.svg', 'signaleringskaart.png');
  const focusOf = new Map(codes.map((c, i) => [c, foc[i]]));
  const focusSpec = mapSpec(
    geo,
    (code) => FOCUS_LABELS[focusOf.get(code) ?? 'onvoldoende_gegevens'],
    { labels: FOCUS_CATEGORIES.map((f) => FOCUS_LABELS[f]), colours: FOCUS_CATEGORIES.map((f) => FOCUS_COLOURS[f]) },
    { ...frame, title: `Focuskaart ${r.config.period.t1}`, period: `${r.config.period.t1} · ${r.config.reference.variant}`, legendTitle: 'Huidige positie' },
  );
  const focusSvg = await writeSvgFile(outputPath(outDir, 'focuskaart.svg'), focusSpec);
  written.push('focuskaart.svg', 'focuskaart.png');
  // the PNGs rasterise on the thread pool while the other files are written
  const pngs = Promise.all([
    writePngFile(outputPath(outDir, 'signaleringskaart.png'), signalSvg),
    writePngFile(outputPath(outDir, 'focuskaart.png'), focusSvg),
  ]);
  pngs.catch(() => undefined); // a failure surfaces at `await pngs`, not as an unhandled rejection

  progress('drempelverkenner (HTML)');
  const dK = numbers(s, 'dK');
  const dO = numbers(s, 'dO');
  const inw = numbers(s, 'inwoners');
  const reden = strings(s, 'reden');
  const naam = strings(s, 'naam');
  const rka = numbers(s, 'refK_absoluut');
  const roa = numbers(s, 'refO_absoluut');
  const rkr = numbers(s, 'refK_relatief');
  const ror = numbers(s, 'refO_relatief');
  const nn = (x: number) => (Number.isNaN(x) ? null : x);
  const rows: ExplorerBuurt[] = codes.map((code, i) => ({
    code,
    naam: naam[i],
    dK: nn(dK[i]),
    dO: nn(dO[i]),
    refKAbsoluut: nn(rka[i]),
    refOAbsoluut: nn(roa[i]),
    refKRelatief: nn(rkr[i]),
    refORelatief: nn(ror[i]),
    inwoners: nn(inw[i]),
    geldig: reden[i] === null,
  }));
  const explorer = explorerSpec(geo, rows, {
    ...frame,
    tK: r.thresholds.K.value,
    tO: r.thresholds.O.value,
    variant: r.config.reference.variant,
  });
  writeHtmlFile(outputPath(outDir, 'signaleringskaart.html'), explorer, {
    title: r.config.title + (r.config.synthetic ? ' (synthetische gegevens)' : ''),
    description: `Signaleringskaart ${periodLabel(r)}: verschuif de drempels voor ΔK (${r.sources.K}) en ΔO (${r.sources.O}) en wissel tussen absoluut en relatief. Werkt zonder internet.`,
  });
  written.push('signaleringskaart.html');

  progress('GeoJSON en CSV');
  const signalRowsOut = signalRows(s);
  const attributes = attributesByCode(signalRowsOut);
  writeGeoJsonFile(outputPath(outDir, 'signalen.geojson'), toGeoJson(r.boundaries.features, { crs: r.boundaries.crs, attributes }));
  writeCsvFile(outputPath(outDir, 'signalen.csv'), signalRowsOut, { dialect: 'excel-nl' });
  writeCsvFile(outputPath(outDir, 'signalen-plain.csv'), signalRowsOut, { dialect: 'plain' });
  writeSummaryJson(outputPath(outDir, 'matrix-handelingskaders.json'), r.matrix);
  written.push('signalen.geojson', 'signalen.csv', 'signalen-plain.csv', 'matrix-handelingskaders.json', 'samenvatting.json');
  writeSummaryJson(outputPath(outDir, 'samenvatting.json'), buildSummary(r, written));
  await pngs;
  return written;
}
