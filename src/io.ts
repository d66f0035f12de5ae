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
  write(text: string): void;
}

/** The Io of the running process. */
export function processIo(): Io {
  const stdout = process.stdout;
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: streamWriter(stdout),
    stderr: streamWriter(process.stderr),
    isTTY: stdout.isTTY === true,
    columns: stdout.isTTY ? stdout.columns : undefined,
    color: wantsColor(stdout.isTTY === true, process.env),
    now: () => new Date(),
  };
}

// A reader that stops early (`plan list | head -1`) closes the pipe: the rest of the output is
// dropped quietly, as other command-line tools do, instead of surfacing as an error.
function streamWriter(stream: NodeJS.WriteStream): Writer {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return { write: (text) => void (closed || stream.write(text)) };
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
