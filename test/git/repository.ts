import { spawnSync } from 'node:child_process';
import { devNull } from 'node:os';

// Commits made in tests do not depend on the machine's git configuration.
const env = {
  ...process.env,
  GIT_CONFIG_GLOBAL: devNull,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Plan Tests',
  GIT_AUTHOR_EMAIL: 'tests@example.org',
  GIT_COMMITTER_NAME: 'Plan Tests',
  GIT_COMMITTER_EMAIL: 'tests@example.org',
};

/** Runs git in `cwd`; a failure fails the test with git's message. */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Makes `cwd` a repository on branch main. */
export function initRepository(cwd: string): void {
  git(cwd, 'init', '--quiet', '--initial-branch=main');
}

/** Commits everything in the working tree and tags the commit. */
export function commitAll(cwd: string, message: string, tag?: string): void {
  git(cwd, 'add', '--all');
  git(cwd, 'commit', '--quiet', '--no-gpg-sign', '-m', message);
  if (tag) git(cwd, 'tag', tag);
}
