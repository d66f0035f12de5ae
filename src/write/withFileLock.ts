import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import { isRunning } from './isRunning.js';
import { WriteError } from './writeError.js';

/** How patient a lock is. */
export interface LockOptions {
  /** How long to wait for another process to finish, in milliseconds. */
  timeoutMs?: number;
}

/** A lock whose holder wrote nothing yet is taken as abandoned after this long (its process died between create and write). */
const UNWRITTEN_LOCK_MS = 2000;

/**
 * Runs `work` while holding `<path>.lock`, so processes that read, change and write the same file
 * take turns and none loses another's update. The lock file names its holder (pid and host); a
 * lock whose holder on this machine is no longer running is taken over. When the lock cannot be
 * had within the timeout, a WriteError says who holds it.
 */
export async function withFileLock<T>(path: string, work: () => T | Promise<T>, options: LockOptions = {}): Promise<T> {
  const lockPath = `${path}.lock`;
  const me = `${process.pid} ${hostname()} ${randomBytes(8).toString('hex')}\n`;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (let attempt = 0; !tryCreate(lockPath, me); attempt++) {
    const holder = readHolder(lockPath);
    if (!holder) continue; // released meanwhile
    if (holder.abandoned) {
      takeOver(lockPath, holder.content);
      continue;
    }
    if (Date.now() >= deadline) throw new WriteError(holder.description);
    await sleep(Math.min(100, 2 ** Math.min(attempt, 7)) * (0.5 + Math.random()));
  }
  try {
    return await work();
  } finally {
    release(lockPath, me);
  }
}

function tryCreate(lockPath: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw WriteError.from(error);
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

interface Holder {
  content: string;
  abandoned: boolean;
  description: string;
}

function readHolder(lockPath: string): Holder | undefined {
  let content: string;
  let since: Date;
  try {
    content = readFileSync(lockPath, 'utf8');
    since = statSync(lockPath).mtime;
  } catch {
    return undefined;
  }
  const [pid, host] = content.trim().split(' ');
  const description = `another plan process${pid ? ` (pid ${pid}${host && host !== hostname() ? ` on ${host}` : ''})` : ''} has held the lock since ${since.toISOString()}; if none is running, remove ${basename(lockPath)}`;
  if (!pid || !/^\d+$/.test(pid)) return { content, abandoned: Date.now() - since.getTime() > UNWRITTEN_LOCK_MS, description };
  return { content, abandoned: host === hostname() && !isRunning(Number(pid)), description };
}

// Moves the abandoned lock aside, and puts it back if it turns out a live process took the lock in between.
function takeOver(lockPath: string, abandoned: string): void {
  const aside = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // another waiter took it over first
  }
  try {
    if (readFileSync(aside, 'utf8') !== abandoned) linkSync(aside, lockPath);
  } catch {
    // Taken again already: the holders' compare-before-rename keeps their writes apart.
  } finally {
    removeQuietly(aside);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already.
  }
}

function release(lockPath: string, me: string): void {
  try {
    if (readFileSync(lockPath, 'utf8') === me) removeQuietly(lockPath);
  } catch {
    // Gone already.
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
