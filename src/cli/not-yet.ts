import type { CliIO } from './command.js';

/** Placeholder for a command whose issue has not landed yet: says so and exits 2. */
export function notYetBuilt(name: string, issue: number) {
  return async (_argv: string[], io: CliIO): Promise<number> => {
    io.err(`veerkracht ${name}: not built yet (issue ${issue})\n`);
    return 2;
  };
}
