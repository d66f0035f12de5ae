import { ExitCode, UsageError } from './errors.js';
import type { Io } from './io.js';
import { sanitize } from './render/sanitize.js';

/** Runs plan with `argv` (without node and the script) and maps every outcome to an exit code. */
export async function main(argv: string[], io: Io): Promise<ExitCode> {
  try {
    const { run } = await import('./cli.js');
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`plan: ${oneLine(error.message)}\n`);
      return ExitCode.usage;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`plan: internal error: ${oneLine(detail)}\n`);
    if (io.env.PLAN_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(`${sanitize(error.stack, { keepNewlines: true })}\n`);
    return ExitCode.internal;
  }
}

// A message may quote the data (a code, a file name): one line, with nothing a terminal would obey.
function oneLine(text: string): string {
  return sanitize(text).trim();
}
