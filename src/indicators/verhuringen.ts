/**
 * K from a corporation's lettings: per region, the share of vulnerable households among the new
 * lettings in a window of `venster` years up to t0 and up to t1, the change ΔK in percentage
 * points, and 90 % intervals (Wilson for each share, Newcombe's hybrid score for ΔK; see
 * ./binomial.ts) so a researcher sees which signals rest on few lettings. A window with fewer
 * than `minVerhuringen` lettings of known vulnerability gives no K: "onvoldoende gegevens" with
 * the reason {@link REDEN_TE_WEINIG_VERHURINGEN}.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { newcombeDifference, wilsonInterval, Z90 } from './binomial.js';

/** Reason for "onvoldoende gegevens" when a window holds too few lettings. */
export const REDEN_TE_WEINIG_VERHURINGEN = 'te weinig verhuringen';

/** Options of {@link verhuringenK}. */
export interface VerhuringenKOptions {
  /** Last year of the first and of the second window (period.K.t0 / t1). */
  t0: number;
  t1: number;
  /** Window length in years (each window: t − venster + 1 … t). */
  venster: number;
  /** Fewer lettings of known vulnerability in a window → no K (default 10). */
  minVerhuringen?: number;
  /** Normal quantile of the intervals (default 90 %). */
  z?: number;
}

/** One letting placed in a region of the map. */
export interface PlacedLetting {
  code: string;
  jaar: number;
  /** true / false, or null when unknown (not counted in the share). */
  kwetsbaar: boolean | null;
}

/** Lettings that gave no count in {@link verhuringenK}. */
export interface VerhuringenKReport {
  /** Lettings inside a window, known and in a region of the map. */
  geteld: number;
  /** Lettings of a year outside both windows (used by neither share). */
  buitenVensters: number;
  /** Lettings in a window whose vulnerability is unknown. */
  onbekend: number;
  /** Lettings in a window placed in a region that is not on the map, with a few codes. */
  buitenKaart: { aantal: number; voorbeelden: string[] };
  /** Regions with fewer than minVerhuringen in a window. */
  teWeinig: number;
}

/** Column names {@link verhuringenK} adds (besides code). */
export const VERHURINGEN_K_COLUMNS = [
  'verhuringen_t0', 'kwetsbaar_t0', 'K0', 'K0_ci_laag', 'K0_ci_hoog',
  'verhuringen_t1', 'kwetsbaar_t1', 'K1', 'K1_ci_laag', 'K1_ci_hoog',
  'dK', 'dK_ci_laag', 'dK_ci_hoog', 'reden',
] as const;

/**
 * K per region from placed lettings.
 *
 * Output: one row per `codes` entry (same order): `verhuringen_t0/_t1` (lettings of known
 * vulnerability in each window), `kwetsbaar_t0/_t1` (of which vulnerable), `K0`, `K1` (%),
 * `dK` (percentage points), their 90 % bounds `*_ci_laag`/`*_ci_hoog`, and `reden`
 * ({@link REDEN_TE_WEINIG_VERHURINGEN} when a window has fewer than minVerhuringen, else null).
 * Shares and bounds of a window with too few lettings are null, never 0.
 *
 * @param codes the regions of the map
 * @param lettings placed lettings (any region code; those not in `codes` are counted in the report)
 * @example verhuringenK(['BU1'], lettings, { t0: 2014, t1: 2022, venster: 3 }).table.get('dK', 0)
 */
export function verhuringenK(codes: readonly string[], lettings: Iterable<PlacedLetting>, options: VerhuringenKOptions): { table: ColumnTable; report: VerhuringenKReport } {
  const { t0, t1, venster } = options;
  const min = options.minVerhuringen ?? 10;
  const z = options.z ?? Z90;
  const idx = new Map(codes.map((c, i) => [c, i]));
  const n = [new Array<number>(codes.length).fill(0), new Array<number>(codes.length).fill(0)];
  const k = [new Array<number>(codes.length).fill(0), new Array<number>(codes.length).fill(0)];
  const report: VerhuringenKReport = { geteld: 0, buitenVensters: 0, onbekend: 0, buitenKaart: { aantal: 0, voorbeelden: [] }, teWeinig: 0 };
  const windowOf = (jaar: number): number[] => [t0, t1].map((t, w) => (jaar > t - venster && jaar <= t ? w : -1)).filter((w) => w >= 0);
  for (const l of lettings) {
    const ws = windowOf(l.jaar);
    if (ws.length === 0) {
      report.buitenVensters++;
      continue;
    }
    if (l.kwetsbaar === null) {
      report.onbekend++;
      continue;
    }
    const i = idx.get(l.code);
    if (i === undefined) {
      report.buitenKaart.aantal++;
      if (report.buitenKaart.voorbeelden.length < 5 && !report.buitenKaart.voorbeelden.includes(l.code)) report.buitenKaart.voorbeelden.push(l.code);
      continue;
    }
    report.geteld++;
    for (const w of ws) {
      n[w][i]++;
      if (l.kwetsbaar) k[w][i]++;
    }
  }
  const pct = (x: number) => (Number.isNaN(x) ? null : 100 * x);
  const cols: Record<string, unknown[]> = { code: [...codes] };
  for (const c of VERHURINGEN_K_COLUMNS) cols[c] = [];
  for (let i = 0; i < codes.length; i++) {
    const ok = n[0][i] >= min && n[1][i] >= min && n[0][i] > 0 && n[1][i] > 0;
    if (!ok) report.teWeinig++;
    for (const w of [0, 1]) {
      const enough = n[w][i] >= min && n[w][i] > 0;
      const ci = wilsonInterval(k[w][i], n[w][i], z);
      cols[`verhuringen_t${w}`].push(n[w][i]);
      cols[`kwetsbaar_t${w}`].push(k[w][i]);
      cols[`K${w}`].push(enough ? (100 * k[w][i]) / n[w][i] : null);
      cols[`K${w}_ci_laag`].push(enough ? pct(ci.laag) : null);
      cols[`K${w}_ci_hoog`].push(enough ? pct(ci.hoog) : null);
    }
    const d = newcombeDifference(k[0][i], n[0][i], k[1][i], n[1][i], z);
    cols.dK.push(ok ? (100 * k[1][i]) / n[1][i] - (100 * k[0][i]) / n[0][i] : null);
    cols.dK_ci_laag.push(ok ? pct(d.laag) : null);
    cols.dK_ci_hoog.push(ok ? pct(d.hoog) : null);
    cols.reden.push(ok ? null : REDEN_TE_WEINIG_VERHURINGEN);
  }
  return { table: aq.table(cols), report };
}
