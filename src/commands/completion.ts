import type { GlobalOptions } from './options.js';
import { completionScript, type Shell } from '../completion/completionScript.js';
import { ExitCode } from '../errors.js';
import type { Io } from '../io.js';

export interface CompletionOptions extends GlobalOptions {
  shell: Shell;
}

/** `plan completion SHELL`: prints the script that makes Tab complete plan's commands, flags and plan values. */
export async function completion(options: CompletionOptions, io: Io): Promise<ExitCode> {
  io.stdout.write(completionScript(options.shell));
  return ExitCode.ok;
}
