/**
 * `veerkracht inspect FILE [--json]`: detect the format through the registry, read the file and
 * describe it. Orchestration only: detection in src/sources/registry.ts, description in
 * src/sources/describe.ts.
 */
import type { Command } from '../command.js';
import { parseFlags } from '../command.js';
import { FORMAT_READERS, detectFormat } from '../../sources/registry.js';
import { describeTable, formatDescription } from '../../sources/describe.js';

/**
 * The `inspect` command: prints {@link describeTable} as JSON (`--json`) or as a text summary.
 *
 * @example veerkracht inspect kwb2017_83765NED_nl_22topics.csv --json
 */
export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'Detect the format of a data file, parse it and describe it',
  help: `veerkracht inspect FILE [--json] [--sheet NAME|N] [--layer NAME]

Detect the format (StatLine CSV/JSON, Leefbaarometer, boundaries, corporation or
microdata file; delimited text, .xlsx workbooks, GeoJSON, TopoJSON, shapefiles and
GeoPackages), parse it and describe it: rows, columns with type and missing values,
regions per level, years, warnings.

  --json          print the description as JSON
  --sheet NAME|N  sheet of an .xlsx workbook, by name or position (default: the first)
  --layer NAME    layer of a GeoPackage (needed when it has several, e.g. buurten)`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      'inspect', argv, { json: { type: 'boolean' }, sheet: { type: 'string' }, layer: { type: 'string' } }, { min: 1, max: 1, names: 'FILE' },
    );
    const file = positionals[0];
    // a sheet is looked up by name first, then by position (`--sheet 2`)
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const options = { sheet: str(values.sheet), layer: str(values.layer) };
    const reader = detectFormat(file, FORMAT_READERS, options);
    const loaded = await reader.read(file, options);
    const d = describeTable(loaded);
    if (values.json) io.out(escapeControls(`${JSON.stringify(d, null, 2)}\n`));
    else io.out(escapeControls(formatDescription(d)));
    return 0;
  },
};

/**
 * Characters a terminal would act on rather than show: C0 controls other than tab and newline
 * (ESC starts colour, title and cursor sequences, BEL rings), DEL, C1 controls (U+0080–U+009F,
 * U+009B is a one-byte CSI), line/paragraph separators and bidi overrides/isolates.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Show control characters from file contents (column names, codes, warnings) as `\uXXXX`
 * instead of echoing them to the terminal. In JSON output the escape is JSON's own, so the
 * parsed value is unchanged.
 *
 * @example escapeControls('dk\u001b[31m') // 'dk\\u001b[31m'
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
