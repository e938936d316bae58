/**
 * `veerkracht inspect FILE [--json]`: detect the format through the registry, read the file and
 * describe it. Orchestration only: detection in src/sources/registry.ts, description in
 * src/sources/describe.ts.
 */
import type { Command } from '../command.js';
import { parseFlags } from '../command.js';
import { detectFormat } from '../../sources/registry.js';
import { describeTable, formatDescription } from '../../sources/describe.js';

/**
 * The `inspect` command: prints {@link describeTable} as JSON (`--json`) or as a text summary.
 *
 * @example veerkracht inspect kwb2017_83765NED_nl_22topics.csv --json
 */
export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'Detect the format of a data file, parse it and describe it',
  help: `veerkracht inspect FILE [--json]

Detect the format (StatLine CSV/JSON, Leefbaarometer, boundaries, corporation or
microdata file), parse it and describe it: rows, columns with type and missing values,
regions per level, years, warnings.

  --json    print the description as JSON`,
  async run(argv, io) {
    const { values, positionals } = parseFlags('inspect', argv, { json: { type: 'boolean' } }, { min: 1, max: 1, names: 'FILE' });
    const file = positionals[0];
    const reader = detectFormat(file);
    const loaded = await reader.read(file);
    const d = describeTable(loaded);
    if (values.json) io.out(`${JSON.stringify(d, null, 2)}\n`);
    else io.out(formatDescription(d));
    return 0;
  },
};
