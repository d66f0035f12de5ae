import { resolve } from 'node:path';
import { ExitCode } from '../errors.js';
import type { Io } from '../io.js';
import { sanitize } from '../render/sanitize.js';
import { WriteError } from '../write/writeError.js';
import { writeFileAtomic } from '../write/writeFileAtomic.js';

/**
 * A generated document to stdout, or with `--out FILE` to that file, atomically: a failed write
 * leaves the old file (or none) in place and is one line on stderr, exit 1.
 */
export function writeOutput(text: string, out: string | undefined, io: Io): ExitCode {
  if (out === undefined) {
    io.stdout.write(text);
    return ExitCode.ok;
  }
  try {
    writeFileAtomic(resolve(io.cwd, out), text);
    return ExitCode.ok;
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    io.stderr.write(`plan: cannot write ${sanitize(out)}: ${error.message}\n`);
    return ExitCode.invalid;
  }
}
