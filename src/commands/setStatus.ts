import { closest } from '../text/closest.js';
import { setStatus as editStatus } from '../domain/setStatus.js';
import { ExitCode, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { STATUSES, type Status } from '../model.js';
import { sanitize } from '../text/sanitize.js';
import { editHistory, type HistoryEditOptions } from './editHistory.js';

export interface SetStatusOptions extends HistoryEditOptions {
  status: string;
  note?: string;
  force?: boolean;
}

/**
 * `plan set-status`: sets an activity's status and appends the change to its history, editing
 * the area file in place, safely (editHistory). The current status again is a no-op, or, with a
 * note, `plan note`'s job.
 */
export async function setStatus(options: SetStatusOptions, io: Io): Promise<ExitCode> {
  const status = statusNamed(options.status);
  const note = options.note?.trim();
  if (note === '') throw new UsageError('--note: the note is empty');
  return editHistory(options, io, {
    apply: (text, activity, date) => editStatus(text, { id: activity.id, status, date, note, force: options.force }),
    done: (activity, result, date, file) => `${activity.id}: ${result.from} → ${status} on ${date} (${file})`,
    unchanged: (activity) => {
      if (note === undefined) return `${activity.id} is already ${status}; nothing changed`;
      throw new UsageError(`${activity.id} is already ${status}; a note without a status change is recorded with plan note ${activity.id} ${quoted(note)}`);
    },
  });
}

function statusNamed(name: string): Status {
  const status = STATUSES.find((candidate) => candidate === name.toLowerCase());
  if (status) return status;
  throw new UsageError(`unknown status "${sanitize(name)}" (did you mean ${closest(name, STATUSES)}?); one of ${STATUSES.join(', ')}`);
}

// The note as a shell would need it typed.
function quoted(text: string): string {
  return /^[\w.,:/-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
