import type { Command } from '../command.js';
import { notYetBuilt } from '../not-yet.js';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'Detect the format of a data file, parse it and describe it',
  help: `veerkracht inspect FILE [--json]

Detect the format (StatLine CSV/JSON, Leefbaarometer, boundaries, corporation or
microdata file), parse it and describe it: rows, columns with type and missing values,
regions per level, years, warnings.

  --json    print the description as JSON`,
  run: notYetBuilt('inspect', 3),
};
