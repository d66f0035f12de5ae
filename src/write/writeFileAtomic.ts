import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, fsyncSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isRunning } from './isRunning.js';
import { WriteError } from './writeError.js';

/** What a write must check first. */
export interface AtomicWriteOptions {
  /** The bytes the file must still hold at the moment of the rename; otherwise nothing is written (someone else changed it). */
  ifUnchanged?: Uint8Array;
}

/**
 * Replaces a file so that a crash or a kill at any moment leaves either the old file or the new
 * one, never a mix: the data goes to a temporary file in the same folder, is flushed to disk,
 * then renamed over the target. The target keeps its permissions; a symbolic link keeps pointing
 * at the file it names; a device or pipe (`/dev/stdout`) is written directly, as nothing can be
 * renamed over it. A file that is itself read-only is refused, as git and editors refuse it, though
 * the folder would allow the rename. Failures are WriteErrors.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const target = resolveLink(path);
  if (isSpecialFile(target)) {
    try {
      writeFileSync(target, data);
    } catch (error) {
      throw WriteError.from(error);
    }
    return;
  }
  refuseReadOnly(target);
  const dir = dirname(target);
  const name = basename(target);
  removeOrphans(dir, name);
  const temp = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const mode = existingMode(target);
    const fd = openSync(temp, 'wx', mode ?? 0o666);
    try {
      if (mode !== undefined) fchmodSync(fd, mode);
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.ifUnchanged && !sameBytes(readIfExists(target), options.ifUnchanged)) {
      throw new WriteError('it was changed by another program while plan was editing it; nothing was written, run the command again');
    }
    renameSync(temp, target);
  } catch (error) {
    removeQuietly(temp);
    throw WriteError.from(error);
  }
  syncFolder(dir);
}

function resolveLink(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function isSpecialFile(path: string): boolean {
  try {
    const stats = statSync(path);
    return !stats.isFile() && !stats.isDirectory();
  } catch {
    return false;
  }
}

// No write bit at all is read-only for everyone, root included (who may write anything);
// otherwise the file's permissions for this user decide.
function refuseReadOnly(path: string): void {
  const mode = existingMode(path);
  if (mode === undefined) return;
  const readOnly = new WriteError('the file is read-only (make it writable, e.g. chmod u+w, to let plan change it)');
  if ((mode & 0o222) === 0) throw readOnly;
  try {
    accessSync(path, constants.W_OK);
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'EROFS' ? WriteError.from(error) : readOnly;
  }
}

function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}

function readIfExists(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

// Temporary files a killed process left behind; a live process's (pid still running) are left alone.
function removeOrphans(dir: string, name: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${name}.`;
  for (const candidate of names) {
    if (!candidate.startsWith(prefix) || !candidate.endsWith('.tmp')) continue;
    const match = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(candidate.slice(prefix.length));
    if (match && !isRunning(Number(match[1]))) removeQuietly(join(dir, candidate));
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

// The rename is durable only once the folder's entry is on disk; some systems cannot sync a folder.
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort.
  }
}
