import { addNote } from '../domain/setStatus.js';
import { ExitCode, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { editHistory, type HistoryEditOptions } from './editHistory.js';

export interface NoteOptions extends HistoryEditOptions {
  text: string;
}

/**
 * `plan note ID TEXT`: a dated progress note, appended to the activity's history with its
 * current status, through the same safe edit as set-status (comments kept, locked, validated, atomic).
 */
export async function note(options: NoteOptions, io: Io): Promise<ExitCode> {
  const text = options.text.trim();
  if (text === '') throw new UsageError('the note is empty');
  return editHistory(options, io, {
    apply: (fileText, activity, date) => addNote(fileText, { id: activity.id, date, note: text }),
    done: (activity, result, date, file) => `${activity.id}: note added on ${date}, still ${result.from} (${file})`,
    unchanged: (activity) => `${activity.id}: nothing changed`,
  });
}
