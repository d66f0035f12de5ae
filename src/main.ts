import { ExitCode, UsageError } from './errors.js';
import type { Io } from './io.js';

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
    if (io.env.PLAN_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return ExitCode.internal;
  }
}

function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}
