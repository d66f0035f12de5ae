import { spawnSync } from 'node:child_process';
import { UsageError } from '../errors.js';
import type { PlanSource } from '../load/planSource.js';
import { sanitize } from '../text/sanitize.js';

interface TreeEntry {
  type: string;
  object: string;
}

/**
 * The folder `dir` as the git revision `revision` holds it, for loadPlan, read from git's object
 * store and never checked out: one `git ls-tree -r` lists every file and folder beneath it, and
 * one `git cat-file --batch` reads every file at once, the first time one is read. An unknown
 * revision, or a folder outside a git repository, is a UsageError.
 */
export function gitTreeSource(dir: string, revision: string): PlanSource {
  if (revision === '' || revision.startsWith('-')) throw new UsageError(`unknown revision "${sanitize(revision)}"`);
  const listed = git(['ls-tree', '-r', '-t', '-z', '--end-of-options', revision, '--', '.'], dir);
  if (!listed.ok) {
    if (/not a git repository/i.test(listed.message)) throw new UsageError(`the plan folder is not in a git repository, so there is no revision "${sanitize(revision)}" to read`);
    throw new UsageError(`unknown revision "${sanitize(revision)}"`);
  }
  const entries = new Map<string, TreeEntry>();
  for (const record of listed.stdout.toString('utf8').split('\0')) {
    // Paths are relative to `dir`; `./` is the folder itself.
    const match = /^\d+ (\w+) ([0-9a-f]+)\t(.*)$/s.exec(record);
    if (match && match[3] !== './') entries.set(match[3]!, { type: match[1]!, object: match[2]! });
  }
  let blobs: Map<string, Buffer> | undefined;
  return {
    list: (folder = '') => {
      const prefix = folder === '' ? '' : `${folder.replace(/\/+$/, '')}/`;
      return [...entries.keys()].filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/')).map((path) => path.slice(prefix.length));
    },
    read: (path) => {
      const entry = entries.get(path);
      if (!entry) throw Object.assign(new Error(`${path} is not in ${revision}`), { code: 'ENOENT' });
      if (entry.type === 'tree') throw Object.assign(new Error(`${path} is a folder in ${revision}`), { code: 'EISDIR' });
      if (entry.type !== 'blob') throw Object.assign(new Error(`${path} is not a file in ${revision}`), { code: 'ENOTREG' });
      blobs ??= readBlobs(dir, [...entries.values()].filter((candidate) => candidate.type === 'blob').map((candidate) => candidate.object));
      const bytes = blobs.get(entry.object);
      if (!bytes) throw Object.assign(new Error(`${path} is missing from the repository`), { code: 'ENOENT' });
      return bytes;
    },
  };
}

// Every blob in one `git cat-file --batch`: a header line `<object> blob <size>`, the bytes, a newline.
function readBlobs(cwd: string, objects: string[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  if (objects.length === 0) return blobs;
  const result = git(['cat-file', '--batch'], cwd, `${[...new Set(objects)].join('\n')}\n`);
  if (!result.ok) throw new Error(`git cat-file: ${result.message}`);
  const out = result.stdout;
  let at = 0;
  while (at < out.length) {
    const headerEnd = out.indexOf(0x0a, at);
    if (headerEnd === -1) break;
    const [object, type, size] = out.subarray(at, headerEnd).toString('utf8').split(' ');
    if (type === 'missing' || size === undefined) {
      at = headerEnd + 1;
      continue;
    }
    const start = headerEnd + 1;
    const end = start + Number(size);
    blobs.set(object!, out.subarray(start, end));
    at = end + 1;
  }
  return blobs;
}

type GitResult = { ok: true; stdout: Buffer } | { ok: false; message: string };

/** Runs git in `cwd`; a git that cannot be started is a UsageError, a failing one a result with its first line. */
export function git(args: string[], cwd: string, input?: string): GitResult {
  const result = spawnSync('git', args, {
    cwd,
    input,
    maxBuffer: 1 << 30,
    // Reading takes no lock on the index, so plan never gets in the way of a git command running meanwhile.
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
  });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(missing ? 'git is not installed (or not on PATH); plan reads revisions with git' : `git failed: ${result.error.message}`);
  }
  if (result.status !== 0) return { ok: false, message: result.stderr.toString('utf8').trim().split('\n')[0]!.replace(/^fatal: /, '') };
  return { ok: true, stdout: result.stdout };
}
