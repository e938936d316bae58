/**
 * `veerkracht` command dispatcher. Exit codes: 0 success, 1 bad input or failed check,
 * 2 bad usage (unknown command or flag). User errors print one line; bugs print a stack.
 */
import type { CliIO, Command } from './command.js';
import { isUserError } from '../util/errors.js';
import { VERSION } from '../version.js';
import { runCommand } from './commands/run.js';
import { inspectCommand } from './commands/inspect.js';
import { classifyCommand } from './commands/classify.js';
import { moranCommand } from './commands/moran.js';
import { calibrateCommand } from './commands/calibrate.js';
import { fetchCommand } from './commands/fetch.js';

export const COMMANDS: readonly Command[] = [
  runCommand,
  inspectCommand,
  classifyCommand,
  moranCommand,
  calibrateCommand,
  fetchCommand,
];

const stdio: CliIO = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
};

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `veerkracht ${VERSION}: Signaleringskaart Veerkracht toolkit (CBS KWB, Leefbaarometer, corporation data)

Usage: veerkracht <command> [options]    veerkracht <command> --help

Commands:
${lines.join('\n')}

Options:
  --help, -h     show this help
  --version      print the version
`;
}

/** Run the CLI with the given arguments; returns the exit code. */
export async function main(argv: string[], io: CliIO = stdio): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(mainHelp());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    const what = first.startsWith('-') ? `unknown option ${first}` : `unknown command ${JSON.stringify(first)}`;
    io.err(`veerkracht: ${what}; commands: ${COMMANDS.map((c) => c.name).join(', ')} (see veerkracht --help)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (isUserError(e)) {
      io.err(`veerkracht ${command.name}: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}
