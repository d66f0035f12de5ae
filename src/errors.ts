/** Exit codes are part of the command-line contract (README, "Exit codes"). */
export const ExitCode = {
  ok: 0,
  invalid: 1,
  usage: 2,
  internal: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A mistake in how the user called plan: reported as one line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The process cannot work where it stands (its current folder is gone, its output cannot be written): one line, exit 1. */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}
