import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GlobalOptions } from '../cli.js';
import { closest } from '../domain/closest.js';
import { isCalendarDate } from '../domain/isCalendarDate.js';
import { setStatus as editStatus } from '../domain/setStatus.js';
import { ExitCode, UsageError } from '../errors.js';
import { localDate, type Io } from '../io.js';
import { loadPlan } from '../load/loadPlan.js';
import { fsSource, withFile } from '../load/planSource.js';
import { STATUSES, type Activity, type Plan, type Status } from '../model.js';
import { countLine, findingsText } from '../render/findings.js';
import { sanitize } from '../render/sanitize.js';
import { plain, styleFor } from '../render/style.js';
import { unifiedDiff } from '../render/unifiedDiff.js';
import { withFileLock } from '../write/withFileLock.js';
import { writeFileAtomic } from '../write/writeFileAtomic.js';
import { WriteError } from '../write/writeError.js';
import { openPlan } from './openPlan.js';

export interface SetStatusOptions extends GlobalOptions {
  id: string;
  status: string;
  note?: string;
  date?: string;
  dryRun?: boolean;
  force?: boolean;
}

const SHOWN_ERRORS = 10;
// A byte-order mark stays in the text, so the file is written back with it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * `plan set-status`: sets an activity's status and appends the change to its history, editing
 * the area file in place. The edit is made and checked under a lock on the file, against the
 * file as it is then, and written atomically only when the whole plan stays valid.
 */
export async function setStatus(options: SetStatusOptions, io: Io): Promise<ExitCode> {
  const status = statusNamed(options.status);
  const today = localDate(io.now());
  const date = options.date === undefined ? today : checkedDate(options.date, today);
  const note = options.note?.trim();
  if (note === '') throw new UsageError('--note: the note is empty');
  const plan = openPlan(options, io);
  if (!plan) return ExitCode.invalid;
  const activity = activityNamed(plan, options.id);
  const fileName = `${activity.area}.yaml`;
  const path = join(plan.dir, fileName);
  const file = sanitize(activity.source.file);

  const edit = async (): Promise<ExitCode> => {
    let before: Buffer;
    let text: string;
    try {
      before = readFileSync(path);
      text = utf8.decode(before);
    } catch {
      throw new WriteError('it can no longer be read as UTF-8 text');
    }
    const result = editStatus(text, { id: activity.id, status, date, note, force: options.force });
    switch (result.kind) {
      case 'unchanged':
        io.stdout.write(`${activity.id} is already ${status}; nothing changed\n`);
        return ExitCode.ok;
      case 'refused':
        throw new UsageError(result.reason);
      case 'unsupported':
        io.stderr.write(`plan: cannot edit ${file}: ${result.reason}; nothing was written\n`);
        return ExitCode.invalid;
    }
    const after = Buffer.from(result.text, 'utf8');
    const { findings } = loadPlan(plan.dir, { cwd: io.cwd, today, source: withFile(fsSource(plan.dir), fileName, after) });
    const errors = findings.filter((finding) => finding.severity === 'error');
    if (errors.length > 0) {
      const shown = findingsText(errors.slice(0, SHOWN_ERRORS), plain).split('\n').slice(0, -2);
      io.stderr.write(`plan: not written: the change would make the plan invalid:\n${shown.join('\n')}\n${countLine(errors)}\n`);
      return ExitCode.invalid;
    }
    if (options.dryRun) {
      io.stdout.write(unifiedDiff(text, result.text, file, await styleFor(options.color && io.color)));
      return ExitCode.ok;
    }
    writeFileAtomic(path, after, { ifUnchanged: before });
    io.stdout.write(`${activity.id}: ${result.from} → ${status} on ${date} (${file})\n`);
    return ExitCode.ok;
  };

  try {
    return options.dryRun ? await edit() : await withFileLock(path, edit, { timeoutMs: lockTimeout(io.env) });
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    io.stderr.write(`plan: cannot write ${file}: ${error.message}\n`);
    return ExitCode.invalid;
  }
}

// PLAN_LOCK_TIMEOUT: seconds to wait for another plan process editing the same file (default 10).
function lockTimeout(env: Record<string, string | undefined>): number | undefined {
  const value = env.PLAN_LOCK_TIMEOUT;
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new UsageError(`PLAN_LOCK_TIMEOUT=${sanitize(value)}: expected a number of seconds`);
  return seconds * 1000;
}

function statusNamed(name: string): Status {
  const status = STATUSES.find((candidate) => candidate === name.toLowerCase());
  if (status) return status;
  throw new UsageError(`unknown status "${sanitize(name)}" (did you mean ${closest(name, STATUSES)}?); one of ${STATUSES.join(', ')}`);
}

// A calendar date, YYYY-MM-DD, not after today.
function checkedDate(date: string, today: string): string {
  if (!isCalendarDate(date)) {
    throw new UsageError(`--date ${sanitize(date)}: not a calendar date (expected YYYY-MM-DD)`);
  }
  if (date > today) throw new UsageError(`--date ${date} is in the future (today is ${today})`);
  return date;
}

function activityNamed(plan: Plan, id: string): Activity {
  const activity = plan.activities.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
  if (activity) return activity;
  const suggestion = closest(id, plan.activities.map((candidate) => candidate.id));
  throw new UsageError(`no activity "${sanitize(id)}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}`);
}
