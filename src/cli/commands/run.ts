import { parseFlags, type Command } from '../command.js';
import { outputPath, writeFileAtomic } from '../../export/atomic.js';
import { VERSION } from '../../version.js';

export const runCommand: Command = {
  name: 'run',
  summary: 'Run the Signaleringskaart pipeline (default: the embedded synthetic demo region)',
  help: `veerkracht run [--config FILE] [--out DIR]

Run the main job: load the inputs, build indicators on one indeling, classify the changes,
assign signal categories per buurt and export the Signaleringskaart. Without --config it runs
on the embedded synthetic demo region in data/demo.

  --config FILE   JSON run configuration (inputs, period, indicators, reference, thresholds)
  --out DIR       output folder (default out/)

Writes signaleringskaart.svg/.png/.html, signalen.geojson, signalen.csv and samenvatting.json.`,
  async run(argv, io) {
    const { values } = parseFlags('run', argv, { config: { type: 'string' }, out: { type: 'string' } }, {
      min: 0,
      max: 0,
      names: 'none',
    });
    const outDir = (values.out as string | undefined) ?? 'out';
    const summary = {
      version: VERSION,
      status: 'foundation only: the signal pipeline is not built yet (issue 8); no maps were made',
      parameters: { config: values.config ?? null },
      inputs: [],
    };
    const file = outputPath(outDir, 'samenvatting.json');
    writeFileAtomic(file, `${JSON.stringify(summary, null, 2)}\n`);
    io.err(`veerkracht run: wrote ${file}\n`);
    io.out(`${summary.status}\nwrote: ${file}\n`);
    return 0;
  },
};
