/**
 * The planted truth, one row per buurt of the latest indeling, in a file the library never
 * reads (`synthetisch_truth.csv`). Columns:
 * - `buurtcode` (latest indeling), `buurtcode_t0` (code(s) in the first indeling, `+`-joined),
 *   `gemeentecode`, `wijkcode`
 * - `traject`: spiraal | veerkrachtig | leefbaarheid | stabiel; `verwacht_signaal`: the signal
 *   category id it should produce (src/signal/categories.ts); `cluster`: planted cluster id (−1 stable)
 * - `dk_laag_inkomen_pp`, `dk_kwetsbaar_pp`, `donv`: latent changes 2014 → 2022 (before yearly noise)
 * - `inwoners_2022`, `corporatie_pct_2022`
 * - `inkomen_onderdrukt_2014`, `inkomen_onderdrukt_2022`: 1 when the KWB low-income value of
 *   that edition is `.` for this buurt (or its t0 buurt), so "onvoldoende gegevens" is expected.
 */
import { formatNumber, utf8 } from './format.js';
import { kwbRows } from './kwb-rows.js';
import { aggregate, type DemoModel } from './model.js';
import { KWB_YEARS } from './options.js';
import { EXPECTED_SIGNAL, TRAJECTORIES } from './trajectories.js';

/** File name inside the output folder. */
export const TRUTH_FILE = 'synthetisch_truth.csv';

/** The truth table (bytes, UTF-8, comma separated). */
export function truthCsv(model: DemoModel): Uint8Array {
  const { region, trajectories: t } = model;
  const first = KWB_YEARS[0];
  const last = KWB_YEARS[KWB_YEARS.length - 1];
  const suppressed = (year: number): Set<string> => new Set(kwbRows(model, year).filter((r) => r.soort === 'Buurt' && r.values.laagInkomen === null).map((r) => r.code));
  const sup0 = suppressed(first);
  const sup1 = suppressed(last);
  const t0Code = new Map<number, string>();
  for (const b of region.indelingA) for (const c of b.cells) t0Code.set(c, b.code);
  const lines = ['buurtcode,buurtcode_t0,gemeentecode,wijkcode,traject,verwacht_signaal,cluster,dk_laag_inkomen_pp,dk_kwetsbaar_pp,donv,inwoners_2022,corporatie_pct_2022,inkomen_onderdrukt_2014,inkomen_onderdrukt_2022'];
  for (const b of region.indelingB) {
    const c0 = b.cells[0];
    const traject = TRAJECTORIES[t.type[c0]];
    const t0 = Array.from(new Set(b.cells.map((c) => t0Code.get(c)!)));
    const a = aggregate(model, b.cells, KWB_YEARS.length - 1);
    const mean = (v: Float64Array): number => b.cells.reduce((s, c) => s + v[c], 0) / b.cells.length;
    lines.push(
      [
        b.code,
        t0.join('+'),
        b.gemeentecode,
        b.wijkcode,
        traject,
        EXPECTED_SIGNAL[traject],
        String(t.cluster[c0]),
        formatNumber(mean(t.dLaagInkomen), 3),
        formatNumber(mean(t.dKwetsbaar) * 100, 3),
        formatNumber(mean(t.dOnv), 5),
        String(Math.round(a.inwoners)),
        Number.isFinite(a.corporatie) ? formatNumber(a.corporatie * 100, 1) : 'NA',
        t0.some((c) => sup0.has(c)) ? '1' : '0',
        sup1.has(b.code) ? '1' : '0',
      ].join(','),
    );
  }
  return utf8(lines.join('\n') + '\n');
}
