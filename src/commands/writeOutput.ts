import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExitCode, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import type { Workspace } from '../model.js';
import { sanitize } from '../text/sanitize.js';
import { WriteError } from '../write/writeError.js';

/**
 * A document generated from `plan` to stdout, or with `--out FILE` to that file, atomically: a
 * failed write leaves the old file (or none) in place and is one line on stderr, exit 1. A file
 * of the workspace itself is refused, so a slip of the keyboard never replaces plan data.
 */
export async function writeOutput(text: string | Uint8Array, out: string | undefined, workspace: Workspace, io: Io): Promise<ExitCode> {
  if (out === undefined) {
    io.stdout.write(text);
    return ExitCode.ok;
  }
  // Every file of the workspace, not only of the plans in scope.
  const planFiles = [
    join(workspace.root, 'workspace.yaml'),
    ...workspace.organisations.map((organisation) => organisation.file),
    ...workspace.plans.flatMap((plan) => ['plan', ...plan.areas.map((area) => area.id)].map((name) => join(plan.dir, `${name}.yaml`))),
  ];
  return writeFileOutput(text, { flag: '--out', path: out, planFiles }, io);
}

/** Where a command writes a file it was asked for, and the plan files it must never replace. */
export interface FileOutput {
  flag: string;
  /** As the user gave it, relative to the current directory. */
  path: string;
  planFiles: readonly string[];
}

/** Writes `text` to a file the user named, atomically; exit 1 with one line on stderr when it cannot. */
export async function writeFileOutput(text: string | Uint8Array, output: FileOutput, io: Io): Promise<ExitCode> {
  const { flag, path: out } = output;
  if (out.trim() === '') throw new UsageError(`${flag} '': give a file name`);
  const target = resolve(io.cwd, out);
  if (output.planFiles.some((file) => sameFile(resolve(io.cwd, file), target))) {
    throw new UsageError(`${flag} ${sanitize(out)}: is a file of the plan; write elsewhere`);
  }
  // Loaded only for a file, so printing to stdout does not pay for the atomic writer.
  const { writeFileAtomic } = await import('../write/writeFileAtomic.js');
  try {
    writeFileAtomic(target, text);
    return ExitCode.ok;
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    io.stderr.write(`plan: cannot write ${sanitize(out)}: ${error.message}\n`);
    return ExitCode.invalid;
  }
}

// The same file, also when reached through a symbolic link.
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === b) return true;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}
