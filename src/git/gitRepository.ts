import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { PlanSource } from '../load/planSource.js';
import { sanitize } from '../text/sanitize.js';
import { git as run, gitTreeSource } from './gitTreeSource.js';

/**
 * The git repository that holds a plan folder, read with git itself (`rev-parse`, `ls-tree`,
 * `cat-file`) and never by checking anything out, so the working tree is left alone.
 */
export class GitRepository {
  private constructor(
    /** The top folder of the working tree. */
    readonly root: string,
    /** The plan folder inside the repository, `plan/` (or "" for the top folder). */
    readonly prefix: string,
  ) {}

  /** The repository holding `dir`; outside one, a UsageError that says so (`shown` is how to name the folder). */
  static of(dir: string, shown: string): GitRepository {
    const result = run(['rev-parse', '--show-toplevel', '--show-prefix'], dir);
    const [root, prefix = ''] = result.ok ? result.stdout.toString('utf8').split('\n') : [];
    if (!root) throw new UsageError(`${sanitize(shown)} is not in a git working tree; plan diff compares git revisions of the plan`);
    return new GitRepository(root, prefix);
  }

  /** The commit a revision names (a branch, a tag, HEAD~2, an id); an unknown one is a UsageError. */
  commit(revision: string): string {
    const result = revision === '' ? undefined : run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], this.root);
    if (result?.ok) return result.stdout.toString('utf8').trim();
    const none = revision === 'HEAD' && !run(['rev-parse', '--verify', '--quiet', 'HEAD'], this.root).ok;
    throw new UsageError(`unknown revision "${sanitize(revision)}"${none ? ' (the repository has no commits yet)' : ''}`);
  }

  /** The best common ancestor of two commits, where a pull request's changes start. */
  mergeBase(a: string, b: string): string {
    const result = run(['merge-base', a, b], this.root);
    if (!result.ok) throw new UsageError(`revisions ${a.slice(0, 7)} and ${b.slice(0, 7)} have no common ancestor`);
    return result.stdout.toString('utf8').trim();
  }

  /** The plan folder as it is in `commit`, for loadPlan. */
  source(commit: string): PlanSource {
    return gitTreeSource(join(this.root, this.prefix), commit);
  }
}

