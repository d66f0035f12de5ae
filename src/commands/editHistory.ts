import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GlobalOptions } from './options.js';
import { closest } from '../text/closest.js';
import { isCalendarDate } from '../text/isCalendarDate.js';
import { findActivity, planOf } from '../domain/scope.js';
import type { SetStatusResult } from '../domain/setStatus.js';
import { ExitCode, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadWorkspace } from '../load/loadWorkspace.js';
import { fsSource, withFile } from '../load/planSource.js';
import type { Activity, Plan } from '../model.js';
import { refusal } from '../render/findings.js';
import { sanitize } from '../text/sanitize.js';
import { styleFor } from '../render/style.js';
import { unifiedDiff } from '../render/unifiedDiff.js';
import { withFileLock } from '../write/withFileLock.js';
import { writeFileAtomic } from '../write/writeFileAtomic.js';
import { WriteError } from '../write/writeError.js';
import { openWorkspace } from './openPlan.js';

/** What `set-status` and `note` share: the activity, the day, and whether to write. */
export interface HistoryEditOptions extends GlobalOptions {
  id: string;
  date?: string;
  dryRun?: boolean;
}

/** One history edit: the edited text of the area file, and what to say once it is written. */
export interface HistoryEdit {
  /** The area file's text with the entry appended, or why not. */
  apply(text: string, activity: Activity, date: string): SetStatusResult;
  /** The line printed after writing. */
  done(activity: Activity, result: Extract<SetStatusResult, { kind: 'edited' }>, date: string, file: string): string;
  /** The line printed, or the usage error thrown, when the edit changes nothing. */
  unchanged(activity: Activity, result: Extract<SetStatusResult, { kind: 'unchanged' }>): string;
}

// A byte-order mark stays in the text, so the file is written back with it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Appends an entry to an activity's history, editing its area file in place: the edit is made
 * and checked under a lock on the file, against the file as it is then, and written atomically
 * only when the whole plan stays valid. `set-status` and `note` differ only in the edit.
 */
export async function editHistory(options: HistoryEditOptions, io: Io, historyEdit: HistoryEdit): Promise<ExitCode> {
  const opened = await openWorkspace(options, io);
  if (!opened) return ExitCode.invalid;
  const { today, view, workspace } = opened;
  const date = options.date === undefined ? today : checkedDate(options.date, today);
  const activity = activityNamed(view, options.id);
  const plan = planOf(view, activity);
  // The path inside the workspace, `/`-separated, as the workspace's source names it.
  const fileName = `${plan.id}/${activity.area}.yaml`;
  const path = join(plan.dir, `${activity.area}.yaml`);
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
    const result = historyEdit.apply(text, activity, date);
    switch (result.kind) {
      case 'unchanged':
        io.stdout.write(`${historyEdit.unchanged(activity, result)}\n`);
        return ExitCode.ok;
      case 'refused':
        throw new UsageError(result.reason);
      case 'unsupported':
        io.stderr.write(`plan: cannot edit ${file}: ${result.reason}; nothing was written\n`);
        return ExitCode.invalid;
    }
    const after = Buffer.from(result.text, 'utf8');
    const { findings } = loadWorkspace(workspace.root, { cwd: io.cwd, now: io.now(), findingsOnly: true, source: withFile(fsSource(workspace.root), fileName, after) });
    if (findings.some((finding) => finding.severity === 'error')) {
      io.stderr.write(refusal('not written: the change would make the workspace invalid', findings));
      return ExitCode.invalid;
    }
    if (options.dryRun) {
      io.stdout.write(unifiedDiff(text, result.text, file, await styleFor(options.color && io.color)));
      return ExitCode.ok;
    }
    writeFileAtomic(path, after, { ifUnchanged: before });
    io.stdout.write(`${historyEdit.done(activity, result, date, file)}\n`);
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

// A calendar date, YYYY-MM-DD, not after today.
function checkedDate(date: string, today: string): string {
  if (!isCalendarDate(date)) {
    throw new UsageError(`--date ${sanitize(date)}: not a calendar date (expected YYYY-MM-DD)`);
  }
  if (date > today) throw new UsageError(`--date ${date} is in the future (today is ${today})`);
  return date;
}

function activityNamed(plan: Plan, id: string): Activity {
  const activity = findActivity(plan, id);
  if (activity) return activity;
  const suggestion = closest(id, plan.activities.map((candidate) => candidate.id));
  throw new UsageError(`no activity "${sanitize(id)}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}`);
}
