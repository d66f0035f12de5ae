import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` to `path` so that a reader sees the old file or the new one, never half of
 * either: a temporary file in the same folder, flushed, then renamed over the target.
 * A symbolic link is written through, not replaced; an existing file keeps its mode; a
 * device or pipe (`/dev/stdout`) is written directly, as nothing can be renamed over it.
 * Errors (no such folder, no permission, a directory) are thrown as Node reports them.
 */
export function writeFileAtomic(path: string, text: string): void {
  const target = existingTarget(path);
  const current = statOrUndefined(target);
  if (current && !current.isFile() && !current.isDirectory()) {
    writeFileSync(target, text);
    return;
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o666);
    if (current) fchmodSync(fd, current.mode & 0o7777);
    const data = Buffer.from(text, 'utf8');
    for (let offset = 0; offset < data.length; ) offset += writeSync(fd, data, offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
}

// The file a symbolic link points at (the link stays), or `path` itself when nothing is there yet.
function existingTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
