import { spawnSync } from 'node:child_process';
import { UsageError } from '../errors.js';
import type { PlanSource } from '../load/planSource.js';
import { sanitize } from '../render/sanitize.js';

interface TreeEntry {
  type: string;
  object: string;
}

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
    const listed = run(['--literal-pathspecs', 'ls-tree', '-z', commit, '--', ...(this.prefix ? [this.prefix] : [])], this.root);
    if (!listed.ok) throw new Error(`git ls-tree ${commit}: ${listed.message}`);
    const entries = new Map<string, TreeEntry>();
    for (const record of listed.stdout.toString('utf8').split('\0')) {
      const match = /^\d+ (\w+) ([0-9a-f]+)\t(.*)$/s.exec(record);
      if (match) entries.set(match[3]!.slice(this.prefix.length), { type: match[1]!, object: match[2]! });
    }
    let blobs: Map<string, Buffer> | undefined;
    return {
      list: () => [...entries.keys()],
      read: (name) => {
        const entry = entries.get(name);
        if (!entry) throw Object.assign(new Error(`${name} is not in ${commit}`), { code: 'ENOENT' });
        if (entry.type !== 'blob') throw Object.assign(new Error(`${name} is not a file in ${commit}`), { code: 'EISDIR' });
        // One git process reads every file of the folder at once.
        blobs ??= this.blobs([...entries.values()].filter((candidate) => candidate.type === 'blob').map((candidate) => candidate.object));
        return blobs.get(entry.object)!;
      },
    };
  }

  private blobs(objects: string[]): Map<string, Buffer> {
    const result = run(['cat-file', '--batch'], this.root, `${objects.join('\n')}\n`);
    if (!result.ok) throw new Error(`git cat-file: ${result.message}`);
    const out = result.stdout;
    const blobs = new Map<string, Buffer>();
    let at = 0;
    while (at < out.length) {
      const headerEnd = out.indexOf(0x0a, at);
      const [object, , size] = out.subarray(at, headerEnd).toString('utf8').split(' ');
      const start = headerEnd + 1;
      const end = start + Number(size);
      blobs.set(object!, out.subarray(start, end));
      at = end + 1;
    }
    return blobs;
  }
}

type RunResult = { ok: true; stdout: Buffer } | { ok: false; message: string };

function run(args: string[], cwd: string, input?: string): RunResult {
  const result = spawnSync('git', args, {
    cwd,
    input,
    maxBuffer: 1 << 30,
    // Reading takes no lock on the index, so a diff never gets in the way of a git command running meanwhile.
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
  });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(missing ? 'git is not installed (or not on PATH); plan diff reads revisions with git' : `git failed: ${result.error.message}`);
  }
  if (result.status !== 0) return { ok: false, message: result.stderr.toString('utf8').trim().split('\n')[0]!.replace(/^fatal: /, '') };
  return { ok: true, stdout: result.stdout };
}
