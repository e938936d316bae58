import { fileSize } from '../../util/fs.js';
import { resolve } from 'node:path';
import { parseFlags, type Command } from '../command.js';
import { startFigureDrawer } from '../figure-drawer.js';
import { demoConfig, loadRunConfig } from '../../run/config.js';
import { runJob } from '../../run/job.js';
import { periodLabel } from '../../run/figures.js';
import { formatNl } from '../../classify/legend.js';
import { countByCategory } from '../../signal/summary.js';
import { SIGNAL_CATEGORIES } from '../../signal/categories.js';

/** The project folder (bin/veerkracht.js sets VEERKRACHT_HOME); the demo data lives in its data/demo. */
function home(): string {
  return process.env.VEERKRACHT_HOME ?? process.cwd();
}

/**
 * Boundary files together above this many bytes keep the main thread reading them for longer
 * than the worker takes to load its modules, the KWB and the Leefbaarometer (national full
 * resolution: 2 × 94 MB, ≈ 4 s; the simplified national files: 2 × 4.7 MB, ≈ 0.5 s).
 */
const LARGE_BOUNDARIES = 32 * 2 ** 20;

export const runCommand: Command = {
  name: 'run',
  summary: 'Run the Signaleringskaart pipeline (default: the embedded synthetic demo region)',
  help: `veerkracht run [--config FILE] [--out DIR]

Run the main job: load the inputs, build indicators on one indeling (crosswalk when boundaries
changed), compare ΔK and ΔO with their reference, assign signal categories per buurt, the
focuskaart and the Matrix handelingskaders, and export. Without --config it runs on the
embedded synthetic demo region in data/demo (2014 → 2022, relatief).

  --config FILE   JSON run configuration (see README "Run configuration")
  --out DIR       output folder (default out/)

Run configuration fields (only period and inputs are required):
  title, synthetic          map title; true marks every output "synthetische gegevens"
  level                     buurt (default), wijk or gemeente: the unit of map, summary, exports
  area                      gemeente/wijk codes of the study area (default: what the t1
                            boundaries cover); rows outside are counted, not drawn
  period.t0, period.t1      the indeling years (boundaries) and the default years of K and O
  period.K, period.O        { "t0", "t1" }: own years of K (KWB editions) and O (Leefbaarometer)
  inputs.kwb.YEAR           StatLine CSV export / OData folder, or { "file", "columns", "sheet" }
                            with a mapping concept → column ("code", "naam", "inwoners", …)
  inputs.leefbaarometer     Leefbaarometer score file (buurt, wijk or gemeente level)
  inputs.boundaries         { "t1", "t0" }: boundaries at the map level (t0 only when the
                            indeling changed: then a crosswalk is built)
  inputs.microdata, inputs.matrix   microdata aggregates; own Matrix handelingskaders (JSON)
  inputs.corporatie         { "bezit": [...], "verhuringen": [...], "pc6" }: a corporation's own
                            stock and lettings exports and the CBS postcode table
  indicators.K              { "source": "kwb", "concepts": [...] }, microdata, "geen" (ΔO alone)
                            or { "source": "verhuringen", "venster", "minVerhuringen", "kwetsbaar" }
  indicators.C              { "source": "kwb" | "bezit" }: which corporation share drives the classes
  indicators.O              "onv" or { "dimension": "onv", "level": "wijk" } (a coarser level:
                            each region takes the ΔO of its wijk/gemeente)
  indicators.minInwoners    fewer inwoners at t0 or t1 → onvoldoende gegevens (default 100)
  reference                 { "variant": "relatief"|"absoluut", "absoluut": { "K", "O" } }
  thresholds.K, thresholds.O   dead bands: a number, { "rule": "sd", "c" } or
                            { "rule": "quantile", "outside" }; each variant resolves its own
  focus.marginK, focus.marginO  margins of the focuskaart, same forms
  filter                    { "corporatieklasse": [...] } or { "eigenBezitMin": N }: map and
                            summary restricted to the stock, the rest counted
  gemeentePaginas           true, "html", false or "auto" (default: PNGs up to 40 gemeenten)

Writes signaleringskaart.svg/.png/.html (offline threshold explorer), focuskaart.svg/.png,
gemeenten/index.html with a page (.html, .png) per gemeente, signalen.geojson, signalen.csv
(Dutch Excel), signalen-plain.csv, signalen.xlsx, matrix-handelingskaders.json and
samenvatting.json: all at once (staged beside the folder and swapped in; a killed run leaves the
previous set), and a second run into the same folder is refused while one runs. Progress on stderr.`,
  async run(argv, io) {
    const { values } = parseFlags('run', argv, { config: { type: 'string' }, out: { type: 'string' } }, {
      min: 0,
      max: 0,
      names: 'none',
    });
    const outDir = resolve((values.out as string | undefined) ?? 'out');
    const config = values.config !== undefined ? loadRunConfig(values.config as string) : demoConfig(home());
    const started = Date.now();
    const progress = (m: string) => io.err(`veerkracht run: ${m}\n`);
    if (values.config === undefined) progress('geen --config: de ingebouwde synthetische demoregio (data/demo)');
    // the maps are drawn in a worker that first loads the KWB tables while the boundaries and the
    // Leefbaarometer are read here, then makes the drawing of the t1 boundaries and loads vega
    // (the worker takes the KWB editions; this thread the boundaries and the Leefbaarometer —
    // measured the most even split, the worker first spends ≈ 0.5 s loading its modules). With
    // large boundary files (full resolution) this thread reads them for seconds while the worker
    // waits for them: then the worker takes the Leefbaarometer too
    const kwbYears = config.period.K.t0 === config.period.K.t1 ? [config.period.K.t0] : [config.period.K.t0, config.period.K.t1];
    const kwb = kwbYears.map((year) => ({ year, input: config.inputs.kwb[String(year)] }));
    const { t0, t1 } = config.inputs.boundaries;
    const lbm = fileSize(t1) + (t0 === undefined ? 0 : fileSize(t0)) > LARGE_BOUNDARIES ? { leefbaarometer: config.inputs.leefbaarometer } : {};
    const drawer = startFigureDrawer(process.env, { kwb, ...lbm });
    let job;
    try {
      // (VEERKRACHT_PACKED_READ_MIN_BYTES: the size from which t1 is read packed, for the tests)
      const packedFrom = Number(process.env.VEERKRACHT_PACKED_READ_MIN_BYTES);
      job = await runJob(config, outDir, progress, drawer, Number.isFinite(packedFrom) && process.env.VEERKRACHT_PACKED_READ_MIN_BYTES !== '' ? { packedReadMinBytes: packedFrom } : {});
    } finally {
      await drawer.close();
    }
    const { result, files } = job;
    const sg = result.reports.studiegebied;
    for (const b of sg.buiten) progress(`${formatNl(b.aantal, 0)} ${b.eenheden} van ${b.invoer} buiten het studiegebied (${sg.area ? sg.area.join(', ') : 'wat de grenzen dekken'}): niet getekend, niet meegeteld`);
    const warnings = result.reports.warnings;
    const shown = 8;
    for (const w of warnings.slice(0, shown)) io.err(`veerkracht run: waarschuwing: ${w}\n`);
    if (warnings.length > shown) io.err(`veerkracht run: … en nog ${warnings.length - shown} waarschuwingen (alle in samenvatting.json, reports.warnings)\n`);
    const timing = Object.entries(result.timings).map(([k, v]) => `${k} ${v} ms`).join(', ');
    progress(`klaar in ${Date.now() - started} ms (${timing})`);
    const counts = countByCategory(result.signalen);
    const width = Math.max(...SIGNAL_CATEGORIES.map((c) => counts[c].label.length));
    const units = { buurt: 'buurten', wijk: 'wijken', gemeente: 'gemeenten' }[config.level];
    const lines = SIGNAL_CATEGORIES.map((c) => `  ${counts[c].label.padEnd(width)}  ${formatNl(counts[c].buurten, 0).padStart(6)} ${units.padEnd(9)}  ${formatNl(Math.round(counts[c].inwoners), 0).padStart(10)} inwoners`);
    io.out(
      `${config.title}${config.synthetic ? ' (synthetische gegevens)' : ''}, ${periodLabel(result)}, ${config.reference.variant}\n` +
        `drempels: ΔK ${formatNl(result.thresholds.K.value, 3)} (${result.thresholds.K.rule}), ΔO ${formatNl(result.thresholds.O.value, 4)} (${result.thresholds.O.rule})\n` +
        `${lines.join('\n')}\n` +
        `geschreven in ${outDir}:\n${files.map((f) => `  ${f}`).join('\n')}\n`,
    );
    return 0;
  },
};
