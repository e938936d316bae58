import { resolve } from 'node:path';
import { parseFlags, type Command } from '../command.js';
import { demoConfig, loadRunConfig } from '../../run/config.js';
import { runJob } from '../../run/job.js';
import { countByCategory } from '../../signal/summary.js';
import { SIGNAL_CATEGORIES } from '../../signal/categories.js';

/** The project folder (bin/veerkracht.js sets VEERKRACHT_HOME); the demo data lives in its data/demo. */
function home(): string {
  return process.env.VEERKRACHT_HOME ?? process.cwd();
}

export const runCommand: Command = {
  name: 'run',
  summary: 'Run the Signaleringskaart pipeline (default: the embedded synthetic demo region)',
  help: `veerkracht run [--config FILE] [--out DIR]

Run the main job: load the inputs, build indicators on one indeling (crosswalk when boundaries
changed), compare ΔK and ΔO with their reference, assign signal categories per buurt, the
focuskaart and the Matrix handelingskaders, and export. Without --config it runs on the
embedded synthetic demo region in data/demo (2014 → 2022, relatief).

  --config FILE   JSON run configuration: inputs, period, indicators, reference, thresholds,
                  focus (see README "Run configuration")
  --out DIR       output folder (default out/)

Writes signaleringskaart.svg/.png/.html (offline threshold explorer), focuskaart.svg/.png,
signalen.geojson, signalen.csv (Dutch Excel), signalen-plain.csv, matrix-handelingskaders.json
and samenvatting.json. Progress on stderr.`,
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
    const { result, files } = await runJob(config, outDir, progress);
    const timing = Object.entries(result.timings).map(([k, v]) => `${k} ${v} ms`).join(', ');
    progress(`klaar in ${Date.now() - started} ms (${timing})`);
    const counts = countByCategory(result.signalen);
    const width = Math.max(...SIGNAL_CATEGORIES.map((c) => counts[c].label.length));
    const lines = SIGNAL_CATEGORIES.map((c) => `  ${counts[c].label.padEnd(width)}  ${String(counts[c].buurten).padStart(5)} buurten  ${String(Math.round(counts[c].inwoners)).padStart(9)} inwoners`);
    io.out(
      `${config.title}${config.synthetic ? ' (synthetische gegevens)' : ''}, ${config.period.t0}–${config.period.t1}, ${config.reference.variant}\n` +
        `drempels: ΔK ${result.thresholds.K.value.toFixed(3)} (${result.thresholds.K.rule}), ΔO ${result.thresholds.O.value.toFixed(4)} (${result.thresholds.O.rule})\n` +
        `${lines.join('\n')}\n` +
        `geschreven in ${outDir}:\n${files.map((f) => `  ${f}`).join('\n')}\n`,
    );
    return 0;
  },
};
