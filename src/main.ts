import { EnvironmentError, ExitCode, UsageError } from './errors.js';
import type { Io } from './io.js';
import { sanitize } from './text/sanitize.js';

/** Runs plan with `argv` (without node and the script) and maps every outcome to an exit code. */
export async function main(argv: string[], io: Io): Promise<ExitCode> {
  const exitCode = await runCommand(argv, io);
  // Every command's output ends here: a stream that could not take it is one line and exit 1,
  // whatever the command itself returned.
  const failure = await io.stdout.settled?.();
  if (failure === undefined) return exitCode;
  io.stderr.write(`plan: cannot write the output: ${outputFailure(failure)}\n`);
  return ExitCode.invalid;
}

async function runCommand(argv: string[], io: Io): Promise<ExitCode> {
  try {
    const { run } = await import('./cli.js');
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`plan: ${oneLine(error.message)}\n`);
      return ExitCode.usage;
    }
    if (error instanceof EnvironmentError) {
      io.stderr.write(`plan: ${oneLine(error.message)}\n`);
      return ExitCode.invalid;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`plan: internal error: ${oneLine(detail)}\n`);
    if (io.env.PLAN_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(`${sanitize(error.stack, { keepNewlines: true })}\n`);
    return ExitCode.internal;
  }
}

// What went wrong with stdout, in words.
function outputFailure(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EPIPE':
    case 'ERR_STREAM_DESTROYED':
      return 'the reader closed the pipe before it had all of it';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EBADF':
      return 'standard output is closed';
    case 'EIO':
      return 'the terminal is gone';
    default:
      return error.code ?? error.message;
  }
}

// A message may quote the data (a code, a file name): one line, with nothing a terminal would obey.
function oneLine(text: string): string {
  return sanitize(text).trim();
}
