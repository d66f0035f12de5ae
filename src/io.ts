import { EnvironmentError } from './errors.js';

/** Where a command reads its environment and writes its output, so tests need no subprocess. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: Writer;
  stderr: Writer;
  /** Whether stdout is a terminal: picks the default format and the table width. */
  isTTY: boolean;
  /** The terminal's width, when stdout is one. */
  columns: number | undefined;
  /** Whether colour is wanted on stdout, before --no-color is applied. */
  color: boolean;
  /** The clock, so "today" is fixed in tests. */
  now(): Date;
}

export interface Writer {
  /** Text, or the bytes of a binary document (a Word file to a pipe). */
  write(data: string | Uint8Array): void;
  /**
   * Resolves once everything written so far has reached the stream, with the first error the
   * stream met (a full disk, a closed pipe), if any. Only the process's streams can fail.
   */
  settled?(): Promise<NodeJS.ErrnoException | undefined>;
}

/** The Io of the running process. */
export function processIo(): Io {
  const stdout = process.stdout;
  return {
    // Read when a command needs it, so a current folder deleted under the process is a message, not a trace.
    get cwd() {
      try {
        return process.cwd();
      } catch {
        throw new EnvironmentError('the current folder no longer exists (it was deleted or moved); cd into a folder that exists');
      }
    },
    env: process.env,
    stdout: streamWriter(stdout),
    stderr: streamWriter(process.stderr),
    isTTY: stdout.isTTY === true,
    columns: stdout.isTTY ? stdout.columns : undefined,
    color: wantsColor(stdout.isTTY === true, process.env),
    now: () => new Date(),
  };
}

// A stream that fails (a full disk, a reader that closed the pipe) stops taking output; the failure
// is kept for settled(), where main() turns it into one line and an exit code, instead of an
// uncaught error event.
function streamWriter(stream: NodeJS.WriteStream): Writer {
  let failure: NodeJS.ErrnoException | undefined;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    failure ??= error;
  });
  return {
    write: (text) => void (failure === undefined && !stream.destroyed && stream.write(text)),
    settled: () =>
      new Promise((resolve) => {
        if (failure !== undefined || stream.destroyed) return resolve(failure);
        stream.write('', (error) => resolve(failure ?? error ?? undefined));
      }),
  };
}

/** Colour only on a terminal, never with NO_COLOR; FORCE_COLOR turns it on (0 or false turns it off). */
export function wantsColor(isTTY: boolean, env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}

/** The local calendar date of `date` as YYYY-MM-DD. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
